/**
 * `dist/envelope.d.ts`: the record envelope (`CloudTrailRecord`, `UserIdentity`, `SessionContext`…) from
 * the hand-written envelope JSON Schema, one definition at a time, with json-schema-to-typescript.
 *
 * This is what jstt does best: an arbitrary, hand-written schema becomes declarations with the
 * `description`s as TSDoc. Each definition is compiled alone, with its `$ref`s already replaced by the
 * target's type name (`tsType`): compiling the document whole makes jstt copy every `$ref` that carries its
 * own description into a new type (`InsightAverage1`) and move that description onto the shared type.
 *
 * The schema is read in its compatible form, as the service modules are: open sets (`examples`) and strict
 * enums (`x-model.enum`) become open literal unions, documented objects get no index signature (a typo
 * must not compile), free-form maps get one. `required` is strict's, not compatible's: the types declare the
 * fields CloudTrail writes in every record (see `ENVELOPE_PRESENCE` in envelope.ts); the schema's `if`/`else`
 * (Insights records or not) gives two record types, `CloudTrailRecord` and `CloudTrailInsightsRecord`.
 */
import { compile, type JSONSchema } from "json-schema-to-typescript";
import { GeneratorError } from "../errors.js";
import type { JsonSchema, JsonSchemaDocument, JsonValue } from "../json-schema.js";
import { openUnion } from "./service.js";

/** The envelope's `Record` is exported as `CloudTrailRecord` (`Record` would shadow TypeScript's own). */
export const envelopeTypeName = (def: string): string => (def === "Record" ? "CloudTrailRecord" : def);

const isObject = (v: JsonValue | undefined): v is JsonSchema => typeof v === "object" && v !== null && !Array.isArray(v);

/** Rewrite one schema node (and its subschemas) into what jstt should see. */
function prepare(node: JsonSchema, at: string): JsonSchema {
  const out: JsonSchema = {};
  const model = isObject(node["x-model"]) ? node["x-model"] : {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "x-model" || key === "if" || key === "then" || key === "else" || key === "examples" || key === "title") continue;
    if (key === "$ref") {
      const m = /^#\/\$defs\/(.+)$/.exec(String(value));
      if (!m) throw new GeneratorError("E_MODEL", `envelope schema: unsupported $ref ${JSON.stringify(value)} at ${at}`);
      out.tsType = envelopeTypeName(m[1]!);
    } else if (key === "properties" && isObject(value)) {
      const props: JsonSchema = {};
      for (const [name, sub] of Object.entries(value)) if (isObject(sub)) props[name] = prepare(sub, `${at}/properties/${name}`);
      out.properties = props;
    } else if ((key === "anyOf" || key === "oneOf" || key === "allOf") && Array.isArray(value)) {
      out[key] = value.map((sub, i) => (isObject(sub) ? prepare(sub, `${at}/${key}/${i}`) : sub));
    } else if ((key === "items" || key === "additionalProperties") && isObject(value)) {
      out[key] = prepare(value, `${at}/${key}`);
    } else {
      out[key] = value;
    }
  }
  const known = Array.isArray(model.enum) ? model.enum : Array.isArray(node.examples) && node.type === "string" ? node.examples : undefined;
  if (known?.every((v) => typeof v === "string")) out.tsType = openUnion(known as string[]);
  if (node.type === "object" || (Array.isArray(node.type) && node.type.includes("object"))) {
    // Documented fields: no index signature; a free-form map: one.
    if (!("additionalProperties" in out)) out.additionalProperties = !isObject(out.properties);
  }
  return out;
}

/** The record fields an operation's event narrows to its own types. */
export const OPERATION_FIELDS = ["eventSource", "eventName", "requestParameters", "responseElements", "additionalEventData", "serviceEventDetails"] as const;

/** Of those, the payloads: `unknown` in `CloudTrailRecord` (see `widenPayloads`). */
const PAYLOADS: readonly string[] = ["requestParameters", "responseElements", "additionalEventData", "serviceEventDetails"];

export const RECORD_TYPE = "CloudTrailRecord";
/** Insights records: no eventSource, eventName, userIdentity at the top (they are inside `insightDetails`). */
export const INSIGHTS_RECORD_TYPE = "CloudTrailInsightsRecord";
/** The field whose presence makes a record an Insights record (the envelope schema's `if`). */
export const INSIGHTS_FIELD = "insightDetails";

