/**
 * Benchmark of @cloudtrail-schema/types for the compiler (issues 3 and 9): a consumer project that
 * registers 10 operations of iam, kms, sts, s3, lambda and ec2 (importing their operation modules,
 * `@cloudtrail-schema/types/ec2/RunInstances`) and handles them, type-checked with
 * `tsc --noEmit --extendedDiagnostics`, against the same consumer written with @types/aws-lambda's
 * `EventBridgeEvent<string, any>`, in the same run, with skipLibCheck true and false; plus the package's
 * packed and unpacked size (`npm pack --dry-run`, what the registry would hold).
 *
 *   node --import tsx scripts/bench-types.ts [--runs 5] [--json] [--all] [--compare DIR] [--skip-generation]
 *   pnpm bench types -- --compare DIR
 *
 * Goal (issue 9): the typed consumer within 1.5x the baseline's time, with and without skipLibCheck; the
 * ratio is given for tsc's check time and for its total time (read, parse, bind and check: what a user
 * waits for). `--compare DIR` measures another build of the package beside this one in the same run (a
 * copy of packages/types from before a change: consumer times and package size, side by side; a build
 * from before per-operation modules gets the consumer that imports whole services). The same consumer
 * importing the six whole service modules is measured too, and `--all` adds one that imports
 * `@cloudtrail-schema/types/all` (every service). Also times full generation with and without the
 * declarations, fresh processes.
 * Needs `pnpm build` first (the generator writes the package).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";

const ROOT = join(import.meta.dirname, "..");
const TYPES = join(ROOT, "packages", "types");
const require = createRequire(join(ROOT, "package.json"));
const TSC = require.resolve("typescript/bin/tsc");

/** The 10 operations the consumer handles, across the six services issue 9 names (each registered once). */
export const OPERATIONS: readonly [service: string, operation: string][] = [
  ["ec2", "RunInstances"],
  ["ec2", "TerminateInstances"],
  ["ec2", "AuthorizeSecurityGroupIngress"],
  ["s3", "PutBucketPolicy"],
  ["s3", "DeleteBucket"],
  ["iam", "CreatePolicy"],
  ["iam", "AttachRolePolicy"],
  ["lambda", "CreateFunction"],
  ["kms", "ScheduleKeyDeletion"],
  ["sts", "AssumeRole"],
];

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Field names the consumer reads, taken from the generated schemas so the code follows the fidelity rules. */
function fieldsOf(service: string, operation: string, types = TYPES): { request: string[]; response: string[] } {
  type Node = { properties?: object; $ref?: string; anyOf?: Node[] };
  const doc = JSON.parse(readFileSync(join(types, "schemas", `${service}.json`), "utf8")) as { $defs: Record<string, Node> };
  // The first alternative with properties (EC2's legacy form before its wrapped one), through references.
  const props = (n: Node | undefined): string[] => {
    if (!n) return [];
    if (n.properties) return Object.keys(n.properties);
    if (n.$ref) return props(doc.$defs[decodeURIComponent(n.$ref.replace("#/$defs/", ""))]);
    for (const o of n.anyOf ?? []) if (props(o).length) return props(o);
    return [];
  };
  const keys = (def: string) => props(doc.$defs[def]).filter((k) => IDENT.test(k));
  return { request: keys(`${operation}.requestParameters`).slice(0, 3), response: keys(`${operation}.responseElements`).slice(0, 2) };
}

const pascal = (s: string) => s.split(/[^A-Za-z0-9]+/).map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");

const handlerName = (service: string, operation: string) => `on${service[0]!.toUpperCase()}${service.slice(1)}${operation}`;

