/** The pure renderers, on a hand-written log model (fixture.ts). */
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { VOCABULARY } from "../../src/emit-schema.js";
import { droppedPatternReason } from "../../src/patterns.js";
import type { LogField, LogType } from "../../src/log-model.js";
import { renderNameList, renderRules } from "../../src/cli/render/lists.js";
import { renderOperation, type OperationView, type Part } from "../../src/cli/render/operation.js";
import { operationSchema, reachable } from "../../src/cli/render/schema.js";
import { ansi, plain, wantsColor } from "../../src/cli/render/style.js";
import { bounds, wrap } from "../../src/cli/render/text.js";
import { oneField, operation, service } from "./fixture.js";

const VIEW: OperationView = { width: 80, style: plain, docs: false, enumLimit: 40 };

/** The lines under `requestParameters:` for a request holding one field `x`. */
function field(type: LogType, opts: { field?: Partial<LogField>; view?: Partial<OperationView> } = {}): string[] {
  const text = renderOperation(service([]), operation(oneField(type, opts.field)), ["input"], { ...VIEW, ...opts.view });
  const lines = text.split("\n");
  const start = lines.indexOf("requestParameters: object (PutThingRequest)");
  expect(start).toBeGreaterThan(0);
  return lines.slice(start + 1, -1);
}

const HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS";
const TAG_FIELDS = ["key: string, required, length 1..128", "    pattern: [a-z]+", "value: string"];

describe("renderOperation: one field of each kind", () => {
  it.each<[string, { given: LogType; field?: Partial<LogField>; view?: Partial<OperationView>; want: string[] }]>([
    ["a string with bounds and a pattern", { given: { kind: "string", min: 1, max: 64, pattern: "^[a-z]+$" }, want: ["  x: string, length 1..64", "      pattern: ^[a-z]+$"] }],
    ["required, deprecated, added by a rule", { given: { kind: "string" }, field: { required: true, deprecated: true, addedBy: "s3-bucket-name" }, want: ["  x: string, required, deprecated, added by rule s3-bucket-name"] }],
    ["an integer range", { given: { kind: "integer", min: 0, max: 100 }, want: ["  x: integer, value 0..100"] }],
    ["a lower bound only", { given: { kind: "number", min: 0.5 }, want: ["  x: number, value at least 0.5"] }],
    [
      "several redaction markers",
      { given: { kind: "string", redacted: ["A", "B", "C"] }, want: ["  x: string", '      sensitive: may be logged as "A", "B" or "C"'] },
    ],
    ["an enum", { given: { kind: "string", enum: ["small", "large"] }, want: ["  x: string", "      enum: small, large"] }],
    [
      "an enum longer than the limit",
      { given: { kind: "string", enum: ["a", "b", "c", "d", "e"] }, view: { enumLimit: 3 }, want: ["  x: string", "      enum: a, b, c, … and 2 more (--format json lists them all)"] },
    ],
    [
      "a sensitive value",
      { given: { kind: "string", redacted: [HIDDEN] }, want: ["  x: string", `      sensitive: may be logged as "${HIDDEN}"`] },
    ],
    ["a timestamp, a blob, any JSON", { given: { kind: "oneOf", options: [{ kind: "timestamp" }, { kind: "blob" }, { kind: "any" }] }, want: ["  x: timestamp or blob or any JSON value"] }],
    [
      "a list of strings: item constraints, pattern and enum",
      {
        given: { kind: "array", max: 5, items: { kind: "string", min: 1, max: 3, pattern: "[A-Z]+", enum: ["ABC", "XY"] } },
        want: ["  x: array of string, at most 5 items, each length 1..3", "      item pattern: [A-Z]+", "      item enum: ABC, XY"],
      },
    ],
    [
      "a list of sensitive strings",
      { given: { kind: "array", items: { kind: "string", redacted: [HIDDEN] } }, want: ["  x: array of string", `      sensitive: each item may be logged as "${HIDDEN}"`] },
    ],
    [
      "a list of structures, expanded with YAML's list marker",
      { given: { kind: "array", min: 1, max: 50, items: { kind: "ref", def: "Tag" } }, want: ["  x: array of object (Tag), 1..50 items", ...TAG_FIELDS.map((l, i) => (i === 0 ? `    - ${l}` : `      ${l}`))] },
    ],
    [
      "a list of lists of structures",
      { given: { kind: "array", items: { kind: "array", items: { kind: "ref", def: "Tag" } } }, want: ["  x: array of array of object (Tag)", ...TAG_FIELDS.map((l, i) => (i === 0 ? `    - - ${l}` : `        ${l}`))] },
    ],
    ["a map of strings", { given: { kind: "map", keys: { kind: "string" }, values: { kind: "string" }, max: 10 }, want: ["  x: map of string to string, at most 10 entries"] }],
    [
      "a map of structures, expanded under a key placeholder",
      {
        given: { kind: "map", keys: { kind: "string", pattern: "^k" }, values: { kind: "ref", def: "Tag" } },
        want: ["  x: map of string to object (Tag)", "      key pattern: ^k", "    <string>:", ...TAG_FIELDS.map((l) => `      ${l}`)],
      },
    ],
    [
      "recursion: expanded once, then a reference",
      {
        given: { kind: "ref", def: "Expression" },
        want: [
          "  x: object (Expression)",
          "    and: array of object -> (recursive: Expression)",
          "    not: object -> (recursive: Expression)",
          "    value: string, required, length 1..8",
        ],
      },
    ],
    [
      "a union",
      { given: { kind: "ref", def: "Choice" }, want: ["  x: union (Choice), exactly one field set", "    text: string", "    number: integer, value at least 0"] },
    ],
    ["a direction-split definition under its botocore name", { given: { kind: "ref", def: "Filter.request" }, want: ["  x: object (Filter)", "    name: string"] }],
    ["an open object with no declared fields", { given: { kind: "object", fields: [], open: true }, want: ["  x: object, other fields appear too", "    (no fields)"] }],
    [
      "a one-of with a structure option",
      { given: { kind: "oneOf", options: [{ kind: "string" }, { kind: "ref", def: "Tag" }] }, want: ["  x: string or object (Tag)", "    as object (Tag):", ...TAG_FIELDS.map((l) => `      ${l}`)] },
    ],
    ["a reference to a missing definition", { given: { kind: "ref", def: "Nope" }, want: ["  x: any JSON value (Nope)"] }],
  ])("%s", (_name, { given, field: f, view, want }) => {
    expect(field(given, { ...(f ? { field: f } : {}), ...(view ? { view } : {}) })).toEqual(want);
  });
});

