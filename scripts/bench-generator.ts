/**
 * Generator benchmarks (issue 2):
 * - full generation of JSON Schema for every service: wall time and peak RSS of a fresh process
 *   (goal ≤ 10 s on a 2-core machine);
 * - one CLI lookup, whole process, against `node -e ''` measured in the same run (goal: within 25 ms).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fmt, table, timeProcess } from "./bench-lib.js";

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
const bare = timeProcess(process.execPath, ["-e", ""]);
const lookups = [
  ["iam.CreatePolicy.output"],
  ["ec2.RunInstances.input"],
  ["iam"],
  [],
].map((args) => ({ args, t: timeProcess(process.execPath, [cli, ...args]) }));

process.stdout.write(
  `${table([
    ["measure", "value", "goal"],
    [`full generation, JSON Schema (${g.services} services, ${g.operations} operations)`, `${fmt(g.ms / 1000, 2)} s`, "≤ 10 s"],
    ["full generation, peak RSS", `${fmt(g.maxRssKb / 1024, 0)} MB`, ""],
    ["baseline: node -e '' (median)", `${fmt(bare.medianMs)} ms`, ""],
    ...lookups.map(({ args, t }) => [
      `cloudtrail-schema ${args.join(" ")} (median, minus baseline)`,
      `${fmt(t.medianMs)} ms (+${fmt(t.medianMs - bare.medianMs)} ms)`,
      args[0]?.includes(".") ? "≤ +25 ms" : "",
    ]),
  ])}\n`,
);
