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
 * - `sharedEventRecord`, `sharedErrorDocument`, `sharedRedactionMarkers` (compatible form only): what 19,000
 *   event definitions, 15,000 responses and 12,000 sensitive fields each repeated is written once, in the
 *   document (`$defs.$record`: the envelope with the service's eventSource) or in the envelope
 *   (`JsonErrorDocument`, `RedactionMarker`), and referenced (4 MB). Each is the same schema as before: a
 *   `$ref` beside other keywords is their conjunction (draft 2020-12), and the compatible form's objects are open.
 * - `relativeRefs`: a reference into a sibling document (`https://cloudtrail-schema.dev/schemas/envelope.json#/$defs/Record`)
 *   written relative to the document's `$id` (`envelope.json#/$defs/Record`), as every JSON Schema
 *   validator resolves it: 19,000 event definitions name the envelope (0.74 MB).
 *
 * The walk knows where schemas sit: a record field called `description` (`properties.description`) stays,
 * and so does the document's own one-line description, which names the service and the botocore version
 * rather than documenting the model.
 */
import { ENVELOPE_SCHEMA_ID, ERROR_DOCUMENT_DEF, errorDocumentSchema, REDACTION_MARKER_DEF, redactionMarkerSchema } from "./envelope.js";
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

/** The name of the definition `sharedEventRecord` adds: `$` is in no botocore shape's name, so in no other definition's. */
export const EVENT_RECORD_DEF = "$record";

const isObjectNode = (v: JsonValue | undefined): v is JsonSchema => typeof v === "object" && v !== null && !Array.isArray(v);
const sameJson = (a: JsonValue | undefined, b: JsonValue | undefined): boolean => JSON.stringify(a) === JSON.stringify(b);
/** The keys an event definition of the emitter has (`emit-schema.ts` eventSchema), for it to be rewritten. */
const EVENT_KEYS: ReadonlySet<string> = new Set(["title", "description", "$ref", "type", "properties", "required"]);

/**
 * The document with what most of its event definitions repeat (the envelope reference, `type`, the
 * service's `eventSource`, `required: ["eventSource", "eventName"]`) written once, as `$defs.$record`,
 * which each of them references instead. Events of another eventSource (s3express…) keep their own.
 */
export function sharedEventRecord<D extends JsonSchema>(doc: D): D {
  const copy = rewriteSchemaNodes(doc as JsonValue, (node) => node) as JsonSchema;
  const defs = copy.$defs;
  if (!isObjectNode(defs) || EVENT_RECORD_DEF in defs) return copy as D;
  const groups = new Map<string, string[]>();
  for (const [name, body] of Object.entries(defs)) {
    if (!name.endsWith(".event") || !isObjectNode(body) || !isObjectNode(body.properties)) continue;
    const source = body.properties.eventSource;
    const plain =
      Object.keys(body).every((k) => EVENT_KEYS.has(k)) &&
      typeof body.$ref === "string" &&
      body.$ref.endsWith("#/$defs/Record") &&
      body.type === "object" &&
      isObjectNode(source) &&
      sameJson(body.required, ["eventSource", "eventName"]);
    if (!plain) continue;
    const key = JSON.stringify([body.$ref, source]);
    groups.set(key, [...(groups.get(key) ?? []), name]);
  }
  // The largest group is the service's eventSource (the first, on a tie: the definitions are in a fixed order).
  const [key, members] = [...groups].reduce<[string, string[]] | [undefined, string[]]>((best, g) => (g[1].length > best[1].length ? g : best), [undefined, []]);
  if (key === undefined || members.length < 2) return copy as D;
  const [envelopeRef, source] = JSON.parse(key) as [string, JsonValue];
  const shared: JsonSchema = { [EVENT_RECORD_DEF]: { $ref: envelopeRef, type: "object", properties: { eventSource: source }, required: ["eventSource", "eventName"] } };
  const member = new Set(members);
  for (const [name, body] of Object.entries(defs)) {
    if (!member.has(name)) {
      shared[name] = body;
      continue;
    }
    const { $ref: _ref, type: _type, required: _required, properties, ...rest } = body as JsonSchema;
    const { eventSource: _source, ...own } = properties as JsonSchema;
    const out: JsonSchema = {};
    // The keys in the emitter's order, `$ref` where the envelope's was.
    for (const k of Object.keys(body as JsonSchema)) {
      if (k === "$ref") out.$ref = `#/$defs/${EVENT_RECORD_DEF}`;
      else if (k === "properties") out.properties = own;
      else if (k in rest) out[k] = rest[k]!;
    }
    shared[name] = out;
  }
  return { ...copy, $defs: shared } as unknown as D;
}


/**
 * The document with each object that has the error document's four fields as plain strings (every response
 * of a JSON service: rule json-error-document) referencing the envelope's `JsonErrorDocument` for them.
 * An object that already has a `$ref`, or closes itself, is left as it is.
 */
export function sharedErrorDocument<D extends JsonSchema>(doc: D): D {
  const ref = `${ENVELOPE_SCHEMA_ID}#/$defs/${ERROR_DOCUMENT_DEF}`;
  const ERROR_DOCUMENT = errorDocumentSchema().properties as JsonSchema;
  // The envelope declares what the others reference: it would reference itself.
  return rewriteSchemaNodes(doc as JsonValue, (node) => {
    if (doc.$id === ENVELOPE_SCHEMA_ID) return node;
    const props = node.properties;
    if (node.type !== "object" || !isObjectNode(props) || "$ref" in node || "additionalProperties" in node || "unevaluatedProperties" in node || X_MODEL in node) return node;
    if (!Object.entries(ERROR_DOCUMENT).every(([name, schema]) => sameJson(props[name], schema))) return node;
    const own = Object.fromEntries(Object.entries(props).filter(([name]) => !(name in ERROR_DOCUMENT)));
    const { type, properties: _p, ...rest } = node;
    return { type, $ref: ref, ...(Object.keys(own).length ? { properties: own } : {}), ...rest } as JsonSchema;
  }) as D;
}

/** The document with each schema of exactly the redaction markers a reference to the envelope's `RedactionMarker`. */
export function sharedRedactionMarkers<D extends JsonSchema>(doc: D): D {
  const ref = { $ref: `${ENVELOPE_SCHEMA_ID}#/$defs/${REDACTION_MARKER_DEF}` };
  const markers = redactionMarkerSchema();
  return rewriteSchemaNodes(doc as JsonValue, (node, path) => (path !== "#" && doc.$id !== ENVELOPE_SCHEMA_ID && sameJson(node, markers) ? ref : node)) as D;
}

/** The document as the package publishes it (documentation and overlay as the options say). */
export function publishedSchema<D extends JsonSchema>(doc: D, options: SchemaFileOptions): D {
  const documented = options.schemaDocs ? doc : undocumented(doc);
  // The shared forms rest on the compatible form's open objects: with the strict overlay, the document stays as emitted.
  const compact = options.modelConstraints ? documented : sharedRedactionMarkers(sharedErrorDocument(sharedEventRecord(withoutStrictOverlay(documented))));
  return sharedDefinitions(relativeRefs(compact));
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
