/** The pipeline with its I/O edges: open the snapshot, generate, write. */
import { createContext, type GenerateContext } from "./context.js";
import { generate } from "./generate.js";
import { openSnapshot } from "./load.js";
import { write } from "./write.js";

export interface GenerateAllOptions extends Partial<Pick<GenerateContext, "services" | "rules" | "docs">> {
  out: string;
  snapshotDir?: string;
}

export function generateAll(options: GenerateAllOptions): { services: number; operations: number } {
  const snapshot = openSnapshot(options.snapshotDir);
  const ctx = createContext(snapshot, options);
  const { files, services, operations } = generate(snapshot, ctx);
  write(files, options.out, ["schemas"]);
  return { services, operations };
}
