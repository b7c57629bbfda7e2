/**
 * The two validation modes of every emitted schema.
 *
 * A document is emitted once, in its *compatible* form: types and structure only, objects open, no `enum`,
 * no `pattern` or length limits, `required` only where every real record has the field. Whatever the
 * *strict* form adds sits beside it in the vendor keyword `x-model` on the same node:
 *
 *   { "type": "string", "x-model": { "enum": ["Start", "End"] } }
 *
 * so one document carries both and a reader sees, node by node, what strict checks on top. Ajv accepts the
 * emitted document once `x-model` is registered as an annotation (`ajv.addVocabulary(["x-model", "x-type"])`).
 * The package publishes it without the overlay (schema-file.ts); the whole document is written for the
 * runtime's build (`build/schemas/`).
 *
 * - `toStrict`: hoist each `x-model` object's keywords into its node. A hoisted keyword *replaces* the
 *   node's own value (so `x-model.required` is the whole strict list, not an addition): one rule, no
 *   merge semantics to remember per keyword.
 * - `toCompatible`: drop every `x-model`.
 *
 * Both are pure (the input is never mutated; the output shares no objects with it) and deterministic
 * (keys keep their order; hoisted keywords new to a node follow its own keys).
 *
 * The walk knows where schemas sit, so a record field that happens to be called `x-model`
 * (`properties["x-model"]`) or an `x-model` key inside `examples`/`enum`/`const`/`default` data is left alone.
 */
import { GeneratorError } from "./errors.js";
import type { JsonSchema, JsonValue } from "./json-schema.js";

export const X_MODEL = "x-model";

/** Keywords whose value is a map from names to subschemas. */
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);
/** Keywords whose value is an array of subschemas. */
const SCHEMA_ARRAYS = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
/** Keywords whose value is one subschema. */
const SCHEMA_VALUES = new Set([
  "additionalItems",
  "additionalProperties",
  "contains",
  "contentSchema",
  "else",
  "if",
  "items",
  "not",
  "propertyNames",
  "then",
  "unevaluatedItems",
  "unevaluatedProperties",
]);

export type NodeRewrite = (node: JsonSchema, path: string) => JsonSchema;

export function toStrict<S extends JsonValue>(schema: S): S {
  return walk(schema, "#", hoist) as S;
}

export function toCompatible<S extends JsonValue>(schema: S): S {
  return walk(schema, "#", drop) as S;
}

function hoist(node: JsonSchema, path: string): JsonSchema {
  if (!(X_MODEL in node)) return node;
  const { [X_MODEL]: model, ...rest } = node;
  if (!isObject(model)) {
    // A bug in whatever built the schema, not a data problem: say where it is.
    throw new GeneratorError("E_USAGE", `"${X_MODEL}" must be an object of JSON Schema keywords at ${path}/${X_MODEL}, got ${describe(model)}`);
  }
  if (X_MODEL in model) throw new GeneratorError("E_USAGE", `"${X_MODEL}" inside "${X_MODEL}" at ${path}/${X_MODEL}`);
  return { ...rest, ...model };
}

function drop(node: JsonSchema): JsonSchema {
  if (!(X_MODEL in node)) return node;
  const { [X_MODEL]: _model, ...rest } = node;
  return rest;
}

/**
 * Rewrites each schema node (then its subschemas) with `rewrite`; copies everything else as data. The
 * walk the modes use, for other stages that edit schema nodes only (the package's schema files).
 */
export function rewriteSchemaNodes<S extends JsonValue>(schema: S, rewrite: NodeRewrite): S {
  return walk(schema, "#", rewrite) as S;
}

/** Rewrites each schema node (then its subschemas); copies everything else as data. */
function walk(value: JsonValue, path: string, rewrite: NodeRewrite): JsonValue {
  if (!isObject(value)) return clone(value); // boolean schema (or not a schema at all)
  const node = rewrite(value, path);
  const out: JsonSchema = {};
  for (const [key, child] of Object.entries(node)) {
    const at = `${path}/${escape(key)}`;
    if (SCHEMA_MAPS.has(key) && isObject(child)) {
      const map: JsonSchema = {};
      for (const [name, sub] of Object.entries(child)) map[name] = walk(sub, `${at}/${escape(name)}`, rewrite);
      out[key] = map;
    } else if (SCHEMA_ARRAYS.has(key) && Array.isArray(child)) {
      out[key] = child.map((sub, i) => walk(sub, `${at}/${i}`, rewrite));
    } else if (SCHEMA_VALUES.has(key)) {
      out[key] = walk(child, at, rewrite);
    } else {
      out[key] = clone(child);
    }
  }
  return out;
}

function clone(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(clone);
  if (isObject(value)) {
    const out: JsonSchema = {};
    for (const [k, v] of Object.entries(value)) out[k] = clone(v);
    return out;
  }
  return value;
}

function isObject(value: JsonValue | undefined): value is JsonSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON Pointer escaping, so error paths can be pasted into a pointer resolver. */
function escape(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

function describe(value: JsonValue | undefined): string {
  if (value === undefined) return "undefined";
  return Array.isArray(value) ? "an array" : value === null ? "null" : typeof value;
}
