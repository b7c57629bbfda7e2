import { describe, expect, it } from "vitest";
import { GeneratorError } from "../src/errors.js";
import { normalize } from "../src/normalize.js";
import { tinyModel } from "./fixtures/tiny-model.js";

const opts = { botocoreVersion: "9.9.9" };
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe("normalize", () => {
  const model = normalize("tiny", tinyModel, opts);

  it("reads metadata and sorts operations", () => {
    expect(model.metadata).toMatchObject({ protocol: "json", endpointPrefix: "tiny", apiVersion: "2024-01-01", serviceId: "Tiny" });
    expect(model.operations.map((o) => o.name)).toEqual(["ListThings", "Ping", "PutThing"]);
    expect(model.operations.find((o) => o.name === "PutThing")).toMatchObject({
      input: { shape: "PutThingRequest" },
      output: { shape: "PutThingResponse" },
      errors: ["BadThing"],
      doc: "Stores a `Thing`.",
    });
  });

  it.each([
    ["required member", "PutThingRequest", "ThingName", { required: true, doc: "The thing's name." }],
    ["optional member", "PutThingRequest", "Kind", { required: false }],
  ] as const)("%s", (_n, shape, member, want) => {
    expect(model.shapes.get(shape)!.members!.find((m) => m.name === member)).toMatchObject(want);
  });

  it.each([
    ["sensitive", "SecretString", { sensitive: true }],
    ["enum", "Kind", { enum: ["small", "large"] }],
    ["union", "Choice", { union: true }],
    ["document", "Document", { document: true }],
    ["constraints", "TagKey", { min: 1, max: 128, pattern: "^[a-z]+$" }],
    ["map", "TagMap", { key: { shape: "TagKey" }, value: { shape: "Name" } }],
  ] as const)("keeps the %s trait", (_n, shape, want) => {
    expect(model.shapes.get(shape)).toMatchObject(want);
  });

  it.each([
    [
      "an unknown shape type, naming the place",
      (m: any) => (m.shapes.Flag.type = "bignum"),
      'Unknown shape type "bignum" at tiny#/shapes/Flag (botocore 9.9.9)',
    ],
    [
      "a dangling member reference",
      (m: any) => (m.shapes.Thing.members.Owner = { shape: "Nobody" }),
      'Missing shape "Nobody" referenced at tiny#/shapes/Thing/members/Owner (botocore 9.9.9)',
    ],
    ["an unknown protocol", (m: any) => (m.metadata.protocol = "carrier-pigeon"), 'Unknown protocol "carrier-pigeon"'],
  ])("rejects %s", (_n, mutate, message) => {
    const bad = clone(tinyModel);
    mutate(bad);
    expect(() => normalize("tiny", bad, opts)).toThrow(GeneratorError);
    expect(() => normalize("tiny", bad, opts)).toThrow(message);
  });

  it("does not mutate its input", () => {
    const input = clone(tinyModel);
    normalize("tiny", input, opts);
    expect(input).toEqual(tinyModel);
  });

  it("can drop documentation", () => {
    const bare = normalize("tiny", tinyModel, { ...opts, docs: false });
    expect(bare.doc).toBeUndefined();
    expect(bare.operations.every((o) => o.doc === undefined)).toBe(true);
  });
});
