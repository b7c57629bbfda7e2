import { describe, expect, it } from "vitest";
import type { JsonSchemaDocument } from "../src/json-schema.js";
import { fullSchemaFileText, jsonFileText, publishedSchema, relativeRefs, schemaFileText, sharedDefinitions, undocumented, withoutStrictOverlay } from "../src/schema-file.js";

const DOC: JsonSchemaDocument = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://cloudtrail-schema.dev/schemas/tiny.json",
  title: "Tiny",
  description: "CloudTrail records of Tiny, generated from botocore 1.0.",
  anyOf: [{ $ref: "#/$defs/Op.event" }],
  $defs: {
    "Op.event": {
      title: "tiny Op",
      description: "The operation's documentation.",
      type: "object",
      properties: {
        // A record field called `description`: data of `properties`, not an annotation.
        description: { type: "string", description: "The resource's description." },
        tags: { type: "array", items: { type: "string", description: "A tag." }, examples: [{ description: "kept: data" }] },
        either: { anyOf: [{ type: "string", description: "one" }, { type: "null" }], "x-model": { description: "x-model is data" } },
      },
    },
    description: { type: "string", description: "A definition named description." },
  },
};

describe("undocumented", () => {
  it("drops `description` from every schema node below the root, nothing else", () => {
    expect(undocumented(DOC)).toEqual({
      $schema: DOC.$schema,
      $id: DOC.$id,
      title: "Tiny",
      description: "CloudTrail records of Tiny, generated from botocore 1.0.",
      anyOf: [{ $ref: "#/$defs/Op.event" }],
      $defs: {
        "Op.event": {
          title: "tiny Op",
          type: "object",
          properties: {
            description: { type: "string" },
            tags: { type: "array", items: { type: "string" }, examples: [{ description: "kept: data" }] },
            either: { anyOf: [{ type: "string" }, { type: "null" }], "x-model": { description: "x-model is data" } },
          },
        },
        description: { type: "string" },
      },
    });
  });

  it("keeps the root's key order and does not touch its input", () => {
    const before = JSON.stringify(DOC);
    expect(Object.keys(undocumented(DOC))).toEqual(Object.keys(DOC));
    expect(JSON.stringify(DOC)).toBe(before);
  });
});

/** A tiny document with the strict overlay at every depth, and `x-model` as data where the walk must not look. */
const MODELLED: JsonSchemaDocument = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://cloudtrail-schema.dev/schemas/tiny.json",
  "x-model": { not: {} },
  $defs: {
    "Op.event": {
      $ref: "https://cloudtrail-schema.dev/schemas/envelope.json#/$defs/Record",
      type: "object",
      properties: {
        "x-model": { type: "string", "x-model": { maxLength: 3 } },
        list: { type: "array", items: { type: "string", "x-model": { enum: ["a"] } } },
        either: { anyOf: [{ type: "string", "x-model": { pattern: "^a" } }, { type: "null" }], "x-model": { anyOf: [{ type: "null" }] } },
        sample: { type: "object", examples: [{ "x-model": "data" }], const: { "x-model": 1 } },
      },
      "x-model": { additionalProperties: false, required: ["list"] },
    },
  },
};

