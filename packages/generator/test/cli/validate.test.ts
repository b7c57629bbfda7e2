/**
 * `validate` and `example`: the scanning of one unit (in this process, from source), byte ranges giving the
 * same answer as the whole file, then the built CLI end to end (exit codes, summary, workers, log files),
 * and `show` never needing the runtime. Needs the runtime built (its dist/ and generated/).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateEvent } from "@cloudtrail-schema/runtime";
import { makeEvent } from "@cloudtrail-schema/runtime/testing";
import { plan } from "../../src/cli/validate/inputs.js";
import { progressBar } from "../../src/cli/validate/progress.js";
import { loadRuntime, scanUnit, type Runtime } from "../../src/cli/validate/scan.js";
import { mergeInto, newTally, summarize, type Summary } from "../../src/cli/validate/tally.js";
import { buildCli, runCli, type Run } from "./build-cli.js";

const dir = mkdtempSync(join(tmpdir(), "cloudtrail-schema-validate-"));
let cli: string;
let rt: Runtime;

beforeAll(async () => {
  rt = await loadRuntime();
  cli = await buildCli();
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (cli) rmSync(dirname(cli), { recursive: true, force: true });
});

const OPS = [
  ["iam", "CreatePolicy"],
  ["ec2", "DescribeInstances"],
  ["s3", "GetObject"],
  ["sts", "AssumeRole"],
] as const;

/** NDJSON lines: valid records, an invalid one, an unresolved one, a bad line, blank lines. */
function lines(n: number, seed = 0): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const [s, o] = OPS[i % OPS.length]!;
    const k = (i * 7 + seed) % 23;
    if (k === 5) out.push(JSON.stringify(makeEvent("iam", "CreatePolicy", { requestParameters: { policyName: i } }, { seed: i })));
    else if (k === 11) out.push(JSON.stringify({ eventSource: "nothing.amazonaws.com", eventName: `Op${i % 3}` }));
    else if (k === 17) out.push(`{"Records": [${JSON.stringify(makeEvent(s, o, {}, { seed: i }))}`);
    else if (k === 19) out.push("   ");
    else out.push(JSON.stringify(makeEvent(s, o, {}, { seed: i })));
  }
  return out;
}

