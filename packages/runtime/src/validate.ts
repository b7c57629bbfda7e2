/**
 * validateEvent, isCloudTrailEvent, assertCloudTrailEvent: a record against its operation's schema.
 *
 * A record is validated twice only when it is wrong: first by the fast form of the compiled schema (stops at
 * the first failure, builds nothing), then, for a failing record, by the collecting form that says where and
 * why. Validation only reads the record: no coercion, no defaults, no removal.
 *
 * Resolution, targets and results are shared with `@cloudtrail-schema/runtime/ajv`, which plugs in another
 * Engine (the caller's ajv) and so gives the same results in the same format.
 */
import type { CloudTrailEvent, CloudTrailInsightsRecord, CloudTrailRecord, CloudTrailServices, OperationName } from "@cloudtrail-schema/types";
import { type Check, compileDef, type Ctx, runCheck } from "./compile.js";
import { checkOperation, getService } from "./data.js";
import { CloudTrailSchemaError } from "./errors.js";
import { readOptions, type Settings } from "./options.js";
import { resolve } from "./resolve.js";
import { missingTypedFields, trimmedFields } from "./trimmed.js";
import type { Mode, ValidateOptions, ValidationError, ValidationResult } from "./types.js";

/** The compiled check of an operation's record. */
function eventCheck(service: string, operation: string, mode: Mode): Check {
  return compileDef(getService(service).doc(), `${operation}.event`, mode).check;
}

/** A record whose properties throw when read (a Proxy, a getter) is not JSON data: invalid, not a crash. */
export function unreadable(e: unknown): ValidationError {
  const why = e instanceof RangeError ? "it is nested too deeply" : `reading it threw ${e instanceof Error ? e.name : typeof e}`;
  return { path: "", message: `the record cannot be validated: ${why}`, keyword: "json" };
}

/**
 * Checks a record against one operation's schema. With `collect`, an invalid result says what is wrong (at
 * most `settings.maxErrors` errors, never none); without, its errors may be left empty. Only the package's own
 * errors are thrown.
 */
export type Engine = (record: unknown, service: string, operation: string, settings: Settings, collect: boolean) => ValidationResult;

/** The fast engine: compiled closures (compile.ts). */
const closures: Engine = (record, service, operation, settings, collect) => {
  const run = eventCheck(service, operation, settings.mode);
  try {
    if (runCheck(run, record, null)) return { valid: true, service, operation, errors: [] };
  } catch (e) {
    if (e instanceof CloudTrailSchemaError) throw e;
    return { valid: false, service, operation, errors: collect ? [unreadable(e)] : [] };
  }
  if (!collect) return { valid: false, service, operation, errors: [] };
  const ctx: Ctx = { errors: [], max: settings.maxErrors, path: [] };
  try {
    runCheck(run, record, ctx);
  } catch (e) {
    if (e instanceof CloudTrailSchemaError) throw e;
    if (ctx.errors.length < ctx.max) ctx.errors.push(unreadable(e));
  }
  if (ctx.errors.length === 0) ctx.errors.push({ path: "", message: "the record does not match its operation's schema" });
  return { valid: false, service, operation, errors: ctx.errors };
};

/**
 * Validate one CloudTrail record against the schema of the operation it belongs to (see resolveEvent).
 * A record of no known operation is `{ valid: false }` with an error at `/eventSource` or `/eventName`.
 */
export function validateEvent(record: unknown, options?: ValidateOptions): ValidationResult {
  return validateWith(closures, record, readOptions(options));
}

export function validateWith(engine: Engine, record: unknown, settings: Settings): ValidationResult {
  const r = resolveOrInvalid(record);
  if ("valid" in r) return r;
  if (r.unmodeled && settings.mode === "strict") return annotate(unmodeledInStrict(r), record, r);
  return annotate(engine(record, r.service, r.operation, settings, true), record, r);
}

/**
 * Strict mode checks a record against its model; an unmodeled API call has none, so strict rejects it
 * (compatible checks the envelope with open bodies). Not a loosening of strict: these records were unknown.
 */
function unmodeledInStrict(r: { service: string; operation: string }): ValidationResult {
  return {
    valid: false,
    service: r.service,
    operation: r.operation,
    errors: [{ path: "/eventName", message: "no model describes this API call (unmodeled): strict mode needs one; compatible mode checks the envelope", keyword: "unmodeled" }],
  };
}

/** What the result says about the record besides validity: trimmed export, unmodeled API call. */
function annotate(result: ValidationResult, record: unknown, r: { service: string; unmodeled?: true }): ValidationResult {
  let missing: string[] | undefined;
  try {
    missing = trimmedFields(record, r.service);
  } catch (e) {
    if (e instanceof CloudTrailSchemaError) throw e;
    missing = undefined; // unreadable: check() already said so
  }
  return {
    ...result,
    ...(missing ? { trimmed: true as const, missingFields: missing } : {}),
    ...(r.unmodeled ? { unmodeled: true as const } : {}),
  };
}

/**
 * The operation a record belongs to, or the invalid result that says why it has none. A record whose
 * properties throw when read (a Proxy, a getter) is invalid too; the package's own errors go through.
 */
