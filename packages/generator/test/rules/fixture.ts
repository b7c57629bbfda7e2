/**
 * Tiny botocore models for the rule tables: `service(...)` normalises and projects a hand-written model
 * with every rule; helpers pick fields and validate small records against the emitted schema.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { emitServiceSchema, ENVELOPE_ID, VOCABULARY } from "../../src/emit-schema.js";
import type { LogField, LoggedService, LogType } from "../../src/log-model.js";
import { toStrict } from "../../src/modes.js";
import { normalize } from "../../src/normalize.js";
import { project } from "../../src/project/index.js";

export interface Fixture {
  name: string;
  protocol: string;
  metadata?: Record<string, unknown>;
  operations: Record<string, Record<string, unknown>>;
  shapes: Record<string, Record<string, unknown>>;
}

export function service(f: Fixture): LoggedService {
  const raw = {
    metadata: { apiVersion: "2020-01-01", endpointPrefix: f.name, protocol: f.protocol, serviceId: f.name, ...f.metadata },
    operations: Object.fromEntries(
      Object.entries(f.operations).map(([name, o]) => [name, { name, http: { method: "POST", requestUri: "/" }, ...o }]),
    ),
    shapes: { String: { type: "string" }, Integer: { type: "integer" }, Boolean: { type: "boolean" }, Timestamp: { type: "timestamp" }, ...f.shapes },
  };
  return project(normalize(f.name, raw, { botocoreVersion: "9.9.9" }));
}

export const op = (svc: LoggedService, name: string) => {
  const o = svc.operations.find((x) => x.name === name);
  if (!o) throw new Error(`no operation ${name}`);
  return o;
};

/** Resolve references (one level at a time) to the definition. */
export const deref = (svc: LoggedService, t: LogType | null | undefined): LogType | undefined => {
  let cur = t ?? undefined;
  for (let i = 0; cur?.kind === "ref" && i < 10; i++) cur = svc.defs[cur.def];
  return cur;
};

export const fieldsOf = (svc: LoggedService, t: LogType | null | undefined): LogField[] => {
  const d = deref(svc, t);
  return d && (d.kind === "object" || d.kind === "union") ? d.fields : [];
};

export const names = (svc: LoggedService, t: LogType | null | undefined) => fieldsOf(svc, t).map((f) => f.name);

export const field = (svc: LoggedService, t: LogType | null | undefined, name: string): LogField => {
  const f = fieldsOf(svc, t).find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name} in ${names(svc, t).join(", ")}`);
  return f;
};

/** The options of a oneOf (or the type itself). */
export const options = (t: LogType | null | undefined): LogType[] => (!t ? [] : t.kind === "oneOf" ? t.options : [t]);

const envelope = { $id: ENVELOPE_ID, $defs: { Record: { type: "object" } } };

/** A validator of `<op>.event` records in either mode (a minimal envelope: the real one has its own tests). */
export function validator(svc: LoggedService, operation: string, mode: "compatible" | "strict") {
  const doc = emitServiceSchema(svc, { botocoreVersion: "9.9.9" });
  const ajv = new Ajv2020({ allErrors: true });
  ajv.addVocabulary([...VOCABULARY]);
  ajv.addSchema(envelope);
  ajv.addSchema(mode === "strict" ? (toStrict(doc) as object) : doc);
  const v = ajv.getSchema(`${doc.$id as string}#/$defs/${encodeURIComponent(`${operation}.event`)}`)!;
  // `record`: other fields of the record (additionalEventData…).
  return (requestParameters: unknown, responseElements: unknown = null, record: Record<string, unknown> = {}) =>
    v({ eventVersion: "1.09", eventSource: svc.eventSource, eventName: op(svc, operation).eventNames[0], requestParameters, responseElements, ...record }) as boolean;
}
