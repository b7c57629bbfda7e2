/**
 * validateEvent, isCloudTrailEvent and assertCloudTrailEvent with ajv as the engine: the same resolution,
 * options, results and error format as the package's default entry; only the check of a record against
 * its operation's schema is ajv's (added and compiled on first use, per operation and mode).
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import type { CloudTrailEvent, CloudTrailRecord, CloudTrailServices, OperationName } from "@cloudtrail-schema/types";
import { TYPE_BITS, typeBit, typeNames } from "../compile.js";
import { CloudTrailSchemaError } from "../errors.js";
import { SCHEMA_ARRAYS, SCHEMA_MAPS, SCHEMA_VALUES, escapeToken } from "../keywords.js";
import { readOptions } from "../options.js";
import { escapeDef, eventSchemaId, getEventSchema, serviceSchemaId } from "../schema.js";
import type { JsonSchema, Mode, ValidateOptions, ValidationResult } from "../types.js";
import { assertWith, checkTarget, type Engine, target, unreadable, validateWith } from "../validate.js";
import { type ExplainAlternatives, fromAjvErrors } from "./errors.js";
import { type AjvErrorObject, type AjvInstance, type AjvValidateFunction, addedDocument, checkAjv } from "./register.js";

type TypedService = keyof CloudTrailServices;

/** The validation functions of the default entry, bound to one ajv instance. */
export interface AjvValidator {
  /** The instance the schemas are added to and compiled in. */
  readonly ajv: AjvInstance;
  validateEvent(record: unknown, options?: ValidateOptions): ValidationResult;
  isCloudTrailEvent(record: unknown, options?: ValidateOptions): record is CloudTrailRecord;
  isCloudTrailEvent<S extends TypedService>(record: unknown, service: S, options?: ValidateOptions): record is CloudTrailEvent<S>;
  isCloudTrailEvent<S extends TypedService, O extends OperationName<S>>(record: unknown, service: S, operation: O, options?: ValidateOptions): record is CloudTrailEvent<S, O>;
  assertCloudTrailEvent(record: unknown, options?: ValidateOptions): asserts record is CloudTrailRecord;
  assertCloudTrailEvent<S extends TypedService>(record: unknown, service: S, options?: ValidateOptions): asserts record is CloudTrailEvent<S>;
  assertCloudTrailEvent<S extends TypedService, O extends OperationName<S>>(record: unknown, service: S, operation: O, options?: ValidateOptions): asserts record is CloudTrailEvent<S, O>;
}

/**
 * The options under which ajv gives validateEvent's answers and errors: every error (not only the first),
 * the failing schema node and value (for `schemaPath` and `found`), own properties only (a record's
 * `constructor` field is a field; the prototype is not).
 */
export const AJV_OPTIONS = { allErrors: true, verbose: true, ownProperties: true } as const;

/**
 * Validation through ajv. Without an instance, one is made with AJV_OPTIONS. With the caller's, its options
 * decide: without `allErrors` a record gets its first error only, without `verbose` errors have no
 * `schemaPath`, without `ownProperties` inherited properties count as ajv counts them. An instance that
 * would change records (`coerceTypes`, `useDefaults`, `removeAdditional`) is refused: validation only reads.
 */
export function createAjvValidator(ajv?: AjvInstance): AjvValidator {
  const instance = ajv === undefined ? (new Ajv2020({ ...AJV_OPTIONS, logger: false }) as unknown as AjvInstance) : ajv;
  checkAjv(instance, "createAjvValidator");
  for (const option of ["coerceTypes", "useDefaults", "removeAdditional"] as const) {
    if (instance.opts[option]) {
      throw new CloudTrailSchemaError("E_USAGE", `createAjvValidator: this ajv instance has ${option} set, which changes the records it validates; validation only reads. Use an instance without it.`);
    }
  }
  const engine = ajvEngine(instance);
  return {
    ajv: instance,
    validateEvent: (record: unknown, options?: ValidateOptions) => validateWith(engine, record, readOptions(options)),
    isCloudTrailEvent: ((record: unknown, ...rest: unknown[]) => checkTarget(engine, record, target(rest), false).valid) as AjvValidator["isCloudTrailEvent"],
    assertCloudTrailEvent: ((record: unknown, ...rest: unknown[]) => assertWith(engine, record, target(rest))) as AjvValidator["assertCloudTrailEvent"],
  };
}

/** One operation and mode compiled in ajv, with the document its schema nodes sit in. */
interface Target {
  fn: AjvValidateFunction;
  /** `$id` of the document (for compiling an anyOf alternative by JSON Pointer into it). */
  id: string;
  doc: JsonSchema;
  /** Schema node -> location, built when an error first needs it. */
  where?: WeakMap<object, string>;
}

