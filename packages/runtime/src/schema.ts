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
import type { EventSchemaOptions, JsonSchema, Mode } from "./types.js";

const DIALECT = "https://json-schema.org/draft/2020-12/schema";
const BASE = "https://cloudtrail-schema.dev/schemas";

/** Def names in a URI fragment, as the generator writes them: URI-encoded, dots kept. */
export const escapeDef = (name: string): string => encodeURIComponent(name).replace(/%2E/gi, ".");

export function getEventSchema(service: string, operation: string, options?: EventSchemaOptions): JsonSchema {
  const mode = readMode(options);
  const svc = getService(service);
  const op = checkOperation(svc, operation);
  return withMode(
    {
      $schema: DIALECT,
      $id: eventSchemaId(svc.name, op, mode),
      title: `${svc.name} ${op} CloudTrail record (${mode})`,
      $ref: `#/$defs/${escapeDef(`${op}.event`)}`,
      $defs: reachable(svc.doc(), [`${op}.event`]),
    },
    mode,
  );
}

/** `$id` of getEventSchema's document: `https://cloudtrail-schema.dev/schemas/<service>/<Operation>[.strict].json`. */
export const eventSchemaId = (service: string, operation: string, mode: Mode): string => `${BASE}/${service}/${operation}${mode === "strict" ? ".strict" : ""}.json`;

/** `$id` of serviceSchema's document: `https://cloudtrail-schema.dev/schemas/<service>.<mode>.json`. */
export const serviceSchemaId = (service: string, mode: Mode): string => `${BASE}/${service}.${mode}.json`;

/**
 * Every operation's record schema of a service in one document, as `$defs` named as in getEventSchema's
 * (`<Operation>.event`, the definitions they reach, the envelope's as `envelope.*`), so a validator that
 * caches compiled definitions per document (ajv) compiles a definition shared by many operations once.
 * The caller has checked the service name.
 */
export function serviceSchema(service: string, mode: Mode): JsonSchema {
  const svc = getService(service);
  return withMode(
    {
      $schema: DIALECT,
      $id: serviceSchemaId(svc.name, mode),
      title: `${svc.name} CloudTrail records (${mode})`,
      $defs: reachable(
        svc.doc(),
        [...svc.operations].map((op) => `${op}.event`),
      ),
    },
    mode,
  );
}

/** The definitions reachable from `roots`, each `$ref` made local, sorted by name. */
function reachable(root: SchemaDoc, roots: string[]): { [name: string]: unknown } {
  const defs: { [name: string]: unknown } = {};
  const queue: [SchemaDoc, string][] = roots.map((name) => [root, name]);
  const seen = new Set<string>();
  for (let i = 0; i < queue.length; i++) {
    const [doc, name] = queue[i]!;
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
  return sorted;
}

/** Strict hoists `x-model`, compatible drops it (the generator's modes.ts), so no vendor keyword is left. */
function withMode(document: { [k: string]: unknown }, mode: Mode): JsonSchema {
  return (mode === "strict" ? toStrict(document as JsonValue) : toCompatible(document as JsonValue)) as JsonSchema;
}
