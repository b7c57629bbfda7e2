/**
 * The emit stage for JSON Schema: log model -> one draft 2020-12 document per service.
 *
 * The document is the *compatible* form: what every real record satisfies (types and structure; open
 * objects; open enums). What only the *strict* mode checks (closed objects, enums, required members,
 * lengths, ranges, patterns) sits beside it under the vendor keyword `x-model`; `toStrict()` hoists it.
 * So one document serves both modes, and a plain validator ignores what it does not know. The package's
 * published files drop the overlay (schema-file.ts); the runtime's build reads the whole document.
 */
import type { JsonSchema, JsonValue } from "./json-schema.js";
import { ANY_EVENT_SOURCE, type LoggedOperation, type LoggedService, type LogType, type TimestampRendering } from "./log-model.js";
import { ENVELOPE_SCHEMA_ID as ENVELOPE_ID } from "./envelope.js";
import { safePattern } from "./patterns.js";

export const SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";
export const SCHEMA_BASE_ID = "https://cloudtrail-schema.dev/schemas";
export { ENVELOPE_SCHEMA_ID as ENVELOPE_ID } from "./envelope.js";


/** Vendor keywords the documents use; register them with `ajv.addVocabulary(VOCABULARY)`. */
export const VOCABULARY = ["x-model", "x-type", "x-cloudtrail", "x-redacted"] as const;

export interface EmitContext {
  botocoreVersion: string;
}

/** Names of an operation's definitions inside its service document. */
export const defNames = (op: string) => ({
  event: `${op}.event`,
  request: `${op}.requestParameters`,
  response: `${op}.responseElements`,
});

const ref = (def: string): JsonSchema => ({ $ref: `#/$defs/${encodeURIComponent(def).replace(/%2E/g, ".")}` });

/** Put strict-only keywords under `x-model`, skipping undefined ones; returns nothing when empty. */
function model(keywords: Record<string, JsonValue | undefined>): JsonSchema {
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(keywords)) if (v !== undefined) out[k] = v;
  return Object.keys(out).length ? { "x-model": out } : {};
}

type Emitter<K extends LogType["kind"]> = (t: Extract<LogType, { kind: K }>) => JsonSchema;

function properties(fields: { name: string; type: LogType; doc?: string; deprecated?: boolean }[]): JsonSchema {
  const props: JsonSchema = {};
  for (const f of fields) {
    const s = emitType(f.type);
    // A member's doc says what the field means here; the shape's doc (on the definition) says what the type is.
    if (f.doc) s.description = f.doc;
    if (f.deprecated) s.deprecated = true;
    props[f.name] = s;
  }
  return props;
}

const required = (fields: { name: string; required: boolean }[]) => {
  const r = fields.filter((f) => f.required).map((f) => f.name);
  return r.length ? r : undefined;
};