describe("withoutStrictOverlay", () => {
  it.each([
    ["the root's", (d: any) => d["x-model"], undefined],
    ["a definition's", (d: any) => d.$defs["Op.event"]["x-model"], undefined],
    ["a property's", (d: any) => d.$defs["Op.event"].properties["x-model"], { type: "string" }],
    ["items'", (d: any) => d.$defs["Op.event"].properties.list.items, { type: "string" }],
    ["an anyOf branch's and its node's", (d: any) => d.$defs["Op.event"].properties.either, { anyOf: [{ type: "string" }, { type: "null" }] }],
    ["none from data (examples, const)", (d: any) => d.$defs["Op.event"].properties.sample, { type: "object", examples: [{ "x-model": "data" }], const: { "x-model": 1 } }],
  ])("removes %s x-model", (_name, at, want) => {
    expect(at(withoutStrictOverlay(MODELLED))).toEqual(want);
  });

  it("changes nothing else and does not touch its input", () => {
    const before = JSON.stringify(MODELLED);
    const out = withoutStrictOverlay(MODELLED);
    expect(JSON.stringify(MODELLED)).toBe(before);
    expect(JSON.stringify(out)).toBe(
      JSON.stringify({
        $schema: MODELLED.$schema,
        $id: MODELLED.$id,
        $defs: {
          "Op.event": {
            $ref: "https://cloudtrail-schema.dev/schemas/envelope.json#/$defs/Record",
            type: "object",
            properties: {
              "x-model": { type: "string" },
              list: { type: "array", items: { type: "string" } },
              either: { anyOf: [{ type: "string" }, { type: "null" }] },
              sample: { type: "object", examples: [{ "x-model": "data" }], const: { "x-model": 1 } },
            },
          },
        },
      }),
    );
    expect(withoutStrictOverlay(out)).toEqual(out);
  });
});

describe("relativeRefs", () => {
  const doc = (ref: string, $id = "https://cloudtrail-schema.dev/schemas/tiny.json") => ({
    $id,
    $defs: { A: { $ref: ref }, B: { type: "object", "x-model": { $ref: ref } }, C: { const: { $ref: ref } } },
  });
  it.each([
    ["a sibling document", "https://cloudtrail-schema.dev/schemas/envelope.json#/$defs/Record", "envelope.json#/$defs/Record"],
    ["a document below the base", "https://cloudtrail-schema.dev/schemas/iam/Op.json", "iam/Op.json"],
    ["a local reference (unchanged)", "#/$defs/B", "#/$defs/B"],
    ["another host (unchanged)", "https://example.com/schemas/envelope.json#/$defs/Record", "https://example.com/schemas/envelope.json#/$defs/Record"],
    ["another base (unchanged)", "https://cloudtrail-schema.dev/other/envelope.json", "https://cloudtrail-schema.dev/other/envelope.json"],
  ])("writes a reference to %s relative to $id", (_name, ref, want) => {
    const out = relativeRefs(doc(ref));
    expect(out.$defs.A.$ref).toBe(want);
    expect(out.$defs.B["x-model"]).toEqual({ $ref: want });
    expect(out.$defs.C).toEqual({ const: { $ref: ref } }); // data, not a reference
    // What a validator does with it: resolve against $id, back to the absolute reference.
    expect(new URL(want, "https://cloudtrail-schema.dev/schemas/tiny.json").href).toBe(new URL(ref, "https://cloudtrail-schema.dev/schemas/tiny.json").href);
  });

  it("leaves a document without an absolute $id alone, and does not touch its input", () => {
    const d = doc("https://cloudtrail-schema.dev/schemas/envelope.json", "tiny.json");
    const before = JSON.stringify(d);
    expect(relativeRefs(d)).toEqual(d);
    relativeRefs(doc("https://cloudtrail-schema.dev/schemas/envelope.json"));
    expect(JSON.stringify(d)).toBe(before);
  });
});

