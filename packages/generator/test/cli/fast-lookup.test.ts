/**
 * The fast lookup (src/cli/fast-lookup.ts, dist/cli-lookup.js): a plain `SERVICE.OPERATION[.PART]` prints
 * exactly what `show` prints, and anything else is left to the whole CLI, with nothing printed.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { COMMAND_WORDS, fastLookup, lookupWords } from "../../src/cli/fast-lookup.js";
import { buildCli, SNAPSHOT_DIR } from "./build-cli.js";
import { runCli } from "./in-process.js";

async function fast(argv: string[], stdout: { isTTY?: boolean; columns?: number } = {}, env: Record<string, string> = {}) {
  let out = "";
  const ok = await fastLookup({ argv, env, stdout: { ...stdout, write: (s: string) => (out += s) } });
  return { ok, out };
}

/** What the whole CLI prints for the same line, through its `show` command. */
async function full(argv: string[], stdout: { isTTY?: boolean; columns?: number } = {}, env: Record<string, string> = {}) {
  let out = "";
  const { run } = await import("../../src/cli/run.js");
  const status = await run({ argv, env, stdout: { ...stdout, write: (s: string) => (out += s) }, stderr: { write: () => true } });
  return { status, out };
}

const LOOKUPS: string[][] = [
  ["iam.CreatePolicy"],
  ["iam.CreatePolicy.input"],
  ["iam.CreatePolicy.output"],
  ["iam", "CreatePolicy", "output"],
  ["show", "iam.CreatePolicy.requestParameters"],
  ["ec2.RunInstances.input"],
  ["ec2.DescribeInstances.output"],
  ["ce.GetCostAndUsage.input"], // recursive
  ["lambda.CreateFunction"], // eventName aliases
  ["s3.PutBucketAcl"],
  ["iam.CreateLoginProfile.input"], // sensitive values
  ["signin-console.ConsoleLogin"], // curated
  ["aws-service-events.kms:RotateKey"],
];

describe("fastLookup", () => {
  it("knows every command word", () => {
    expect([...COMMAND_WORDS].sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  it.each([
    [["iam.CreatePolicy"], ["iam.CreatePolicy"]],
    [["show", "iam", "CreatePolicy"], ["iam", "CreatePolicy"]],
    [["iam.CreatePolicy", "--format", "json"], undefined],
    [["--no-docs", "iam.CreatePolicy"], undefined],
    [["pattern", "iam.CreatePolicy"], undefined],
    [["search", "stop", "logging"], undefined],
    [[], undefined],
    [["a", "b", "c", "d"], undefined],
  ])("lookupWords(%j)", (argv, want) => expect(lookupWords(argv)).toEqual(want));

  it.each(LOOKUPS.map((a) => [a.join(" "), a]))("%s: the same bytes as show", async (_name, argv) => {
    const f = await fast(argv);
    const w = await full(argv);
    expect(f.ok).toBe(true);
    expect(w.status).toBe(0);
    expect(f.out).toBe(w.out);
  });

  it("the same bytes on a terminal: width and colour", async () => {
    for (const [stdout, env] of [
      [{ isTTY: true, columns: 72 }, {}],
      [{ isTTY: true, columns: 200 }, {}],
      [{ isTTY: true, columns: 80 }, { NO_COLOR: "1" }],
      [{ isTTY: false }, { FORCE_COLOR: "1" }],
    ] as const) {
      const f = await fast(["iam.CreatePolicy"], stdout, env);
      const w = await full(["iam.CreatePolicy"], stdout, env);
      expect(f.ok).toBe(true);
      expect(f.out).toBe(w.out);
    }
  });

  it.each([
    [["iam"]], // a service's operations: the whole CLI
    [["lamda.CreateFunction"]], // unknown service: the whole CLI suggests
    [["iam.CreatePolcy"]],
    [["iam.CreatePolicy.outpt"]],
    [["iam.CreatePolicy", "-f", "json"]],
    [["paths", "iam.CreatePolicy"]],
    [["iam..CreatePolicy"]],
  ])("%j: false, nothing printed", async (argv) => {
    const f = await fast(argv);
    expect(f).toEqual({ ok: false, out: "" });
  });

  it("an error is still reported by the whole CLI", async () => {
    const r = await runCli(["iam.CreatePolcy"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown operation "CreatePolcy"');
  });
});

describe("built: cli.js takes the fast path and prints the same", () => {
  let cli: string;
  beforeAll(async () => {
    cli = await buildCli();
  }, 120_000);
  afterAll(() => rmSync(dirname(cli), { recursive: true, force: true }));

  const spawn = (args: string[]) =>
    spawnSync(process.execPath, [cli, ...args], {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", CLOUDTRAIL_SCHEMA_SNAPSHOT: SNAPSHOT_DIR },
      maxBuffer: 64 * 1024 * 1024,
    });

  it.each([["iam.CreatePolicy.output"], ["ec2", "RunInstances", "input"], ["signin-console.ConsoleLogin"]])("%s", async (...argv) => {
    const r = spawn(argv);
    const w = await full(argv);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(w.out);
  });

  it("errors and other commands still go through the whole CLI", () => {
    const bad = spawn(["iam.CreatePolcy"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("did you mean iam.CreatePolicy?");
    const list = spawn(["iam"]);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain("CreatePolicy");
  });
});