function write(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

async function scanWhole(path: string, mode: "compatible" | "strict" = "compatible"): Promise<Summary> {
  return summarize(await scanUnit({ index: 0, file: path, display: path }, mode, rt, () => {}), mode, 1);
}

describe("scanUnit", () => {
  it("counts valid, invalid, unresolved and bad lines, with file:line", async () => {
    const path = write("a.ndjson", `${lines(46).join("\n")}\n`);
    const s = await scanWhole(path);
    const text = readFileSync(path, "utf8").split("\n");
    expect(s.records).toBe(text.filter((l) => l.trim() !== "").length);
    const bad = s.operations.find((o) => o.service === "(not JSON)")!;
    expect(bad.failures[0]!.at).toMatch(new RegExp(`^${path}:(\\d+)$`));
    const badLine = Number(bad.failures[0]!.at.split(":").pop());
    expect(text[badLine - 1]).toMatch(/^\{"Records": \[/);
    const iam = s.operations.find((o) => o.service === "iam" && o.operation === "CreatePolicy")!;
    expect(iam.invalid).toBeGreaterThan(0);
    expect(iam.failures[0]).toMatchObject({ path: "/requestParameters/policyName", message: expect.stringMatching(/^must be string \(found \d+\)$/) });
    expect(text[Number(iam.failures[0]!.at.split(":").pop()) - 1]).toContain('"policyName":');
    const unresolved = s.operations.filter((o) => o.service === "nothing.amazonaws.com");
    expect(unresolved.map((o) => o.unresolved).reduce((a, b) => a + b)).toBeGreaterThan(0);
    expect(s.valid + s.invalid + s.unresolved).toBe(s.records);
  });

  it("counts trimmed exports and unmodeled calls beside valid and invalid", async () => {
    const full = makeEvent("iam", "CreatePolicy", {}, { seed: 2 }) as unknown as Record<string, unknown>;
    const { eventVersion: _v, userIdentity: _u, eventType: _t, ...trimmed } = full;
    const unmodeled = { ...makeEvent("iam", "CreatePolicy", {}, { seed: 3 }), eventSource: "cloudshell.amazonaws.com", eventName: "createSession" };
    const path = write("trimmed.ndjson", [full, trimmed, { ...trimmed, awsRegion: 1 }, unmodeled].map((r) => JSON.stringify(r)).join("\n"));
    const s = await scanWhole(path);
    expect(s).toMatchObject({ records: 4, valid: 3, invalid: 1, trimmed: 2, unmodeled: 1 });
    expect(s.operations.find((o) => o.service === "iam")).toMatchObject({ records: 3, valid: 2, invalid: 1, trimmed: 2, unmodeled: 0 });
    expect(s.operations.find((o) => o.service === "unmodeled-api-calls")).toMatchObject({ operation: "UnmodeledApiCall", valid: 1, unmodeled: 1 });
    const strict = await scanWhole(path, "strict");
    expect(strict).toMatchObject({ trimmed: 2 });
    expect(strict.operations.find((o) => o.service === "iam")!.invalid).toBeGreaterThanOrEqual(2);
  });

  it("gives the same answer for any cut of a file into byte ranges", async () => {
    const path = write("ranges.ndjson", `\ufeff${lines(60, 3).join("\r\n")}`); // BOM, CRLF, no final newline
    const size = statSync(path).size;
    const want = await scanWhole(path);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: size - 1 }), { maxLength: 12 }), async (cuts) => {
        const bounds = [0, ...cuts.sort((a, b) => a - b), size];
        const total = newTally();
        let before = 0;
        for (let i = 0; i + 1 < bounds.length; i++) {
          const t = await scanUnit({ index: i, file: path, display: path, start: bounds[i]!, end: bounds[i + 1]! }, "compatible", rt, () => {});
          mergeInto(total, t, before);
          before += t.lines;
        }
        expect(summarize(total, "compatible", 1)).toEqual(want);
      }),
      { numRuns: 40 },
    );
  });

  it("reads log files, gzip or not, pretty or not, and counts a corrupt one as a failure", async () => {
    const records = [makeEvent("s3", "GetObject", {}, { seed: 1 }), makeEvent("iam", "CreatePolicy", { requestParameters: { policyName: 1 } }, { seed: 2 })];
    for (const [name, body] of [
      ["log.json.gz", gzipSync(JSON.stringify({ Records: records }))],
      ["log-pretty.json", `\n  ${JSON.stringify({ Records: records }, null, 2)}`],
      ["gz-without-name", gzipSync(JSON.stringify({ Records: records }))],
    ] as const) {
      const s = await scanWhole(write(name, body));
      expect(s, name).toMatchObject({ records: 2, valid: 1, invalid: 1 });
      expect(s.operations.find((o) => o.service === "iam")!.failures[0]!.at).toBe(`${join(dir, name)}:Records[1]`);
    }
    const corrupt = await scanWhole(write("corrupt.json.gz", Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3])));
    expect(corrupt.operations).toEqual([expect.objectContaining({ service: "(unreadable)", invalid: 1 })]);
    const cut = await scanWhole(write("cut.json", '{"Records": [{"eventSource": "iam.amazonaws.com"'));
    expect(cut.operations[0]).toMatchObject({ service: "(unreadable)" });
  });

  it("plans ranges only for big plain NDJSON files, with several jobs", async () => {
    const ndjson = write("plan/a.ndjson", `${lines(40).join("\n")}\n`);
    const gz = write("plan/b.ndjson.gz", gzipSync(readFileSync(ndjson)));
    const log = write("plan/c.json", JSON.stringify({ Records: [makeEvent("iam", "CreatePolicy")] }).padEnd(40_000, " "));
    const files = [ndjson, gz, log].map((p) => ({ path: p, size: statSync(p).size }));
    expect(await plan(files, 1, 1)).toHaveLength(3);
    const units = await plan(files, 4, 1);
    expect(units.filter((u) => u.file === ndjson).length).toBeGreaterThan(4);
    expect(units.filter((u) => u.file !== ndjson).map((u) => u.start)).toEqual([undefined, undefined]);
    expect(units.map((u) => u.index)).toEqual(units.map((_, i) => i));
  });
});