describe("sharedDefinitions", () => {
  const long = { type: "object", properties: { resourceIdentifier: { type: "string" } } }; // 71 characters
  const DEFS = {
    $id: "https://cloudtrail-schema.dev/schemas/tiny.json",
    anyOf: [{ $ref: "#/$defs/Get.requestParameters" }],
    $defs: {
      "Delete.requestParameters": long,
      "Get.requestParameters": structuredClone(long),
      "Put.requestParameters": { ...long, required: ["resourceIdentifier"] },
      "a/b~c": structuredClone(long),
      "Empty.requestParameters": { type: "object" },
      "None.requestParameters": { type: "object" },
      "Later.requestParameters": structuredClone(long),
    },
  };

  it("writes a definition the same as an earlier one as a reference to the first, by name", () => {
    expect(sharedDefinitions(DEFS)).toEqual({
      $id: DEFS.$id,
      anyOf: [{ $ref: "#/$defs/Get.requestParameters" }],
      $defs: {
        "Delete.requestParameters": long,
        "Get.requestParameters": { $ref: "#/$defs/Delete.requestParameters" },
        "Put.requestParameters": { ...long, required: ["resourceIdentifier"] }, // differs: kept
        "a/b~c": { $ref: "#/$defs/Delete.requestParameters" },
        "Empty.requestParameters": { type: "object" },
        "None.requestParameters": { type: "object" }, // shorter than a reference would make worth it
        "Later.requestParameters": { $ref: "#/$defs/Delete.requestParameters" },
      },
    });
  });

  it("escapes the first definition's name as a JSON Pointer in a URI fragment", () => {
    const doc = { $defs: { "a/b~c d": long, other: structuredClone(long) } };
    const ref = (sharedDefinitions(doc).$defs.other as unknown as { $ref: string }).$ref;
    expect(ref).toBe("#/$defs/a~1b~0c%20d");
    const token = decodeURIComponent(ref.slice("#/$defs/".length)).replace(/~1/g, "/").replace(/~0/g, "~");
    expect(token).toBe("a/b~c d");
  });

  it("keeps the keys' order, is idempotent and does not touch its input", () => {
    const before = JSON.stringify(DEFS);
    const out = sharedDefinitions(DEFS);
    expect(JSON.stringify(DEFS)).toBe(before);
    expect(Object.keys(out)).toEqual(Object.keys(DEFS));
    expect(Object.keys(out.$defs)).toEqual(Object.keys(DEFS.$defs));
    expect(sharedDefinitions(out)).toEqual(out);
    out.$defs["Delete.requestParameters"]!.type = "changed";
    expect(JSON.stringify(DEFS)).toBe(before);
  });
});

describe("schemaFileText", () => {
  const OFF = { schemaDocs: false, modelConstraints: false };
  it("is minified, undocumented and without the strict overlay by default, one line and a newline", () => {
    const text = schemaFileText(DOC, OFF);
    expect(text).toBe(`${JSON.stringify(withoutStrictOverlay(undocumented(DOC)))}\n`);
    expect(text).not.toContain("x-model");
    expect(text.split("\n")).toHaveLength(2);
  });

  it("keeps every description, indented, with schemaDocs", () => {
    expect(schemaFileText(DOC, { ...OFF, schemaDocs: true })).toBe(`${JSON.stringify(withoutStrictOverlay(DOC), null, 2)}\n`);
  });

  it("keeps the strict overlay with modelConstraints; the full file (build/schemas) always does", () => {
    expect(schemaFileText(DOC, { schemaDocs: true, modelConstraints: true })).toBe(`${JSON.stringify(DOC, null, 2)}\n`);
    const full = JSON.parse(fullSchemaFileText(MODELLED));
    expect(full).toEqual(relativeRefs(MODELLED));
    expect(full).toEqual(publishedSchema(MODELLED, { schemaDocs: false, modelConstraints: true }));
    expect(withoutStrictOverlay(full)).toEqual(publishedSchema(MODELLED, OFF));
    // Definitions are shared in the published file only: the full one keeps each body for the runtime.
    const twice = { ...MODELLED, $defs: { ...MODELLED.$defs, "Again.event": MODELLED.$defs["Op.event"]! } };
    expect(JSON.parse(fullSchemaFileText(twice)).$defs["Again.event"]).toEqual(full.$defs["Op.event"]);
    expect(publishedSchema(twice, OFF).$defs["Again.event"]).toEqual({ $ref: "#/$defs/Op.event" });
    expect(publishedSchema(MODELLED, OFF).$defs["Op.event"]!.$ref).toBe("envelope.json#/$defs/Record");
  });

  it("jsonFileText indents only when asked", () => {
    expect(jsonFileText({ a: [1] }, false)).toBe('{"a":[1]}\n');
    expect(jsonFileText({ a: [1] }, true)).toBe('{\n  "a": [\n    1\n  ]\n}\n');
  });
});
