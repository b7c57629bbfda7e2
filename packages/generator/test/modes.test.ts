import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GeneratorError } from "../src/errors.js";
import type { JsonSchema, JsonValue } from "../src/json-schema.js";
import { toCompatible, toStrict } from "../src/modes.js";

describe("toStrict / toCompatible", () => {
  const cases: [string, { given: JsonValue; strict: JsonValue; compatible: JsonValue }][] = [
    [
      "hoists enum into its node",
      {
        given: { type: "string", "x-model": { enum: ["Start", "End"] } },
        strict: { type: "string", enum: ["Start", "End"] },
        compatible: { type: "string" },
      },
    ],
    [
      "a hoisted keyword replaces the node's own value",
      {
        given: { type: "object", required: ["a"], "x-model": { required: ["a", "b"], additionalProperties: false } },
        strict: { type: "object", required: ["a", "b"], additionalProperties: false },
        compatible: { type: "object", required: ["a"] },
      },
    ],
    [
      "walks properties, items, $defs, combinators and if/then/else",
      {
        given: {
          $defs: { A: { type: "string", "x-model": { pattern: "^a" } } },
          properties: { list: { type: "array", items: { type: "integer", "x-model": { minimum: 0 } } } },
          anyOf: [{ "x-model": { maxLength: 3 } }, true],
          if: { required: ["x"] },
          else: { required: ["y"], "x-model": { required: ["y", "z"] } },
        },
        strict: {
          $defs: { A: { type: "string", pattern: "^a" } },
          properties: { list: { type: "array", items: { type: "integer", minimum: 0 } } },
          anyOf: [{ maxLength: 3 }, true],
          if: { required: ["x"] },
          else: { required: ["y", "z"] },
        },
        compatible: {
          $defs: { A: { type: "string" } },
          properties: { list: { type: "array", items: { type: "integer" } } },
          anyOf: [{}, true],
          if: { required: ["x"] },
          else: { required: ["y"] },
        },
      },
    ],
    [
      "walks subschemas that x-model itself brings",
      {
        given: { type: "object", "x-model": { additionalProperties: { type: "string", "x-model": { enum: ["k"] } } } },
        strict: { type: "object", additionalProperties: { type: "string", enum: ["k"] } },
        compatible: { type: "object" },
      },
    ],
    [
      "a record field named x-model is a field, not the keyword",
      {
        given: { type: "object", properties: { "x-model": { type: "string", "x-model": { enum: ["v"] } } } },
        strict: { type: "object", properties: { "x-model": { type: "string", enum: ["v"] } } },
        compatible: { type: "object", properties: { "x-model": { type: "string" } } },
      },
    ],
    [
      "data keywords (examples, enum, const, default) are copied untouched",
      {
        given: { examples: [{ "x-model": 1 }], default: { "x-model": { enum: [] } }, const: { "x-model": null } },
        strict: { examples: [{ "x-model": 1 }], default: { "x-model": { enum: [] } }, const: { "x-model": null } },
        compatible: { examples: [{ "x-model": 1 }], default: { "x-model": { enum: [] } }, const: { "x-model": null } },
      },
    ],
    ["boolean schemas pass through", { given: false, strict: false, compatible: false }],
  ];

  it.each(cases)("%s", (_name, { given, strict, compatible }) => {
    expect(toStrict(given)).toEqual(strict);
    expect(toCompatible(given)).toEqual(compatible);
  });

  it("keeps the node's key order and appends new strict keywords after it", () => {
    const out = toStrict({ type: "object", description: "d", "x-model": { additionalProperties: false }, properties: {} });
    expect(Object.keys(out)).toEqual(["type", "description", "properties", "additionalProperties"]);
  });

  it.each([
    ["not an object", { type: "string", "x-model": ["enum"] }, "#/x-model"],
    ["nested x-model", { properties: { a: { "x-model": { "x-model": {} } } } }, "#/properties/a/x-model"],
  ] as [string, JsonValue, string][])("throws GeneratorError E_USAGE naming the place: %s", (_name, given, place) => {
    expect(() => toStrict(given)).toThrow(GeneratorError);
    expect(() => toStrict(given)).toThrow(place);
    try {
      toStrict(given);
    } catch (e) {
      expect((e as GeneratorError).code).toBe("E_USAGE");
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties over generated schema trees with x-model at any depth.

const keyword = fc.constantFrom("enum", "pattern", "minLength", "required", "additionalProperties", "description");
const leaf: fc.Arbitrary<JsonValue> = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }));

const { schema } = fc.letrec<{ schema: JsonValue; node: JsonSchema }>((tie) => ({
  schema: fc.oneof({ depthSize: "small", withCrossShrink: true }, fc.boolean(), tie("node")),
  node: fc
    .record(
      {
        type: fc.constantFrom("object", "string", "array"),
        properties: fc.dictionary(fc.constantFrom("a", "b", "x-model", "c~/d"), tie("schema") as fc.Arbitrary<JsonValue>, { maxKeys: 3 }),
        items: tie("schema") as fc.Arbitrary<JsonValue>,
        anyOf: fc.array(tie("schema") as fc.Arbitrary<JsonValue>, { maxLength: 2 }),
        "x-model": fc.dictionary(keyword, leaf, { maxKeys: 3 }),
        examples: fc.array(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>, { maxLength: 2 }),
      },
      { requiredKeys: [] },
    )
    .map((n) => n as JsonSchema),
}));

const hasXModel = (v: JsonValue): boolean => {
  if (Array.isArray(v)) return v.some(hasXModel);
  if (v === null || typeof v !== "object") return false;
  return Object.entries(v).some(([k, x]) => k === "x-model" || (k !== "properties" && k !== "examples" && hasXModel(x)) || (k === "properties" && hasXModel(Object.values(x as JsonSchema))));
};

describe("toStrict / toCompatible properties", () => {
  it("never mutate their input", () => {
    fc.assert(
      fc.property(schema, (s) => {
        const before = JSON.stringify(s);
        toStrict(s);
        toCompatible(s);
        expect(JSON.stringify(s)).toBe(before);
      }),
    );
  });

  it("are deterministic", () => {
    fc.assert(
      fc.property(schema, (s) => {
        expect(JSON.stringify(toStrict(s))).toBe(JSON.stringify(toStrict(structuredClone(s))));
        expect(JSON.stringify(toCompatible(s))).toBe(JSON.stringify(toCompatible(structuredClone(s))));
      }),
    );
  });

  it("are idempotent and leave no x-model keyword behind", () => {
    fc.assert(
      fc.property(schema, (s) => {
        const strict = toStrict(s);
        const compatible = toCompatible(s);
        expect(toStrict(strict)).toEqual(strict);
        expect(toCompatible(compatible)).toEqual(compatible);
        expect(hasXModel(strict)).toBe(false);
        expect(hasXModel(compatible)).toBe(false);
      }),
    );
  });

  it("share no objects with their input", () => {
    fc.assert(
      fc.property(schema, (s) => {
        const seen = new Set<object>();
        const collect = (v: JsonValue) => {
          if (v !== null && typeof v === "object") {
            seen.add(v);
            Object.values(v).forEach(collect);
          }
        };
        collect(s);
        const check = (v: JsonValue) => {
          if (v !== null && typeof v === "object") {
            expect(seen.has(v)).toBe(false);
            Object.values(v).forEach(check);
          }
        };
        check(toStrict(s));
        check(toCompatible(s));
      }),
    );
  });

  it("compatible is strict with the x-model keywords removed", () => {
    fc.assert(
      fc.property(schema, (s) => {
        // Dropping x-model twice (once before hoisting) must equal toCompatible.
        expect(toStrict(toCompatible(s))).toEqual(toCompatible(s));
      }),
    );
  });
});