const EMIT: { [K in LogType["kind"]]: Emitter<K> } = {
  object: (t) => ({
    type: "object",
    properties: properties(t.fields),
    ...model({ required: required(t.fields), additionalProperties: t.open ? undefined : false }),
  }),
  union: (t) => ({
    type: "object",
    properties: properties(t.fields),
    // botocore unions set exactly one member.
    ...model({ additionalProperties: false, minProperties: 1, maxProperties: 1 }),
  }),
  array: (t) => ({ type: "array", items: emitType(t.items), ...model({ minItems: t.min, maxItems: t.max }) }),
  map: (t) => {
    const keys = emitType(t.keys);
    const keyModel = (keys["x-model"] ?? undefined) as JsonSchema | undefined;
    return {
      type: "object",
      additionalProperties: emitType(t.values),
      ...model({ propertyNames: keyModel, minProperties: t.min, maxProperties: t.max }),
    };
  },
  string: (t) => ({
    type: "string",
    ...model({ enum: t.enum ? [...t.enum] : undefined, minLength: t.min, maxLength: t.max, pattern: safePattern(t.pattern) }),
  }),
  integer: (t) => ({ type: "integer", ...model({ minimum: t.min, maximum: t.max }) }),
  number: (t) => ({ type: "number", ...model({ minimum: t.min, maximum: t.max }) }),
  boolean: () => ({ type: "boolean" }),
  // CloudTrail writes timestamps as ISO-8601 strings, as "Oct 16, 2020 9:47:27 AM" strings and as epoch numbers.
  // (anyOf rather than a type array: ajv's default strict mode rejects union types.)
  // Strict narrows to the renderings the rules know for this place (see TIMESTAMP_RENDERINGS).
  timestamp: (t) => ({
    anyOf: [{ type: "string" }, { type: "number" }],
    "x-type": "timestamp",
    ...model({ anyOf: t.renderings?.length ? timestampRenderings(t.renderings) : undefined }),
  }),
  blob: () => ({ type: "string", "x-type": "blob" }),
  any: () => ({}),
  // Options marked compatibleOnly drop out in strict: strict's own anyOf lists the others (none: nothing passes).
  oneOf: (t): JsonSchema => {
    const all: JsonSchema = { anyOf: t.options.map(emitType) };
    const strict = t.options.filter((o) => !o.compatibleOnly);
    if (strict.length === t.options.length) return all;
    const model: JsonSchema = strict.length ? { anyOf: strict.map(emitType) } : { not: {} };
    return { ...all, "x-model": model };
  },
  ref: (t) => ref(t.def),
};

/** The JSON Schema of each timestamp rendering (strict mode). */
export const TIMESTAMP_RENDERINGS: Record<TimestampRendering, JsonSchema> = {
  // Java's MEDIUM date-time: "Oct 16, 2020 9:47:27 AM"; JDK 9+ (CLDR) adds a comma after the year, JDK 20+
  // writes a narrow no-break space before AM/PM.
  "java-date": { type: "string", pattern: "^[A-Z][a-z]{2} \\d{1,2}, \\d{4},? \\d{1,2}:\\d{2}:\\d{2}[ \\u202f\\u00a0](AM|PM)$" },
  "iso-8601": { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})$" },
  epoch: { type: "number" },
};

function timestampRenderings(renderings: readonly TimestampRendering[]): JsonSchema[] {
  return renderings.map((r) => structuredClone(TIMESTAMP_RENDERINGS[r]));
}

/** One log type -> JSON Schema (compatible form, strict keywords under `x-model`). */
export function emitType(t: LogType): JsonSchema {
  let s = (EMIT[t.kind] as Emitter<typeof t.kind>)(t as never);
  if (t.redacted?.length) {
    // The placeholder must pass even where the real value's type or pattern would not.
    s = { anyOf: [s, { type: "string", enum: [...t.redacted] }], "x-redacted": true };
  }
  if (t.compatibleOnly) {
    // Strict accepts nothing here (a oneOf holding this option lists its strict options itself).
    const own = s["x-model"];
    s = { ...s, "x-model": { ...(own && typeof own === "object" && !Array.isArray(own) ? own : {}), not: {} } };
  }
  if (t.doc && t.kind !== "ref") s = { description: t.doc, ...s };
  if (t.deprecated) s.deprecated = true;
  return s;
}

/** `{a: {b: value}}` as nested `properties` with a `const` leaf, each level required. */
function matchSchema(path: readonly string[], value: string): JsonSchema {
  const [head, ...rest] = path as [string, ...string[]];
  const inner: JsonSchema = rest.length ? { type: "object", ...matchSchema(rest, value) } : { const: value };
  return { properties: { [head]: inner }, required: [head] };
}

