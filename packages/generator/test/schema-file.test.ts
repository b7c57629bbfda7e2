import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { ENVELOPE_SCHEMA_ID, envelopeSchema } from "../src/envelope.js";
import type { JsonSchema, JsonSchemaDocument } from "../src/json-schema.js";
import {
  EVENT_RECORD_DEF,
  fullSchemaFileText,
  jsonFileText,
  publishedSchema,
  relativeRefs,
  schemaFileText,
  sharedDefinitions,
  sharedErrorDocument,
  sharedEventRecord,
  sharedRedactionMarkers,
  undocumented,
  withoutStrictOverlay,
} from "../src/schema-file.js";

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

/** An event definition as the emitter writes one (emit-schema.ts, eventSchema). */
const event = (name: string, source: JsonSchema = { const: "tiny.amazonaws.com" }): JsonSchema => ({
  title: `tiny ${name}`,
  $ref: `${ENVELOPE_SCHEMA_ID}#/$defs/Record`,
  type: "object",
  properties: {
    eventSource: source,
    eventName: { const: name },
    requestParameters: { anyOf: [{ $ref: `#/$defs/${name}.requestParameters` }, { type: "null" }] },
  },
  required: ["eventSource", "eventName"],
});
const MARKERS = { type: "string", enum: ["HIDDEN_DUE_TO_SECURITY_REASONS", "****", "<sensitiveDataRemoved>"] };
const SHARING: JsonSchemaDocument = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://cloudtrail-schema.dev/schemas/tiny.json",
  anyOf: ["Get", "Put", "Other"].map((op) => ({ $ref: `#/$defs/${op}.event` })),
  $defs: {
    "Get.event": event("Get"),
    "Get.requestParameters": {
      type: "object",
      properties: {
        id: { type: "string" },
        secret: { anyOf: [{ type: "string" }, MARKERS], "x-redacted": true },
        __type: { type: "string" },
        error: { type: "string" },
        message: { type: "string" },
        Message: { type: "string" },
      },
    },
    "Other.event": event("Other", { const: "other.amazonaws.com" }),
    "Other.requestParameters": { type: "object", properties: { message: { type: "integer" }, __type: { type: "string" }, error: { type: "string" }, Message: { type: "string" } } },
    "Put.event": event("Put"),
    "Put.requestParameters": { type: "object", properties: { kind: { type: "string", enum: ["****"] } } },
  },
};

/** Records to validate before and after a rewrite: the rewritten document must accept exactly the same ones. */
const RECORDS: unknown[] = [
  { eventSource: "tiny.amazonaws.com", eventName: "Get", requestParameters: { id: "a", secret: "****" } },
  { eventSource: "tiny.amazonaws.com", eventName: "Get", requestParameters: { id: "a", secret: "x", message: "failed" } },
  { eventSource: "tiny.amazonaws.com", eventName: "Get", requestParameters: { message: 7 } },
  { eventSource: "tiny.amazonaws.com", eventName: "Get", requestParameters: { secret: 7 } },
  { eventSource: "tiny.amazonaws.com", eventName: "Get", requestParameters: null },
  { eventSource: "tiny.amazonaws.com", eventName: "Put", requestParameters: { kind: "****" } },
  { eventSource: "tiny.amazonaws.com", eventName: "Put", requestParameters: { kind: "HIDDEN_DUE_TO_SECURITY_REASONS" } },
  { eventSource: "other.amazonaws.com", eventName: "Get" },
  { eventSource: "tiny.amazonaws.com" },
  { eventName: "Put" },
  { eventSource: "other.amazonaws.com", eventName: "Other", requestParameters: { message: 1 } },
  { eventSource: "other.amazonaws.com", eventName: "Other", requestParameters: { message: "text" } },
];

/** Which of RECORDS each event definition of the document accepts, in a plain ajv with the real envelope (compatible form). */
function verdicts(doc: JsonSchemaDocument): Record<string, boolean[]> {
  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema(withoutStrictOverlay(envelopeSchema("1.0.0")));
  ajv.addSchema(relativeRefs(doc));
  // Only the fields these definitions are about: the envelope's own requirements (eventTime…) are the same for all.
  const envelopeFields = { eventVersion: "1.09", eventTime: "2024-01-01T00:00:00Z", eventID: "e", eventType: "AwsApiCall", awsRegion: "us-east-1", sourceIPAddress: "203.0.113.7", userIdentity: { type: "IAMUser" } };
  return Object.fromEntries(
    ["Get", "Put", "Other"].map((op) => {
      const validate = ajv.getSchema(`${doc.$id}#/$defs/${op}.event`)!;
      // The schemas are synchronous (no $async), so ajv's verdict is a boolean.
      return [op, RECORDS.map((r) => validate({ ...envelopeFields, ...(r as object) }) === true)];
    }),
  );
}