describe("progressBar", () => {
  const tty = () => {
    const out: string[] = [];
    return { out, stream: { isTTY: true, columns: 80, write: (s: string) => out.push(s) } };
  };
  it("draws on a terminal and erases itself; nothing in CI or on a pipe", async () => {
    const t = tty();
    const p = progressBar(t.stream, {}, 100);
    p.add(50, 10);
    await new Promise((r) => setTimeout(r, 250));
    p.done();
    expect(t.out.some((s) => s.includes(" 50%"))).toBe(true);
    expect(t.out.at(-1)).toBe("\r\x1b[K");
    const ci = tty();
    const q = progressBar(ci.stream, { CI: "true" }, 100);
    q.add(50, 10);
    q.done();
    const pipe = { out: [] as string[], write(s: string) { this.out.push(s); } };
    progressBar(pipe, {}, 100).done();
    expect([...ci.out, ...pipe.out]).toEqual([]);
  });
});

const run = (args: string[], env: Record<string, string> = {}): Run => runCli(cli, args, env, dir);

describe("cloudtrail-schema validate (built)", () => {
  it("exits 0 when every record passes, 1 when one fails, and prints the summary", () => {
    write("good/x.ndjson", `${OPS.map(([s, o], i) => JSON.stringify(makeEvent(s, o, {}, { seed: i }))).join("\n")}\n`);
    write("good/sub/log.json.gz", gzipSync(JSON.stringify({ Records: [makeEvent("iam", "CreateUser", {}, { seed: 1 })] })));
    write("good/notes.txt", "not a log file: skipped in a directory");
    const ok = run(["validate", "good", "--format", "json"]);
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    const s = JSON.parse(ok.stdout) as Summary;
    expect(s).toMatchObject({ mode: "compatible", files: 2, records: 5, valid: 5, invalid: 0, unresolved: 0 });
    expect(s.operations.map((o) => `${o.service}.${o.operation}`)).toEqual(["ec2.DescribeInstances", "iam.CreatePolicy", "iam.CreateUser", "s3.GetObject", "sts.AssumeRole"]);

    const bad = run(["validate", "good", write("bad.ndjson", 'nope\n{"eventSource": "iam.amazonaws.com", "eventName": "CreatePolicy"}\n')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe("");
    expect(bad.stdout).toMatch(/^7 records in 3 files \(compatible mode\) in [\d.]+ s: 5 valid, 2 invalid, 0 unresolved\n/);
    expect(bad.stdout).toContain(`${join(dir, "bad.ndjson")}:1  not JSON`);
    // A bare {eventSource, eventName} fragment is no record: it needs eventTime, eventID or eventVersion.
    expect(bad.stdout).toMatch(/bad\.ndjson:2 {2}\/eventTime {2}must have the property "eventTime"/);
    expect(bad.stdout).toMatch(/^iam {2,}CreatePolicy {2,}2 {2,}1 {2,}1 {2,}0$/m);
  });

  it("strict mode rejects what compatible accepts", () => {
    const path = write("strict.ndjson", `${JSON.stringify(makeEvent("iam", "CreatePolicy", { requestParameters: { brandNewField: 1 } }))}\n`);
    expect(run(["validate", path]).status).toBe(0);
    const r = run(["validate", path, "--mode", "strict", "--format", "json"]);
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as Summary).operations[0]!.failures[0]).toMatchObject({ at: `${path}:1`, path: "/requestParameters/brandNewField" });
  });

  it("gives the same summary on one job and on several, a big file cut into ranges", () => {
    const path = write("big.ndjson", `${lines(400, 1).join("\n")}\n`);
    const one = run(["validate", path, "--jobs", "1", "--format", "json"]);
    const many = run(["validate", path, "--jobs", "3", "--format", "json"], { CLOUDTRAIL_SCHEMA_VALIDATE_MIN_RANGE: "4096" });
    const files = run(["validate", path, "good", "--jobs", "3", "--format", "json"], { CLOUDTRAIL_SCHEMA_VALIDATE_MIN_RANGE: "4096" });
    expect(one.stderr + many.stderr + files.stderr).toBe("");
    expect([one.status, many.status, files.status]).toEqual([1, 1, 1]);
    const a = JSON.parse(one.stdout) as Summary;
    expect(a.records).toBeGreaterThan(350);
    expect(JSON.parse(many.stdout)).toEqual(a);
    expect((JSON.parse(files.stdout) as Summary).records).toBe(a.records + 5);
  });

  it("prints YAML, and no progress bar when stderr is not a terminal", () => {
    const r = run(["validate", "good", "--format", "yaml"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(parseYaml(r.stdout)).toMatchObject({ records: 5, valid: 5 });
  });

  it("exits 2 with a message naming the path for usage errors, without a stack trace", () => {
    const unreadable = write("secret.ndjson", "{}\n");
    chmodSync(unreadable, 0o000);
    const rootCanRead = (() => {
      try {
        readFileSync(unreadable);
        return true;
      } catch {
        return false;
      }
    })();
    const cases: [string[], RegExp][] = [
      [["validate"], /validate needs at least one PATH/],
      [["validate", "missing.ndjson"], /cannot read missing\.ndjson: no such file or directory/],
      [["validate", "good", "--jobs", "0"], /--jobs must be a whole number/],
      [["validate", "good", "--mode", "lenient"], /--mode must be one of compatible, strict/],
      [["validate", write("empty/readme.txt", "x").replace(/readme\.txt$/, "")], /no \.json, \.json\.gz, \.ndjson or \.jsonl files under/],
    ];
    if (!rootCanRead) cases.push([["validate", unreadable], /cannot read .*secret\.ndjson: permission denied/]);
    for (const [args, message] of cases) {
      const r = run(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe("");
    }
    chmodSync(unreadable, 0o644);
  });
});

describe("cloudtrail-schema example (built)", () => {
  it("prints makeEvent's record as JSON (human and json alike), the same for a seed, YAML on request", () => {
    const human = run(["example", "iam.CreatePolicy", "--seed", "7"]);
    expect(human.stderr).toBe("");
    expect(human.status).toBe(0);
    const record = JSON.parse(human.stdout) as Record<string, unknown>;
    expect(record).toEqual(makeEvent("iam", "CreatePolicy", undefined, { seed: 7 }));
    expect(validateEvent(record, { mode: "strict" }).valid).toBe(true);
    expect(run(["example", "iam", "CreatePolicy", "--seed", "7", "--format", "json"]).stdout).toBe(human.stdout);
    expect(run(["example", "iam.CreatePolicy"]).stdout).not.toBe(human.stdout);
    expect(parseYaml(run(["example", "iam.CreatePolicy", "--seed", "7", "--format", "yaml"]).stdout)).toEqual(record);
  });

  it("suggests names and exits 2 for unknown ones", () => {
    const r = run(["example", "iam.CreatePolicyy"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("did you mean iam.CreatePolicy?");
    expect(run(["example", "iam"]).status).toBe(2);
    expect(run(["example", "iam.CreatePolicy", "--seed", "x"]).status).toBe(2);
  });

  it("is not needed by show: the lookup runs without the runtime installed", () => {
    const link = join(dirname(cli), "node_modules", "@cloudtrail-schema", "runtime");
    renameSync(link, `${link}.away`);
    try {
      const show = run(["iam.CreatePolicy"]);
      expect(show.status).toBe(0);
      expect(show.stdout).toContain("policyName");
      expect(run(["example", "iam.CreatePolicy"]).status).not.toBe(0);
    } finally {
      renameSync(`${link}.away`, link);
    }
    expect(existsSync(link)).toBe(true);
  });
});
