/**
 * Where subschemas sit in a JSON Schema (draft 2020-12) document, and which keywords the runtime's
 * validator implements. The build checks every generated schema against these lists, so a keyword the
 * generator starts to emit cannot be silently ignored at run time: the build fails and names the place.
 */

/** Keywords whose value is a map from names to subschemas. */
export const SCHEMA_MAPS: ReadonlySet<string> = new Set(["properties", "patternProperties", "$defs"]);
/** Keywords whose value is an array of subschemas. */
export const SCHEMA_ARRAYS: ReadonlySet<string> = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
/** Keywords whose value is one subschema. */
export const SCHEMA_VALUES: ReadonlySet<string> = new Set(["additionalProperties", "items", "not", "if", "then", "else", "propertyNames"]);

/** What compile.ts validates. */
export const VALIDATION_KEYWORDS: ReadonlySet<string> = new Set([
  "type",
  "const",
  "enum",
  "$ref",
  "properties",
  "patternProperties",
  "additionalProperties",
  "propertyNames",
  "required",
  "dependentRequired",
  "minProperties",
  "maxProperties",
  "items",
  "prefixItems",
  "minItems",
  "maxItems",
  "minLength",
  "maxLength",
  "pattern",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "if",
  "then",
  "else",
]);

/**
 * Keywords that only describe: the runtime's data leaves them out (documentation lives in
 * @cloudtrail-schema/types). `x-type`, `x-redacted` and `x-cloudtrail` are the generator's vendor annotations.
 */
export const ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set([
  "title",
  "description",
  "examples",
  "deprecated",
  "$comment",
  "default",
  "readOnly",
  "writeOnly",
  "x-type",
  "x-redacted",
  "x-cloudtrail",
]);

/** The strict mode's keywords, beside the compatible ones on the same node (see the generator's modes.ts). */
export const X_MODEL = "x-model";

type Json = { readonly [k: string]: unknown };

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** JSON Pointer token escaping. */
export const escapeToken = (k: string): string => k.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * Rebuild a schema bottom-up: `visit` sees every schema node (its subschemas already rebuilt, those under
 * `x-model` included) with its location, and returns the node to keep. Data under `const`, `enum` or
 * `examples` is copied as is. Pure: the input is not changed.
 */
export function mapSchema(schema: unknown, loc: string, visit: (node: Json, loc: string) => Json): unknown {
  return isObject(schema) ? visit(mapChildren(schema, loc, visit), loc) : schema;
}

/** The node's keywords with each subschema rebuilt; an `x-model` bag is walked the same way, not visited. */
function mapChildren(node: Json, loc: string, visit: (node: Json, loc: string) => Json): Json {
  const out: { [k: string]: unknown } = {};
  for (const [key, child] of Object.entries(node)) {
    const at = `${loc}/${escapeToken(key)}`;
    if (SCHEMA_MAPS.has(key) && isObject(child)) {
      const map: { [k: string]: unknown } = {};
      for (const [name, sub] of Object.entries(child)) setOwn(map, name, mapSchema(sub, `${at}/${escapeToken(name)}`, visit));
      out[key] = map;
    } else if (SCHEMA_ARRAYS.has(key) && Array.isArray(child)) {
      out[key] = child.map((sub, i) => mapSchema(sub, `${at}/${i}`, visit));
    } else if (SCHEMA_VALUES.has(key)) {
      out[key] = mapSchema(child, at, visit);
    } else if (key === X_MODEL && isObject(child)) {
      out[key] = mapChildren(child, at, visit);
    } else {
      setOwn(out, key, child);
    }
  }
  return out;
}

/** `o[k] = v` that also works for k = "__proto__" (a field name like any other in a record or a schema). */
export function setOwn(o: { [k: string]: unknown }, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}
