import { describe, expect, it } from "vitest";
import type { LogType } from "../src/log-model.js";
import { normalize } from "../src/normalize.js";
import { project, RULES } from "../src/project/index.js";
import { rule } from "../src/project/rule.js";
import { tinyModel } from "./fixtures/tiny-model.js";

const model = normalize("tiny", tinyModel, { botocoreVersion: "9.9.9" });
const logged = project(model);
const op = (name: string) => logged.operations.find((o) => o.name === name)!;
const fields = (t: LogType | null) => (t && (t.kind === "object" || t.kind === "union") ? t.fields : []);

describe("project", () => {
  it("lower-camel-cases member names", () => {
    expect(fields(op("PutThing").request).map((f) => f.name)).toEqual([
      "thingName",
      "secret",
      "kind",
      "tags",
      "tree",
      "choice",
      "doc",
      "data",
      "when",
      "count",
      "ratio",
      "enabled",
    ]);
  });

  it.each([
    ["thingName", { kind: "string", min: 1, max: 64 }],
    ["kind", { kind: "string", enum: ["small", "large"] }],
    ["tags", { kind: "map", keys: { kind: "string", pattern: "^[a-z]+$" }, values: { kind: "string" } }],
    ["tree", { kind: "ref", def: "Node" }],
    ["choice", { kind: "ref", def: "Choice" }],
    ["doc", { kind: "any" }],
    ["data", { kind: "blob" }],
    ["when", { kind: "timestamp" }],
    ["count", { kind: "integer", min: 0, max: 100 }],
    ["ratio", { kind: "number" }],
    ["enabled", { kind: "boolean" }],
    ["secret", { kind: "string", redacted: ["HIDDEN_DUE_TO_SECURITY_REASONS", "****", "<sensitiveDataRemoved>"] }],
  ])("maps %s", (name, want) => {
    expect(fields(op("PutThing").request).find((f) => f.name === name)!.type).toMatchObject(want);
  });

  it("turns recursion into a reference, not an infinite tree", () => {
    const node = logged.defs.Node!;
    expect(node.kind).toBe("object");
    const children = fields(node).find((f) => f.name === "children")!;
    expect(children.type).toMatchObject({ kind: "array", items: { kind: "ref", def: "Node" }, max: 10 });
  });

  it("keeps unions as unions", () => {
    expect(logged.defs.Choice).toMatchObject({ kind: "union", fields: [{ name: "a" }, { name: "b" }] });
  });

  it("logs null for an operation without input or output", () => {
    expect(op("Ping")).toMatchObject({ request: null, response: null, eventNames: ["Ping"], readOnly: false });
    expect(op("ListThings").readOnly).toBe(true);
  });

  it("derives eventSource from the endpoint prefix by default", () => {
    expect(logged.eventSource).toBe("tiny.amazonaws.com");
  });

  it("projects only the operations asked for", () => {
    const one = project(model, { operations: ["ListThings"] });
    expect(one.operations.map((o) => o.name)).toEqual(["ListThings"]);
    expect(Object.keys(one.defs)).toEqual(["Thing"]);
  });

  it("splits a definition the rules project differently per direction", () => {
    const upper = rule({
      id: "test-upper-requests",
      why: "test",
      evidence: "test",
      fieldName: (name, _m, _s, ctx) => (ctx.direction === "request" ? name.toUpperCase() : name),
    });
    // Thing is reached only from responses; Name-only shapes are inline. Make Thing reachable from a request.
    const both = normalize(
      "tiny",
      {
        ...tinyModel,
        shapes: {
          ...tinyModel.shapes,
          ListThingsRequest: { type: "structure", members: { Filter: { shape: "Thing" } } },
        },
      },
      { botocoreVersion: "9.9.9" },
    );
    const split = project(both, { rules: [...RULES, upper] });
    expect(Object.keys(split.defs)).toEqual(expect.arrayContaining(["Thing.request", "Thing.response"]));
    expect(fields(split.defs["Thing.request"]!).map((f) => f.name)).toEqual(["THINGNAME", "CREATEDAT"]);
    const same = project(both);
    expect(Object.keys(same.defs)).toContain("Thing");
    expect(Object.keys(same.defs)).not.toContain("Thing.request");
  });

  it("applies rules in list order, each seeing the previous result", () => {
    const suffix = rule({ id: "t1", why: "t", evidence: "t", eventNames: (names) => [...names, `${names[0]}V2`] });
    const out = project(model, { rules: [...RULES, suffix] });
    expect(out.operations.find((o) => o.name === "Ping")!.eventNames).toEqual(["Ping", "PingV2"]);
  });

  it("every rule has an id, a why and evidence; ids are unique", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(r.why.length).toBeGreaterThan(10);
      expect(r.evidence.length).toBeGreaterThan(3);
    }
  });
});

