/**
 * A `validate` worker thread: loads the runtime once, then validates the units the main thread sends, one
 * at a time, reporting progress and, per unit, its tally (pool.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadRuntime, scanUnit, type Mode, type Unit } from "./scan.js";

export type ToWorker = Unit;
export type FromWorker =
  | { type: "progress"; bytes: number; records: number }
  | { type: "done"; index: number; tally: import("./tally.js").Tally }
  | { type: "fatal"; message: string };

const port = parentPort!;
const mode = (workerData as { mode: Mode }).mode;
const post = (m: FromWorker) => port.postMessage(m);

try {
  const rt = await loadRuntime();
  port.on("message", (unit: ToWorker) => {
    scanUnit(unit, mode, rt, (bytes, records) => post({ type: "progress", bytes, records })).then(
      (tally) => post({ type: "done", index: unit.index, tally }),
      (e: unknown) => post({ type: "fatal", message: e instanceof Error ? e.message : String(e) }),
    );
  });
} catch (e) {
  post({ type: "fatal", message: e instanceof Error ? e.message : String(e) });
}
