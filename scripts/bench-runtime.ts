/**
 * `node --import tsx scripts/bench-runtime.ts`: @cloudtrail-schema/runtime against its baselines, measured
 * side by side in one run (needs `pnpm build`). Prints one table; every ratio is against a baseline from
 * this same run.
 *
 * - warm throughput: validateEvent (resolution included) vs raw ajv validating the same records with the
 *   same schemas (getEventSchema's documents, compiled once, called directly);   goal >= 0.8x
 *   beside them validateEvent of the ajv entry (`@cloudtrail-schema/runtime/ajv`: resolution, ajv, errors
 *   in the runtime's format);
 * - cold start: a fresh node that imports the package and validates one ec2 RunInstances and one iam
 *   CreatePolicy record, minus `node -e ''`; beside it the same work with ajv compiling at run time, and
 *   through the ajv entry;   goal <= 60 ms (default entry)
 * - bundle: an esbuild-bundled, minified Lambda handler validating iam events;      goal <= 100 KB
 *   beside it the same handler through the ajv entry;
 * - memory after loading ec2 (heap and RSS growth);
 * - size: the runtime's generated data and dist, and ajv standalone code for iam and ec2 (the other way to
 *   skip run-time compilation), to compare.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import { build } from "esbuild";

const ROOT = new URL("../packages/runtime/", import.meta.url).pathname;
const DIST = join(ROOT, "dist/index.js");
const tmp = mkdtempSync(join(tmpdir(), "bench-runtime-"));

type Runtime = typeof import("../packages/runtime/src/index.js");
type Testing = typeof import("../packages/runtime/src/testing/index.js");
const runtime = (await import(DIST)) as Runtime;
const DIST_AJV = join(ROOT, "dist/ajv.js");
const ajvEntry = (await import(DIST_AJV)) as typeof import("../packages/runtime/src/ajv/index.js");
const { sampleEvent } = (await import(join(ROOT, "dist/testing.js"))) as Testing;

const rows: [string, string, string, string][] = [];
const row = (what: string, value: string, baseline: string, ratio: string) => rows.push([what, value, baseline, ratio]);
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// ---------------------------------------------------------------------------------------------------------
// Records: real-shaped fixtures (the tests') and a generated sample for operations of common services.

const fixtures = await import(join(ROOT, "test/fixtures.ts"));
const records: Record<string, unknown>[] = [fixtures.iamCreatePolicy(), fixtures.ec2RunInstances(), fixtures.stsAssumeRole(), fixtures.errorEvent(), fixtures.consoleLogin()];
for (const service of ["iam", "ec2", "s3", "kms", "sts", "lambda", "dynamodb", "ssm", "cloudtrail", "organizations"]) {
  const ops = runtime.listOperations(service);
  for (let i = 0; i < ops.length; i += Math.max(1, Math.floor(ops.length / 12))) records.push(sampleEvent(service, ops[i]!));
}
// One in ten records is wrong somewhere, as in a real stream with bad producers.
for (let i = 0; i < records.length; i += 10) records[i] = { ...records[i], requestParameters: "not an object" };

function throughput(run: () => void, n: number): number {
  for (let i = 0; i < 50; i++) run();
  let best = 0;
  for (let round = 0; round < 5; round++) {
    let loops = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 400) {
      run();
      loops++;
    }
    best = Math.max(best, (loops * n) / ((performance.now() - t0) / 1000));
  }
  return best;
}

for (const mode of ["compatible", "strict"] as const) {
  const ajv = new Ajv2020({ strict: false, logger: false });
  const compiled = new Map<string, (r: unknown) => boolean>();
  const raw = records.map((r) => {
    const { service, operation } = runtime.resolveEvent(r)!;
    const key = `${service} ${operation}`;
    if (!compiled.has(key)) compiled.set(key, ajv.compile(runtime.getEventSchema(service, operation, { mode })) as (r: unknown) => boolean);
    return { r, v: compiled.get(key)! };
  });
  // Same answers, or the comparison means nothing.
  for (const { r, v } of raw) if (v(r) !== runtime.validateEvent(r, { mode }).valid) throw new Error(`ajv and validateEvent disagree on ${String(r.eventName)} (${mode})`);
  const options = { mode };
  const ajvRate = throughput(() => {
    for (const { r, v } of raw) v(r);
  }, raw.length);
  const viaAjv = ajvEntry.createAjvValidator();
  for (const r of records) if (viaAjv.validateEvent(r, options).valid !== runtime.validateEvent(r, options).valid) throw new Error(`the ajv entry and validateEvent disagree on ${String(r.eventName)} (${mode})`);
  const ours = throughput(() => {
    for (const r of records) runtime.validateEvent(r, options);
  }, records.length);
  const entry = throughput(() => {
    for (const r of records) viaAjv.validateEvent(r, options);
  }, records.length);
  row(`warm throughput, ${mode} (records/s, ${records.length} records)`, fmt(ours), `${fmt(ajvRate)} raw ajv`, `${(ours / ajvRate).toFixed(2)}x (goal >= 0.8x)`);
  row(`  the same through the ajv entry (records/s)`, fmt(entry), `${fmt(ours)} runtime`, `${(entry / ours).toFixed(2)}x the runtime, ${(entry / ajvRate).toFixed(2)}x raw ajv`);
}

// ---------------------------------------------------------------------------------------------------------
// Cold start, in fresh processes, interleaved with the baseline so that load on the machine hits both.

const coldRecords = join(tmp, "cold-records.json");
writeFileSync(coldRecords, JSON.stringify([fixtures.ec2RunInstances(), fixtures.iamCreatePolicy()]));
const schemasFile = join(tmp, "cold-schemas.json");
writeFileSync(schemasFile, JSON.stringify([runtime.getEventSchema("ec2", "RunInstances"), runtime.getEventSchema("iam", "CreatePolicy")]));
const coldOurs = join(tmp, "cold-ours.mjs");
writeFileSync(
  coldOurs,
  `import { validateEvent } from ${JSON.stringify(DIST)};
   import { readFileSync } from "node:fs";
   for (const r of JSON.parse(readFileSync(${JSON.stringify(coldRecords)}, "utf8"))) if (!validateEvent(r).valid) process.exit(1);`,
);
const coldAjv = join(tmp, "cold-ajv.mjs");
writeFileSync(
  coldAjv,
  `import { createRequire } from "node:module";
   import { readFileSync } from "node:fs";
   const { Ajv2020 } = createRequire(${JSON.stringify(join(ROOT, "package.json"))})("ajv/dist/2020.js");
   const ajv = new Ajv2020({ strict: false, logger: false });
   const schemas = JSON.parse(readFileSync(${JSON.stringify(schemasFile)}, "utf8"));
   const records = JSON.parse(readFileSync(${JSON.stringify(coldRecords)}, "utf8"));
   schemas.forEach((s, i) => { if (!ajv.compile(s)(records[i])) process.exit(1); });`,
);

const coldEntry = join(tmp, "cold-ajv-entry.mjs");
writeFileSync(
  coldEntry,
  `import { validateEvent } from ${JSON.stringify(DIST_AJV)};
   import { readFileSync } from "node:fs";
   for (const r of JSON.parse(readFileSync(${JSON.stringify(coldRecords)}, "utf8"))) if (!validateEvent(r).valid) process.exit(1);`,
);

function wall(args: string[]): number {
  const t0 = performance.now();
  execFileSync(process.execPath, args, { stdio: "ignore" });
  return performance.now() - t0;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const bare: number[] = [];
const ours: number[] = [];
const ajvCold: number[] = [];
const entryCold: number[] = [];
for (let i = 0; i < 15; i++) {
  bare.push(wall(["-e", ""]));
  ours.push(wall([coldOurs]));
  ajvCold.push(wall([coldAjv]));
  if (i < 7) entryCold.push(wall([coldEntry]));
}
const base = median(bare);
row("cold start: import + ec2 RunInstances + iam CreatePolicy (ms over node -e '')", (median(ours) - base).toFixed(1), `${base.toFixed(1)} node -e ''`, `${(median(ours) / base).toFixed(2)}x bare node (goal <= 60 ms)`);
row("  the same with ajv compiling getEventSchema at run time (ms over node -e '')", (median(ajvCold) - base).toFixed(1), `${(median(ours) - base).toFixed(1)} runtime`, `${((median(ajvCold) - base) / (median(ours) - base)).toFixed(1)}x the runtime`);
row("  the same through the ajv entry (ms over node -e '')", (median(entryCold) - base).toFixed(1), `${(median(ours) - base).toFixed(1)} runtime`, `${((median(entryCold) - base) / (median(ours) - base)).toFixed(1)}x the runtime`);

// ---------------------------------------------------------------------------------------------------------
// Bundle: a Lambda handler validating iam events.

async function bundle(name: string, source: string): Promise<number> {
  const entry = join(ROOT, `.bench-${name}.mjs`);
  writeFileSync(entry, source);
  const outfile = join(tmp, `${name}.mjs`);
  try {
    await build({ entryPoints: [entry], bundle: true, minify: true, platform: "node", format: "esm", target: "node20", outfile, logLevel: "silent" });
  } finally {
    rmSync(entry, { force: true });
  }
  return statSync(outfile).size;
}
const handler = await bundle(
  "iam-handler",
  `import { registerSchemas, recordsOf, isCloudTrailEvent } from "@cloudtrail-schema/runtime";
   import iam from "@cloudtrail-schema/runtime/schemas/iam";
   registerSchemas(iam);
   export const handler = async (event) => recordsOf(event).filter((r) => isCloudTrailEvent(r, "iam")).length;`,
);
const core = await bundle("core", `export { validateEvent, recordsOf } from "@cloudtrail-schema/runtime";`);
const ajvBundle = await bundle("ajv", `import Ajv from "ajv/dist/2020.js"; export const ajv = new Ajv();`);
row("bundle: minified Lambda handler validating iam events", kb(handler), `${kb(ajvBundle)} ajv alone`, `${(handler / ajvBundle).toFixed(2)}x ajv (goal <= 100 KB)`);
row("  of which the runtime's code (no schemas)", kb(core), `${kb(handler - core)} iam + envelope schemas`, "");
const entryHandler = await bundle(
  "iam-handler-ajv",
  `import { registerSchemas, recordsOf } from "@cloudtrail-schema/runtime";
   import { isCloudTrailEvent } from "@cloudtrail-schema/runtime/ajv";
   import iam from "@cloudtrail-schema/runtime/schemas/iam";
   registerSchemas(iam);
   export const handler = async (event) => recordsOf(event).filter((r) => isCloudTrailEvent(r, "iam")).length;`,
);
row("  the same handler through the ajv entry", kb(entryHandler), `${kb(handler)} runtime`, `${(entryHandler / handler).toFixed(2)}x the runtime`);

// ---------------------------------------------------------------------------------------------------------
// Memory after loading ec2.

const memScript = join(tmp, "mem.mjs");
writeFileSync(
  memScript,
  `import { validateEvent, getEventSchema } from ${JSON.stringify(DIST)};
   import { readFileSync } from "node:fs";
   const [ec2] = JSON.parse(readFileSync(${JSON.stringify(coldRecords)}, "utf8"));
   const m = () => { globalThis.gc(); const u = process.memoryUsage(); return [u.heapUsed, u.rss]; };
   const [h0, r0] = m();
   validateEvent(ec2); validateEvent(ec2, { mode: "strict" });
   const [h1, r1] = m();
   console.log(JSON.stringify({ heap: h1 - h0, rss: r1 - r0, heapTotal: h1 }));`,
);
const mem = JSON.parse(execFileSync(process.execPath, ["--expose-gc", memScript], { encoding: "utf8" })) as { heap: number; rss: number; heapTotal: number };
row("memory after loading ec2 (heap growth; RunInstances, both modes)", kb(mem.heap), `${kb(mem.heapTotal)} heap in use`, `RSS +${kb(mem.rss)}`);

// ---------------------------------------------------------------------------------------------------------
// Sizes, and what ajv standalone code would weigh instead.

const sizeOf = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? sizeOf(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
const generated = sizeOf(join(ROOT, "generated"));
const packs = (s: string) => statSync(join(ROOT, "generated/schemas", `${s}.cjs`)).size;
/** ajv standalone code for every operation of a service, its definitions shared in one document. */
function standalone(service: string): number {
  const ajv = new Ajv2020({ strict: false, logger: false, code: { source: true, lines: false } });
  const id = `https://bench.invalid/${service}.json`;
  const $defs: Record<string, unknown> = {};
  const refs: Record<string, string> = {};
  for (const op of runtime.listOperations(service)) {
    Object.assign($defs, (runtime.getEventSchema(service, op) as { $defs: Record<string, unknown> }).$defs);
    refs[op] = `${id}#/$defs/${encodeURIComponent(`${op}.event`).replace(/%2E/g, ".")}`;
  }
  ajv.addSchema({ $id: id, $defs });
  const fn = ((standaloneCode as unknown as { default?: unknown }).default ?? standaloneCode) as (ajv: unknown, refs: Record<string, string>) => string;
  return Buffer.byteLength(fn(ajv, refs));
}
const t0 = performance.now();
const standaloneIam = standalone("iam");
const standaloneMs = performance.now() - t0;
row("data: iam schemas in the runtime (both modes)", kb(packs("iam")), `${kb(standaloneIam)} ajv standalone, compatible only`, `${(packs("iam") / standaloneIam).toFixed(3)}x (standalone took ${(standaloneMs / 1000).toFixed(1)} s)`);
const standaloneEc2 = standalone("ec2");
row("data: ec2 schemas in the runtime (both modes)", kb(packs("ec2")), `${kb(standaloneEc2)} ajv standalone, compatible only`, `${(packs("ec2") / standaloneEc2).toFixed(3)}x`);
row("data: all services (generated/, both modes)", `${(generated / 1024 / 1024).toFixed(1)} MB`, `${kb(sizeOf(join(ROOT, "dist")))} dist`, "");

rmSync(tmp, { recursive: true, force: true });

// ---------------------------------------------------------------------------------------------------------
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), ["what", "runtime", "baseline", "ratio"][i]!.length));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
console.log(`@cloudtrail-schema/runtime, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log(line(["what", "runtime", "baseline", "ratio"]));
console.log(line(widths.map((w) => "-".repeat(w))));
for (const r of rows) console.log(line(r));
