/**
 * The validator: JSON Schema (the subset the generator emits) -> a tree of closures, built lazily.
 *
 * Why not ajv at run time: ajv generates JavaScript and evaluates it with `new Function` (refused by a CSP
 * without 'unsafe-eval'), its code is about 7x the size of the schema, and compiling one ec2 RunInstances
 * record schema takes hundreds of milliseconds; ajv's standalone code, generated at build time, avoids the
 * compile but is ~220 MB for all services per mode. The numbers are in README.md. Closures need no code
 * generation, compile in microseconds, and only the definitions a record reaches are ever compiled
 * (a `$ref` compiles its target on first use).
 *
 * Semantics follow JSON Schema draft 2020-12 as ajv implements it (tests compare the two on generated and
 * mutated records), with three deliberate choices:
 * - only own properties count (ajv's `ownProperties: true`): `{"constructor": ...}` is a field, the
 *   prototype is not;
 * - a property whose value is `undefined` (not JSON) is treated as absent;
 * - nesting through `$ref` is bounded (MAX_DEPTH) so a hostile, deeply nested record gets an error, not a
 *   stack overflow.
 *
 * Each check is `(data, ctx) => boolean`. With `ctx === null` it answers as fast as it can (first failure
 * returns); with a context it collects errors (path, expected, found) up to `ctx.max`. validate.ts runs the
 * fast form first and the collecting form only for records that fail.
 *
 * Strict mode hoists each node's `x-model` keywords into the node as it is compiled (the rule of the
 * generator's modes.ts: a hoisted keyword replaces the node's own).
 */
import { CloudTrailSchemaError } from "./errors.js";
import type { Mode, ValidationError } from "./types.js";

/** How deep `$ref`s may nest while validating one record. No CloudTrail record comes near it. */
export const MAX_DEPTH = 256;

export type Check = (data: unknown, ctx: Ctx | null) => boolean;

export interface Ctx {
  errors: ValidationError[];
  max: number;
  /** Record path of the value being checked: property names and array indexes. */
  path: (string | number)[];
}

/** One schema document as the runtime holds it: named definitions and how its `$ref`s are written. */
export interface SchemaDoc {
  /** Prefix of this document's definitions in a self-contained event schema (`""`, `"envelope."`). */
  prefix: string;
  /** A definition, parsed on first request; undefined when there is none. */
  def(name: string): unknown;
  /** Resolve a `$ref` written in this document to [document, definition name]. */
  resolve(ref: string): [SchemaDoc, string] | undefined;
  /** Compiled definitions, per mode. */
  cache: { [M in Mode]?: Map<string, Node> };
}

export interface Node {
  check: Check;
  /** JSON types (bit set, see T_*) this node can accept; for explaining a failed `anyOf`. */
  types(): number;
}

// JSON type bits.
const T_NULL = 1;
const T_BOOLEAN = 2;
const T_OBJECT = 4;
const T_ARRAY = 8;
const T_NUMBER = 16;
const T_STRING = 32;
const T_OTHER = 64; // undefined, functions, symbols, bigints: not JSON
const T_ALL = 127;
export const TYPE_BITS: Record<string, number> = {
  null: T_NULL,
  boolean: T_BOOLEAN,
  object: T_OBJECT,
  array: T_ARRAY,
  number: T_NUMBER,
  integer: T_NUMBER,
  string: T_STRING,
};

export function typeBit(d: unknown): number {
  switch (typeof d) {
    case "string":
      return T_STRING;
    case "number":
      return T_NUMBER;
    case "boolean":
      return T_BOOLEAN;
    case "object":
      return d === null ? T_NULL : Array.isArray(d) ? T_ARRAY : T_OBJECT;
    default:
      return T_OTHER;
  }
}

export const typeNames = (bits: number): string[] => Object.keys(TYPE_BITS).filter((n) => n !== "integer" && bits & TYPE_BITS[n]!);

let depth = 0;

