/**
 * `pnpm bench`: run every scripts/bench-*.ts in turn (each prints its own table), after checking the
 * packages are built. Speed and memory targets live here, never in timed tests; every figure is quoted
 * next to a baseline measured in the same run.
 *
 *   pnpm bench              # all
 *   pnpm bench generator    # only bench-generator.ts
 *   pnpm bench types --compare DIR   # options after the names go to each bench
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const dir = import.meta.dirname;
// Bench names first; from the first option on (`--` itself dropped, as pnpm may or may not pass it), arguments go to each bench.
const argv = process.argv.slice(2);
const firstOption = argv.findIndex((a) => a.startsWith("-"));
const only = firstOption < 0 ? argv : argv.slice(0, firstOption);
const forward = firstOption < 0 ? [] : argv.slice(firstOption).filter((a) => a !== "--");
const benches = readdirSync(dir)
  .filter((f) => /^bench-.+\.ts$/.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f === `bench-${o}.ts`))
  .sort();
if (benches.length === 0) {
  process.stderr.write(`bench: nothing matches ${only.join(", ")}; have: ${readdirSync(dir).filter((f) => f.startsWith("bench-")).join(", ")}\n`);
  process.exit(2);
}
let failed = 0;
for (const f of benches) {
  process.stdout.write(`\n## ${f}\n\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", join(dir, f), ...forward], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
