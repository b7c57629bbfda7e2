/**
 * @cloudtrail-schema/runtime/ajv: the default entry's results and error format with ajv as the engine, the
 * caller's instance and its options, and the schemas added to an instance a pipeline owns.
 */
import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, expectTypeOf, it } from "vitest";
import { codeOf } from "./error-codes.js";
import {
  addCloudTrailSchemas,
  AJV_OPTIONS,
  assertCloudTrailEvent as assertWithAjv,
  createAjvValidator,
  type AjvValidator,
  getEventSchemaId,
  isCloudTrailEvent as isWithAjv,
  validateEvent as validateWithAjv,
} from "../src/ajv/index.js";
import { CloudTrailSchemaError, getEventSchema, validateEvent, type Mode, type ValidationError } from "../src/index.js";
import type { CloudTrailEvent } from "@cloudtrail-schema/types";
import type {} from "@cloudtrail-schema/types/iam";
import type {} from "@cloudtrail-schema/types/lambda";
import { consoleLogin, ec2RunInstances, errorEvent, eventBridge, iamCreatePolicy, stsAssumeRole, type TestRecord } from "./fixtures.js";


/** Errors in a stable order: the engines walk a record in different orders. */
const sorted = (errors: ValidationError[]) => [...errors].sort((a, b) => (a.path + a.keyword < b.path + b.keyword ? -1 : a.path + a.keyword > b.path + b.keyword ? 1 : 0));

const broken: [string, () => TestRecord][] = [
  ["a field of the wrong type", () => ({ ...iamCreatePolicy(), requestParameters: { ...(iamCreatePolicy().requestParameters as object), policyName: 7 } })],
  ["an unknown field and a missing envelope field", () => {
    const r = { ...iamCreatePolicy(), unknownField: 1 } as TestRecord;
    delete r.eventID;
    return r;
  }],
  ["requestParameters that is not an object", () => ({ ...iamCreatePolicy(), requestParameters: "not an object" })],
  ["a wrong userIdentity and eventTime", () => ({ ...stsAssumeRole(), userIdentity: { type: 5 }, eventTime: null })],
  ["an ec2 list of the wrong shape", () => {
    const r = ec2RunInstances();
    (r.requestParameters as Record<string, unknown>).instancesSet = { items: [{ imageId: 1, minCount: "one" }] };
    return r;
  }],
  ["an enum value the model does not list", () => ({ ...stsAssumeRole(), userIdentity: { type: "Robot", principalId: "x" } })],
  ["a string longer than the model allows", () => ({ ...iamCreatePolicy(), requestParameters: { ...(iamCreatePolicy().requestParameters as object), policyName: "p".repeat(200) } })],
];

