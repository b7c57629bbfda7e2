import { describe, expect, it } from "vitest";
import { htmlToText, summary } from "../src/docs.js";

describe("htmlToText", () => {
  it.each([
    ["paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."],
    ["code", "<p>Set <code>PolicyName</code>.</p>", "Set `PolicyName`."],
    ["links keep their target", '<p>See <a href="https://x.test/a">the guide</a>.</p>', "See the guide (https://x.test/a)."],
    ["lists", "<ul><li><p>a</p></li><li>b</li></ul>", "- a\n- b"],
    ["entities", "<p>a &lt;b&gt; &amp; c&#39;s</p>", "a <b> & c's"],
    ["list items after a paragraph", "<p>Either:</p><ul><li><p>x</p></li><li><p>y</p></li></ul>", "Either:\n\n- x\n- y"],
    ["notes", "<note><p>Careful.</p></note>", "Careful."],
    ["empty", "<p> </p>", undefined],
  ])("%s", (_n, given, want) => {
    expect(htmlToText(given)).toBe(want);
  });

  it("summarises to the first sentence", () => {
    expect(summary("Creates a policy. Then more.")).toBe("Creates a policy.");
    expect(summary(undefined)).toBeUndefined();
  });
});