/** The consumer's source; `typed` uses this package, the baseline `EventBridgeEvent<string, any>`. */
export function consumerSource(
  typed: boolean,
  options: { importAll?: boolean; wholeService?: boolean; named?: boolean; services?: boolean } = {},
): string {
  const { importAll = false, wholeService = false, named = false, services: byService = false } = options;
  /** The event type: through the generic, or (`named`) the service module's own events map, no generic. */
  const eventType = (service: string, ops: string) =>
    named ? `${pascal(service)}.${pascal(service)}Events[${ops}]` : `CloudTrailEvent<"${service}"${ops ? `, ${ops}` : ""}>`;
  const services = [...new Set(OPERATIONS.map(([s]) => s))];
  let src = `import type { EventBridgeHandler } from "aws-lambda";\n`;
  if (typed && named) {
    for (const s of services) src += `import type * as ${pascal(s)} from "@cloudtrail-schema/types/${s}";\n`;
  } else if (typed) {
    src += `import type { CloudTrailEvent } from "@cloudtrail-schema/types";\n`;
    // Each operation handled registers itself (`@cloudtrail-schema/types/ec2/RunInstances`); `services` imports
    // the whole service modules instead, `importAll` every service.
    const modules = importAll ? ["all"] : byService ? services : OPERATIONS.map(([s, op]) => `${s}/${op}`);
    for (const m of modules) src += `import type {} from "@cloudtrail-schema/types/${m}";\n`;
  }
  src += `\ndeclare function log(...values: unknown[]): void;\n`;
  for (const [service, operation] of OPERATIONS) {
    const { request, response } = fieldsOf(service, operation);
    const detail = typed ? eventType(service, `"${operation}"`) : "any";
    src += `
export const ${handlerName(service, operation)}: EventBridgeHandler<${typed ? '"AWS API Call via CloudTrail"' : "string"}, ${detail}, string> = async (event) => {
  const detail = event.detail;
  if (detail.errorCode) return \`\${detail.eventName} failed: \${detail.errorCode} \${detail.errorMessage ?? ""}\`;
  log(detail.eventSource, detail.eventName, detail.awsRegion, detail.userIdentity?.arn, detail.userIdentity?.sessionContext?.sessionIssuer?.userName);
  const request = detail.requestParameters;
${request.map((f) => `  log("${f}", request?.${f});`).join("\n")}
  const response = detail.responseElements;
${response.map((f) => `  log("${f}", response?.${f});`).join("\n")}
  return \`\${detail.eventSource} \${detail.eventName} by \${detail.userIdentity?.principalId ?? "unknown"}\`;
};
`;
  }
  for (const service of services) {
    const ops = OPERATIONS.filter(([s]) => s === service);
    // The union of the operations handled (what a consumer of these 10 writes); `wholeService` switches over
    // every event of the service instead (ec2: 750 operations), to show what that costs.
    const handled = ops.map(([, op]) => `"${op}"`).join(" | ");
    const param = typed ? eventType(service, wholeService ? (named ? `keyof ${pascal(service)}.${pascal(service)}Events` : "") : handled) : "any";
    src += `
export function route${service[0]!.toUpperCase()}${service.slice(1)}(event: ${param}): string {
  switch (event.eventName) {
${ops.map(([, op]) => `    case "${op}":\n      return \`${op} \${JSON.stringify(event.requestParameters ?? null).length}\`;`).join("\n")}
    default:
      return "other";
  }
}
`;
  }
  return src;
}

const TSCONFIG = (skipLibCheck: boolean) =>
  JSON.stringify(
    {
      compilerOptions: {
        strict: true,
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        lib: ["ES2022"],
        // Checking @types/aws-lambda's own declarations needs @types/node (its handler.d.ts imports node:stream).
        types: skipLibCheck ? [] : ["node"],
        skipLibCheck,
        noEmit: true,
      },
      files: ["handlers.ts"],
    },
    null,
    2,
  );

/** A consumer project in `dir`, with the package and @types/aws-lambda linked into its node_modules. */
function project(dir: string, source: string, skipLibCheck: boolean, types = TYPES): void {
  mkdirSync(join(dir, "node_modules", "@cloudtrail-schema"), { recursive: true });
  mkdirSync(join(dir, "node_modules", "@types"), { recursive: true });
  symlinkSync(types, join(dir, "node_modules", "@cloudtrail-schema", "types"));
  for (const pkg of ["aws-lambda", "node"]) symlinkSync(dirname(require.resolve(`@types/${pkg}/package.json`)), join(dir, "node_modules", "@types", pkg));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "bench-consumer", private: true, type: "module" }));
  writeFileSync(join(dir, "tsconfig.json"), TSCONFIG(skipLibCheck));
  writeFileSync(join(dir, "handlers.ts"), source);
}

export interface Diagnostics {
  files: number;
  lines: number;
  memoryKB: number;
  parse: number;
  bind: number;
  check: number;
  total: number;
}

function diagnostics(dir: string): Diagnostics {
  const r = spawnSync(process.execPath, [TSC, "-p", dir, "--extendedDiagnostics"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`tsc failed in ${dir}:\n${r.stdout}${r.stderr}`);
  const value = (name: string) => {
    const m = new RegExp(`^${name}:\\s+([\\d.]+)`, "m").exec(r.stdout);
    if (!m) throw new Error(`no "${name}" in tsc --extendedDiagnostics output`);
    return Number(m[1]);
  };
  const lines = ["Library", "Definitions", "TypeScript", "JavaScript", "JSON", "Other"].reduce((n, k) => n + value(`Lines of ${k}`), 0);
  return {
    files: value("Files"),
    lines,
    memoryKB: value("Memory used"),
    parse: value("Parse time"),
    bind: value("Bind time"),
    check: value("Check time"),
    total: value("Total time"),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function summarize(runs: Diagnostics[]): Diagnostics {
  const m = (k: keyof Diagnostics) => median(runs.map((r) => r[k]));
  return { files: m("files"), lines: m("lines"), memoryKB: m("memoryKB"), parse: m("parse"), bind: m("bind"), check: m("check"), total: m("total") };
}

export interface PackSize {
  packedBytes: number;
  unpackedBytes: number;
  entries: number;
  /** Unpacked bytes by top-level entry of the package (dist, schemas, manifest.json…). */
  parts: Record<string, number>;
}

export function packSize(types = TYPES): PackSize {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: types, encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "ignore"] });
  const [info] = JSON.parse(out) as { size: number; unpackedSize: number; entryCount: number; files: { path: string; size: number }[] }[];
  const parts: Record<string, number> = {};
  for (const f of info!.files) parts[f.path.split("/")[0]!] = (parts[f.path.split("/")[0]!] ?? 0) + f.size;
  return { packedBytes: info!.size, unpackedBytes: info!.unpackedSize, entries: info!.entryCount, parts };
}

export interface GenerationTiming {
  schemasOnlyMs: number;
  withTypesMs: number;
  withTypesMaxRssKb: number;
  services: number;
  operations: number;
}

/** Full generation in a fresh process, JSON Schemas only and with the declarations (what `pnpm build` runs). */
function generation(): GenerationTiming {
  const index = join(ROOT, "packages", "generator", "dist", "index.js");
  if (!existsSync(index)) throw new Error("packages/generator/dist is missing: run `pnpm build` first");
  const run = (types: boolean) => {
    const out = mkdtempSync(join(tmpdir(), "cloudtrail-types-gen-"));
    try {
      const probe = `
        const t0 = performance.now();
        const { generateAll } = await import(${JSON.stringify(index)});
        const r = await generateAll({ out: ${JSON.stringify(out)}, types: ${types} });
        console.log(JSON.stringify({ ms: performance.now() - t0, maxRssKb: process.resourceUsage().maxRSS, ...r }));`;
      const r = spawnSync(process.execPath, ["--input-type=module", "-e", probe], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`generation failed: ${r.stderr}`);
      return JSON.parse(r.stdout.trim().split("\n").at(-1)!) as { ms: number; maxRssKb: number; services: number; operations: number };
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  };
  const schemas = run(false);
  const all = run(true);
  return { schemasOnlyMs: schemas.ms, withTypesMs: all.ms, withTypesMaxRssKb: all.maxRssKb, services: all.services, operations: all.operations };
}

/** How one consumer compares with the baseline's, in one skipLibCheck mode. */
export interface Ratio {
  check: number;
  total: number;
}

export interface BenchResult {
  runs: number;
  skipLibCheck: Record<string, Diagnostics>;
  noSkipLibCheck: Record<string, Diagnostics>;
  /** The typed consumer against the baseline: check time and total time, in each mode. */
  ratios: { skipLibCheck: Ratio; noSkipLibCheck: Ratio; compare?: { skipLibCheck: Ratio; noSkipLibCheck: Ratio } };
  goal: string;
  pack: PackSize;
  /** The package of `--compare`, when given. */
  comparePack?: PackSize & { dir: string };
  generation?: GenerationTiming;
}

const TYPED = "@cloudtrail-schema/types";
const COMPARED = "@cloudtrail-schema/types, --compare build";

export function benchTypes(options: { runs?: number; all?: boolean; compare?: string; generation?: boolean } = {}): BenchResult {
  const runs = options.runs ?? 5;
  if (!existsSync(join(TYPES, "dist", "index.d.ts"))) throw new Error("packages/types/dist is missing: run `pnpm build` first");
  const compare = options.compare ? resolve(options.compare) : undefined;
  if (compare && !existsSync(join(compare, "dist", "index.d.ts"))) throw new Error(`--compare ${compare}: no dist/index.d.ts there (a copy of packages/types, built)`);
  const root = mkdtempSync(join(tmpdir(), "cloudtrail-types-bench-"));
  try {
    const variants: [name: string, source: string, types?: string][] = [
      ["baseline (@types/aws-lambda, any)", consumerSource(false)],
      [TYPED, consumerSource(true)],
      // A build from before per-operation modules has only whole services to import.
      ...(compare ? ([[COMPARED, consumerSource(true, { services: !existsSync(join(compare, "dist", "services", "iam", "shapes.d.ts")) }), compare]] as [string, string, string][]) : []),
      ["... importing the six whole service modules", consumerSource(true, { services: true })],
      ["... those, switching over every event of each service", consumerSource(true, { services: true, wholeService: true })],
      ["... those, naming the event types (no generic)", consumerSource(true, { named: true })],
      ...(options.all ? ([["... importing @cloudtrail-schema/types/all", consumerSource(true, { importAll: true })]] as [string, string][]) : []),
    ];
    const result = (skipLibCheck: boolean, runs: number) => {
      const dirs = variants.map(([name, src, types], i) => {
        const dir = join(root, `${skipLibCheck ? "skip" : "full"}-${i}`);
        project(dir, src, skipLibCheck, types);
        return [name, dir] as const;
      });
      const samples = new Map<string, Diagnostics[]>(dirs.map(([name]) => [name, []]));
      diagnostics(dirs[0]![1]); // warm the file system cache
      // Interleaved, so load on the machine hits every variant alike.
      for (let i = 0; i < runs; i++) for (const [name, dir] of dirs) samples.get(name)!.push(diagnostics(dir));
      return Object.fromEntries([...samples].map(([name, s]) => [name, summarize(s)]));
    };
    const skip = result(true, runs);
    // Checking every declaration takes seconds a run; fewer runs suffice to see the difference.
    const full = result(false, Math.max(3, Math.ceil(runs / 3)));
    const ratio = (rows: Record<string, Diagnostics>, name: string): Ratio => {
      const [base, typed] = [rows[variants[0]![0]]!, rows[name]!];
      return { check: typed.check / Math.max(base.check, 0.01), total: typed.total / Math.max(base.total, 0.01) };
    };
    return {
      runs,
      skipLibCheck: skip,
      noSkipLibCheck: full,
      ratios: {
        skipLibCheck: ratio(skip, TYPED),
        noSkipLibCheck: ratio(full, TYPED),
        ...(compare ? { compare: { skipLibCheck: ratio(skip, COMPARED), noSkipLibCheck: ratio(full, COMPARED) } } : {}),
      },
      goal: "the typed consumer's time <= 1.5x the baseline's, with skipLibCheck true and false",
      pack: packSize(),
      ...(compare ? { comparePack: { ...packSize(compare), dir: compare } } : {}),
      ...(options.generation === false ? {} : { generation: generation() }),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function table(title: string, rows: Record<string, Diagnostics>): string {
  const head = "| consumer | files | lines | memory | parse | bind | check | total |\n|---|---:|---:|---:|---:|---:|---:|---:|\n";
  const body = Object.entries(rows)
    .map(([name, d]) => `| ${name} | ${d.files} | ${d.lines.toLocaleString("en")} | ${(d.memoryKB / 1024).toFixed(0)} MB | ${d.parse.toFixed(2)} s | ${d.bind.toFixed(2)} s | ${d.check.toFixed(2)} s | ${d.total.toFixed(2)} s |`)
    .join("\n");
  return `${title}\n\n${head}${body}\n`;
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const x = (r: Ratio) => `check ${r.check.toFixed(2)}x, total ${r.total.toFixed(2)}x`;
const pack = (p: PackSize) =>
  `${mb(p.packedBytes)} packed, ${mb(p.unpackedBytes)} unpacked (${Object.entries(p.parts)
    .filter(([, n]) => n >= 1e5)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${mb(n)}`)
    .join(", ")}), ${p.entries} files`;

if (import.meta.filename === process.argv[1] || process.argv[1]?.endsWith("bench-types.ts")) {
  const { values } = parseArgs({
    options: {
      runs: { type: "string" },
      json: { type: "boolean" },
      all: { type: "boolean" },
      compare: { type: "string" },
      "skip-generation": { type: "boolean" },
    },
  });
  const r = benchTypes({
    ...(values.runs ? { runs: Number(values.runs) } : {}),
    ...(values.all ? { all: true } : {}),
    ...(values.compare ? { compare: values.compare } : {}),
    ...(values["skip-generation"] ? { generation: false } : {}),
  });
  if (values.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  else {
    const services = [...new Set(OPERATIONS.map(([s]) => s))].join(", ");
    process.stdout.write(`@cloudtrail-schema/types: tsc --noEmit --extendedDiagnostics, ${OPERATIONS.length} operations across ${services}; median of ${r.runs} runs\n\n`);
    const fullRuns = Math.max(3, Math.ceil(r.runs / 3));
    process.stdout.write(table("skipLibCheck: true", r.skipLibCheck));
    const others = (mode: "skipLibCheck" | "noSkipLibCheck") =>
      [r.ratios.compare && `--compare build: ${x(r.ratios.compare[mode])}`].filter(Boolean).join("; ");
    const also = (mode: "skipLibCheck" | "noSkipLibCheck") => (others(mode) ? ` (${others(mode)})` : "");
    process.stdout.write(`\ntyped against the baseline: ${x(r.ratios.skipLibCheck)}${also("skipLibCheck")}\n\n`);
    process.stdout.write(table(`skipLibCheck: false (median of ${fullRuns} runs)`, r.noSkipLibCheck));
    process.stdout.write(`\ntyped against the baseline: ${x(r.ratios.noSkipLibCheck)}${also("noSkipLibCheck")}\n`);
    process.stdout.write(`goal: ${r.goal}\n\n`);
    process.stdout.write(`package: ${pack(r.pack)} (npm pack --dry-run); goal <= 8 MB packed, <= 60 MB unpacked\n`);
    if (r.comparePack) process.stdout.write(`--compare build (${r.comparePack.dir}): ${pack(r.comparePack)}\n`);
    const g = r.generation;
    if (g)
      process.stdout.write(
        `full generation (${g.services} services, ${g.operations} operations): ${(g.withTypesMs / 1000).toFixed(1)} s with the declarations, ` +
          `${(g.schemasOnlyMs / 1000).toFixed(1)} s JSON Schemas only; peak RSS ${(g.withTypesMaxRssKb / 1024).toFixed(0)} MB\n`,
      );
  }
}