describe("renderOperation: patterns", () => {
  it("says when the strict schema cannot enforce a pattern, with the reason patterns.ts gives", () => {
    const pattern = "(a+)+b";
    const reason = droppedPatternReason(pattern);
    expect(reason).toBeDefined();
    const lines = field({ kind: "string", pattern }, { view: { width: 200 } });
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^ {6}pattern: \(a\+\)\+b \(not enforced: [^()]+\)$/);
    expect(reason!.startsWith(lines[1]!.replace(/^.*\(not enforced: (.*)\)$/, "$1"))).toBe(true);
  });

  it("prints an enforced pattern without a note", () => {
    expect(droppedPatternReason("[a-z]+")).toBeUndefined();
    expect(field({ kind: "string", pattern: "[a-z]+" })).toEqual(["  x: string", "      pattern: [a-z]+"]);
  });
});

describe("renderOperation: documentation", () => {
  const docs = { docs: true, width: 40 };

  it("wraps a member's doc under the field, indented past it", () => {
    expect(field({ kind: "string" }, { field: { doc: "The name of the thing, which must be unique in the account." }, view: docs })).toEqual([
      "  x: string",
      "      The name of the thing, which must",
      "      be unique in the account.",
    ]);
  });

  it("falls back to the definition's doc, and separates fields by a blank line", () => {
    expect(field({ kind: "ref", def: "Tag" }, { view: docs })).toEqual(["  x: object (Tag)", "      A label.", "    key: string, required, length 1..128", "        pattern: [a-z]+", "", "    value: string"]);
  });

  it("keeps paragraphs and list items of a doc", () => {
    expect(wrap("One two three four five six.\n\n- five six seven eight nine ten\n- nine", 22, 2)).toEqual([
      "  One two three four",
      "  five six.",
      "",
      "  - five six seven",
      "    eight nine ten",
      "  - nine",
    ]);
  });

  it("prints no documentation with docs off", () => {
    const text = renderOperation(service([]), operation(oneField({ kind: "string" }, { doc: "SECRET DOC" }), null, { doc: "OP DOC" }), ["input"], VIEW);
    expect(text).not.toMatch(/SECRET DOC|OP DOC/);
  });
});