describe("sharedEventRecord, sharedErrorDocument, sharedRedactionMarkers", () => {
  it("write what the events of the service's eventSource repeat once, as $defs.$record; other events keep theirs", () => {
    const out = sharedEventRecord(SHARING);
    expect(out.$defs[EVENT_RECORD_DEF]).toEqual({
      $ref: `${ENVELOPE_SCHEMA_ID}#/$defs/Record`,
      type: "object",
      properties: { eventSource: { const: "tiny.amazonaws.com" } },
      required: ["eventSource", "eventName"],
    });
    expect(out.$defs["Get.event"]).toEqual({
      title: "tiny Get",
      $ref: `#/$defs/${EVENT_RECORD_DEF}`,
      properties: { eventName: { const: "Get" }, requestParameters: (SHARING.$defs["Get.event"]!.properties as Record<string, JsonSchema>).requestParameters },
    });
    expect(out.$defs["Other.event"]).toEqual(SHARING.$defs["Other.event"]);
    // One event alone has nothing to share.
    expect(sharedEventRecord({ ...SHARING, $defs: { "Get.event": event("Get") } }).$defs).toEqual({ "Get.event": event("Get") });
  });

  it("reference the envelope's JsonErrorDocument for objects with its four fields as strings, and its RedactionMarker for the markers", () => {
    const out = sharedRedactionMarkers(sharedErrorDocument(SHARING));
    expect(out.$defs["Get.requestParameters"]).toEqual({
      type: "object",
      $ref: `${ENVELOPE_SCHEMA_ID}#/$defs/JsonErrorDocument`,
      properties: { id: { type: "string" }, secret: { anyOf: [{ type: "string" }, { $ref: `${ENVELOPE_SCHEMA_ID}#/$defs/RedactionMarker` }], "x-redacted": true } },
    });
    // `message` is an integer here: not the error document. Another enum is not the markers.
    expect(out.$defs["Other.requestParameters"]).toEqual(SHARING.$defs["Other.requestParameters"]);
    expect(out.$defs["Put.requestParameters"]).toEqual(SHARING.$defs["Put.requestParameters"]);
    // What they reference is in the envelope, as it was here.
    const envelope = envelopeSchema("1.0.0").$defs;
    expect(undocumented({ $defs: { m: envelope.RedactionMarker! } }).$defs.m).toEqual(MARKERS);
    expect(Object.keys(envelope.JsonErrorDocument!.properties!)).toEqual(["__type", "error", "message", "Message"]);
    // Not in the envelope itself, which would reference itself.
    const published = publishedSchema(envelopeSchema("1.0.0"), { schemaDocs: false, modelConstraints: false });
    expect(published.$defs.RedactionMarker).toEqual(MARKERS);
    expect(published.$defs.JsonErrorDocument!.$ref).toBeUndefined();
  });

  it("accept and reject the same records as the document they rewrite", () => {
    const before = verdicts(SHARING);
    expect(before.Get).toContain(true);
    expect(before.Get).toContain(false);
    expect(verdicts(sharedEventRecord(SHARING))).toEqual(before);
    expect(verdicts(sharedRedactionMarkers(sharedErrorDocument(sharedEventRecord(SHARING))))).toEqual(before);
  });

  it("are idempotent and do not touch their input", () => {
    const text = JSON.stringify(SHARING);
    const once = sharedRedactionMarkers(sharedErrorDocument(sharedEventRecord(SHARING)));
    expect(JSON.stringify(SHARING)).toBe(text);
    expect(sharedRedactionMarkers(sharedErrorDocument(sharedEventRecord(once)))).toEqual(once);
  });

  it("are part of the published form only: with the strict overlay kept, and in build/schemas, events stay as emitted", () => {
    const published = publishedSchema(SHARING, { schemaDocs: false, modelConstraints: false });
    expect(published.$defs[EVENT_RECORD_DEF]).toBeDefined();
    expect(JSON.stringify(published)).toContain('"$ref":"envelope.json#/$defs/RedactionMarker"');
    expect(publishedSchema(SHARING, { schemaDocs: false, modelConstraints: true }).$defs[EVENT_RECORD_DEF]).toBeUndefined();
    expect(JSON.parse(fullSchemaFileText(SHARING)).$defs[EVENT_RECORD_DEF]).toBeUndefined();
  });
});

describe("schemaFileText", () => {
  const OFF = { schemaDocs: false, modelConstraints: false };
  it("is minified, undocumented and without the strict overlay by default, one line and a newline", () => {
    const text = schemaFileText(DOC, OFF);
    expect(text).toBe(`${JSON.stringify(sharedEventRecord(withoutStrictOverlay(undocumented(DOC))))}\n`);
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
