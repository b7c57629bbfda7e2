/**
 * The README's examples are the code: every ```ts block that starts with `// file: NAME` is type-checked
 * under strict against the built packages, and every ```sh block that starts with `$ cloudtrail-schema …`
 * is run; where the block shows output, the command must print exactly that. Needs `pnpm build` (as
 * `pnpm test` does first).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { makeEvent } from "../../packages/runtime/src/testing/index.js";

const ROOT = join(import.meta.dirname, "..", "..");
const CLI = join(ROOT, "packages", "generator", "dist", "cli.js");
// Inside the runtime package, so that `@cloudtrail-schema/runtime` resolves to the package itself and
// `@cloudtrail-schema/types` to its dependency, as in a user's project.
const SCRATCH = join(ROOT, "packages", "runtime", ".scratch", `readme-${process.pid}`);
afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));

interface Block {
  lang: string;
  text: string;
  line: number;
}

/** The fenced code blocks of a Markdown text, with the line each starts on. */
export function codeBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== "```"; i++) body.push(lines[i]!);
    blocks.push({ lang: open[1]!, text: body.join("\n"), line: start + 1 });
  }
  return blocks;
}

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const blocks = codeBlocks(readme);
const files = blocks.filter((b) => b.lang === "ts" && /^\/\/ file: \S+/.test(b.text));
const commands = blocks.filter((b) => b.lang === "sh" && b.text.startsWith("$ cloudtrail-schema "));

/** `$ cloudtrail-schema a b  # comment` -> ["a", "b"]; the words of the README's commands need no quoting. */
const argsOf = (block: Block): string[] => block.text.split("\n")[0]!.slice(2).replace(/\s+#.*$/, "").trim().split(/\s+/).slice(1);
const outputOf = (block: Block): string => block.text.split("\n").slice(1).join("\n");

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", CI: "1" } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("README.md", () => {
  it("has the examples this test checks", () => {
    expect(files.map((b) => b.text.split("\n")[0])).toEqual(expect.arrayContaining([expect.stringContaining("handler.ts"), expect.stringContaining("policy-alert.test.ts")]));
    expect(commands.map((b) => argsOf(b)[0])).toEqual(expect.arrayContaining(["pattern", "custodian", "validate"]));
  });

  it("its TypeScript examples type-check under strict", () => {
    mkdirSync(SCRATCH, { recursive: true });
    const roots = files.map((b) => {
      const name = /^\/\/ file: (\S+)/.exec(b.text)![1]!;
      const path = join(SCRATCH, name);
      writeFileSync(path, b.text);
      return path;
    });
    const program = ts.createProgram(roots, {
      strict: true,
      noEmit: true,
      noUnusedLocals: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      types: ["node"],
      skipLibCheck: true,
    });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? `${d.file.fileName.replace(SCRATCH + "/", "")}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : "";
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    expect(errors).toEqual([]);
  });

  it("fails to type-check when an example is wrong (the check can fail)", () => {
    mkdirSync(SCRATCH, { recursive: true });
    const handler = files.find((b) => b.text.includes("handler.ts"))!;
    const path = join(SCRATCH, "wrong-handler.ts");
    writeFileSync(path, handler.text.replace("requestParameters?.policyName", "requestParameters?.policyNme"));
    const program = ts.createProgram([path], { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, types: ["node"], skipLibCheck: true });
    expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n")).toContain("policyNme");
  });

  it.each(commands.filter((b) => outputOf(b) !== "").map((b) => [b.text.split("\n")[0]!, b] as const))("%s prints what the README shows", (_title, block) => {
    const r = cli(argsOf(block));
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd()).toBe(outputOf(block).trimEnd());
  });

  it("the custodian policy it shows is YAML Custodian reads: cloudtrail mode, the ids path", () => {
    const block = commands.find((b) => argsOf(b)[0] === "custodian")!;
    const policy = parseYaml(outputOf(block)) as { policies: { mode: { type: string; events: { source: string; event: string; ids: string }[] } }[] };
    expect(policy.policies[0]!.mode.type).toBe("cloudtrail");
    expect(policy.policies[0]!.mode.events[0]).toEqual({ source: "iam.amazonaws.com", event: "CreatePolicy", ids: "responseElements.policy.arn" });
  });

  it("the validate command it shows works on a log archive", () => {
    const block = commands.find((b) => argsOf(b)[0] === "validate")!;
    const archive = join(SCRATCH, "AWSLogs", "111122223333", "CloudTrail", "us-east-1");
    mkdirSync(archive, { recursive: true });
    const records = [1, 2, 3].map((seed) => makeEvent("iam", "CreatePolicy", {}, { seed }));
    writeFileSync(join(archive, "111122223333_CloudTrail_us-east-1_20240611T1405Z_a1b2.json.gz"), gzipSync(JSON.stringify({ Records: records })));
    const args = argsOf(block).map((a) => (a === "AWSLogs/" ? join(SCRATCH, "AWSLogs") : a));
    const r = cli(args);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ records: 3, valid: 3, invalid: 0, unresolved: 0 });
    // And a failing record is exit code 1.
    writeFileSync(join(archive, "bad.json"), JSON.stringify({ Records: [{ ...records[0], requestParameters: { policyName: 7 } }] }));
    expect(cli(args).status).toBe(1);
  });
});

// The version line the README's quick start relies on.
it("the quick start's pnpm version is the one package.json pins", () => {
  const pinned = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { packageManager: string }).packageManager.replace("pnpm@", "");
  for (const m of readme.matchAll(/pnpm@(\d+\.\d+\.\d+)/g)) expect(m[1]).toBe(pinned);
  expect(readFileSync(join(ROOT, ".ci", "run"), "utf8")).toContain(`pnpm@${pinned}`);
});