describe("renderOperation: the operation", () => {
  const svc = service([]);
  const request = oneField({ kind: "string" });
  const response: LogType = { kind: "object", shape: "PutThingResponse", fields: [{ name: "thingArn", type: { kind: "string" }, required: false }] };

  it("prints the header, the description and both parts", () => {
    const op = operation(request, response, { doc: "Stores a thing.", eventNames: ["PutThing", "PutThing2024"], readOnly: true });
    expect(renderOperation(svc, op, ["input", "output"], { ...VIEW, docs: true })).toBe(
      [
        "tiny.PutThing",
        "  eventSource: tiny.amazonaws.com",
        "  eventName: PutThing (also logged as PutThing2024)",
        "  readOnly: true",
        "",
        "  Stores a thing.",
        "",
        "requestParameters: object (PutThingRequest)",
        "  x: string",
        "",
        "responseElements: object (PutThingResponse)",
        "  thingArn: string",
        "",
      ].join("\n"),
    );
  });

  it.each<[string, { parts: Part[]; has: string[]; hasNot: string[] }]>([
    ["input", { parts: ["input"], has: ["requestParameters:"], hasNot: ["responseElements:"] }],
    ["output", { parts: ["output"], has: ["responseElements:"], hasNot: ["requestParameters:"] }],
  ])("prints only the %s part when asked", (_n, { parts, has, hasNot }) => {
    const text = renderOperation(svc, operation(request, response), parts, VIEW);
    for (const h of has) expect(text).toContain(h);
    for (const h of hasNot) expect(text).not.toContain(h);
  });

  it("says when CloudTrail logs nothing for a part", () => {
    expect(renderOperation(svc, operation(request, null), ["output"], VIEW)).toContain("responseElements: null\n    CloudTrail logs no responseElements for PutThing.\n");
  });

  it("colours only with the ansi style", () => {
    const op = operation(request, response);
    expect(renderOperation(svc, op, ["input"], VIEW)).not.toMatch(/\x1b\[/);
    expect(renderOperation(svc, op, ["input"], { ...VIEW, style: ansi })).toMatch(/\x1b\[1mx\x1b\[22m: \x1b\[36mstring\x1b\[39m/);
  });

  it("is deterministic and does not change its input", () => {
    const op = operation(oneField({ kind: "ref", def: "Expression" }), response);
    const s = service([op]);
    const before = JSON.stringify(s);
    expect(renderOperation(s, op, ["input", "output"], VIEW)).toBe(renderOperation(s, op, ["input", "output"], VIEW));
    expect(JSON.stringify(s)).toBe(before);
  });
});

describe("operationSchema", () => {
  const request = oneField({ kind: "ref", def: "Expression" });
  const response: LogType = { kind: "object", fields: [{ name: "tags", type: { kind: "array", items: { kind: "ref", def: "Tag" } }, required: false }] };
  const op = operation(request, response);
  const svc = service([op]);
  const ctx = { botocoreVersion: "9.9.9" };

  const ajv = () => {
    const a = new Ajv2020({ strict: true, allErrors: true });
    for (const k of VOCABULARY) a.addKeyword(k);
    return a;
  };

  /** Every `$ref` of the document points into its own `$defs`. */
  function refsResolve(doc: Record<string, unknown>): void {
    const defs = (doc.$defs ?? {}) as Record<string, unknown>;
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") {
        for (const [k, x] of Object.entries(v)) {
          if (k === "$ref") {
            expect(x).toMatch(/^#\/\$defs\//);
            expect(defs).toHaveProperty([decodeURIComponent((x as string).slice("#/$defs/".length))]);
          } else walk(x);
        }
      }
    };
    walk(doc);
  }

  it.each<[string, { parts: Part[]; defs: string[]; valid: unknown; invalid: unknown }]>([
    ["input", { parts: ["input"], defs: ["Expression"], valid: { x: { value: "a", not: { value: "b" } } }, invalid: { x: { not: "no" } } }],
    ["output", { parts: ["output"], defs: ["Tag"], valid: { tags: [{ key: "k" }] }, invalid: { tags: "no" } }],
    [
      "both",
      {
        parts: ["input", "output"],
        defs: ["Expression", "PutThing.requestParameters", "PutThing.responseElements", "Tag"],
        valid: { eventSource: "tiny.amazonaws.com", eventName: "PutThing", requestParameters: null, responseElements: { tags: [] } },
        invalid: { eventSource: "other.amazonaws.com", eventName: "PutThing" },
      },
    ],
  ])("%s: a self-contained document with only the definitions it reaches", (_n, { parts, defs, valid, invalid }) => {
    const doc = operationSchema(svc, op, parts, ctx);
    expect(doc.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(Object.keys(doc.$defs as object)).toEqual(defs);
    expect(doc).not.toHaveProperty("$ref"); // not the envelope: the document stands alone
    refsResolve(doc);
    const validate = ajv().compile(doc);
    expect(validate(valid), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(invalid)).toBe(false);
  });

  it("roots the input document at requestParameters", () => {
    const doc = operationSchema(svc, op, ["input"], ctx);
    expect(doc).toMatchObject({ type: "object", properties: { x: { $ref: "#/$defs/Expression" } }, "x-cloudtrail": { part: "requestParameters" } });
  });

  it("describes a part CloudTrail does not log as null", () => {
    const doc = operationSchema(service([operation(request, null)]), operation(request, null), ["output"], ctx);
    const validate = ajv().compile(doc);
    expect(validate(null)).toBe(true);
  });

  it("reachable() follows references through definitions, once each", () => {
    expect(Object.keys(reachable({ $ref: "#/$defs/A" }, { A: { $ref: "#/$defs/B" }, B: { $ref: "#/$defs/A" }, C: {} }))).toEqual(["A", "B"]);
  });
});

describe("lists", () => {
  it("prints the original tool's YAML", () => {
    expect(renderNameList("Services", ["acm", "iam"])).toBe("Services:\n- acm\n- iam\n");
    expect(renderNameList("Operations", [])).toBe("Operations: []\n");
  });

  it("prints rules with their id, why and evidence", () => {
    expect(renderRules([{ id: "a-rule", why: "CloudTrail does a thing", evidence: "some record" }], { width: 80, style: plain })).toBe(
      "a-rule\n    CloudTrail does a thing\n    evidence: some record\n",
    );
  });
});

describe("text and style", () => {
  it.each<[string, { given: [number | undefined, number | undefined, string?]; want: string | undefined }]>([
    ["both", { given: [1, 5], want: "1..5" }],
    ["equal", { given: [3, 3, "items"], want: "exactly 3 items" }],
    ["min", { given: [0, undefined], want: "at least 0" }],
    ["max", { given: [undefined, 9, "entries"], want: "at most 9 entries" }],
    ["none", { given: [undefined, undefined], want: undefined }],
  ])("bounds: %s", (_n, { given, want }) => expect(bounds(...given)).toBe(want));

  it("never breaks a word longer than the line", () => {
    expect(wrap("see https://docs.aws.amazon.com/a/very/long/url/that/does/not/fit now", 20, 0)).toEqual([
      "see",
      "https://docs.aws.amazon.com/a/very/long/url/that/does/not/fit",
      "now",
    ]);
  });

  it.each<[string, { isTTY: boolean; env: Record<string, string>; want: boolean }]>([
    ["a terminal", { isTTY: true, env: {}, want: true }],
    ["a pipe", { isTTY: false, env: {}, want: false }],
    ["NO_COLOR on a terminal", { isTTY: true, env: { NO_COLOR: "1" }, want: false }],
    ["TERM=dumb", { isTTY: true, env: { TERM: "dumb" }, want: false }],
    ["FORCE_COLOR on a pipe", { isTTY: false, env: { FORCE_COLOR: "1" }, want: true }],
    ["NO_COLOR beats FORCE_COLOR", { isTTY: true, env: { NO_COLOR: "1", FORCE_COLOR: "1" }, want: false }],
  ])("colour on %s", (_n, { isTTY, env, want }) => expect(wantsColor({ isTTY }, env)).toBe(want));
});
