/**
 * The fidelity report's pure parts on small hand-written records and schemas: leaf paths, the schema walk
 * (declared / typed), record parsing, and the report's counting with a fake backend.
 */
import { describe, expect, it } from "vitest";
import type { Catalog, FidelityBackend, Resolved } from "../fidelity/backend.js";
import { formatHuman, formatMarkdown } from "../fidelity/format.js";
import { formatPath, leafPaths } from "../fidelity/paths.js";
import { parseRecords } from "../fidelity/records.js";
import { buildReport, rates, testDataSignals, type InputRecord } from "../fidelity/report.js";
import { SchemaWalker } from "../fidelity/schema-walk.js";

describe("leafPaths", () => {
  it.each([
    ["scalars", { a: 1, b: "x" }, ["a", "b"]],
    ["nested", { a: { b: { c: true } } }, ["a.b.c"]],
    ["array indices collapse", { a: [{ x: 1 }, { x: 2, y: 3 }] }, ["a[].x", "a[].y"]],
    ["empty containers and null are leaves", { a: {}, b: [], c: null, d: "" }, ["a", "b", "c", "d"]],
    ["keys that are not identifiers are quoted", { "x-amz-acl": "p", "a.b": 1, "": 2 }, ["x-amz-acl", '["a.b"]', '[""]']],
    ["arrays of arrays", { m: [[1, 2], [3]] }, ["m[][]"]],
  ])("%s", (_name, given, want) => {
    expect(leafPaths(given).map(formatPath)).toEqual(want);
  });

  it("prefixes the side", () => {
    expect(leafPaths({ a: 1 }, ["requestParameters"]).map(formatPath)).toEqual(["requestParameters.a"]);
  });
});

describe("SchemaWalker", () => {
  const schema = {
    $ref: "#/$defs/Event",
    $defs: {
      Event: {
        type: "object",
        properties: { requestParameters: { anyOf: [{ $ref: "#/$defs/Req" }, { type: "null" }] } },
      },
      Req: {
        type: "object",
        properties: {
          name: { type: "string" },
          tags: { type: "object", additionalProperties: { type: "string" } },
          doc: {},
          list: { type: "array", items: { $ref: "#/$defs/Item" } },
          when: { anyOf: [{ type: "string" }, { type: "number" }] },
          either: { anyOf: [{ type: "string" }, {}] },
          secret: { anyOf: [{ $ref: "#/$defs/Item" }, { type: "string", enum: ["****"] }] },
          fixed: { const: "" },
          open: { type: "object" },
          closed: { type: "object", additionalProperties: false, properties: { a: { type: "integer" } } },
          "a.b": { type: "string" },
        },
        patternProperties: { "^x-": { type: "string" } },
      },
      Item: { type: "object", properties: { id: { type: "string" }, self: { $ref: "#/$defs/Item" } } },
    },
  };
  const walker = new SchemaWalker(schema);
  it.each([
    ["a property", ["requestParameters", "name"], { declared: true, typed: true }],
    ["a map value (additionalProperties is a schema)", ["requestParameters", "tags", "Owner"], { declared: true, typed: true }],
    ["an any-value property is declared, not typed", ["requestParameters", "doc"], { declared: true, typed: false }],
    ["under an any-value property nothing is declared", ["requestParameters", "doc", "x"], { declared: false, typed: false, stoppedAt: 2 }],
    ["array items through $ref", ["requestParameters", "list", "[]", "id"], { declared: true, typed: true }],
    ["recursion through $ref", ["requestParameters", "list", "[]", "self", "self", "id"], { declared: true, typed: true }],
    ["a typed anyOf", ["requestParameters", "when"], { declared: true, typed: true }],
    ["an anyOf with an untyped branch", ["requestParameters", "either"], { declared: true, typed: false }],
    ["a redaction anyOf over a reference", ["requestParameters", "secret", "id"], { declared: true, typed: true }],
    ["const is a type", ["requestParameters", "fixed"], { declared: true, typed: true }],
    ["an open object does not declare unknown keys", ["requestParameters", "open", "zzz"], { declared: false, typed: false, stoppedAt: 2 }],
    ["additionalProperties false declares nothing", ["requestParameters", "closed", "zzz"], { declared: false, typed: false, stoppedAt: 2 }],
    ["patternProperties", ["requestParameters", "x-amz-acl"], { declared: true, typed: true }],
    ["a key with a dot", ["requestParameters", "a.b"], { declared: true, typed: true }],
    ["an unknown top-level key", ["requestParameters", "nope"], { declared: false, typed: false, stoppedAt: 1 }],
    ["an index where no array is", ["requestParameters", "name", "[]"], { declared: false, typed: false, stoppedAt: 2 }],
    ["no prototype keys", ["requestParameters", "constructor"], { declared: false, typed: false, stoppedAt: 1 }],
  ])("%s", (_name, path, want) => {
    expect(walker.verdict(path)).toEqual(want);
  });
});

