import { describe, expect, it } from "vitest";
import type { JsonSchemaDocument } from "../src/json-schema.js";
import { jsonFileText, schemaFileText, undocumented } from "../src/schema-file.js";

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

describe("schemaFileText", () => {
  it("is minified and undocumented by default, one line and a newline", () => {
    const text = schemaFileText(DOC, { schemaDocs: false });
    expect(text).toBe(`${JSON.stringify(undocumented(DOC))}\n`);
    expect(text.split("\n")).toHaveLength(2);
  });

  it("keeps every description, indented, with schemaDocs", () => {
    expect(schemaFileText(DOC, { schemaDocs: true })).toBe(`${JSON.stringify(DOC, null, 2)}\n`);
  });

  it("jsonFileText indents only when asked", () => {
    expect(jsonFileText({ a: [1] }, false)).toBe('{"a":[1]}\n');
    expect(jsonFileText({ a: [1] }, true)).toBe('{\n  "a": [\n    1\n  ]\n}\n');
  });
});