const strings = (v: JsonValue | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/**
 * The fields a record type declares required: what strict requires of every record of today's format
 * (`x-model.required`, and the fields strict requires from a format version on, in `x-model.allOf[].else`),
 * plus strict's requirements of its branch: API records (`else`) or Insights records (`if`). The types
 * describe the records CloudTrail writes today, so a field required "since 1.02" is required.
 */
function requiredOf(record: JsonSchema, branch: "api" | "insights"): string[] {
  const model = isObject(record["x-model"]) ? record["x-model"] : {};
  const sinceVersion = (Array.isArray(model.allOf) ? model.allOf : []).flatMap((c) => (isObject(c) && isObject(c.else) ? strings(c.else.required) : []));
  const sub = branch === "api" ? record.else : record.if;
  if (!isObject(sub)) throw new GeneratorError("E_MODEL", `envelope schema: $defs/Record has no "${branch === "api" ? "else" : "if"}" (API and Insights records)`);
  const own = branch === "api" ? [...strings(sub.required), ...strings(isObject(sub["x-model"]) ? sub["x-model"].required : undefined)] : strings(sub.required);
  return [...new Set([...strings(record.required), ...strings(model.required), ...sinceVersion, ...own])].sort();
}

/**
 * `CloudTrailRecord` is any record and the base of every operation's event type, so its payloads are
 * `unknown` rather than the schema's `{ [k: string]: unknown } | null`: each event narrows them to its own
 * interfaces (which are not assignable to an index signature), inherits their TSDoc, and stays assignable
 * to `CloudTrailRecord`. (`Omit<CloudTrailRecord, …>` as the events' base would cost every program a mapped
 * type over 33 keys and a conditional type per key, and events would no longer be records.)
 */
function widenPayloads(record: JsonSchema): JsonSchema {
  const props = isObject(record.properties) ? record.properties : {};
  for (const f of OPERATION_FIELDS) if (!isObject(props[f])) throw new GeneratorError("E_MODEL", `envelope schema: $defs/Record has no property "${f}"`);
  const properties: JsonSchema = {};
  for (const [k, v] of Object.entries(props)) {
    const description = isObject(v) && typeof v.description === "string" ? v.description : "";
    properties[k] = PAYLOADS.includes(k) ? { tsType: "unknown", description: `${description}\n\nEach operation's event type says what it holds.` } : v;
  }
  return { ...record, properties };
}

/** The exported type names of the envelope module, in declaration order, from its schema alone. */
export function envelopeTypeNames(envelope: JsonSchemaDocument): string[] {
  return [RECORD_TYPE, INSIGHTS_RECORD_TYPE, ...Object.keys(envelope.$defs).filter((d) => d !== "Record").map(envelopeTypeName).sort()];
}

/** The envelope's definitions as declarations: `CloudTrailRecord`, then the rest by name. */
export async function emitEnvelopeModule(envelope: JsonSchemaDocument, ctx: { botocoreVersion: string }): Promise<string> {
  const record = envelope.$defs.Record;
  if (!record) throw new GeneratorError("E_MODEL", `envelope schema ${envelope.$id}: no $defs/Record`);
  const base = widenPayloads(record);
  const apiRecord: JsonSchema = {
    ...base,
    description:
      "A CloudTrail record of an API call, console sign-in or action, or service event: who made a request to which service, " +
      "when, from where, with which parameters, and the outcome. The base of every operation's event type. Insights records are " +
      `\`${INSIGHTS_RECORD_TYPE}\`.`,
    required: requiredOf(record, "api"),
  };
  const insightsRecord: JsonSchema = {
    ...base,
    description:
      "A CloudTrail Insights record (eventType AwsCloudTrailInsight): unusual API call or error rates. It names the API inside " +
      "insightDetails and has no top-level eventSource, eventName or userIdentity.",
    required: requiredOf(record, "insights"),
  };
  const schemas: [name: string, schema: JsonSchema, at: string][] = [
    [RECORD_TYPE, apiRecord, "$defs/Record"],
    [INSIGHTS_RECORD_TYPE, insightsRecord, "$defs/Record"],
    ...Object.keys(envelope.$defs)
      .filter((d) => d !== "Record")
      .sort()
      .map((d): [string, JsonSchema, string] => [envelopeTypeName(d), envelope.$defs[d]!, `$defs/${d}`]),
  ];
  let text =
    `// Generated by cloudtrail-schema from botocore ${ctx.botocoreVersion}. Do not edit.\n` +
    `/**\n * The CloudTrail record envelope: every field a record carries, whatever the operation.\n * @packageDocumentation\n */\n`;
  for (const [name, schema, at] of schemas) {
    const ts = await compile(prepare(schema, `${envelope.$id}#/${at}`) as JSONSchema, name, {
      bannerComment: "",
      // Twenty small definitions: prettier costs little here and the module reads like the hand-written ones.
      format: true,
      style: { printWidth: 120, semi: true, singleQuote: false, tabWidth: 2, trailingComma: "all", bracketSpacing: true, useTabs: false },
      additionalProperties: false,
      declareExternallyReferenced: false,
      unknownAny: true,
      strictIndexSignatures: false,
    });
    text += `\n${ts.trim()}\n`;
  }
  return text;
}
