/**
 * Run `validate`'s units on `jobs` worker threads (node:worker_threads), each taking the next unit when it
 * finishes one, so big and small files balance; or, when there is one job or one unit, in this thread,
 * which saves a worker's start-up (loading the runtime again). Tallies come back in unit order.
 */
import { Worker } from "node:worker_threads";
import type { Progress } from "./progress.js";
import { isFatal, scanUnit, type Mode, type Runtime, type Unit } from "./scan.js";
import type { Tally } from "./tally.js";
import type { FromWorker } from "./worker.js";

/** The worker's file: beside the bundle (dist/cli-validate-worker.js, tsup.config.ts), or from source under tsx. */
function workerUrl(): URL {
  const file = import.meta.url.endsWith(".ts") ? "./worker.ts" : "./cli-validate-worker.js";
  return new URL(file, import.meta.url);
}

export class FatalError extends Error {}

export async function runUnits(units: readonly Unit[], options: { jobs: number; mode: Mode; rt: Runtime; progress: Progress }): Promise<Tally[]> {
  const { jobs, mode, rt, progress } = options;
  const results: Tally[] = new Array(units.length);
  const workers = Math.min(jobs, units.length);
  if (workers <= 1) {
    for (const u of units) {
      try {
        results[u.index] = await scanUnit(u, mode, rt, (b, r) => progress.add(b, r));
      } catch (e) {
        throw isFatal(e) ? new FatalError((e as Error).message) : e;
      }
    }
    return results;
  }
  return new Promise<Tally[]>((resolve, reject) => {
    let next = 0;
    let finished = 0;
    let settled = false;
    const pool: Worker[] = [];
    const stop = (e?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of pool) void w.terminate();
      if (e) reject(e);
      else resolve(results);
    };
    const feed = (w: Worker) => {
      if (next < units.length) w.postMessage(units[next++]);
    };
    for (let i = 0; i < workers; i++) {
      const w = new Worker(workerUrl(), { workerData: { mode } });
      pool.push(w);
      w.on("message", (m: FromWorker) => {
        if (m.type === "progress") progress.add(m.bytes, m.records);
        else if (m.type === "done") {
          results[m.index] = m.tally;
          if (++finished === units.length) stop();
          else feed(w);
        } else stop(new FatalError(m.message));
      });
      w.on("error", (e) => stop(e));
      w.on("exit", (code) => {
        if (code !== 0 && finished < units.length) stop(new Error(`a validate worker exited with code ${code}`));
      });
      feed(w);
    }
  });
}
