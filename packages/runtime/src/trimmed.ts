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

/** Strict's required envelope fields: [for every record, in addition for non-Insights records]. */
let required: [string[], string[]] | undefined;

function strictRequired(service: string): [string[], string[]] {
  if (required) return required;
  const doc = getService(service).doc();
  const at = doc.resolve(ENVELOPE_RECORD);
  const def = at ? at[0].def(at[1]) : undefined;
  const list = (node: unknown): string[] => {
    const model = isObject(node) ? node["x-model"] : undefined;
    const req = isObject(model) ? model["required"] : undefined;
    return Array.isArray(req) ? req.filter((x): x is string => typeof x === "string") : [];
  };
  required = [list(def), list(isObject(def) ? def["else"] : undefined)];
  return required;
}

/** The missing strict envelope fields of a trimmed record (sorted), or undefined when it is not trimmed. */
export function trimmedFields(record: unknown, service: string): string[] | undefined {
  if (!isObject(record)) return undefined;
  const insight = isObject(record["insightDetails"]);
  const names = insight || (typeof record["eventSource"] === "string" && typeof record["eventName"] === "string");
  if (!names || !("eventTime" in record || "eventID" in record || "eventVersion" in record)) return undefined;
  const [all, activity] = strictRequired(service);
  const want = insight ? all : [...all, ...activity];
  const missing = [...new Set(want.filter((k) => !(k in record)))].sort();
  return missing.length ? missing : undefined;
}
