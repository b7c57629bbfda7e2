/**
 * The CLI's model index finds shapes by their bytes instead of parsing whole models. It must give
 * exactly what `JSON.parse` gives: checked here for every operation and every shape of every service in
 * the snapshot, and for odd layouts that must fall back to the whole-model parse.
 */
import { describe, expect, it } from "vitest";
import { indexModel, modelIndex, parsedIndex } from "../../src/cli/model-slice.js";
import { openSnapshot } from "../../src/load.js";
import { tinyModel } from "../fixtures/tiny-model.js";

const snapshot = openSnapshot();
const bytes = (model: unknown, indent?: number) => Buffer.from(JSON.stringify(model, null, indent));

describe("indexModel on the snapshot", () => {
  it("finds every operation and every shape of every service exactly as JSON.parse does", () => {
    let operations = 0;
    let shapes = 0;
    let bisected = 0;
    const slow: string[] = [];
    for (const service of snapshot.services) {
      const buf = snapshot.readBytes(service);
      const raw = JSON.parse(buf.toString("utf8"));
      const index = indexModel(buf);
      expect(index.metadata(), service).toEqual(raw.metadata);
      expect(index.operationNames(), service).toEqual(Object.keys(raw.operations).sort());
      for (const [name, op] of Object.entries(raw.operations)) {
        expect(index.operation(name), `${service}.${name}`).toEqual(op);
        operations++;
      }
      for (const [name, shape] of Object.entries(raw.shapes)) {
        expect(index.shape(name), `${service}#/shapes/${name}`).toEqual(shape);
        shapes++;
      }
      bisected += index.found.bisect;
      slow.push(...index.found.search.map((s) => `${service}#${s}`));
      expect(index.operation("NoSuchOperation")).toBeUndefined();
      expect(() => index.shape("NoSuchShape")).toThrow(); // not found by bytes: the caller asks the parse
    }
    expect(snapshot.services.length).toBe(434);
    expect(operations).toBeGreaterThan(19_000);
    expect(shapes).toBeGreaterThan(100_000);
    // Almost all shapes are found by bisection; those whose first key is not "type" take the slow search.
    expect(bisected).toBeGreaterThan(shapes * 0.9);
    expect(slow.length).toBeLessThan(shapes / 100);
  }, 300_000);
});

describe("modelIndex", () => {
  const same = (buf: Buffer) => {
    const fast = modelIndex(buf);
    const slow = parsedIndex(JSON.parse(buf.toString("utf8")));
    expect(fast.metadata()).toEqual(slow.metadata());
    expect(fast.operationNames()).toEqual(slow.operationNames());
    for (const op of slow.operationNames()) expect(fast.operation(op)).toEqual(slow.operation(op));
    for (const name of slow.shapeNames()) expect(fast.shape(name)).toEqual(slow.shape(name));
    expect(fast.shapeNames()).toEqual(slow.shapeNames());
    expect(fast.shape("Nope")).toBeUndefined();
    expect(fast.operation("Nope")).toBeUndefined();
    expect(fast.shape('Bad"Name')).toBeUndefined();
  };

  it("answers like JSON.parse on the tiny model", () => same(bytes(tinyModel)));

  it.each<[string, unknown, number?]>([
    ["top-level keys in another order", { documentation: "x", shapes: tinyModel.shapes, operations: tinyModel.operations, metadata: tinyModel.metadata }],
    ["documentation between metadata and operations", { metadata: tinyModel.metadata, documentation: "x", operations: tinyModel.operations, shapes: tinyModel.shapes }],
    [
      "shapes whose first key is not type",
      { ...tinyModel, shapes: Object.fromEntries(Object.entries(tinyModel.shapes).map(([k, v]) => [k, { documentation: `<p>${k}</p>`, ...v }])) },
    ],
    // Keys in alphabetical order, as in the MediaPackage models.
    ["every object's keys sorted", JSON.parse(JSON.stringify(tinyModel, (_k, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v)))],
    ["shapes out of order", { ...tinyModel, shapes: Object.fromEntries(Object.entries(tinyModel.shapes).reverse()) }],
    ["a clientContextParams section that looks like shapes", { ...tinyModel, clientContextParams: { Name: { type: "boolean", documentation: "not a shape" } } }],
    ["a member named like a trailing section", { ...tinyModel, shapes: { ...tinyModel.shapes, Zed: { type: "structure", members: { examples: { shape: "Name" } } } } }],
    ["pretty-printed JSON", tinyModel, 2],
  ])("gives the same answers for %s", (_name, model, indent) => same(bytes(model, indent)));

  it("does not take a look-alike after the shapes for a shape", () => {
    const model = { ...tinyModel, clientContextParams: { Name: { type: "boolean", documentation: "not a shape" } } };
    expect(modelIndex(bytes(model)).shape("Name")).toEqual(tinyModel.shapes.Name);
  });
});