describe("parseRecords", () => {
  it("reads NDJSON, skipping blank lines and reporting bad ones", () => {
    const { records, problems } = parseRecords('{"a":1}\n\n{"a":2}\nnot json\n', "f.ndjson");
    expect(records.map((r) => [r.line, r.record])).toEqual([
      [1, { a: 1 }],
      [3, { a: 2 }],
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^f\.ndjson:4: not JSON/);
  });

  it("reads a CloudTrail log file and an array", () => {
    expect(parseRecords('{"Records": [{"a": 1}, {"a": 2}]}', "log.json").records).toHaveLength(2);
    expect(parseRecords('[{"a": 1}]', "a.json").records).toHaveLength(1);
    expect(parseRecords('{"a": 1}', "one.json").records).toHaveLength(1);
  });
});

/** A fake runtime over two tiny services and a curated one. */
function fakeBackend(): FidelityBackend {
  const catalog: Catalog = {
    services: {
      iam: { eventSource: "iam.amazonaws.com", protocol: "query", operations: { CreateUser: { eventNames: ["CreateUser"] } } },
      lambda: {
        eventSource: "lambda.amazonaws.com",
        protocol: "rest-json",
        operations: { CreateFunction: { eventNames: ["CreateFunction", "CreateFunction20150331"] } },
      },
      "signin-console": { eventSource: "signin.amazonaws.com", protocol: "none", curated: true, operations: { ConsoleLogin: { eventNames: ["ConsoleLogin"] } } },
    },
  };
  const schemas: Record<string, Record<string, unknown>> = {
    "iam CreateUser": {
      type: "object",
      properties: {
        requestParameters: { type: "object", properties: { userName: { type: "string" }, tags: { type: "array", items: {} } } },
        responseElements: { type: "object", properties: { user: { type: "object", properties: { userName: { type: "string" } } } } },
      },
    },
    "lambda CreateFunction": { type: "object", properties: { requestParameters: { type: "object", properties: { functionName: { type: "string" } } } } },
    "signin-console ConsoleLogin": { type: "object", properties: { responseElements: { type: "object", properties: { ConsoleLogin: { type: "string" } } } } },
  };
  const resolveEvent = (record: unknown): Resolved | undefined => {
    const r = record as { eventSource?: string; eventName?: string };
    for (const [service, s] of Object.entries(catalog.services)) {
      if (s.eventSource !== r.eventSource) continue;
      for (const [operation, o] of Object.entries(s.operations)) if (o.eventNames.includes(r.eventName!)) return { service, operation };
    }
    return undefined;
  };
  return {
    name: "fake",
    catalog,
    resolveEvent,
    getEventSchema: (service, operation) => schemas[`${service} ${operation}`]!,
    validateEvent(record, { mode }) {
      const r = resolveEvent(record);
      const bad = (record as { bad?: string }).bad;
      const valid = r !== undefined && bad !== "both" && !(mode === "strict" && bad === "strict");
      return { valid, ...r, errors: valid ? [] : [{ path: "/bad", message: "wrong" }] };
    },
  };
}

const api = (eventSource: string, eventName: string, extra: Record<string, unknown> = {}) => ({
  eventVersion: "1.08",
  eventType: "AwsApiCall",
  eventSource,
  eventName,
  ...extra,
});

describe("buildReport", () => {
  const records = [
    api("iam.amazonaws.com", "CreateUser", { requestParameters: { userName: "a", tags: ["k"] }, responseElements: { user: { userName: "a", arn: "x" } } }),
    api("iam.amazonaws.com", "CreateUser", { requestParameters: { userName: "b", extra: 1 }, responseElements: null, bad: "strict" }),
    api("iam.amazonaws.com", "NotCreateUser", { requestParameters: { userName: "c" } }),
    api("lambda.amazonaws.com", "CreateFunction20150331", { requestParameters: { functionName: "f" }, bad: "both" }),
    api("lambda.amazonaws.com", "CreateFunction20150331v9"),
    api("lambda.amazonaws.com", "createFunction"),
    api("billingconsole.amazonaws.com", "SetContactAddress"),
    { eventVersion: "1.08", eventType: "AwsConsoleSignIn", eventSource: "signin.amazonaws.com", eventName: "ConsoleLogin", responseElements: { ConsoleLogin: "Success" } },
    { eventVersion: "1.08", eventType: "AwsServiceEvent", eventSource: "kms.amazonaws.com", eventName: "RotateKey" },
  ];
  const inputs: InputRecord[] = records.map((record, i) => ({ record, file: i < 4 ? "a.ndjson" : "b.ndjson", line: i + 1 }));
  const report = buildReport(inputs, fakeBackend());

  it("counts resolution against the records there is an operation for", () => {
    expect(report.totals).toMatchObject({ records: 9, apiCalls: 6, resolvable: 5, resolvedApi: 3, resolved: 4 });
    expect(report.unresolved.map((u) => [u.reason, u.eventName])).toEqual([
      ["name-variant", "CreateFunction20150331v9"],
      ["name-variant", "createFunction"],
      ["no-model", "SetContactAddress"],
      ["not-api", "RotateKey"],
      ["unknown-operation", "NotCreateUser"],
    ]);
    expect(rates(report.totals).resolve).toBeCloseTo(60);
    expect(rates(report.totals).resolveRaw).toBeCloseTo(50);
  });

  it("counts validity per mode and lists the failures", () => {
    expect(report.totals).toMatchObject({ validCompatible: 3, validStrict: 2 });
    expect(report.invalid.map((i) => [i.mode, i.service, i.operation, i.records])).toEqual([
      ["compatible", "lambda", "CreateFunction", 1],
      ["strict", "iam", "CreateUser", 1],
      ["strict", "lambda", "CreateFunction", 1],
    ]);
  });

  it("counts distinct leaf paths per operation, declared and typed", () => {
    // iam CreateUser: userName, tags[], extra, user.userName, user.arn; lambda: functionName; signin: ConsoleLogin.
    expect(report.byService.iam).toMatchObject({ paths: 5, declared: 3, typed: 2, protocol: "query" });
    expect(report.byService.lambda).toMatchObject({ paths: 1, declared: 1, typed: 1, protocol: "rest-json" });
    expect(report.byService["signin-console"]).toMatchObject({ paths: 1, declared: 1, typed: 1, protocol: "curated" });
    expect(report.totals).toMatchObject({ paths: 7, declared: 5, typed: 4 });
    expect(report.undeclared.map((p) => [p.path, p.records, p.undeclaredAt])).toEqual([
      ["requestParameters.extra", 1, "extra"],
      ["responseElements.user.arn", 1, "arn"],
    ]);
    expect(report.untyped.map((p) => p.path)).toEqual(["requestParameters.tags[]"]);
  });

  it("groups by protocol and by file", () => {
    expect(Object.keys(report.byProtocol)).toEqual(["(no model)", "curated", "query", "rest-json"]);
    expect(report.byFile["a.ndjson"]).toMatchObject({ records: 4, resolved: 3 });
    expect(report.byFile["b.ndjson"]).toMatchObject({ records: 5, resolved: 1 });
  });

  it("prints a table and Markdown with the same rows", () => {
    const human = formatHuman(report);
    const md = formatMarkdown(report);
    expect(human).toContain("By protocol");
    expect(human).toMatch(/query\s+3\s+100\.0 % \(2\/2\)/);
    expect(md).toContain("| query | 3 | 100.0 % (2/2) |");
    expect(md).toContain("requestParameters.extra");
  });

  it("is deterministic", () => {
    expect(JSON.stringify(buildReport(inputs, fakeBackend()))).toBe(JSON.stringify(report));
  });
});

describe("testDataSignals", () => {
  const real = { eventVersion: "1.08", eventTime: "2024-05-01T12:34:56Z", eventID: "3c7e2a6b-9f0d-4f5e-8a1b-2c3d4e5f6a7b" };
  it.each([
    ["a record as CloudTrail writes it", real, []],
    ["an AWS documentation example", { ...real, eventID: "3c7e2a6b-9f0d-4f5e-8a1b-EXAMPLE" }, []],
    ["Panther enrichment", { ...real, p_log_type: "AWS.CloudTrail" }, ["p_* keys"]],
    ["a hand-written eventTime", { ...real, eventTime: "2024-01-01 00:00:00.000" }, ["eventTime format"]],
    ["a placeholder eventID", { ...real, eventID: "1111" }, ["placeholder eventID"]],
    ["a templated eventID", { ...real, eventID: "12345678-1234-1234-1234-123456789012" }, ["placeholder eventID"]],
    ["a trimmed record", { eventTime: real.eventTime }, ["no eventVersion"]],
  ])("%s", (_n, record, want) => {
    expect(testDataSignals(record)).toEqual(want);
  });

  it("counts the records without signals again on their own", () => {
    const inputs: InputRecord[] = [
      { record: api("iam.amazonaws.com", "CreateUser", { requestParameters: { userName: "a" } }), file: "a", line: 1 },
      { record: api("iam.amazonaws.com", "CreateUser", { eventID: "1", requestParameters: { nope: 1 } }), file: "a", line: 2 },
    ];
    const report = buildReport(inputs, fakeBackend());
    expect(report.totals).toMatchObject({ records: 2, paths: 2, declared: 1 });
    expect(report.real).toMatchObject({ excluded: 1, totals: { records: 1, paths: 1, declared: 1 } });
    expect(report.undeclared).toEqual([expect.objectContaining({ path: "requestParameters.nope", real: false })]);
  });
});

describe("buildReport: trimmed exports and unmodeled calls", () => {
  /** The fake runtime, plus an unmodeled service and trimmed flags as validateEvent gives them. */
  function backend(): FidelityBackend {
    const base = fakeBackend();
    const catalog: Catalog = {
      services: { ...base.catalog.services, "unmodeled-api-calls": { eventSource: "*", protocol: "none", curated: true, operations: { UnmodeledApiCall: { eventNames: [] } } } },
    };
    const resolveEvent = (record: unknown): Resolved | undefined =>
      (record as { eventSource?: string }).eventSource === "cloudshell.amazonaws.com"
        ? { service: "unmodeled-api-calls", operation: "UnmodeledApiCall", unmodeled: true }
        : base.resolveEvent(record);
    return {
      ...base,
      catalog,
      resolveEvent,
      validateEvent(record, options) {
        const r = resolveEvent(record);
        if (r?.unmodeled) return { valid: options.mode === "compatible", ...r, errors: [] };
        const v = base.validateEvent(record, options);
        const missing = ["eventVersion", "eventType"].filter((k) => !(k in (record as object)));
        return r && missing.length ? { ...v, trimmed: true, missingFields: missing } : v;
      },
      getEventSchema: (service, operation, o) => (service === "unmodeled-api-calls" ? {} : base.getEventSchema(service, operation, o)),
    };
  }
  const trimmed = { eventTime: "2025-01-01T00:00:00Z", eventSource: "iam.amazonaws.com", eventName: "CreateUser", requestParameters: { userName: "t" } };
  const report = buildReport(
    [
      { record: api("iam.amazonaws.com", "CreateUser", { requestParameters: { userName: "a" } }), file: "a.ndjson", line: 1 },
      { record: trimmed, file: "a.ndjson", line: 2 },
      { record: { ...trimmed, eventType: "AwsApiCall" }, file: "a.ndjson", line: 3 },
      { record: api("cloudshell.amazonaws.com", "createSession", { requestParameters: { whatever: 1 } }), file: "a.ndjson", line: 4 },
    ],
    backend(),
  );

  it("counts trimmed records and what they miss", () => {
    expect(report.totals).toMatchObject({ records: 4, resolved: 4, trimmed: 2, unmodeled: 1 });
    expect(report.trimmedFields).toEqual({ eventType: 1, eventVersion: 2 });
    expect(report.byService["iam"]).toMatchObject({ trimmed: 2, unmodeled: 0 });
  });

  it("counts unmodeled records, valid in compatible only, without payload paths", () => {
    expect(report.byService["unmodeled-api-calls"]).toMatchObject({ records: 1, unmodeled: 1, validCompatible: 1, validStrict: 0, paths: 0 });
  });

  it("prints both in the summary and the tables", () => {
    const text = formatHuman(report);
    expect(text).toContain("trimmed exports: 2 resolved records lack envelope fields strict requires (eventType 1, eventVersion 2)");
    expect(text).toContain("unmodeled API calls: 1 records resolved as unmodeled");
    expect(text).toMatch(/records +resolve +valid compat\. +valid strict +trimmed +unmodeled/);
  });
});
