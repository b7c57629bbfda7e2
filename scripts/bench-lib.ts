/** Small helpers shared by the benchmarks: timing whole processes and printing tables. */
import { spawnSync } from "node:child_process";

export interface ProcessTiming {
  medianMs: number;
  minMs: number;
  runs: number;
  /** Median CPU time (user + system) of the node process, when measured with `nodeCpu`. */
  cpuMedianMs?: number;
}

const CPU_PRELOAD = new URL("./bench-cpu.cjs", import.meta.url).pathname;

/**
 * Like timeProcess for a node script, also reporting the median CPU time the process used (a preload
 * prints it at exit): on a shared machine, wall-clock time measures the neighbours too.
 */
export function timeNode(args: readonly string[], runs = 20, warmup = 3, env?: NodeJS.ProcessEnv): ProcessTiming {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs + warmup; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ["-r", CPU_PRELOAD, ...args], { stdio: ["ignore", "ignore", "pipe"], env: env ?? process.env });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}: ${r.stderr?.toString().slice(0, 500)}`);
    const m = /@cpu-ms:([\d.]+)\s*$/.exec(r.stderr.toString());
    if (i >= warmup) {
      times.push(ms);
      if (m) cpu.push(Number(m[1]));
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { medianMs: median(times), minMs: Math.min(...times), runs, ...(cpu.length ? { cpuMedianMs: median(cpu) } : {}) };
}

/** Run a command `runs` times (after `warmup` runs) and report wall-clock times of the whole process. */
export function timeProcess(cmd: string, args: readonly string[], runs = 20, warmup = 3, env?: NodeJS.ProcessEnv): ProcessTiming {
  const times: number[] = [];
  for (let i = 0; i < runs + warmup; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { stdio: ["ignore", "ignore", "pipe"], env: env ?? process.env });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr?.toString().slice(0, 500)}`);
    if (i >= warmup) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)]!, minMs: times[0]!, runs };
}

export function table(rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map(String));
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(cells[0]!), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.slice(1).map(line)].join("\n");
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);