describe("createAjvValidator()", () => {
  const ajv: AjvValidator = createAjvValidator();

  it.each([
    ["iam CreatePolicy", iamCreatePolicy()],
    ["ec2 RunInstances", ec2RunInstances()],
    ["sts AssumeRole", stsAssumeRole()],
    ["an error event", errorEvent()],
    ["console sign-in (curated)", consoleLogin()],
  ])("gives validateEvent's result on %s", (_name, record) => {
    for (const mode of ["compatible", "strict"] as const) expect(ajv.validateEvent(record, { mode })).toEqual(validateEvent(record, { mode }));
  });

  it.each(broken)("gives validateEvent's errors on a record with %s", (_name, make) => {
    for (const mode of ["compatible", "strict"] as const) {
      const want = validateEvent(make(), { mode });
      const got = ajv.validateEvent(make(), { mode });
      expect({ ...got, errors: sorted(got.errors) }).toEqual({ ...want, errors: sorted(want.errors) });
    }
  });

  it("flags trimmed exports and unmodeled calls as validateEvent does, and its guards do not narrow them", () => {
    const trimmed: TestRecord = { ...iamCreatePolicy() };
    for (const k of ["eventVersion", "userIdentity", "eventType", "sourceIPAddress"]) delete trimmed[k];
    const unmodeled: TestRecord = { ...iamCreatePolicy(), eventSource: "cloudshell.amazonaws.com", eventName: "CreateEnvironment", requestParameters: { any: 1 } };
    for (const record of [trimmed, unmodeled]) {
      for (const mode of ["compatible", "strict"] as const) {
        const want = validateEvent(record, { mode });
        const got = ajv.validateEvent(record, { mode });
        expect({ ...got, errors: sorted(got.errors) }).toEqual({ ...want, errors: sorted(want.errors) });
      }
    }
    expect(ajv.validateEvent(trimmed)).toMatchObject({ valid: true, trimmed: true });
    expect(ajv.validateEvent(unmodeled)).toMatchObject({ valid: true, unmodeled: true });
    expect(ajv.isCloudTrailEvent(trimmed)).toBe(false);
    expect(ajv.isCloudTrailEvent(unmodeled)).toBe(true);
  });

  it("resolves as validateEvent does: unknown records are invalid with the same error", () => {
    for (const record of [null, 7, [], {}, { eventSource: "nope.amazonaws.com", eventName: "X" }, { ...iamCreatePolicy(), eventName: "NoSuchCall" }]) {
      expect(ajv.validateEvent(record)).toEqual(validateEvent(record));
    }
  });

  it("keeps maxErrors and shortens what it quotes", () => {
    const r = iamCreatePolicy();
    const rp = r.requestParameters as Record<string, unknown>;
    for (let i = 0; i < 40; i++) rp[`unknown${i}`] = "x".repeat(10_000);
    const result = ajv.validateEvent(r, { mode: "strict", maxErrors: 5 });
    expect(result.errors).toHaveLength(5);
    for (const e of result.errors) expect(e.found!.length).toBeLessThan(100);
    expect(ajv.validateEvent(r, { mode: "strict" }).errors).toHaveLength(20);
    expect(codeOf(() => ajv.validateEvent(r, { maxErrors: 0 }))).toBe("E_USAGE");
    expect(codeOf(() => ajv.validateEvent(r, { mode: "loose" as Mode }))).toBe("E_USAGE");
  });

  it("type guards and assertions take the same arguments and throw the same errors", () => {
    const record: unknown = iamCreatePolicy();
    expect(ajv.isCloudTrailEvent(record, "iam", "CreatePolicy")).toBe(true);
    if (ajv.isCloudTrailEvent(record, "iam", "CreatePolicy")) expectTypeOf(record).toEqualTypeOf<CloudTrailEvent<"iam", "CreatePolicy">>();
    expect(ajv.isCloudTrailEvent(record, "iam")).toBe(true);
    expect(ajv.isCloudTrailEvent(record, "sts" as never)).toBe(false);
    expect(ajv.isCloudTrailEvent(stsAssumeRole(), "iam", "CreatePolicy")).toBe(false);
    expect(codeOf(() => ajv.isCloudTrailEvent(record, "iamm" as never))).toBe("E_UNKNOWN_SERVICE");
    expect(codeOf(() => ajv.isCloudTrailEvent(record, "iam", "CreatePolicyy" as never))).toBe("E_UNKNOWN_OPERATION");
    // An operation's other eventName (what a record or a rule says) names it here too.
    const lambda: unknown = { ...iamCreatePolicy(), eventSource: "lambda.amazonaws.com", eventName: "CreateFunction20150331", requestParameters: { functionName: "f" } };
    expect(ajv.isCloudTrailEvent(lambda, "lambda", "CreateFunction20150331")).toBe(true);
    expect(ajv.isCloudTrailEvent(lambda, "lambda", "CreateFunction")).toBe(true);
    if (ajv.isCloudTrailEvent(lambda, "lambda", "CreateFunction20150331")) expectTypeOf(lambda).toEqualTypeOf<CloudTrailEvent<"lambda", "CreateFunction">>();
    expect(getEventSchemaId("lambda", "CreateFunction20150331")).toBe(getEventSchemaId("lambda", "CreateFunction"));
    const bad = broken[0]![1]();
    let thrown: unknown;
    try {
      ajv.assertCloudTrailEvent(bad, "iam", "CreatePolicy");
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CloudTrailSchemaError);
    expect((thrown as CloudTrailSchemaError).code).toBe("E_INVALID_EVENT");
    expect((thrown as CloudTrailSchemaError).errors).toEqual(validateEvent(bad).errors);
    expect(() => ajv.assertCloudTrailEvent(iamCreatePolicy())).not.toThrow();
  });

  it("only reads the record; a record that throws when read is invalid, not a crash", () => {
    const record = Object.freeze({ ...iamCreatePolicy(), readOnly: "false", extra: { a: [1] } });
    const copy = structuredClone(record);
    ajv.validateEvent(record, { mode: "strict" });
    expect(record).toStrictEqual(copy);
    const getter = iamCreatePolicy();
    Object.defineProperty(getter.requestParameters as object, "policyName", { enumerable: true, get: () => { throw new Error("boom"); } });
    expect(ajv.validateEvent(getter)).toMatchObject({ valid: false, errors: [expect.objectContaining({ path: "", keyword: "json" })] });
    const proxy = new Proxy(iamCreatePolicy(), { get: () => { throw new TypeError("trap"); }, ownKeys: () => { throw new TypeError("trap"); } });
    expect(ajv.validateEvent(proxy).valid).toBe(false);
  });

  it("the module's functions use one validator of their own", () => {
    expect(validateWithAjv(eventBridge(iamCreatePolicy()).detail)).toEqual(validateEvent(iamCreatePolicy()));
    expect(isWithAjv(iamCreatePolicy(), "iam", "CreatePolicy", { mode: "strict" })).toBe(true);
    expect(codeOf(() => assertWithAjv(broken[0]![1](), "iam"))).toBe("E_INVALID_EVENT");
  });
});

