/**
 * Trimmed exports: SIEM and incident-response tools export projections of CloudTrail records (eventTime,
 * eventID, eventSource, eventName, requestParameters, responseElements, userAgent, awsRegion, sometimes
 * errorCode), without eventVersion, userIdentity and the rest.
 *
 * A record is *trimmed* when it still names its event (eventSource and eventName, or insightDetails for
 * Insights records) and has at least one of eventTime, eventID and eventVersion, but lacks envelope fields
 * that strict mode requires of every record. Compatible mode validates what is present (a present field of the wrong type is still
 * invalid) and the result lists what is missing; strict mode keeps requiring the full envelope. A record
 * with none of the three is no trimmed export but a fragment: invalid in both modes.
 *
 * The required list is read from the envelope schema itself (its strict `x-model.required`, and its `else`
 * branch for non-Insights records), so it follows whatever the envelope requires.
 */
import { getService } from "./data.js";

const ENVELOPE_RECORD = "https://cloudtrail-schema.dev/schemas/envelope.json#/$defs/Record";

type Obj = { readonly [k: string]: unknown };
const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Strict's required envelope fields: [for every record, in addition for non-Insights records, required from
 * some record version on (eventID, eventType)].
 */
let required: [string[], string[], string[]] | undefined;

function strictRequired(service: string): [string[], string[], string[]] {
  if (required) return required;
  const doc = getService(service).doc();
  const at = doc.resolve(ENVELOPE_RECORD);
  const def = at ? at[0].def(at[1]) : undefined;
  const list = (node: unknown): string[] => {
    const model = isObject(node) ? node["x-model"] : undefined;
    const req = isObject(model) ? model["required"] : undefined;
    return Array.isArray(req) ? req.filter((x): x is string => typeof x === "string") : [];
  };
  const model = isObject(def) && isObject(def["x-model"]) ? def["x-model"] : undefined;
  const since = Array.isArray(model?.["allOf"]) ? model["allOf"] : [];
  const versioned = since.flatMap((c: unknown) => {
    const req = isObject(c) && isObject(c["else"]) ? c["else"]["required"] : undefined;
    return Array.isArray(req) ? req.filter((x): x is string => typeof x === "string") : [];
  });
  required = [list(def), list(isObject(def) ? def["else"] : undefined), versioned];
  return required;
}

/** The missing strict envelope fields of a trimmed record (sorted), or undefined when it is not trimmed. */
export function trimmedFields(record: unknown, service: string): string[] | undefined {
  if (!isObject(record)) return undefined;
  const insight = isObject(record["insightDetails"]);
  const names = insight || (typeof record["eventSource"] === "string" && typeof record["eventName"] === "string");
  if (!names || !("eventTime" in record || "eventID" in record || "eventVersion" in record)) return undefined;
  const [all, activity, versioned] = strictRequired(service);
  // Without eventVersion the record's format is unknown: it is read as today's, which has eventID and eventType.
  const current = "eventVersion" in record ? [] : versioned;
  const want = insight ? [...all, ...current] : [...all, ...activity, ...current];
  const missing = [...new Set(want.filter((k) => !(k in record)))].sort();
  return missing.length ? missing : undefined;
}

/**
 * The envelope fields the types declare required (every field strict requires of today's records, whatever
 * the record's version) that the record lacks. The type guards narrow to those types, so a record missing
 * one is not narrowed even where compatible mode validates it (a trimmed export, a format-1.0 record
 * without eventID): that keeps `isCloudTrailEvent` sound.
 */
export function missingTypedFields(record: unknown, service: string): string[] {
  if (!isObject(record)) return [];
  const [all, activity, versioned] = strictRequired(service);
  const want = isObject(record["insightDetails"]) ? [...all, ...versioned] : [...all, ...activity, ...versioned];
  return [...new Set(want.filter((k) => !(k in record)))].sort();
}