/** Merge `properties`/`required` of several match schemas into one node. */
function mergeMatches(into: JsonSchema, add: JsonSchema): void {
  const props = into.properties as Record<string, JsonSchema>;
  for (const [k, v] of Object.entries(add.properties as Record<string, JsonSchema>)) {
    props[k] = props[k] && "properties" in props[k]! && "properties" in v ? (mergeMatches(props[k]!, v), props[k]!) : v;
  }
  const req = into.required as string[];
  for (const r of add.required as string[]) if (!req.includes(r)) req.push(r);
}

function eventSchema(svc: LoggedService, op: LoggedOperation): JsonSchema {
  const names = defNames(op.name);
  const part = (t: LogType | null, def: string): JsonSchema =>
    t === null
      ? // No input/output shape: CloudTrail writes null (or omits the key); an empty object has been seen too.
        { anyOf: [{ type: "object" }, { type: "null" }], "x-model": { anyOf: [{ type: "null" }] } }
      : { anyOf: [ref(def), { type: "null" }] };
  const eventSource = op.eventSource ?? (svc.eventSource === ANY_EVENT_SOURCE ? undefined : svc.eventSource);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  if (eventSource) {
    // A service some of whose records carry another eventSource (s3 and s3express.amazonaws.com) accepts each.
    const others = op.eventSource ? [] : (svc.otherEventSources ?? []);
    properties.eventSource = others.length ? { enum: [eventSource, ...others] } : { const: eventSource };
    required.push("eventSource");
  }
  if (op.eventNames.length) {
    properties.eventName = op.eventNames.length === 1 ? { const: op.eventNames[0]! } : { enum: [...op.eventNames] };
    required.push("eventName");
  }
  if (op.eventType) properties.eventType = { "x-model": { const: op.eventType } };
  properties.requestParameters = part(op.request, names.request);
  properties.responseElements = part(op.response, names.response);
  if (op.additionalEventData) properties.additionalEventData = { anyOf: [emitType(op.additionalEventData), { type: "null" }] };
  if (op.serviceEventDetails) properties.serviceEventDetails = { anyOf: [emitType(op.serviceEventDetails), { type: "null" }] };
  const event: JsonSchema = { $ref: `${ENVELOPE_ID}#/$defs/Record`, type: "object", properties, required };
  for (const m of op.match ?? []) mergeMatches(event, matchSchema(m.path, m.value));
  const title = `${svc.name} ${op.name}`;
  return op.doc ? { title, description: op.doc, ...event } : { title, ...event };
}

/** One service's document: an event definition per operation plus the shared type definitions. */
export function emitServiceSchema(svc: LoggedService, ctx: EmitContext): JsonSchema {
  const defs: Record<string, JsonSchema> = {};
  for (const op of svc.operations) {
    const names = defNames(op.name);
    defs[names.event] = eventSchema(svc, op);
    if (op.request) defs[names.request] = emitType(op.request);
    if (op.response) defs[names.response] = emitType(op.response);
  }
  for (const [name, t] of Object.entries(svc.defs)) {
    if (name in defs) throw new Error(`definition name clash "${name}" in ${svc.name}`);
    defs[name] = emitType(t);
  }
  const sorted: Record<string, JsonSchema> = {};
  for (const k of Object.keys(defs).sort()) sorted[k] = defs[k]!;
  return {
    $schema: SCHEMA_DIALECT,
    $id: `${SCHEMA_BASE_ID}/${svc.name}.json`,
    title: `${svc.serviceFullName} CloudTrail events`,
    description:
      `CloudTrail records of ${svc.serviceFullName} (eventSource ${svc.eventSource}), ` +
      `generated by cloudtrail-schema from botocore ${ctx.botocoreVersion}.`,
    "x-cloudtrail": {
      service: svc.name,
      eventSource: svc.eventSource,
      ...(svc.otherEventSources ? { otherEventSources: svc.otherEventSources } : {}),
      apiVersion: svc.apiVersion,
      protocol: svc.protocol,
      botocoreVersion: ctx.botocoreVersion,
    },
    anyOf: svc.operations.map((op) => ref(defNames(op.name).event)),
    $defs: sorted,
  };
}
