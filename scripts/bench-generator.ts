/**
 * Generator benchmarks (issue 2):
 * - full generation of JSON Schema for every service: wall time and peak RSS of a fresh process
 *   (goal ≤ 10 s on a 2-core machine);
 * - one CLI lookup, whole process, against `node -e ''` measured in the same run (goal: within 25 ms),
 *   through the fast lookup (dist/cli-lookup.js) and through the whole CLI (`show -- TARGET`) side by side;
 * - `search`, whole process (goal: under 300 ms; issue 11).
 * Wall-clock and CPU time (user + system of the process) are both given: on a shared machine the first
 * measures the neighbours too.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fmt, table, timeNode, type ProcessTiming } from "./bench-lib.js";

const root = join(import.meta.dirname, "..");
const dist = join(root, "packages", "generator", "dist");
if (!existsSync(join(dist, "generate.js")) || !existsSync(join(dist, "cli.js"))) {
  process.stderr.write("bench-generator: build first (pnpm build)\n");
  process.exit(2);
}

// Full generation in a fresh process; the child reports its own peak RSS.
const out = mkdtempSync(join(tmpdir(), "ct-bench-gen-"));
const probe = `
  const t0 = performance.now();
  const { generateAll } = await import(${JSON.stringify(join(dist, "index.js"))});
  const r = await generateAll({ out: ${JSON.stringify(out)}, types: false });
  console.log(JSON.stringify({ ms: performance.now() - t0, maxRssKb: process.resourceUsage().maxRSS, ...r }));
`;
const gen = spawnSync(process.execPath, ["--input-type=module", "-e", probe], { encoding: "utf8" });
rmSync(out, { recursive: true, force: true });
if (gen.status !== 0) {
  process.stderr.write(gen.stderr);
  process.exit(1);
}
const g = JSON.parse(gen.stdout.trim().split("\n").at(-1)!) as { ms: number; maxRssKb: number; services: number; operations: number };

const cli = join(dist, "cli.js");
// BENCH_BASELINE_CLI=/path/to/an/older/dist/cli.js adds its figures beside (e.g. a build of main, for before/after).
const baselineCli = process.env.BENCH_BASELINE_CLI;
const bare = timeNode(["-e", ""]);
// `show -- TARGET` prints the same as `TARGET` through the whole CLI (the `--` turns the fast lookup off):
// the lookup before and after dist/cli-lookup.js, side by side in one run.
const cases: { args: string[]; goal: string }[] = [
  { args: ["iam.CreatePolicy.output"], goal: "≤ +25 ms" },
  { args: ["show", "--", "iam.CreatePolicy.output"], goal: "" },
  { args: ["ec2.RunInstances.input"], goal: "≤ +25 ms" },
  { args: ["show", "--", "ec2.RunInstances.input"], goal: "" },
  { args: ["iam"], goal: "" },
  { args: [], goal: "" },
  { args: ["search", "stop logging trail"], goal: "< 300 ms" },
  { args: ["search", "managed policy"], goal: "< 300 ms" },
  { args: ["search", "policyName"], goal: "< 300 ms" },
];
const rows: string[][] = [];
const cell = (t: ProcessTiming) =>
  `${fmt(t.medianMs)} ms (+${fmt(t.medianMs - bare.medianMs)}); cpu ${fmt(t.cpuMedianMs ?? NaN)} ms (+${fmt((t.cpuMedianMs ?? NaN) - (bare.cpuMedianMs ?? NaN))})`;
for (const { args, goal } of cases) {
  const shown = args.map((a) => (a.includes(" ") ? `"${a}"` : a)).join(" ");
  const runs = args[0] === "search" ? 10 : 20;
  // A baseline search may read every model (the substring search before issue 11 took seconds): 3 runs.
  const baseRuns = args[0] === "search" ? 3 : runs;
  rows.push([`cloudtrail-schema ${shown}`, cell(timeNode([cli, ...args], runs)), baselineCli ? cell(timeNode([baselineCli, ...args], baseRuns, 1)) : "", goal]);
}

process.stdout.write(
  `${table([
    ["measure", "value", "goal"],
    [`full generation, JSON Schema (${g.services} services, ${g.operations} operations)`, `${fmt(g.ms / 1000, 2)} s`, "≤ 10 s"],
    ["full generation, peak RSS", `${fmt(g.maxRssKb / 1024, 0)} MB`, ""],
  ])}\n\n`,
);
process.stdout.write(
  `${table([
    ["command (median of whole processes; + is over node -e '')", "this build", baselineCli ? "BENCH_BASELINE_CLI" : "", "goal"],
    ["baseline: node -e ''", `${fmt(bare.medianMs)} ms; cpu ${fmt(bare.cpuMedianMs ?? NaN)} ms`, "", ""],
    ...rows,
  ])}\n`,
);