/**
 * Where an operation's schema comes from: the service documents, when addCloudTrailSchemas added the service
 * to the instance (a definition shared by many operations is compiled once: best for a pipeline that sees
 * many operations); otherwise the operation's own document (getEventSchema's, under an `$id` of the
 * runtime's own), which holds only what that operation reaches: an ec2 RunInstances record costs ajv a
 * third of the work that ec2's whole document would (cold start).
 */
function ajvEngine(ajv: AjvInstance): Engine {
  const compiled = new Map<string, Target>();
  const compile = (service: string, operation: string, mode: Mode): Target => {
    const key = `${mode} ${service} ${operation}`;
    let t = compiled.get(key);
    if (t === undefined) {
      const shared = serviceSchemaId(service, mode);
      const doc = addedDocument(ajv, shared);
      if (doc !== undefined) {
        t = { fn: ajv.getSchema(eventSchemaId(service, operation, mode))!, id: shared, doc };
      } else {
        const id = `${RUNTIME_BASE}/${mode}/${service}/${operation}.json`;
        const own = { ...getEventSchema(service, operation, { mode }), $id: id };
        // Generated and checked at build time: ajv's meta-schema check would only cost time.
        ajv.addSchema(own, undefined, undefined, false);
        t = { fn: ajv.getSchema(id)!, id, doc: own };
      }
      if (typeof t.fn !== "function") throw new CloudTrailSchemaError("E_SCHEMA", `ajv has no schema for ${service} ${operation} (${mode})`);
      compiled.set(key, t);
    }
    return t;
  };
  return (record, service, operation, settings, collect) => {
    const t = compile(service, operation, settings.mode);
    let ok: boolean | Promise<unknown>;
    try {
      ok = t.fn(record);
    } catch (e) {
      if (e instanceof CloudTrailSchemaError) throw e;
      return { valid: false, service, operation, errors: collect ? [unreadable(e)] : [] };
    }
    if (ok === true) return { valid: true, service, operation, errors: [] };
    if (ok !== false) throw new CloudTrailSchemaError("E_SCHEMA", "ajv compiled the schema as asynchronous ($async); the runtime's schemas are synchronous");
    if (!collect) return { valid: false, service, operation, errors: [] };
    const where = (t.where ??= index(t.doc));
    const locate = (node: unknown) => (typeof node === "object" && node !== null ? where.get(node) : undefined);
    return { valid: false, service, operation, errors: fromAjvErrors(t.fn.errors ?? [], record, settings.maxErrors, locate, explainer(t, locate)) };
  };

  /**
   * The fast engine's explanation of a failed anyOf / oneOf (compile.ts explainAlternatives): the first
   * alternative that accepts the value's type, validated alone (ajv compiles it by JSON Pointer into the
   * document), else the types the alternatives accept.
   */
  function explainer(t: Target, locate: (node: unknown) => string | undefined): ExplainAlternatives {
    return (e) => {
      const node = e.parentSchema as { [k: string]: unknown } | undefined;
      const loc = locate(node);
      const options = node?.[e.keyword];
      if (loc === undefined || !Array.isArray(options) || !("data" in e)) return undefined;
      const bit = typeBit(e.data);
      const bits = options.map((o) => typesOf(o, t.doc));
      const expected = typeNames(bits.reduce((a, b) => a | b, 0)).join(" or ") || "a matching value";
      const k = bits.findIndex((b) => (b & bit) !== 0);
      // Each alternative alone, as ajv ran them inside the anyOf: their errors, in order, came before it.
      const runs: AjvErrorObject[][] = [];
      for (let i = 0; i < options.length; i++) {
        let fn: AjvValidateFunction | undefined;
        try {
          fn = ajv.getSchema(`${t.id}${loc}/${e.keyword}/${i}`);
        } catch {
          return undefined;
        }
        if (fn === undefined) return undefined;
        const ok = fn(e.data);
        runs.push(ok === false ? (fn.errors ?? []).map((sub) => ({ ...sub, instancePath: e.instancePath + sub.instancePath })) : []);
      }
      const count = runs.reduce((n, r) => n + r.length, 0);
      return { errors: k < 0 ? [] : runs[k]!, expected, count };
    };
  }
}

/** `$id`s of the operation documents the validator adds on its own: not for use outside the runtime. */
const RUNTIME_BASE = "https://cloudtrail-schema.dev/schemas/runtime";

