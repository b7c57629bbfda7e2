/**
 * Which operation a record belongs to.
 *
 * 1. Non-API events (console sign-in, AwsServiceEvent, AwsConsoleAction, Insights): the curated services'
 *    rules (the generator's curated/resolve.ts), when those services are among the schemas.
 * 2. API calls: the services logging under the record's eventSource that have an operation logged under its
 *    eventName. Several services can share an eventSource (rds, docdb and neptune under rds.amazonaws.com;
 *    elb and elbv2 under elasticloadbalancing.amazonaws.com): when more than one has the eventName, the
 *    record's apiVersion decides (separators ignored: `2020_05_31` is `2020-05-31`); then operations the
 *    model does not mark deprecated (cloudhsm classic's CreateHsm loses to cloudhsmv2's, whose shape the
 *    records have); then the service whose name is the eventSource's prefix (rds for rds.amazonaws.com),
 *    else the first by name.
 * 3. API calls no model describes that the curated table lists (console-internal and agent APIs): the
 *    curated `unmodeled-api-calls` fallback, marked `unmodeled: true` (found in step 1, after the curated
 *    operations that do describe such calls: CodeCommit Git events, the SSM agent's channel calls).
 */
import { resolveCurated } from "../../generator/src/curated/resolve.js";
import { getService, isKnownService, servicesOfSource } from "./data.js";
import { CloudTrailSchemaError } from "./errors.js";
import type { ResolvedEvent, ValidationError } from "./types.js";

export type Resolution = { ok: true; service: string; operation: string; unmodeled?: true } | { ok: false; error: ValidationError };

const isObject = (v: unknown): v is { readonly [k: string]: unknown } => typeof v === "object" && v !== null && !Array.isArray(v);

export function resolveEvent(record: unknown): ResolvedEvent | undefined {
  let r: Resolution;
  try {
    r = resolve(record);
  } catch (e) {
    // A record whose properties throw when read (a Proxy, a getter) belongs to no operation.
    if (e instanceof CloudTrailSchemaError) throw e;
    return undefined;
  }
  if (!r.ok) return undefined;
  return r.unmodeled ? { service: r.service, operation: r.operation, unmodeled: true } : { service: r.service, operation: r.operation };
}

/** resolveEvent with the reason when there is no operation (validateEvent reports it). */
export function resolve(record: unknown): Resolution {
  if (!isObject(record)) {
    return { ok: false, error: { path: "", message: "a CloudTrail record is a JSON object", expected: "object", found: record === null ? "null" : Array.isArray(record) ? "array" : typeof record, keyword: "type" } };
  }
  const curated = resolveCurated(record);
  if (curated && isKnownService(curated.service) && getService(curated.service).operations.has(curated.operation)) {
    return curated.unmodeled
      ? { ok: true, service: curated.service, operation: curated.operation, unmodeled: true }
      : { ok: true, service: curated.service, operation: curated.operation };
  }
  const source = record["eventSource"];
  const name = record["eventName"];
  if (typeof source !== "string") {
    return { ok: false, error: { path: "/eventSource", message: source === undefined ? "unknown event: no eventSource" : "unknown event: eventSource is not a string", expected: "string", found: describe(source), keyword: "required" } };
  }
  const services = servicesOfSource(source);
  if (services.length === 0) {
    return { ok: false, error: { path: "/eventSource", message: `unknown eventSource ${JSON.stringify(source.slice(0, 200))}: no service logs under it`, found: JSON.stringify(source.slice(0, 200)) } };
  }
  if (typeof name !== "string") {
    return { ok: false, error: { path: "/eventName", message: name === undefined ? "unknown event: no eventName" : "unknown event: eventName is not a string", expected: "string", found: describe(name), keyword: "required" } };
  }
  const matches: Match[] = [];
  for (const s of services) {
    const svc = getService(s);
    const operation = svc.byEventName.get(name);
    if (operation !== undefined) matches.push({ service: s, operation, apiVersion: svc.apiVersion, deprecated: svc.isDeprecated(operation) });
  }
  if (matches.length === 0) {
    return {
      ok: false,
      error: { path: "/eventName", message: `unknown eventName ${JSON.stringify(name.slice(0, 200))} for eventSource ${source} (${services.join(", ")})`, found: JSON.stringify(name.slice(0, 200)) },
    };
  }
  const pick = matches.length === 1 ? matches[0]! : choose(matches, record["apiVersion"], source);
  return { ok: true, service: pick.service, operation: pick.operation };
}

interface Match {
  service: string;
  operation: string;
  apiVersion: string;
  deprecated: boolean;
}

/** Narrow to the matches that pass `keep`, unless none does. */
const prefer = (pool: Match[], keep: (m: Match) => boolean): Match[] => {
  const kept = pool.filter(keep);
  return kept.length ? kept : pool;
};

const versionKey = (v: string): string => v.replace(/[-_]/g, "");

function choose(matches: Match[], apiVersion: unknown, source: string): Match {
  let pool = matches;
  if (typeof apiVersion === "string") pool = prefer(pool, (m) => versionKey(m.apiVersion) === versionKey(apiVersion));
  pool = prefer(pool, (m) => !m.deprecated);
  const prefix = source.replace(/\.amazonaws\.com$/, "");
  return pool.find((m) => m.service === prefix) ?? pool[0]!;
}

function describe(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
}
