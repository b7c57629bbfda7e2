/** The pipeline with its I/O edges: open the snapshot, generate, write. */
import { createContext, type GenerateContext } from "./context.js";
import { emitEnvelopeTypes, TYPES_DIR } from "./emit-types.js";
import { envelopeSchema } from "./envelope.js";
import { generate } from "./generate.js";
import { openSnapshot } from "./load.js";
import { write } from "./write.js";

export interface GenerateAllOptions extends Partial<Pick<GenerateContext, "services" | "rules" | "docs" | "types" | "schemaDocs" | "modelConstraints" | "fullDocs">> {
  out: string;
  snapshotDir?: string;
}

export async function generateAll(options: GenerateAllOptions): Promise<{ services: number; operations: number }> {
  const snapshot = openSnapshot(options.snapshotDir);
  const ctx = createContext(snapshot, options);
  const { files, services, operations } = generate(snapshot, ctx);
  // The one asynchronous emitter (json-schema-to-typescript), kept out of the synchronous generate().
  if (ctx.types) files.set(...(await emitEnvelopeTypes(envelopeSchema(ctx.botocoreVersion), ctx)));
  write(files, options.out, ctx.types ? ["schemas", "build", TYPES_DIR] : ["schemas", "build"]);
  return { services, operations };
}