/** The JSON types a schema node accepts, as compile.ts's `types()` counts them (type, const, enum, $ref, anyOf/oneOf). */
function typesOf(schema: unknown, doc: JsonSchema, seen: ReadonlySet<string> = new Set()): number {
  if (schema === false) return 0;
  if (typeof schema !== "object" || schema === null) return ALL_TYPES;
  const s = schema as { [k: string]: unknown };
  let bits = ALL_TYPES;
  if (s.type !== undefined) bits = (Array.isArray(s.type) ? s.type : [s.type]).reduce((b: number, t) => b | (TYPE_BITS[String(t)] ?? 0), 0);
  if (s.const !== undefined) bits &= typeBit(s.const);
  if (Array.isArray(s.enum)) bits &= s.enum.reduce((b: number, v) => b | typeBit(v), 0);
  if (typeof s.$ref === "string" && s.$ref.startsWith("#/$defs/")) {
    const name = decodeURIComponent(s.$ref.slice("#/$defs/".length)).replace(/~1/g, "/").replace(/~0/g, "~");
    const defs = doc.$defs as { [name: string]: unknown };
    if (!seen.has(name) && Object.prototype.hasOwnProperty.call(defs, name)) bits &= typesOf(defs[name], doc, new Set([...seen, name]));
  }
  const alternatives = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : undefined;
  if (alternatives) bits &= alternatives.reduce((b: number, o) => b | typesOf(o, doc, seen), 0);
  return bits;
}

/** Every JSON type bit of compile.ts, and what is not JSON. */
const ALL_TYPES = 127;

/** Every schema node of a service document -> its location (`#/$defs/Name/properties/x`). */
function index(doc: JsonSchema | undefined): WeakMap<object, string> {
  const where = new WeakMap<object, string>();
  const defs = (doc?.$defs ?? {}) as { [name: string]: unknown };
  const stack: [unknown, string][] = Object.keys(defs).map((name) => [defs[name], `#/$defs/${escapeDef(name)}`]);
  while (stack.length) {
    const [node, loc] = stack.pop()!;
    if (typeof node !== "object" || node === null || Array.isArray(node) || where.has(node)) continue;
    where.set(node, loc);
    for (const [key, child] of Object.entries(node)) {
      const at = `${loc}/${escapeToken(key)}`;
      if (SCHEMA_MAPS.has(key) && typeof child === "object" && child !== null) {
        for (const [name, sub] of Object.entries(child)) stack.push([sub, `${at}/${escapeToken(name)}`]);
      } else if (SCHEMA_ARRAYS.has(key) && Array.isArray(child)) {
        child.forEach((sub, i) => stack.push([sub, `${at}/${i}`]));
      } else if (SCHEMA_VALUES.has(key)) {
        stack.push([child, at]);
      }
    }
  }
  return where;
}

let shared: AjvValidator | undefined;
/** The module's own validator, made on first use. */
const defaultValidator = (): AjvValidator => (shared ??= createAjvValidator());

/** validateEvent of the default entry, through ajv (an instance of this module's, made with AJV_OPTIONS). */
export function validateEvent(record: unknown, options?: ValidateOptions): ValidationResult {
  return defaultValidator().validateEvent(record, options);
}

/** isCloudTrailEvent of the default entry, through ajv. */
export function isCloudTrailEvent(record: unknown, options?: ValidateOptions): record is CloudTrailRecord;
export function isCloudTrailEvent<S extends TypedService>(record: unknown, service: S, options?: ValidateOptions): record is CloudTrailEvent<S>;
export function isCloudTrailEvent<S extends TypedService, O extends OperationName<S>>(record: unknown, service: S, operation: O, options?: ValidateOptions): record is CloudTrailEvent<S, O>;
export function isCloudTrailEvent(record: unknown, ...rest: unknown[]): boolean {
  return (defaultValidator().isCloudTrailEvent as (r: unknown, ...a: unknown[]) => boolean)(record, ...rest);
}

/** assertCloudTrailEvent of the default entry, through ajv. */
export function assertCloudTrailEvent(record: unknown, options?: ValidateOptions): asserts record is CloudTrailRecord;
export function assertCloudTrailEvent<S extends TypedService>(record: unknown, service: S, options?: ValidateOptions): asserts record is CloudTrailEvent<S>;
export function assertCloudTrailEvent<S extends TypedService, O extends OperationName<S>>(record: unknown, service: S, operation: O, options?: ValidateOptions): asserts record is CloudTrailEvent<S, O>;
export function assertCloudTrailEvent(record: unknown, ...rest: unknown[]): void {
  (defaultValidator().assertCloudTrailEvent as (r: unknown, ...a: unknown[]) => void)(record, ...rest);
}
