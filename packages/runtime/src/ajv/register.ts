/**
 * The runtime's schemas inside an ajv 8 instance (draft 2020-12: `new Ajv2020()` from "ajv/dist/2020").
 *
 * Registered per service and mode, under stable `$id`s:
 *
 * | `$id`                                                              | document                                   |
 * |--------------------------------------------------------------------|--------------------------------------------|
 * | `https://cloudtrail-schema.dev/schemas/<service>.<mode>.json`       | every operation's record schema, `$defs`   |
 * | `https://cloudtrail-schema.dev/schemas/<service>/<Operation>.json`  | one operation's record, compatible mode    |
 * | `https://cloudtrail-schema.dev/schemas/<service>/<Operation>.strict.json` | the same, strict mode                |
 *
 * The operation ids are getEventSchema's `$id`s; their documents only `$ref` the service's, so a definition
 * that many operations share (the envelope, ec2's filters) is compiled once per ajv instance. ajv compiles
 * nothing when a schema is added: `ajv.getSchema(id)` compiles the operation it is asked for, on first use.
 * Both modes come from the runtime's data (`generated/`, built from the generator's full documents, strict
 * overlay `x-model` included). `https://cloudtrail-schema.dev/schemas/<service>.json` is the file published
 * in @cloudtrail-schema/types, the compatible form only (no `x-model`); it is not registered here.
 */
import { checkOperation, getService, serviceNames } from "../data.js";
import { CloudTrailSchemaError } from "../errors.js";
import { readMode } from "../options.js";
import { escapeDef, eventSchemaId, serviceSchema, serviceSchemaId } from "../schema.js";
import { MODES, type EventSchemaOptions, type JsonSchema, type Mode } from "../types.js";

/** The error objects of ajv 8 (`ErrorObject`), as far as the runtime reads them. */
export interface AjvErrorObject {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: { [param: string]: unknown };
  message?: string;
  /** With ajv's `verbose: true`: the schema node holding the keyword, and the value that failed. */
  parentSchema?: unknown;
  data?: unknown;
}

/** A function compiled by ajv. */
export interface AjvValidateFunction {
  (data: unknown): boolean | Promise<unknown>;
  errors?: AjvErrorObject[] | null;
}

/**
 * What the runtime uses of an ajv 8 instance. `new Ajv2020(options)` from "ajv/dist/2020" is one; ajv's
 * draft-07 `Ajv` is not (it does not know draft 2020-12).
 */
export interface AjvInstance {
  opts: {
    allErrors?: boolean;
    verbose?: boolean;
    ownProperties?: boolean;
    coerceTypes?: unknown;
    useDefaults?: unknown;
    removeAdditional?: unknown;
    next?: boolean;
    unevaluated?: boolean;
  };
  addSchema(schema: object, key?: string, meta?: boolean, validateSchema?: boolean): unknown;
  getSchema(keyRef: string): AjvValidateFunction | undefined;
}

export interface AddSchemasOptions {
  /** Register this mode only (default: both). */
  mode?: Mode;
}

/** Per ajv instance: the service documents added to it, by `$id` (for locating errors in them). */
const added = new WeakMap<AjvInstance, Map<string, JsonSchema>>();

export function checkAjv(ajv: AjvInstance, caller: string): void {
  if (typeof ajv !== "object" || ajv === null || typeof ajv.addSchema !== "function" || typeof ajv.getSchema !== "function" || typeof ajv.opts !== "object") {
    throw new CloudTrailSchemaError("E_USAGE", `${caller}: expects an ajv 8 instance (new Ajv2020() from "ajv/dist/2020"), got ${ajv === null ? "null" : typeof ajv}`);
  }
  // Ajv2020 forces these two options; ajv's default export (draft-07) and Ajv2019 do not set `next`.
  if (ajv.opts.next !== true || ajv.opts.unevaluated !== true) {
    throw new CloudTrailSchemaError("E_USAGE", `${caller}: the schemas are JSON Schema draft 2020-12: use an Ajv2020 instance (import { Ajv2020 } from "ajv/dist/2020"), not ajv's draft-07 default export`);
  }
}

/**
 * Add services' schemas to an ajv instance the caller owns (every service when none is named; naming the
 * services used keeps the work small: ec2's documents take a few hundred milliseconds). Adding a service again
 * does nothing. Throws CloudTrailSchemaError E_UNKNOWN_SERVICE (with suggestions) for a service the schemas
 * do not have, E_USAGE for something that is not an Ajv2020 instance.
 */
export function addCloudTrailSchemas(ajv: AjvInstance, services?: readonly string[], options?: AddSchemasOptions): void {
  checkAjv(ajv, "addCloudTrailSchemas");
  if (services !== undefined && (!Array.isArray(services) || !services.every((s) => typeof s === "string"))) {
    throw new CloudTrailSchemaError("E_USAGE", "addCloudTrailSchemas: services must be an array of service names");
  }
  const modes = options?.mode === undefined ? MODES : [readMode(options)];
  // Every name is checked before anything is added, so a typo adds nothing.
  const names = (services ?? []).map((s) => getService(s).name);
  for (const service of services === undefined ? serviceNames() : names) for (const mode of modes) addService(ajv, service, mode);
}

/** Add one service's documents in one mode, once per instance; returns the service document's `$id`. */
export function addService(ajv: AjvInstance, service: string, mode: Mode): string {
  const id = serviceSchemaId(service, mode);
  let docs = added.get(ajv);
  if (docs === undefined) added.set(ajv, (docs = new Map()));
  if (docs.has(id)) return id;
  const doc = serviceSchema(service, mode);
  // Generated and checked at build time: ajv's meta-schema check of ec2's document would only cost time.
  ajv.addSchema(doc, undefined, undefined, false);
  for (const op of getService(service).operations) {
    ajv.addSchema({ $id: eventSchemaId(service, op, mode), $ref: `${id}#/$defs/${escapeDef(`${op}.event`)}` }, undefined, undefined, false);
  }
  docs.set(id, doc);
  return id;
}

/** The service document added to this instance under `id`, if it was added here. */
export function addedDocument(ajv: AjvInstance, id: string): JsonSchema | undefined {
  return added.get(ajv)?.get(id);
}

/**
 * The `$id` under which addCloudTrailSchemas registers an operation's record schema: getEventSchema's
 * `$id`. Throws E_UNKNOWN_SERVICE / E_UNKNOWN_OPERATION.
 */
export function getEventSchemaId(service: string, operation: string, options?: EventSchemaOptions): string {
  const mode = readMode(options);
  const svc = getService(service);
  return eventSchemaId(svc.name, checkOperation(svc, operation), mode);
}
