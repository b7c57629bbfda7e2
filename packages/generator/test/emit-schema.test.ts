import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { defNames, emitServiceSchema, emitType, ENVELOPE_ID, VOCABULARY } from "../src/emit-schema.js";
import type { LogType } from "../src/log-model.js";
import { toStrict } from "../src/modes.js";
import { normalize } from "../src/normalize.js";
import { project } from "../src/project/index.js";
import { tinyModel } from "./fixtures/tiny-model.js";

const ctx = { botocoreVersion: "9.9.9" };
const doc = emitServiceSchema(project(normalize("tiny", tinyModel, ctx)), ctx);
/** A minimal envelope: the real one is tested in envelope.test.ts. */
const envelope = { $id: ENVELOPE_ID, $defs: { Record: { type: "object" } } };

function validator(mode: "compatible" | "strict", def: string) {
  const ajv = new Ajv2020({ allErrors: true });
  ajv.addVocabulary([...VOCABULARY]);
  ajv.addSchema(envelope);
  ajv.addSchema(mode === "strict" ? (toStrict(doc) as object) : doc);
  return ajv.getSchema(`${doc.$id as string}#/$defs/${def}`)!;
}

const record = (requestParameters: unknown, responseElements: unknown = null) => ({
  eventVersion: "1.11",
  eventSource: "tiny.amazonaws.com",
  eventName: "PutThing",
  requestParameters,
  responseElements,
});

describe("emitType", () => {
  it.each<[string, LogType, object]>([
    ["string with strict constraints under x-model", { kind: "string", min: 1, max: 3, enum: ["a"] }, { type: "string", "x-model": { enum: ["a"], minLength: 1, maxLength: 3 } }],
    ["integer", { kind: "integer", min: 0 }, { type: "integer", "x-model": { minimum: 0 } }],
    ["timestamp in every form CloudTrail writes", { kind: "timestamp" }, { anyOf: [{ type: "string" }, { type: "number" }], "x-type": "timestamp" }],
    ["blob", { kind: "blob" }, { type: "string", "x-type": "blob" }],
    ["document", { kind: "any" }, {}],
    ["ref", { kind: "ref", def: "Node" }, { $ref: "#/$defs/Node" }],
    ["array", { kind: "array", items: { kind: "boolean" }, max: 2 }, { type: "array", items: { type: "boolean" }, "x-model": { maxItems: 2 } }],
    [
      "redacted value",
      { kind: "integer", redacted: ["HIDDEN_DUE_TO_SECURITY_REASONS"] },
      { anyOf: [{ type: "integer" }, { type: "string", enum: ["HIDDEN_DUE_TO_SECURITY_REASONS"] }], "x-redacted": true },
    ],
    [
      "union: exactly one member in strict mode",
      { kind: "union", fields: [{ name: "a", type: { kind: "boolean" }, required: false }] },
      { type: "object", properties: { a: { type: "boolean" } }, "x-model": { additionalProperties: false, minProperties: 1, maxProperties: 1 } },
    ],
  ])("%s", (_n, given, want) => {
    expect(emitType(given)).toEqual(want);
  });

  it("drops a pattern that could backtrack catastrophically", () => {
    expect(emitType({ kind: "string", pattern: "^(a+)+$" })).toEqual({ type: "string" });
    expect(emitType({ kind: "string", pattern: "^[a-z]+$" })).toEqual({ type: "string", "x-model": { pattern: "^[a-z]+$" } });
  });
});

describe("emitServiceSchema", () => {
  it("names every operation's definitions", () => {
    const defs = doc.$defs as Record<string, any>;
    for (const op of ["PutThing", "ListThings", "Ping"]) expect(defs[defNames(op).event]).toBeDefined();
    expect(defs["PutThing.event"].properties.eventSource).toEqual({ const: "tiny.amazonaws.com" });
    expect(defs["Ping.event"].properties.requestParameters).toEqual({ anyOf: [{ type: "object" }, { type: "null" }], "x-model": { anyOf: [{ type: "null" }] } });
    expect(doc["x-cloudtrail"]).toMatchObject({ service: "tiny", eventSource: "tiny.amazonaws.com", botocoreVersion: "9.9.9" });
  });

  it.each([
    ["a plain request", record({ thingName: "x" }), true, true],
    ["null parameters", record(null), true, true],
    ["an unknown field: compatible only", record({ thingName: "x", surprise: 1 }), true, false],
    ["a new enum value: compatible only", record({ thingName: "x", kind: "medium" }), true, false],
    ["a missing required member: compatible only", record({ kind: "small" }), true, false],
    ["a redacted secret", record({ thingName: "x", secret: "HIDDEN_DUE_TO_SECURITY_REASONS" }), true, true],
    ["a timestamp as text", record({ thingName: "x", when: "Oct 16, 2020 9:47:27 AM" }), true, true],
    ["a timestamp as epoch", record({ thingName: "x", when: 1602841647 }), true, true],
    ["a wrong type", record({ thingName: "x", count: "many" }), false, false],
    ["a recursive tree", record({ thingName: "x", tree: { value: "a", children: [{ value: "b", children: [] }] } }), true, true],
    ["a union with two members: compatible only", record({ thingName: "x", choice: { a: "1", b: 2 } }), true, false],
    ["a wrong eventSource", { ...record({ thingName: "x" }), eventSource: "other.amazonaws.com" }, false, false],
  ])("%s", (_n, given, compatible, strict) => {
    expect(validator("compatible", "PutThing.event")(given)).toBe(compatible);
    expect(validator("strict", "PutThing.event")(given)).toBe(strict);
  });

  it("is deterministic", () => {
    const again = emitServiceSchema(project(normalize("tiny", tinyModel, ctx)), ctx);
    expect(JSON.stringify(again)).toBe(JSON.stringify(doc));
  });
});
