/**
 * `getEventSchema(service, operation, { mode })`: one operation's complete record schema as a standalone
 * JSON Schema document (draft 2020-12). Self-contained: the definitions it reaches, and the envelope's
 * (prefixed `envelope.`), are copied into its `$defs` and every `$ref` is local, so any validator can use it
 * without loading other documents. The mode is applied (strict hoists `x-model`, compatible drops it; the
 * generator's modes.ts), so no vendor keyword is left.
 *
 * It is also the document the `schemaPath` of validateEvent's errors points into.
 */
import { toCompatible, toStrict } from "../../generator/src/modes.js";
import type { JsonValue } from "../../generator/src/json-schema.js";
import type { SchemaDoc } from "./compile.js";
import { checkOperation, getService } from "./data.js";
import { mapSchema, setOwn } from "./keywords.js";
import { readMode } from "./options.js";
import type { EventSchemaOptions, JsonSchema } from "./types.js";

const DIALECT = "https://json-schema.org/draft/2020-12/schema";
const BASE = "https://cloudtrail-schema.dev/schemas";

/** Def names in a URI fragment, as the generator writes them: URI-encoded, dots kept. */
export const escapeDef = (name: string): string => encodeURIComponent(name).replace(/%2E/gi, ".");

export function getEventSchema(service: string, operation: string, options?: EventSchemaOptions): JsonSchema {
  const mode = readMode(options);
  const svc = getService(service);
  const op = checkOperation(svc, operation);
  const root = svc.doc();
  const defs: { [name: string]: unknown } = {};
  const queue: [SchemaDoc, string][] = [[root, `${op}.event`]];
  const seen = new Set<string>();
  while (queue.length) {
    const [doc, name] = queue.shift()!;
    const key = doc.prefix + name;
    if (seen.has(key)) continue;
    seen.add(key);
    const def = mapSchema(doc.def(name), "#", (node) => {
      if (typeof node.$ref !== "string") return node;
      const target = doc.resolve(node.$ref);
      if (!target) return node; // the build checked every $ref; nothing reaches here
      queue.push(target);
      return { ...node, $ref: `#/$defs/${escapeDef(target[0].prefix + target[1])}` };
    });
    setOwn(defs, key, def);
  }
  const sorted: { [name: string]: unknown } = {};
  for (const k of Object.keys(defs).sort()) setOwn(sorted, k, defs[k]);
  const document = {
    $schema: DIALECT,
    $id: `${BASE}/${svc.name}/${op}${mode === "strict" ? ".strict" : ""}.json`,
    title: `${svc.name} ${op} CloudTrail record (${mode})`,
    $ref: `#/$defs/${escapeDef(`${op}.event`)}`,
    $defs: sorted,
  } as JsonValue;
  return (mode === "strict" ? toStrict(document) : toCompatible(document)) as JsonSchema;
}