/** Run a check from the top: the `$ref` depth starts at 0 whatever happened before (a throwing getter). */
export function runCheck(check: Check, data: unknown, ctx: Ctx | null): boolean {
  depth = 0;
  try {
    return check(data, ctx);
  } finally {
    depth = 0;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Errors

const hasOwn = Object.prototype.hasOwnProperty;

export function pointer(path: readonly (string | number)[]): string {
  let out = "";
  for (const seg of path) out += "/" + String(seg).replace(/~/g, "~0").replace(/\//g, "~1");
  return out;
}

/** A short, safe description of a value for `found`: never the whole of a large string or object. */
export function preview(d: unknown): string {
  switch (typeof d) {
    case "string": {
      const head = d.length > 48 ? d.slice(0, 48) : d;
      return JSON.stringify(head).slice(0, -1) + (d.length > 48 ? `…" (${d.length} characters)` : '"');
    }
    case "number":
    case "boolean":
      return String(d);
    case "object":
      if (d === null) return "null";
      if (Array.isArray(d)) return `array (${d.length} item${d.length === 1 ? "" : "s"})`;
      return "object";
    case "undefined":
      return "undefined";
    default:
      return typeof d;
  }
}

function report(ctx: Ctx, error: Omit<ValidationError, "path">, sub?: string | number): false {
  if (ctx.errors.length < ctx.max) {
    const path = sub === undefined ? pointer(ctx.path) : pointer([...ctx.path, sub]);
    ctx.errors.push({ path, ...error });
  }
  return false;
}

const full = (ctx: Ctx): boolean => ctx.errors.length >= ctx.max;

/** Check a child value with its path segment pushed (collecting form only). */
function at(check: Check, value: unknown, seg: string | number, ctx: Ctx): boolean {
  ctx.path.push(seg);
  const ok = check(value, ctx);
  ctx.path.pop();
  return ok;
}

export function list(values: readonly unknown[], max = 6): string {
  const shown = values.slice(0, max).map((v) => JSON.stringify(v)).join(", ");
  return values.length > max ? `${shown}, … (${values.length} values)` : shown;
}

// ---------------------------------------------------------------------------------------------------------
// Compiling

const ANY: Node = { check: () => true, types: () => T_ALL };

/** Compiled definition `name` of `doc`, compiling it on first use. */
export function compileDef(doc: SchemaDoc, name: string, mode: Mode): Node {
  const cache = (doc.cache[mode] ??= new Map());
  let node = cache.get(name);
  if (node === undefined) {
    const def = doc.def(name);
    if (def === undefined) throw schemaError(`no definition "${name}"`, `#/$defs/${doc.prefix}${name}`);
    // Placeholder first: a definition that refers to itself finds it (its $ref resolves lazily anyway).
    let real: Node | undefined;
    const placeholder: Node = { check: (d, c) => real!.check(d, c), types: () => real!.types() };
    cache.set(name, placeholder);
    real = compile(def, doc, mode, `#/$defs/${escapeDef(doc.prefix + name)}`);
    cache.set(name, real);
    node = real;
  }
  return node;
}

/** Def names in a URI fragment, as the generator writes them: URI-encoded, dots kept. */
const escapeDef = (name: string): string => encodeURIComponent(name).replace(/%2E/gi, ".");

function schemaError(message: string, loc: string): CloudTrailSchemaError {
  return new CloudTrailSchemaError("E_SCHEMA", `unusable generated schema at ${loc}: ${message}`);
}

function isSchemaObject(s: unknown): s is { readonly [k: string]: unknown } {
  return typeof s === "object" && s !== null && !Array.isArray(s);
}

/** Compile any schema node of a document (definitions go through compileDef, which caches). */
export function compile(schema: unknown, doc: SchemaDoc, mode: Mode, loc: string): Node {
  if (schema === true) return ANY;
  if (schema === false) {
    return {
      check: (d, ctx) => (ctx === null ? false : report(ctx, { message: "no value is allowed here", keyword: "false schema", found: preview(d), schemaPath: loc })),
      types: () => 0,
    };
  }
  if (!isSchemaObject(schema)) throw schemaError("a schema must be an object or a boolean", loc);
  let s = schema;
  const model = s["x-model"];
  if (model !== undefined) {
    if (!isSchemaObject(model)) throw schemaError('"x-model" must be an object', loc);
    const { "x-model": _drop, ...rest } = s;
    s = mode === "strict" ? { ...rest, ...model } : rest;
  }

  const checks: Check[] = [];
  const sub = (k: string, v: unknown) => compile(v, doc, mode, `${loc}/${k}`);

  // type
  let typeMask = T_ALL;
  let integerOnly = false;
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    typeMask = 0;
    for (const t of types) {
      const bit = TYPE_BITS[t as string];
      if (bit === undefined) throw schemaError(`unknown type ${JSON.stringify(t)}`, `${loc}/type`);
      typeMask |= bit;
    }
    integerOnly = types.includes("integer") && !types.includes("number");
  }

  if (s.const !== undefined) checks.push(constCheck(s.const, `${loc}/const`));
  if (s.enum !== undefined) {
    if (!Array.isArray(s.enum)) throw schemaError("enum must be an array", `${loc}/enum`);
    checks.push(enumCheck(s.enum, `${loc}/enum`));
  }

  let refNode: Node | undefined;
  if (s.$ref !== undefined) {
    refNode = refTo(s.$ref, doc, mode, `${loc}/$ref`);
    checks.push(refNode.check);
  }

  const str = stringCheck(s, loc);
  if (str) checks.push(str);
  const num = numberCheck(s, loc);
  if (num) checks.push(num);
  const obj = objectCheck(s, loc, sub);
  if (obj) checks.push(obj);
  const arr = arrayCheck(s, loc, sub);
  if (arr) checks.push(arr);

  let alternatives: Node[] | undefined;
  if (s.allOf !== undefined) {
    for (const [i, n] of schemas(s.allOf, `${loc}/allOf`).entries()) checks.push(sub(`allOf/${i}`, n).check);
  }
  if (s.anyOf !== undefined) {
    alternatives = schemas(s.anyOf, `${loc}/anyOf`).map((n, i) => sub(`anyOf/${i}`, n));
    checks.push(anyOfCheck(alternatives, `${loc}/anyOf`));
  }
  if (s.oneOf !== undefined) {
    const options = schemas(s.oneOf, `${loc}/oneOf`).map((n, i) => sub(`oneOf/${i}`, n));
    alternatives ??= options;
    checks.push(oneOfCheck(options, `${loc}/oneOf`));
  }
  if (s.not !== undefined) {
    const not = sub("not", s.not);
    checks.push((d, ctx) => !not.check(d, null) || (ctx !== null && report(ctx, { message: "must not match the schema in not", keyword: "not", found: preview(d), schemaPath: `${loc}/not` })));
  }
  if (s.if !== undefined) {
    const cond = sub("if", s.if);
    const then = s.then === undefined ? ANY : sub("then", s.then);
    const otherwise = s.else === undefined ? ANY : sub("else", s.else);
    checks.push((d, ctx) => (cond.check(d, null) ? then.check(d, ctx) : otherwise.check(d, ctx)));
  }

  const types = (): number => {
    let bits = typeMask;
    if (s.const !== undefined) bits &= typeBit(s.const);
    if (Array.isArray(s.enum)) bits &= s.enum.reduce((b: number, v) => b | typeBit(v), 0);
    if (refNode) bits &= refNode.types();
    if (alternatives) bits &= alternatives.reduce((b, n) => b | n.types(), 0);
    return bits;
  };
  return { check: combine(checks, typeMask, integerOnly, `${loc}/type`), types };
}

function schemas(v: unknown, loc: string): unknown[] {
  if (!Array.isArray(v) || v.length === 0) throw schemaError("must be a non-empty array of schemas", loc);
  return v;
}

function refTo(ref: unknown, doc: SchemaDoc, mode: Mode, loc: string): Node {
  if (typeof ref !== "string") throw schemaError("$ref must be a string", loc);
  const target = doc.resolve(ref);
  if (!target) throw schemaError(`cannot resolve $ref ${JSON.stringify(ref)}`, loc);
  const [tdoc, name] = target;
  let node: Node | undefined;
  const check: Check = (d, ctx) => {
    const t = (node ??= compileDef(tdoc, name, mode));
    if (++depth > MAX_DEPTH) {
      depth--;
      return ctx !== null && report(ctx, { message: `nested more than ${MAX_DEPTH} levels deep; not validated further`, keyword: "maxDepth", schemaPath: loc });
    }
    const ok = t.check(d, ctx);
    depth--;
    return ok;
  };
  return { check, types: () => (node ??= compileDef(tdoc, name, mode)).types() };
}

/** The type test first; the other checks only run on a value of a right type. */
function combine(checks: Check[], typeMask: number, integerOnly: boolean, typeLoc: string): Check {
  const n = checks.length;
  if (typeMask === T_ALL) {
    if (n === 0) return ANY.check;
    if (n === 1) return checks[0]!;
    return (d, ctx) => runAll(checks, d, ctx);
  }
  const typeError = (d: unknown, ctx: Ctx): false => {
    const expected = typeNames(typeMask)
      .map((t) => (t === "number" && integerOnly ? "integer" : t))
      .join(" or ");
    return report(ctx, { message: `must be ${expected}`, expected, found: preview(d), keyword: "type", schemaPath: typeLoc });
  };
  const typeOk = integerOnly
    ? (d: unknown) => {
        const bit = typeBit(d);
        return (bit & typeMask) !== 0 && (bit !== T_NUMBER || (!((d as number) % 1) && !Number.isNaN(d)));
      }
    : (d: unknown) => (typeBit(d) & typeMask) !== 0;
  // The common leaves, without the loop.
  if (n === 0) {
    if (typeMask === T_STRING) return (d, ctx) => typeof d === "string" || (ctx !== null && typeError(d, ctx));
    if (typeMask === T_BOOLEAN) return (d, ctx) => typeof d === "boolean" || (ctx !== null && typeError(d, ctx));
    return (d, ctx) => typeOk(d) || (ctx !== null && typeError(d, ctx));
  }
  if (n === 1) {
    const only = checks[0]!;
    return (d, ctx) => (typeOk(d) ? only(d, ctx) : ctx !== null && typeError(d, ctx));
  }
  return (d, ctx) => (typeOk(d) ? runAll(checks, d, ctx) : ctx !== null && typeError(d, ctx));
}

function runAll(checks: Check[], d: unknown, ctx: Ctx | null): boolean {
  if (ctx === null) {
    for (let i = 0; i < checks.length; i++) if (!checks[i]!(d, null)) return false;
    return true;
  }
  let ok = true;
  for (let i = 0; i < checks.length; i++) {
    if (!checks[i]!(d, ctx)) {
      ok = false;
      if (full(ctx)) return false;
    }
  }
  return ok;
}

// ---------------------------------------------------------------------------------------------------------
// Keywords

function constCheck(value: unknown, loc: string): Check {
  const primitive = typeof value !== "object" || value === null;
  return (d, ctx) =>
    (primitive ? d === value : deepEqual(d, value)) ||
    (ctx !== null && report(ctx, { message: `must be ${JSON.stringify(value)}`, expected: JSON.stringify(value), found: preview(d), keyword: "const", schemaPath: loc }));
}

function enumCheck(values: readonly unknown[], loc: string): Check {
  const primitive = values.every((v) => typeof v !== "object" || v === null);
  const set = new Set(values);
  const fail = (d: unknown, ctx: Ctx) =>
    report(ctx, { message: `must be one of ${list(values)}`, expected: `one of ${list(values)}`, found: preview(d), keyword: "enum", schemaPath: loc });
  if (primitive) return (d, ctx) => set.has(d) || (ctx !== null && fail(d, ctx));
  return (d, ctx) => values.some((v) => deepEqual(d, v)) || (ctx !== null && fail(d, ctx));
}

/** JSON equality (ajv's `fast-deep-equal` on JSON values). */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => deepEqual(v, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => hasOwn.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Length in code points, as JSON Schema (and ajv) count it: a surrogate pair is one character. */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    n++;
  }
  return n;
}

const patterns = new Map<string, RegExp>();

/** Patterns compile on first use, once per process, with the `u` flag as ajv compiles them. */
function regExp(source: string, loc: string): RegExp {
  let re = patterns.get(source);
  if (re === undefined) {
    try {
      re = new RegExp(source, "u");
    } catch (e) {
      throw schemaError(`pattern does not compile: ${(e as Error).message}`, loc);
    }
    patterns.set(source, re);
  }
  return re;
}

function num(s: { readonly [k: string]: unknown }, k: string, loc: string): number | undefined {
  const v = s[k];
  if (v === undefined) return undefined;
  if (typeof v !== "number" || Number.isNaN(v)) throw schemaError(`${k} must be a number`, `${loc}/${k}`);
  return v;
}

function stringCheck(s: { readonly [k: string]: unknown }, loc: string): Check | undefined {
  const min = num(s, "minLength", loc);
  const max = num(s, "maxLength", loc);
  const source = s.pattern;
  if (min === undefined && max === undefined && source === undefined) return undefined;
  if (source !== undefined && typeof source !== "string") throw schemaError("pattern must be a string", `${loc}/pattern`);
  let re: RegExp | undefined;
  return (d, ctx) => {
    if (typeof d !== "string") return true;
    // UTF-16 length bounds the code-point length from both sides; count only when they disagree.
    if (max !== undefined && d.length > max && ((d.length + 1) >> 1 > max || codePoints(d) > max)) {
      // Too long: the pattern is not tried (a long hostile string never reaches the regular expression).
      return ctx !== null && report(ctx, { message: `must have at most ${max} characters`, expected: `at most ${max} characters`, found: `${codePoints(d)} characters`, keyword: "maxLength", schemaPath: `${loc}/maxLength` });
    }
    let ok = true;
    if (min !== undefined && (d.length < min || ((d.length + 1) >> 1 < min && codePoints(d) < min))) {
      if (ctx === null) return false;
      ok = report(ctx, { message: `must have at least ${min} character${min === 1 ? "" : "s"}`, expected: `at least ${min} characters`, found: `${codePoints(d)} characters`, keyword: "minLength", schemaPath: `${loc}/minLength` });
      if (full(ctx)) return false;
    }
    if (source !== undefined && !(re ??= regExp(source, `${loc}/pattern`)).test(d)) {
      if (ctx === null) return false;
      ok = report(ctx, { message: `must match the pattern ${source}`, expected: `a string matching ${source}`, found: preview(d), keyword: "pattern", schemaPath: `${loc}/pattern` });
    }
    return ok;
  };
}

function numberCheck(s: { readonly [k: string]: unknown }, loc: string): Check | undefined {
  const bounds: [string, number, (d: number, b: number) => boolean, string][] = [];
  const add = (k: string, ok: (d: number, b: number) => boolean, words: string) => {
    const b = num(s, k, loc);
    if (b !== undefined) bounds.push([k, b, ok, words]);
  };
  add("minimum", (d, b) => d >= b, ">=");
  add("maximum", (d, b) => d <= b, "<=");
  add("exclusiveMinimum", (d, b) => d > b, ">");
  add("exclusiveMaximum", (d, b) => d < b, "<");
  const multipleOf = num(s, "multipleOf", loc);
  if (bounds.length === 0 && multipleOf === undefined) return undefined;
  return (d, ctx) => {
    if (typeof d !== "number") return true;
    let ok = true;
    for (const [k, b, test, words] of bounds) {
      if (!test(d, b)) {
        if (ctx === null) return false;
        ok = report(ctx, { message: `must be ${words} ${b}`, expected: `${words} ${b}`, found: String(d), keyword: k, schemaPath: `${loc}/${k}` });
        if (full(ctx)) return false;
      }
    }
    if (multipleOf !== undefined && d / multipleOf !== Math.trunc(d / multipleOf)) {
      if (ctx === null) return false;
      ok = report(ctx, { message: `must be a multiple of ${multipleOf}`, expected: `a multiple of ${multipleOf}`, found: String(d), keyword: "multipleOf", schemaPath: `${loc}/multipleOf` });
    }
    return ok;
  };
}

function objectCheck(s: { readonly [k: string]: unknown }, loc: string, sub: (k: string, v: unknown) => Node): Check | undefined {
  const { properties, patternProperties, additionalProperties, propertyNames, required, dependentRequired } = s;
  const minP = num(s, "minProperties", loc);
  const maxP = num(s, "maxProperties", loc);
  if (
    properties === undefined &&
    patternProperties === undefined &&
    additionalProperties === undefined &&
    propertyNames === undefined &&
    required === undefined &&
    dependentRequired === undefined &&
    minP === undefined &&
    maxP === undefined
  )
    return undefined;

  // Null prototype: a record key "__proto__" or "constructor" is looked up as a name, nothing more.
  const props: { [k: string]: Check } = Object.create(null);
  let hasProps = false;
  if (properties !== undefined) {
    if (!isSchemaObject(properties)) throw schemaError("properties must be an object", `${loc}/properties`);
    for (const k of Object.keys(properties)) {
      props[k] = sub(`properties/${escapeToken(k)}`, properties[k]).check;
      hasProps = true;
    }
  }
  let patternProps: [RegExp, Check][] | undefined;
  if (patternProperties !== undefined) {
    if (!isSchemaObject(patternProperties)) throw schemaError("patternProperties must be an object", `${loc}/patternProperties`);
    patternProps = Object.keys(patternProperties).map((p) => [regExp(p, `${loc}/patternProperties`), sub(`patternProperties/${escapeToken(p)}`, patternProperties[p]).check]);
  }
  const closed = additionalProperties === false;
  const additional = additionalProperties === undefined || additionalProperties === true || closed ? undefined : sub("additionalProperties", additionalProperties).check;
  const names = propertyNames === undefined ? undefined : sub("propertyNames", propertyNames).check;
  if (required !== undefined && (!Array.isArray(required) || !required.every((r) => typeof r === "string"))) throw schemaError("required must be an array of names", `${loc}/required`);
  const req = (required ?? []) as string[];
  // Names that exist on Object.prototype need an own-property test; the others are found by a plain read.
  const reqProto = req.map((r) => r in Object.prototype);
  const dependencies = dependentRequired === undefined ? [] : Object.entries(dependentRequired as Record<string, string[]>);
  const walk = hasProps || patternProps !== undefined || closed || additional !== undefined || names !== undefined || minP !== undefined || maxP !== undefined;

  const unknownProperty = (k: string, d: unknown, ctx: Ctx) =>
    report(ctx, { message: `unknown property ${JSON.stringify(k)} (not in the model)`, expected: "no such property", found: preview(d), keyword: "additionalProperties", schemaPath: `${loc}/additionalProperties` }, k);

  return (d, ctx) => {
    if (typeof d !== "object" || d === null || Array.isArray(d)) return true;
    const o = d as { [k: string]: unknown };
    let ok = true;
    if (walk) {
      let count = 0;
      for (const k in o) {
        if (!hasOwn.call(o, k)) continue;
        count++;
        const v = o[k];
        if (names !== undefined && !names(k, null)) {
          if (ctx === null) return false;
          ctx.path.push(k);
          names(k, ctx);
          ctx.path.pop();
          ok = false;
          if (full(ctx)) return false;
        }
        if (v === undefined) continue;
        let matched = false;
        const c = hasProps ? props[k] : undefined;
        if (c !== undefined) {
          matched = true;
          if (ctx === null) {
            if (!c(v, null)) return false;
          } else if (!at(c, v, k, ctx)) {
            ok = false;
            if (full(ctx)) return false;
          }
        }
        if (patternProps !== undefined) {
          for (const [re, pc] of patternProps) {
            if (!re.test(k)) continue;
            matched = true;
            if (ctx === null) {
              if (!pc(v, null)) return false;
            } else if (!at(pc, v, k, ctx)) {
              ok = false;
              if (full(ctx)) return false;
            }
          }
        }
        if (matched) continue;
        if (closed) {
          if (ctx === null) return false;
          ok = unknownProperty(k, v, ctx);
          if (full(ctx)) return false;
        } else if (additional !== undefined) {
          if (ctx === null) {
            if (!additional(v, null)) return false;
          } else if (!at(additional, v, k, ctx)) {
            ok = false;
            if (full(ctx)) return false;
          }
        }
      }
      if ((minP !== undefined && count < minP) || (maxP !== undefined && count > maxP)) {
        if (ctx === null) return false;
        const [k, words, b] = minP !== undefined && count < minP ? ["minProperties", "at least", minP] : ["maxProperties", "at most", maxP!];
        ok = report(ctx, { message: `must have ${words} ${b} propert${b === 1 ? "y" : "ies"}`, expected: `${words} ${b} properties`, found: `${count} properties`, keyword: k, schemaPath: `${loc}/${k}` });
        if (full(ctx)) return false;
      }
    }
    for (let i = 0; i < req.length; i++) {
      const r = req[i]!;
      if (o[r] === undefined || (reqProto[i] && !hasOwn.call(o, r))) {
        if (ctx === null) return false;
        ok = report(ctx, { message: `must have the property ${JSON.stringify(r)}`, expected: "present", found: "absent", keyword: "required", schemaPath: `${loc}/required` }, r);
        if (full(ctx)) return false;
      }
    }
    for (const [k, needs] of dependencies) {
      if (o[k] === undefined) continue;
      for (const r of needs) {
        if (o[r] !== undefined) continue;
        if (ctx === null) return false;
        ok = report(ctx, { message: `must have the property ${JSON.stringify(r)} when ${JSON.stringify(k)} is present`, expected: "present", found: "absent", keyword: "dependentRequired", schemaPath: `${loc}/dependentRequired` }, r);
        if (full(ctx)) return false;
      }
    }
    return ok;
  };
}

const escapeToken = (k: string): string => k.replace(/~/g, "~0").replace(/\//g, "~1");

function arrayCheck(s: { readonly [k: string]: unknown }, loc: string, sub: (k: string, v: unknown) => Node): Check | undefined {
  const minI = num(s, "minItems", loc);
  const maxI = num(s, "maxItems", loc);
  if (s.items === undefined && s.prefixItems === undefined && minI === undefined && maxI === undefined) return undefined;
  const prefix = s.prefixItems === undefined ? [] : schemas(s.prefixItems, `${loc}/prefixItems`).map((p, i) => sub(`prefixItems/${i}`, p).check);
  const items = s.items === undefined ? undefined : sub("items", s.items).check;
  return (d, ctx) => {
    if (!Array.isArray(d)) return true;
    let ok = true;
    if ((minI !== undefined && d.length < minI) || (maxI !== undefined && d.length > maxI)) {
      if (ctx === null) return false;
      const [k, words, b] = minI !== undefined && d.length < minI ? ["minItems", "at least", minI] : ["maxItems", "at most", maxI!];
      ok = report(ctx, { message: `must have ${words} ${b} item${b === 1 ? "" : "s"}`, expected: `${words} ${b} items`, found: `${d.length} items`, keyword: k, schemaPath: `${loc}/${k}` });
      if (full(ctx)) return false;
    }
    for (let i = 0; i < d.length; i++) {
      const c = i < prefix.length ? prefix[i]! : items;
      if (c === undefined) break;
      if (ctx === null) {
        if (!c(d[i], null)) return false;
      } else if (!at(c, d[i], i, ctx)) {
        ok = false;
        if (full(ctx)) return false;
      }
    }
    return ok;
  };
}

/**
 * All alternatives failed: explain with the first alternative that accepts the value's type (the generator
 * puts the real schema first and `null` or a redaction marker after it), or say which types were expected.
 */
function explainAlternatives(options: Node[], d: unknown, ctx: Ctx, loc: string, keyword: string): false {
  const bit = typeBit(d);
  const candidate = options.find((o) => (o.types() & bit) !== 0);
  if (candidate !== undefined) {
    const before = ctx.errors.length;
    candidate.check(d, ctx);
    if (ctx.errors.length > before || full(ctx)) return false;
  }
  const expected = typeNames(options.reduce((b, o) => b | o.types(), 0)).join(" or ") || "a matching value";
  return report(ctx, { message: `must be ${expected}`, expected, found: preview(d), keyword, schemaPath: loc });
}

function anyOfCheck(options: Node[], loc: string): Check {
  if (options.length === 2) {
    const [a, b] = options as [Node, Node];
    return (d, ctx) => a.check(d, null) || b.check(d, null) || (ctx !== null && explainAlternatives(options, d, ctx, loc, "anyOf"));
  }
  return (d, ctx) => {
    for (let i = 0; i < options.length; i++) if (options[i]!.check(d, null)) return true;
    return ctx !== null && explainAlternatives(options, d, ctx, loc, "anyOf");
  };
}

function oneOfCheck(options: Node[], loc: string): Check {
  return (d, ctx) => {
    let passed = 0;
    for (let i = 0; i < options.length && passed < 2; i++) if (options[i]!.check(d, null)) passed++;
    if (passed === 1) return true;
    if (ctx === null) return false;
    if (passed === 0) return explainAlternatives(options, d, ctx, loc, "oneOf");
    return report(ctx, { message: "must match exactly one schema in oneOf, matches several", expected: "exactly one match", found: preview(d), keyword: "oneOf", schemaPath: loc });
  };
}
