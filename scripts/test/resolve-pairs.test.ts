/**
 * scripts/resolve-pairs.ts: parsing a TSV of (eventSource, eventName) pairs and counting what the runtime's
 * resolveEvent makes of them, on a hand-written fixture.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveEvent } from "../../packages/runtime/src/index.js";
import { formatHuman, measure, parsePairs, recordOf, summarize } from "../resolve-pairs.js";

const fixture = readFileSync(join(import.meta.dirname, "fixtures", "resolve-pairs", "pairs.tsv"), "utf8");

describe("parsePairs", () => {
  it("skips the header and comments, merges duplicates with their places, and names bad lines", () => {
    const { pairs, problems } = parsePairs(fixture);
    expect(pairs.map((p) => `${p.eventSource} ${p.eventName}`)).toEqual([
      "iam.amazonaws.com CreatePolicy",
      "lambda.amazonaws.com UpdateFunctionCode20150331v2",
      "cloudshell.amazonaws.com createSession",
      "iam.amazonaws.com NotCreateUser",
      "nosuchservice.amazonaws.com DoThing",
    ]);
    expect(pairs[0]!.where).toBe("fixture: a modelled call, fixture: seen twice");
    expect(problems).toEqual([expect.stringMatching(/^line 9: wants eventSource<TAB>eventName/)]);
  });

  it("takes CRLF line ends and a missing third column", () => {
    expect(parsePairs("s3.amazonaws.com\tListBuckets\r\n").pairs).toEqual([{ eventSource: "s3.amazonaws.com", eventName: "ListBuckets", where: "" }]);
  });
});

describe("measure and summarize", () => {
  const summary = summarize(measure(parsePairs(fixture).pairs, resolveEvent));

  it("counts resolved, unmodeled and unresolved pairs, by eventSource", () => {
    expect(summary).toMatchObject({ pairs: 5, eventSources: 4, resolved: 2, unmodeled: 1, unresolved: 2 });
    expect(summary.bySource).toEqual([
      { eventSource: "cloudshell.amazonaws.com", resolved: 0, unmodeled: 1, unresolved: 0 },
      { eventSource: "iam.amazonaws.com", resolved: 1, unmodeled: 0, unresolved: 1 },
      { eventSource: "lambda.amazonaws.com", resolved: 1, unmodeled: 0, unresolved: 0 },
      { eventSource: "nosuchservice.amazonaws.com", resolved: 0, unmodeled: 0, unresolved: 1 },
    ]);
    expect(summary.misses.map((m) => m.eventName)).toEqual(["NotCreateUser", "DoThing"]);
  });

  it("prints the misses with where they were seen", () => {
    const text = formatHuman(summary, true);
    expect(text).toMatch(/^pairs 5 \(4 eventSources\): resolved 2 \(40\.0 %\), unmodeled 1 \(20\.0 %\), unresolved 2 \(40\.0 %\)/);
    expect(text).toContain("nosuchservice.amazonaws.com\tDoThing\tfixture: an unknown eventSource");
    expect(text).not.toContain("lambda.amazonaws.com\t1");
  });

  it("builds an API-call record that does not depend on the pair beyond its two fields", () => {
    const r = recordOf({ eventSource: "iam.amazonaws.com", eventName: "CreatePolicy", where: "x" });
    expect(r).toMatchObject({ eventSource: "iam.amazonaws.com", eventName: "CreatePolicy", eventType: "AwsApiCall" });
    expect(JSON.stringify(r)).not.toContain('"x"');
  });
});
