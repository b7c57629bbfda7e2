/**
 * `cloudtrail-schema paths`: the field paths of an operation, read from the same schema `show --format
 * json` prints; recursion stops; likely resource ids marked. Checked on hand-written schemas, on known
 * operations, and on operations of every service against an independent resolver of paths in the schema.
 */
import { describe, expect, it } from "vitest";
import { operationPaths } from "../../src/cli/commands/paths.js";
import type { JsonSchema } from "../../src/json-schema.js";
import { openLookup } from "../../src/cli/lookup.js";
import { fieldPaths, idLike, rankResourceIds, resourceIdMarks, resourceStems, segment, type FieldPath } from "../../src/cli/render/field-paths.js";
import { operationSchema } from "../../src/cli/render/schema.js";
import { openSnapshot } from "../../src/load.js";
import { runCli } from "./in-process.js";

const snapshot = openSnapshot();
const lookup = openLookup(snapshot);
const pathsOf = (service: string, operation: string) => operationPaths(lookup.operation(service, operation), lookup.botocoreVersion);
const row = (rows: readonly FieldPath[], path: string) => rows.find((r) => r.path === path);

/** The schemas at `path` in `schema` (following $ref and anyOf), independently of field-paths.ts; empty: no such path. */
function resolve(schema: JsonSchema, path: string): JsonSchema[] {
  const defs = (schema.$defs ?? {}) as Record<string, JsonSchema>;
  const expand = (s: JsonSchema, seen: Set<string> = new Set()): JsonSchema[] => {
    if (typeof s.$ref === "string") {
      const name = decodeURIComponent(s.$ref.replace("#/$defs/", ""));
      if (seen.has(name)) return [];
      return expand(defs[name]!, new Set([...seen, name]));
    }
    if (Array.isArray(s.anyOf)) return [s, ...(s.anyOf as JsonSchema[]).flatMap((o) => expand(o, seen))];
    return [s];
  };
  const tokens = path.match(/"(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*|\[\]|\*/g)!;
  // The tokens and the dots between them must make up the whole path.
  expect(tokens.join(".").replace(/\.\[\]/g, "[]")).toBe(path);
  let at = expand(schema);
  for (const t of tokens) {
    const next: JsonSchema[] = [];
    for (const s of at) {
      if (t === "[]") {
        if (s.type === "array" && s.items) next.push(...expand(s.items as JsonSchema));
      } else if (t === "*") {
        if (s.additionalProperties && typeof s.additionalProperties === "object") next.push(...expand(s.additionalProperties as JsonSchema));
      } else {
        const name = t.startsWith('"') ? (JSON.parse(t) as string) : t;
        const p = (s.properties as Record<string, JsonSchema> | undefined)?.[name];
        if (p) next.push(...expand(p));
      }
    }
    at = next;
  }
  return at;
}

describe("fieldPaths on hand-written schemas", () => {
  const schema: JsonSchema = {
    properties: {
      requestParameters: { anyOf: [{ $ref: "#/$defs/Op.requestParameters" }, { type: "null" }] },
      responseElements: { anyOf: [{ type: "object" }, { type: "null" }] },
    },
    $defs: {
      "Op.requestParameters": {
        type: "object",
        properties: {
          filter: { $ref: "#/$defs/Expression", description: "Which things. More words." },
          "x-amz-acl": { type: "string" },
          tags: { type: "object", additionalProperties: { $ref: "#/$defs/Tag" } },
          thingIds: { type: "array", items: { type: "string" } },
          set: { anyOf: [{ type: "object", properties: { items: { type: "array", items: { $ref: "#/$defs/Tag" } } } }, { type: "string" }] },
          secret: { anyOf: [{ type: "string" }, { type: "string", enum: ["HIDDEN_DUE_TO_SECURITY_REASONS"] }], "x-redacted": true },
          when: { anyOf: [{ type: "string" }, { type: "number" }], "x-type": "timestamp" },
        },
      },
      Expression: {
        type: "object",
        description: "An expression.",
        properties: {
          and: { type: "array", items: { $ref: "#/$defs/Expression" } },
          not: { $ref: "#/$defs/Expression" },
          value: { type: "string" },
        },
      },
      Tag: { type: "object", properties: { key: { type: "string" }, value: { type: "string" } } },
    },
  };

  it("lists every path once, with JMESPath notation, types and first sentences", () => {
    const rows = fieldPaths(schema, "PutThing");
    expect(rows.map((r) => [r.path, r.type])).toEqual([
      ["requestParameters", "object"],
      ["requestParameters.filter", "object (Expression)"],
      ["requestParameters.filter.and", "array of object -> (recursive: Expression)"],
      ["requestParameters.filter.not", "object -> (recursive: Expression)"],
      ["requestParameters.filter.value", "string"],
      ['requestParameters."x-amz-acl"', "string"],
      ["requestParameters.tags", "map of string to object (Tag)"],
      ["requestParameters.tags.*.key", "string"],
      ["requestParameters.tags.*.value", "string"],
      ["requestParameters.thingIds", "array of string"],
      ["requestParameters.set", "object or string"],
      ["requestParameters.set.items", "array of object (Tag)"],
      ["requestParameters.set.items[].key", "string"],
      ["requestParameters.set.items[].value", "string"],
      ["requestParameters.secret", "string"],
      ["requestParameters.when", "timestamp"],
      ["responseElements", "object"],
    ]);
    expect(row(rows, "requestParameters.filter")!.doc).toBe("Which things.");
    expect(row(rows, "requestParameters.filter.and")!.recursive).toBe("Expression");
    expect(row(rows, "requestParameters.filter.not")!.recursive).toBe("Expression");
    expect(row(rows, "requestParameters.filter.value")!.recursive).toBeUndefined();
    // PutThing's resource is a thing: thingIds (a list of strings) is its id.
    expect(rows.filter((r) => r.resourceId).map((r) => r.path)).toEqual(["requestParameters.thingIds"]);
  });

  it.each([
    ["policyName", { stem: "policy", kind: "name" }],
    ["instanceIds", { stem: "instance", kind: "id" }],
    ["dBInstanceIdentifier", { stem: "dbinstance", kind: "id" }],
    ["functionArn", { stem: "function", kind: "arn" }],
    ["arn", { stem: "", kind: "arn" }],
    ["valid", undefined],
    ["hostname", undefined],
    ["policyDocument", undefined],
  ] as const)("idLike(%s)", (name, want) => {
    expect(idLike(name)).toEqual(want);
  });

  it.each([
    ["CreatePolicy", ["policy"]],
    ["RunInstances", ["instance", "instances"]],
    ["CreateDBInstance", ["db", "dbinstance", "instance"]],
    ["PutBucketAcl", ["bucket", "bucketacl", "acl"]],
    ["AddRoleToInstanceProfile", ["role", "instanceprofile", "instance", "profile"]],
  ] as const)("resourceStems(%s) includes %j", (op, want) => {
    const stems = resourceStems(op);
    for (const w of want) expect(stems).toContain(w);
    expect(stems).not.toContain("roletoinstance");
  });

  it("marks by name, by the parent's name, at the top, and falls back to documentation", () => {
    const rows = (paths: [string, string, string?][]) =>
      paths.map(([path, type, doc]) => ({ path, type, part: path.split(".")[0] as FieldPath["part"], ...(doc ? { doc } : {}) }));
    expect(
      resourceIdMarks(
        rows([
          ["requestParameters.policyName", "string"],
          ["requestParameters.tags[].key", "string"],
          ["responseElements.policy.arn", "string"],
          ["responseElements.policy.defaultVersionId", "string", "The identifier for the version of the policy."],
          ["responseElements.policy.policyId", "integer"],
          ["responseElements.ownerId", "string"],
        ]),
        "CreatePolicy",
      ),
    ).toEqual([true, false, true, false, false, false]);
    expect(resourceIdMarks(rows([["requestParameters.name", "string"], ["requestParameters.other.name", "string"]]), "CreateTopic")).toEqual([true, false]);
    // Nothing fits by name: the doc's first sentence names the resource.
    expect(
      resourceIdMarks(rows([["requestParameters.key", "string", "The object key."], ["requestParameters.bucketName", "string", "The bucket holding the object."]]), "GetObject"),
    ).toEqual([false, true]);
  });

  it("quotes names that are not JMESPath identifiers", () => {
    expect(segment("policyName")).toBe("policyName");
    expect(segment("x-amz-acl")).toBe('"x-amz-acl"');
    expect(segment("xmlns:xsi")).toBe('"xmlns:xsi"');
  });
});

describe("paths of real operations", () => {
  it("iam.CreatePolicy: request and response fields, resource ids marked", () => {
    const r = pathsOf("iam", "CreatePolicy");
    expect(r.eventSource).toBe("iam.amazonaws.com");
    const rows = r.paths;
    expect(row(rows, "requestParameters.policyName")).toMatchObject({ type: "string", resourceId: true, doc: "The friendly name of the policy." });
    expect(row(rows, "requestParameters.policyDocument")).toMatchObject({ type: "string", resourceId: false });
    expect(row(rows, "requestParameters.tags[].key")).toMatchObject({ type: "string", resourceId: false });
    expect(row(rows, "responseElements.policy")).toMatchObject({ type: "object (Policy)" });
    expect(row(rows, "responseElements.policy.createDate")).toMatchObject({ type: "timestamp" });
    expect(rows.filter((x) => x.resourceId).map((x) => x.path)).toEqual([
      "requestParameters.policyName",
      "responseElements.policy.policyName",
      "responseElements.policy.policyId",
      "responseElements.policy.arn",
    ]);
    expect(rankResourceIds(rows)[0]!.path).toBe("responseElements.policy.arn");
    expect(rows.some((x) => /PolicyName/.test(x.path))).toBe(false);
  });

  it("ec2.RunInstances: EC2's items wrappers; instanceId marked and ranked first", () => {
    const rows = pathsOf("ec2", "RunInstances").paths;
    expect(row(rows, "responseElements.instancesSet.items[].instanceId")).toMatchObject({ type: "string", resourceId: true });
    expect(row(rows, "responseElements.instancesSet")!.type).toMatch(/object/);
    expect(row(rows, "responseElements.instancesSet.items[].imageId")).toMatchObject({ resourceId: false });
    expect(rankResourceIds(rows)[0]!.path).toBe("responseElements.instancesSet.items[].instanceId");
  });

  it("s3.PutBucketAcl: bucketName (rule s3-bucket-name) and quoted header names", () => {
    const rows = pathsOf("s3", "PutBucketAcl").paths;
    expect(row(rows, "requestParameters.bucketName")).toMatchObject({ type: "string", resourceId: true });
    expect(row(rows, 'requestParameters."x-amz-acl"')).toBeDefined();
  });

  it("ce.GetCostAndUsage: recursion stops at the reference; map values as .*", () => {
    const rows = pathsOf("ce", "GetCostAndUsage").paths;
    expect(row(rows, "requestParameters.Filter.And")).toMatchObject({ recursive: "Expression" });
    expect(row(rows, "requestParameters.Filter.Not")).toMatchObject({ recursive: "Expression" });
    expect(rows.some((x) => x.path.startsWith("requestParameters.Filter.Not."))).toBe(false);
    expect(row(rows, "responseElements.ResultsByTime[].Total.*.Amount")).toMatchObject({ type: "string" });
  });

  it("lambda.CreateFunction: functionArn and functionName", () => {
    const r = pathsOf("lambda", "CreateFunction");
    expect(r.eventNames).toContain("CreateFunction20150331");
    expect(rankResourceIds(r.paths)[0]!.path).toBe("responseElements.functionArn");
  });
});

describe("paths of every service", () => {
  /** Every operation of a few services with known quirks; three (first, middle, last) of every other. */
  const FULL = new Set(["iam", "s3", "lambda", "ce"]);
  const sample = (ops: string[]) => (ops.length <= 3 ? ops : [ops[0]!, ops[Math.floor(ops.length / 2)]!, ops[ops.length - 1]!]);

  it("lists paths for operations of every service, each of them found in the operation's schema", () => {
    let operations = 0;
    let paths = 0;
    for (const service of snapshot.services) {
      const ops = lookup.operations(service);
      for (const operation of FULL.has(service) || process.env.PATHS_ALL ? ops : sample(ops)) {
        const found = lookup.operation(service, operation);
        const schema = operationSchema(found.service, found.operation, ["input", "output"], { botocoreVersion: lookup.botocoreVersion });
        const rows = fieldPaths(schema, operation);
        const where = `${service}.${operation}`;
        expect(new Set(rows.map((r) => r.path)).size, where).toBe(rows.length);
        for (const r of rows) {
          if (!resolve(schema, r.path).length) throw new Error(`${where}: ${r.path} is not in the schema`);
          expect(typeof r.resourceId).toBe("boolean");
          if (r.recursive) {
            // Nothing listed under a path whose type is not expanded.
            const under = rows.find((x) => x.path.startsWith(`${r.path}.`) || x.path.startsWith(`${r.path}[]`));
            expect(under?.path, `${where}: ${r.path} is recursive`).toBeUndefined();
          }
        }
        operations++;
        paths += rows.length;
      }
    }
    expect(operations).toBeGreaterThan(snapshot.services.length * 2);
    expect(paths).toBeGreaterThan(operations);
  }, 300_000);
});

describe("cloudtrail-schema paths (in process)", () => {
  it("prints paths, types, docs and marks; the two-word form is the same", async () => {
    const r = await runCli(["paths", "iam.CreatePolicy"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^iam\.CreatePolicy\n {2}eventSource: iam\.amazonaws\.com\n/);
    expect(r.stdout).toMatch(/^requestParameters\.policyName: string \(resource id\)\n {4}The friendly name of the policy\.$/m);
    expect(r.stdout).toMatch(/^responseElements\.policy\.arn: string \(resource id\)$/m);
    expect(r.stdout).toMatch(/^requestParameters\.tags\[\]\.key: string$/m);
    expect((await runCli(["paths", "iam", "CreatePolicy"])).stdout).toBe(r.stdout);
  });

  it("--format json: resourceId as a boolean; .output and --ids filter", async () => {
    const r = await runCli(["paths", "iam.CreatePolicy.output", "--ids", "--format", "json"]);
    expect(r.status).toBe(0);
    const data = JSON.parse(r.stdout) as { service: string; paths: FieldPath[] };
    expect(data.service).toBe("iam");
    expect(data.paths.map((p) => p.path)).toEqual(["responseElements.policy.policyName", "responseElements.policy.policyId", "responseElements.policy.arn"]);
    expect(data.paths.every((p) => p.resourceId === true && p.part === "responseElements")).toBe(true);
  });

  it("--no-docs leaves documentation out; --format yaml works", async () => {
    const r = await runCli(["paths", "iam.CreatePolicy", "--no-docs"]);
    expect(r.stdout).not.toContain("The friendly name");
    const y = await runCli(["paths", "iam.CreatePolicy", "-f", "yaml"]);
    expect(y.status).toBe(0);
    expect(y.stdout).toMatch(/^- path: requestParameters\.policyName$/m);
  });

  it("unknown names exit 2 with suggestions; a service alone is a usage error", async () => {
    const op = await runCli(["paths", "iam.CreatPolicy"]);
    expect(op.status).toBe(2);
    expect(op.stderr).toContain('unknown operation "CreatPolicy" in iam');
    expect(op.stderr).toContain("did you mean iam.CreatePolicy?");
    const svc = await runCli(["paths", "iamm.CreatePolicy"]);
    expect(svc.status).toBe(2);
    expect(svc.stderr).toContain("did you mean iam.CreatePolicy?");
    const bare = await runCli(["paths", "iam"]);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain("paths needs an operation");
  });

  it("--help describes the command", async () => {
    const r = await runCli(["paths", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^cloudtrail-schema paths: list every field path/);
    expect(r.stdout).toContain("cloudtrail-schema paths iam.CreatePolicy");
    expect(r.stdout).toMatch(/--ids/);
  });
});
