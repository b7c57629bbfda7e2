/**
 * How a JSON Schema document is written into @cloudtrail-schema/types. The emitters build one full document
 * per service (compatible form, strict overlay under `x-model`, documentation on every node, absolute
 * references); the files are that document through a few pure stages:
 *
 * - `undocumented`: no `description` below the root. The package already carries the model's
 *   documentation once, as the declarations' TSDoc (the schema files were 128 MB of the package's 212,
 *   pretty-printed, most of it that same text). `schemaDocs` keeps it, and indents (`generate --schema-docs`).
 * - `withoutStrictOverlay`: no `x-model`. The published schemas describe what real records satisfy (the
 *   compatible mode), which is what users look fields up in and validate with a plain validator; the
 *   model's own constraints (enums, lengths, patterns, closed objects…) were 17.6 MB of the 48.5 MB of
 *   schemas. They are not lost: every document is also written whole under `build/schemas/` (not
 *   published), which the runtime's build reads for its strict mode. `modelConstraints` keeps them in the
 *   published files too (`generate --model-constraints`).
 * - `sharedDefinitions`: a definition the same as an earlier one is a reference to it (1.8 MB).
 * - `relativeRefs`: a reference into a sibling document (`https://cloudtrail-schema.dev/schemas/envelope.json#/$defs/Record`)
 *   written relative to the document's `$id` (`envelope.json#/$defs/Record`), as every JSON Schema
 *   validator resolves it: 19,000 event definitions name the envelope (0.74 MB).
 *
 * The walk knows where schemas sit: a record field called `description` (`properties.description`) stays,
 * and so does the document's own one-line description, which names the service and the botocore version
 * rather than documenting the model.
 */
import type { JsonSchema, JsonValue } from "./json-schema.js";
import { rewriteSchemaNodes, toCompatible, X_MODEL } from "./modes.js";

export interface SchemaFileOptions {
  /** Keep `description` on every node and indent (default: neither). */
  schemaDocs: boolean;
  /** Keep the strict overlay (`x-model`) in the published file (default: only in `build/schemas/`). */
  modelConstraints: boolean;
}

/** Where the full documents (with `x-model`) are written, beside the package's files and not published. */
export const FULL_SCHEMAS_DIR = "build/schemas";

/** Stable JSON text with a trailing newline: two-space indent when `pretty`, else minified. */
export const jsonFileText = (value: unknown, pretty: boolean): string => `${pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`;

/** The document without the `description` of any schema node below its root. */
export function undocumented<D extends JsonSchema>(doc: D): D {
  return rewriteSchemaNodes(doc as JsonValue, (node, path) => {
    if (path === "#" || !("description" in node)) return node;
    const { description: _dropped, ...other } = node;
    return other;
  }) as D;
}

/** The document without its strict overlay: every `x-model`, at any depth, removed (its compatible form). */
export function withoutStrictOverlay<D extends JsonSchema>(doc: D): D {
  return toCompatible(doc as JsonValue) as D;
}

/**
 * The document with each `$ref` into a document under the same base as its `$id` written relative to it:
 * `https://cloudtrail-schema.dev/schemas/envelope.json#/$defs/Record` in `…/schemas/iam.json` becomes
 * `envelope.json#/$defs/Record`. A document without an absolute `$id` is returned as it is (a copy).
 */
export function relativeRefs<D extends JsonSchema>(doc: D): D {
  const id = doc.$id;
  const base = typeof id === "string" && /^[a-z][a-z0-9+.-]*:\/\/[^/]+\//i.test(id) ? id.slice(0, id.lastIndexOf("/") + 1) : undefined;
  if (base === undefined) return rewriteSchemaNodes(doc as JsonValue, (node) => node) as D;
  const relative = (node: JsonSchema): JsonSchema => {
    const ref = node.$ref;
    const model = node[X_MODEL];
    const shortRef = typeof ref === "string" && ref.startsWith(base) && !ref.slice(base.length).startsWith("#");
    const inModel = typeof model === "object" && model !== null && !Array.isArray(model);
    if (!shortRef && !inModel) return node;
    return {
      ...node,
      ...(shortRef ? { $ref: (ref as string).slice(base.length) } : {}),
      // The overlay is a bag of keywords of this node: its references are relative too.
      ...(inModel ? { [X_MODEL]: rewriteSchemaNodes(model, relative) } : {}),
    };
  };
  return rewriteSchemaNodes(doc as JsonValue, relative) as D;
}

/** Definitions shorter than this (as JSON) are left as they are: a reference would save little or nothing. */
const SHARED_MIN_LENGTH = 40;

/**
 * The document with each definition whose body is the same as an earlier one's (as JSON, at least 40
 * characters) written as a reference to that first one: `$defs["DeleteNotebook.responseElements"]` becomes
 * `{"$ref": "#/$defs/CancelCapacityReservation.responseElements"}`. Every definition keeps its name, so a
 * lookup by name still finds it, one reference away. The same text means the same schema: local
 * references resolve in the same document. Operations without parameters, services whose operations
 * answer with the same few fields: 14,000 definitions, 1.8 MB of the compatible schemas.
 */
export function sharedDefinitions<D extends JsonSchema>(doc: D): D {
  const defs = doc.$defs;
  if (typeof defs !== "object" || defs === null || Array.isArray(defs)) return rewriteSchemaNodes(doc as JsonValue, (node) => node) as D;
  const first = new Map<string, string>();
  const shared: JsonSchema = {};
  for (const [name, body] of Object.entries(defs)) {
    const text = JSON.stringify(body);
    // A definition that is only a reference is as short as sharing would make it (and stays idempotent).
    const worth = text.length >= SHARED_MIN_LENGTH && !isReference(body);
    const earlier = worth ? first.get(text) : undefined;
    if (earlier === undefined) {
      if (worth) first.set(text, name);
      shared[name] = JSON.parse(text) as JsonValue;
    } else shared[name] = { $ref: `#/$defs/${pointerToken(earlier)}` };
  }
  return { ...rewriteSchemaNodes<JsonSchema>({ ...doc, $defs: {} }, (node) => node), $defs: shared } as unknown as D;
}

const isReference = (body: JsonValue): boolean =>
  typeof body === "object" && body !== null && !Array.isArray(body) && Object.keys(body).length === 1 && typeof body.$ref === "string";

/** A definition name as a JSON Pointer token in a URI fragment (`~` and `/` escaped, then percent-encoded). */
const pointerToken = (name: string): string => encodeURIComponent(name.replace(/~/g, "~0").replace(/\//g, "~1"));

/** The document as the package publishes it (documentation and overlay as the options say). */
export function publishedSchema<D extends JsonSchema>(doc: D, options: SchemaFileOptions): D {
  const documented = options.schemaDocs ? doc : undocumented(doc);
  return sharedDefinitions(relativeRefs(options.modelConstraints ? documented : withoutStrictOverlay(documented)));
}

/** The text of a schema file of the package. */
export function schemaFileText(doc: JsonSchema, options: SchemaFileOptions): string {
  return jsonFileText(publishedSchema(doc, options), options.schemaDocs);
}

/**
 * The text of a full document under `build/schemas/`: the strict overlay kept, for the runtime's build;
 * minified and undocumented (the runtime keeps only what validates), definitions not shared (the runtime
 * compresses its data, and reads each definition's own body).
 */
export function fullSchemaFileText(doc: JsonSchema): string {
  return jsonFileText(relativeRefs(undocumented(doc)), false);
}