describe("createAjvValidator(the caller's ajv)", () => {
  it("adds nothing until a record arrives, then only that operation's schema, under the runtime's own $id", () => {
    const ajv = new Ajv2020(AJV_OPTIONS);
    const added: string[] = [];
    const addSchema = ajv.addSchema.bind(ajv);
    ajv.addSchema = ((schema: { $id?: string }, ...rest: never[]) => (added.push(String(schema.$id)), addSchema(schema, ...rest))) as typeof ajv.addSchema;
    const v = createAjvValidator(ajv);
    expect(v.ajv).toBe(ajv);
    expect(added).toEqual([]);
    expect(v.validateEvent(iamCreatePolicy()).valid).toBe(true);
    expect(v.validateEvent(iamCreatePolicy()).valid).toBe(true);
    expect(added).toEqual(["https://cloudtrail-schema.dev/schemas/runtime/compatible/iam/CreatePolicy.json"]);
    // The public ids stay free for addCloudTrailSchemas, which the validator then uses.
    expect(ajv.getSchema(getEventSchemaId("iam", "CreatePolicy"))).toBeUndefined();
    addCloudTrailSchemas(ajv, ["sts"]);
    added.length = 0;
    expect(v.validateEvent(stsAssumeRole(), { mode: "strict" })).toEqual(validateEvent(stsAssumeRole(), { mode: "strict" }));
    expect(added).toEqual([]);
  });

  it("follows the instance's options: first error only without allErrors, no schemaPath without verbose", () => {
    const v = createAjvValidator(new Ajv2020());
    const record = broken[1]![1]();
    const result = v.validateEvent(record, { mode: "strict" });
    expect(result.valid).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).not.toHaveProperty("schemaPath");
    expect(validateEvent(record, { mode: "strict" }).errors).toContainEqual(expect.objectContaining({ path: result.errors[0]!.path, keyword: result.errors[0]!.keyword, found: result.errors[0]!.found }));
  });

  it("refuses what is not an Ajv2020 instance, and instances that change records", () => {
    expect(codeOf(() => createAjvValidator(new Ajv() as never))).toBe("E_USAGE");
    expect(codeOf(() => createAjvValidator({} as never))).toBe("E_USAGE");
    expect(codeOf(() => createAjvValidator(null as never))).toBe("E_USAGE");
    for (const option of [{ coerceTypes: true }, { useDefaults: true }, { removeAdditional: "all" as const }]) {
      expect(codeOf(() => createAjvValidator(new Ajv2020(option)))).toBe("E_USAGE");
    }
  });
});