describe("project: hooks for rules", () => {
  const base = RULES.filter((r) => r.id === "lower-camel-members");

  it("projects a variant of the same shapes into its own definitions, documented only in the plain view", () => {
    const upper = rule({
      id: "t-variant",
      why: "test",
      evidence: "test",
      fieldName: (name, m, _o, ctx) => (ctx.variant === "upper" ? m.name.toUpperCase() : name),
      response: (t, op, ctx) => (op.output ? { kind: "oneOf", options: [t!, ctx.typeOf(op.output.shape, { variant: "upper" })] } : t),
    });
    const out = project(model, { rules: [...base, upper] });
    expect(Object.keys(out.defs)).toEqual(expect.arrayContaining(["Thing.response", "Thing.upper", "PutThingResponse"]));
    expect(fields(out.defs["Thing.upper"]!).map((f) => f.name)).toEqual(["THINGNAME", "CREATEDAT"]);
    expect(out.defs["Thing.upper"]!.doc).toBeUndefined();
    expect(out.defs["Thing.response"]!.doc).toBe("A thing.");
  });

  it("lets a rule define a named type once and refer to it", () => {
    let built = 0;
    const lists = rule({
      id: "t-define",
      why: "test",
      evidence: "test",
      shapeType: (t, shape, ctx) => (shape.type === "list" ? ctx.define(shape.name, () => (built++, { ...t, doc: "defined" })) : t),
    });
    const out = project(model, { rules: [...base, lists] });
    expect(out.defs.ThingList).toMatchObject({ kind: "array", doc: "defined" });
    expect(fields(op("ListThings").response)).toBeDefined();
    expect(built).toBeGreaterThan(0);
    const things = fields(out.operations.find((o) => o.name === "ListThings")!.response).find((f) => f.name === "things")!;
    expect(things.type).toEqual({ kind: "ref", def: "ThingList" });
  });

  it("adds aliases as optional fields of the same type, without the doc", () => {
    const alias = rule({ id: "t-alias", why: "test", evidence: "test", aliases: (names, f) => (f.name === "thingName" ? [...names, "thingNameSet"] : names) });
    const out = project(model, { rules: [...base, alias] });
    const put = fields(out.operations.find((o) => o.name === "PutThing")!.request);
    const main = put.find((f) => f.name === "thingName")!;
    expect(put.find((f) => f.name === "thingNameSet")).toEqual({ name: "thingNameSet", type: main.type, required: false, member: "ThingName", aliasOf: "thingName" });
  });

  it("gives top-level hooks the operation, nested ones none", () => {
    const seen: string[] = [];
    const spy = rule({
      id: "t-op",
      why: "test",
      evidence: "test",
      fieldName: (name, _m, owner, ctx) => (seen.push(`${owner.name}:${ctx.operation?.name ?? "-"}`), name),
    });
    project(model, { rules: [spy], operations: ["PutThing"] });
    expect(seen).toContain("PutThingRequest:PutThing");
    expect(seen).toContain("Node:-");
  });

  it("lets a rule read another operation as logged, and refuses a cycle", () => {
    const borrow = rule({ id: "t-logged", why: "test", evidence: "test", request: (t, op, ctx) => (op.name === "Ping" ? ctx.logged("ListThings")!.request : t) });
    const out = project(model, { rules: [...base, borrow] });
    expect(fields(out.operations.find((o) => o.name === "Ping")!.request).map((f) => f.name)).toEqual(["maxResults"]);
    const loop = rule({ id: "t-loop", why: "test", evidence: "test", request: (t, op, ctx) => (op.name === "Ping" ? ctx.logged("Ping")!.request : t) });
    expect(() => project(model, { rules: [loop] })).toThrow(/while projecting it/);
  });
});
