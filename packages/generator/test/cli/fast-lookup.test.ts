/**
 * The fast lookup (src/cli/fast-lookup.ts, dist/cli-lookup.js): a plain `SERVICE.OPERATION[.PART]` prints
 * exactly what `show` prints, and anything else is left to the whole CLI, with nothing printed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { COMMAND_WORDS, fastLookup, lookupWords } from "../../src/cli/fast-lookup.js";
import { openLookup } from "../../src/cli/lookup.js";
import { readSlice, SLICE_FORMAT, sliceFile, type SliceKey } from "../../src/cli/lookup-slices.js";
import { plain } from "../../src/cli/render/style.js";
import { renderOperation, type Part } from "../../src/cli/render/operation.js";
import { createContext } from "../../src/context.js";
import { logService } from "../../src/generate.js";
import type { LoggedService } from "../../src/log-model.js";
import { openSnapshot, type SnapshotManifest } from "../../src/load.js";
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
  ["lambda.UpdateFunctionConfiguration20150331v2"], // an eventName read off a record: its operation
  ["s3.PutBucketPublicAccessBlock.input"],
  ["s3.PutBucketAcl"],
  ["iam.CreateLoginProfile.input"], // sensitive values
  ["signin-console.ConsoleLogin"], // curated
  ["aws-service-events.kms:RotateKey"],
  ["iam"], // a service's operations
  ["show", "ec2"],
  ["signin-console"],
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
    [["lamda"]], // unknown service: the whole CLI suggests
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

  it("an eventName prints its operation, as the operation's own name does", async () => {
    const byEventName = await fast(["lambda.CreateFunction20150331"]);
    expect(byEventName.ok).toBe(true);
    expect(byEventName.out).toBe((await fast(["lambda.CreateFunction"])).out);
    expect(byEventName.out).toMatch(/^lambda\.CreateFunction\n/);
  });

  it("an error is still reported by the whole CLI", async () => {
    const r = await runCli(["iam.CreatePolcy"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown operation "CreatePolcy"');
  });
});

const snapshot = openSnapshot();
const manifest = JSON.parse(readFileSync(join(snapshot.dir, "manifest.json"), "utf8")) as SnapshotManifest;
const keyOf = (service: string): SliceKey => ({ format: SLICE_FORMAT, botocoreVersion: snapshot.botocoreVersion, modelSha256: manifest.services[service]!.sha256 });
const slices = (service: string) => sliceFile(keyOf(service), logService(snapshot, service, createContext(snapshot, {})));

describe("precomputed slices (dist/lookup/SERVICE.bin)", () => {
  const lookup = openLookup(snapshot);
  const view = { width: 100, style: plain, docs: true, enumLimit: 40 };
  const parts: Part[] = ["input", "output"];

  it.each(["iam", "lambda", "ce", "s3", "cloudtrail"])("%s: every operation's slice prints what the projection prints", (service) => {
    const file = slices(service);
    for (const operation of lookup.operations(service)) {
      const slice = readSlice(file, keyOf(service), operation)!;
      expect(slice, operation).toBeDefined();
      const found = lookup.operation(service, operation);
      expect(renderOperation(slice.service as LoggedService, slice.operation, parts, view), operation).toBe(renderOperation(found.service, found.operation, parts, view));
    }
  });

  it("another model, format or operation: no slice", () => {
    const file = slices("iam");
    expect(readSlice(file, { ...keyOf("iam"), modelSha256: "0".repeat(64) }, "CreatePolicy")).toBeUndefined();
    expect(readSlice(file, { ...keyOf("iam"), format: SLICE_FORMAT + 1 }, "CreatePolicy")).toBeUndefined();
    expect(readSlice(file, keyOf("iam"), "CreatePolcy")).toBeUndefined();
    expect(readSlice(file, keyOf("iam"), "constructor")).toBeUndefined();
  });

  it("is deterministic", () => {
    expect(slices("iam").equals(slices("iam"))).toBe(true);
  });
});

describe("built: cli.js takes the fast path and prints the same", () => {
  let cli: string;
  beforeAll(async () => {
    cli = await buildCli();
    // As the package's build does (dist/cli-build-lookup.js), for a few services.
    mkdirSync(join(dirname(cli), "lookup"));
    for (const s of ["iam", "ec2"]) writeFileSync(join(dirname(cli), "lookup", `${s}.bin`), slices(s));
  }, 180_000);
  afterAll(() => rmSync(dirname(cli), { recursive: true, force: true }));

  const spawn = (args: string[]) =>
    spawnSync(process.execPath, [cli, ...args], {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", CLOUDTRAIL_SCHEMA_SNAPSHOT: SNAPSHOT_DIR },
      maxBuffer: 64 * 1024 * 1024,
    });

  // iam and ec2 from their slices, lambda projected, signin-console curated.
  it.each([["iam.CreatePolicy.output"], ["ec2", "RunInstances", "input"], ["lambda.CreateFunction"], ["signin-console.ConsoleLogin"], ["iam"]])("%s", async (...argv) => {
    const r = spawn(argv);
    const w = await full(argv);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(w.out);
  });

  it("reads the slice when its key matches the snapshot, and projects when it does not", () => {
    const path = join(dirname(cli), "lookup", "iam.bin");
    const good = readFileSync(path);
    const want = spawn(["iam.CreatePolicy.output"]).stdout;
    try {
      // A slice that says something else is what gets printed: proof the slice is read.
      const svc = logService(snapshot, "iam", createContext(snapshot, {}));
      writeFileSync(path, sliceFile(keyOf("iam"), { ...svc, eventSource: "marked.example.com" }));
      expect(spawn(["iam.CreatePolicy.output"]).stdout).toContain("eventSource: marked.example.com");
      // The same slice under another model's sha256: ignored, the operation is projected.
      writeFileSync(path, sliceFile({ ...keyOf("iam"), modelSha256: "0".repeat(64) }, { ...svc, eventSource: "marked.example.com" }));
      expect(spawn(["iam.CreatePolicy.output"]).stdout).toBe(want);
    } finally {
      writeFileSync(path, good);
    }
  });

  it("errors and other commands still go through the whole CLI", () => {
    const bad = spawn(["iam.CreatePolcy"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("did you mean iam.CreatePolicy?");
    const list = spawn(["iam", "--format", "json"]);
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout).Operations).toContain("CreatePolicy");
  });
});
