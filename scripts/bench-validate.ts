/**
 * `node --import tsx scripts/bench-validate.ts [--records 200000] [--runs 2]`: `cloudtrail-schema validate`
 * against a single-threaded loop over the runtime's validateEvent, on the same NDJSON file, in one run
 * (needs `pnpm build`). Prints one table; every ratio is against the baseline of this run.
 *
 * - the file: `--records` records from makeEvent over a mix of operations of common services (one in 50
 *   made invalid, one in 500 a line that is not JSON), written once to .bench/ (gitignored) and reused;
 * - baseline: this process reads the file with node:readline, JSON.parse, validateEvent, counting;
 * - `validate --jobs 1` and `validate --jobs <cores>`: the built CLI, whole processes (start-up included),
 *   CI=1 so no progress bar; each must find the same number of records and failures as the baseline.
 *
 * Best of `--runs` for each.
 */
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { fmt, table } from "./bench-lib.js";

const ROOT = join(import.meta.dirname, "..");
const CLI = join(ROOT, "packages/generator/dist/cli.js");
const RUNTIME = join(ROOT, "packages/runtime/dist");
for (const f of [CLI, join(RUNTIME, "index.js"), join(RUNTIME, "testing.js")]) {
  if (!existsSync(f)) {
    process.stderr.write(`bench-validate: ${f} is missing; run \`pnpm build\` first\n`);
    process.exit(1);
  }
}

const { values } = parseArgs({ options: { records: { type: "string", default: "200000" }, runs: { type: "string", default: "2" } } });
const N = Number(values.records);
const RUNS = Number(values.runs);

type Runtime = typeof import("../packages/runtime/src/index.js");
type Testing = typeof import("../packages/runtime/src/testing/index.js");
const runtime = (await import(join(RUNTIME, "index.js"))) as Runtime;
const { makeEvent } = (await import(join(RUNTIME, "testing.js"))) as Testing;

/** What a trail of a busy account looks like, roughly: reads dominate, a few writes, data events. */
const MIX: [service: string, operation: string, weight: number][] = [
  ["sts", "AssumeRole", 12],
  ["s3", "GetObject", 12],
  ["s3", "PutObject", 6],
  ["ec2", "DescribeInstances", 10],
  ["ec2", "RunInstances", 2],
  ["ec2", "DescribeSecurityGroups", 4],
  ["iam", "GetRole", 6],
  ["iam", "CreatePolicy", 1],
  ["iam", "ListRoles", 3],
  ["kms", "Decrypt", 10],
  ["kms", "GenerateDataKey", 6],
  ["lambda", "Invoke", 6],
  ["lambda", "ListFunctions", 2],
  ["dynamodb", "DescribeTable", 4],
  ["cloudtrail", "LookupEvents", 1],
  ["ssm", "GetParameter", 6],
  ["logs", "CreateLogStream", 4],
  ["sqs", "SendMessage", 3],
  ["secretsmanager", "GetSecretValue", 2],
];

const file = join(ROOT, ".bench", `validate-${N}.ndjson`);
if (!existsSync(file)) {
  mkdirSync(join(ROOT, ".bench"), { recursive: true });
  const t0 = performance.now();
  const picks = MIX.flatMap(([s, o, w]) => Array.from({ length: w }, () => [s, o] as const));
  const out: string[] = [];
  for (let i = 0; i < N; i++) {
    const [s, o] = picks[(i * 7919) % picks.length]!;
    if (i % 500 === 499) out.push(`{"truncated": "line ${i}`);
    else if (i % 50 === 49) out.push(JSON.stringify(makeEvent(s, o, { awsRegion: 7 }, { seed: i })));
    else out.push(JSON.stringify(makeEvent(s, o, undefined, { seed: i })));
  }
  writeFileSync(`${file}.tmp`, `${out.join("\n")}\n`);
  renameSync(`${file}.tmp`, file);
  process.stderr.write(`bench-validate: wrote ${file} (${N} records) in ${fmt((performance.now() - t0) / 1000)} s\n`);
}
const bytes = statSync(file).size;

interface Count {
  records: number;
  failed: number;
}

/** The baseline: one thread, readline, JSON.parse, validateEvent. */
async function baseline(): Promise<Count> {
  let records = 0;
  let failed = 0;
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    records++;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      failed++;
      continue;
    }
    if (!runtime.validateEvent(record, { maxErrors: 1 }).valid) failed++;
  }
  return { records, failed };
}

function cli(jobs: number): Count {
  const r = spawnSync(process.execPath, [CLI, "validate", file, "--jobs", String(jobs), "--format", "json"], {
    encoding: "utf8",
    env: { ...process.env, CI: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`validate --jobs ${jobs} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  const s = JSON.parse(r.stdout) as { records: number; invalid: number; unresolved: number };
  return { records: s.records, failed: s.invalid + s.unresolved };
}

async function best(run: () => Count | Promise<Count>): Promise<{ seconds: number; count: Count }> {
  let seconds = Infinity;
  let count: Count = { records: 0, failed: 0 };
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    count = await run();
    seconds = Math.min(seconds, (performance.now() - t0) / 1000);
  }
  return { seconds, count };
}

const cores = availableParallelism();
const base = await best(baseline);
const results: [string, Awaited<ReturnType<typeof best>>][] = [
  ["baseline: readline + validateEvent, 1 thread", base],
  ["cloudtrail-schema validate --jobs 1", await best(() => cli(1))],
  [`cloudtrail-schema validate --jobs ${cores}`, await best(() => cli(cores))],
];
for (const [what, r] of results) {
  if (r.count.records !== base.count.records || r.count.failed !== base.count.failed) {
    throw new Error(`${what}: ${r.count.records} records, ${r.count.failed} failed; the baseline found ${base.count.records}, ${base.count.failed}`);
  }
}
const rate = (r: { seconds: number }) => base.count.records / r.seconds;
console.log(`validate, node ${process.version}, ${cores} cores, ${new Date().toISOString().slice(0, 10)}: ${base.count.records.toLocaleString("en-US")} records (${fmt(bytes / 1024 / 1024)} MB NDJSON, ${base.count.failed} failing), best of ${RUNS}`);
console.log(
  table([
    ["what", "seconds", "records/s", "vs baseline"],
    ...results.map(([what, r]) => [what, fmt(r.seconds, 2), Math.round(rate(r)).toLocaleString("en-US"), `${fmt(rate(r) / rate(base), 2)}x`]),
  ]),
);