describe("addCloudTrailSchemas", () => {
  it("registers each operation under getEventSchema's $id, in both modes, for ajv.getSchema", () => {
    const ajv = new Ajv2020();
    addCloudTrailSchemas(ajv, ["iam", "sts"]);
    const compatible = ajv.getSchema("https://cloudtrail-schema.dev/schemas/iam/CreatePolicy.json")!;
    const strict = ajv.getSchema("https://cloudtrail-schema.dev/schemas/iam/CreatePolicy.strict.json")!;
    expect(getEventSchemaId("iam", "CreatePolicy")).toBe(getEventSchema("iam", "CreatePolicy").$id);
    expect(getEventSchemaId("iam", "CreatePolicy", { mode: "strict" })).toBe(getEventSchema("iam", "CreatePolicy", { mode: "strict" }).$id);
    const extra = { ...iamCreatePolicy(), requestParameters: { ...(iamCreatePolicy().requestParameters as object), notInTheModel: 1 } };
    expect([compatible(iamCreatePolicy()), strict(iamCreatePolicy()), compatible(extra), strict(extra)]).toEqual([true, true, true, false]);
    expect(ajv.getSchema(getEventSchemaId("sts", "AssumeRole"))!(stsAssumeRole())).toBe(true);
    // The service documents, and schemas of the pipeline's own that refer to them.
    expect(ajv.getSchema("https://cloudtrail-schema.dev/schemas/iam.strict.json")).toBeTypeOf("function");
    const mine = ajv.compile({ type: "array", items: { $ref: "https://cloudtrail-schema.dev/schemas/iam/CreatePolicy.strict.json" } });
    expect([mine([iamCreatePolicy()]), mine([extra])]).toEqual([true, false]);
    // Again: nothing new, no "already exists".
    expect(() => addCloudTrailSchemas(ajv, ["iam"])).not.toThrow();
  });

  it("one mode when asked; unknown services are errors that name them, and add nothing", () => {
    const ajv = new Ajv2020();
    addCloudTrailSchemas(ajv, ["kms"], { mode: "strict" });
    expect(ajv.getSchema(getEventSchemaId("kms", "Decrypt", { mode: "strict" }))).toBeTypeOf("function");
    expect(ajv.getSchema(getEventSchemaId("kms", "Decrypt"))).toBeUndefined();
    let thrown: unknown;
    try {
      addCloudTrailSchemas(ajv, ["s3", "lamda"]);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toMatchObject({ code: "E_UNKNOWN_SERVICE", message: expect.stringContaining('"lamda"'), suggestions: expect.arrayContaining(["lambda"]) });
    expect(ajv.getSchema(getEventSchemaId("s3", "PutBucketPolicy"))).toBeUndefined();
    expect(codeOf(() => addCloudTrailSchemas(ajv, "iam" as never))).toBe("E_USAGE");
    expect(codeOf(() => addCloudTrailSchemas(new Ajv() as never, ["iam"]))).toBe("E_USAGE");
    expect(codeOf(() => getEventSchemaId("iam", "Nope"))).toBe("E_UNKNOWN_OPERATION");
  });

  it("shares the instance with createAjvValidator", () => {
    const ajv = new Ajv2020(AJV_OPTIONS);
    addCloudTrailSchemas(ajv, ["iam"]);
    const v = createAjvValidator(ajv);
    expect(v.validateEvent(iamCreatePolicy(), { mode: "strict" }).valid).toBe(true);
    expect(v.validateEvent(broken[0]![1]())).toEqual(validateEvent(broken[0]![1]()));
  });
});