function resolveOrInvalid(record: unknown): { service: string; operation: string; unmodeled?: true } | ValidationResult {
  let r: ReturnType<typeof resolve>;
  try {
    r = resolve(record);
  } catch (e) {
    if (e instanceof CloudTrailSchemaError) throw e;
    return { valid: false, errors: [unreadable(e)] };
  }
  return r.ok ? r : { valid: false, errors: [r.error] };
}

export type Target = { service?: string; operation?: string; settings: Settings };

/** The optional service, operation and options of isCloudTrailEvent / assertCloudTrailEvent. */
export function target(args: unknown[]): Target {
  const [a, b, c] = args;
  if (typeof a !== "string") return { settings: readOptions(a as ValidateOptions | undefined) };
  const service = getService(a).name;
  if (typeof b !== "string") return { service, settings: readOptions(b as ValidateOptions | undefined) };
  return { service, operation: checkOperation(getService(a), b), settings: readOptions(c as ValidateOptions | undefined) };
}

/** Validate against the named operation, or the record's own when it is not named. */
export function checkTarget(engine: Engine, record: unknown, t: Target, collect: boolean): ValidationResult {
  let service = t.service;
  let operation = t.operation;
  if (operation === undefined) {
    const r = resolveOrInvalid(record);
    if ("valid" in r) return r;
    if (r.unmodeled && t.settings.mode === "strict" && service === undefined) return unmodeledInStrict(r);
    if (service !== undefined && r.service !== service) {
      return { valid: false, service: r.service, operation: r.operation, errors: [{ path: "/eventSource", message: `the record is a ${r.service} event, not ${service}`, expected: service, found: r.service }] };
    }
    service = r.service;
    operation = r.operation;
  }
  const result = engine(record, service!, operation, t.settings, collect);
  if (!result.valid) return result;
  // The guards narrow to types that declare the whole envelope; a record that passes without it is not that type.
  const missing = missingTypedFields(record, service!);
  if (!missing.length) return result;
  return {
    valid: false,
    service,
    operation,
    errors: missing.map((k) => ({ path: `/${k}`, message: `must have the property "${k}" (the event types declare it)`, expected: "present", found: "absent" })),
  };
}

/** Services whose types are in the program (`import type {} from "@cloudtrail-schema/types/iam"`). */
type TypedService = keyof CloudTrailServices;

/**
 * Type guard: the record is a valid event of the operation (of the service; of any known operation).
 * An unknown service or operation name throws CloudTrailSchemaError (E_UNKNOWN_SERVICE, E_UNKNOWN_OPERATION).
 * The service's types narrow the record once its module of @cloudtrail-schema/types is imported.
 * The types declare required the envelope fields CloudTrail writes in every record (eventTime, awsRegion,
 * eventID, eventType, userIdentity, sourceIPAddress), so a record without one of them (a trimmed export) is
 * not narrowed, even in compatible mode where `validateEvent` accepts it and flags it `trimmed`.
 */
export function isCloudTrailEvent(record: unknown, options?: ValidateOptions): record is CloudTrailRecord | CloudTrailInsightsRecord;
export function isCloudTrailEvent<S extends TypedService>(record: unknown, service: S, options?: ValidateOptions): record is CloudTrailEvent<S>;
export function isCloudTrailEvent<S extends TypedService, O extends OperationName<S>>(
  record: unknown,
  service: S,
  operation: O,
  options?: ValidateOptions,
): record is CloudTrailEvent<S, O>;
export function isCloudTrailEvent(record: unknown, ...rest: unknown[]): boolean {
  return checkTarget(closures, record, target(rest), false).valid;
}

/**
 * Like isCloudTrailEvent, but throws CloudTrailSchemaError with code E_INVALID_EVENT (and the `errors`)
 * when the record is not a valid event.
 */
export function assertCloudTrailEvent(record: unknown, options?: ValidateOptions): asserts record is CloudTrailRecord | CloudTrailInsightsRecord;
export function assertCloudTrailEvent<S extends TypedService>(record: unknown, service: S, options?: ValidateOptions): asserts record is CloudTrailEvent<S>;
export function assertCloudTrailEvent<S extends TypedService, O extends OperationName<S>>(
  record: unknown,
  service: S,
  operation: O,
  options?: ValidateOptions,
): asserts record is CloudTrailEvent<S, O>;
export function assertCloudTrailEvent(record: unknown, ...rest: unknown[]): void {
  assertWith(closures, record, target(rest));
}

export function assertWith(engine: Engine, record: unknown, t: Target): void {
  const result = checkTarget(engine, record, t, true);
  if (result.valid) return;
  const what = t.operation ? `${t.service} ${t.operation} event` : t.service ? `${t.service} event` : "CloudTrail event";
  const [first] = result.errors;
  const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : "";
  throw new CloudTrailSchemaError(
    "E_INVALID_EVENT",
    `not a valid ${what} (${t.settings.mode}): ${first ? `${first.path || "/"}: ${first.message}` : "invalid"}${more}`,
    result.errors,
  );
}
