/**
 * Input from outside: random and mutated records, prototype keys, deep nesting, huge strings, objects that
 * throw. validateEvent must answer (never throw anything but its own error, never hang), never change the
 * record, and agree with ajv on the same schema; so must validateEvent of @cloudtrail-schema/runtime/ajv, in
 * the same result format (the fast engine is the reference for it).
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAjvValidator } from "../src/ajv/index.js";
import { getEventSchema, isCloudTrailEvent, recordsOf, resolveEvent, validateEvent, type Mode, type ValidationResult } from "../src/index.js";
import { sampleEvent } from "../src/testing/index.js";
import { ec2RunInstances, iamCreatePolicy, stsAssumeRole } from "./fixtures.js";
import type {} from "@cloudtrail-schema/types/ce";
import type {} from "@cloudtrail-schema/types/iam";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Freeze every object and array, without recursion (the value may be deeper than the stack). */
function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  const seen = new Set<unknown>();
  while (stack.length) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null || seen.has(v)) continue;
    seen.add(v);
    Object.freeze(v);
    for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
  }
  return value;
}

const define = (o: Record<string, unknown>, k: string, v: unknown) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });

/** ajv as the reference, on getEventSchema's documents; own properties only, as the runtime. */
const ajv = new Ajv2020({ logger: false, strict: false, ownProperties: true });
const reference = new Map<string, ValidateFunction>();
function ajvValid(record: unknown, service: string, operation: string, mode: Mode): boolean {
  const key = `${service} ${operation} ${mode}`;
  let v = reference.get(key);
  if (!v) reference.set(key, (v = ajv.compile(getEventSchema(service, operation, { mode }))));
  return v(record);
}

const bases = (): Record<string, unknown>[] => [
  iamCreatePolicy(),
  ec2RunInstances(),
  stsAssumeRole(),
  sampleEvent("s3", "PutBucketPolicy"),
  sampleEvent("lambda", "CreateFunction"),
  sampleEvent("kms", "Decrypt"),
  sampleEvent("ce", "GetCostAndUsage"),
];

const HOSTILE_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "eventName", "requestParameters", "x-model", "$ref", ""];

/** Paths to every object/array inside a value, with the value. */
function containers(root: unknown): [unknown, string[]][] {
  const out: [unknown, string[]][] = [];
  const stack: [unknown, string[]][] = [[root, []]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    out.push([v, path]);
    for (const k of Object.keys(v)) stack.push([(v as Record<string, unknown>)[k], [...path, k]]);
  }
  return out;
}

/** One edit of a record: set, add or delete somewhere inside it. */
const edit = fc.record({
  where: fc.nat(),
  key: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 12 })),
  value: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(null, "", 0, -1, 1.5, true, "HIDDEN_DUE_TO_SECURITY_REASONS", [], {})),
  kind: fc.constantFrom("set", "delete", "replace"),
});

function mutate(record: Record<string, unknown>, edits: { where: number; key: string; value: unknown; kind: string }[]): unknown {
  let root: unknown = structuredClone(record);
  for (const e of edits) {
    const spots = containers(root);
    if (spots.length === 0) break;
    const [target] = spots[e.where % spots.length]!;
    if (Array.isArray(target)) {
      if (e.kind === "delete") target.pop();
      else target[e.where % (target.length + 1)] = structuredClone(e.value);
    } else {
      const o = target as Record<string, unknown>;
      const keys = Object.keys(o);
      const key = e.kind === "set" || keys.length === 0 ? e.key : keys[e.where % keys.length]!;
      if (e.kind === "delete") delete o[key];
      else define(o, key, structuredClone(e.value));
    }
    if (e.kind === "replace" && e.where % 17 === 0) root = structuredClone(e.value);
  }
  return root;
}

/** The ajv engine, with its own ajv instance (AJV_OPTIONS). */
const viaAjv = createAjvValidator();

function wellFormed(result: ValidationResult): void {
  expect(typeof result.valid).toBe("boolean");
  expect(result.valid).toBe(result.errors.length === 0);
  expect(result.errors.length).toBeLessThanOrEqual(20);
  for (const e of result.errors) {
    expect(e.path === "" || e.path.startsWith("/")).toBe(true);
    expect(typeof e.message).toBe("string");
    if (e.found !== undefined) expect(e.found.length).toBeLessThan(120);
  }
}

function checkOne(record: unknown, mode: Mode): void {
  const before = JSON.stringify(record);
  const result = validateEvent(deepFreeze(record), { mode });
  const ajvResult = viaAjv.validateEvent(record, { mode });
  expect(JSON.stringify(record)).toBe(before);
  wellFormed(result);
  wellFormed(ajvResult);
  const target = resolveEvent(record);
  const where = `${target?.service} ${target?.operation} ${mode}: ${JSON.stringify(result.errors)} / ajv: ${JSON.stringify(ajvResult.errors)}`;
  expect(ajvResult.valid, where).toBe(result.valid);
  expect([ajvResult.service, ajvResult.operation]).toEqual([result.service, result.operation]);
  if (target) expect(result.valid, where).toBe(ajvValid(record, target.service, target.operation, mode));
}

describe("hostile input", () => {
  it("mutated records: no throw, no change to the record, the same answer as ajv", () => {
    const records = bases();
    fc.assert(
      fc.property(fc.nat({ max: records.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), fc.constantFrom<Mode>("compatible", "strict"), (i, edits, mode) => {
        checkOne(mutate(records[i]!, edits), mode);
      }),
      { numRuns: 600 },
    );
  });

  it("random JSON values: no throw", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom<Mode>("compatible", "strict"), (value, mode) => {
        checkOne(value, mode);
        expect(() => recordsOf(value)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it("random records of known operations: the same answer as ajv", () => {
    const named = fc.record({
      eventVersion: fc.constantFrom("1.08", "1.11", "2", 1),
      eventSource: fc.constantFrom("iam.amazonaws.com", "sts.amazonaws.com", "s3.amazonaws.com"),
      eventName: fc.constantFrom("CreatePolicy", "AssumeRole", "GetObject", "PutBucketPolicy", "CreateUser"),
      eventTime: fc.oneof(fc.constant("2024-06-11T14:03:27Z"), fc.string()),
      awsRegion: fc.string({ maxLength: 12 }),
      eventID: fc.uuid(),
      eventType: fc.constantFrom("AwsApiCall", "AwsServiceEvent"),
      requestParameters: fc.oneof(fc.constant(null), fc.dictionary(fc.constantFrom("policyName", "roleArn", "bucketName", "policy", "durationSeconds", "userName"), fc.jsonValue({ maxDepth: 2 }))),
      responseElements: fc.oneof(fc.constant(null), fc.jsonValue({ maxDepth: 3 })),
    });
    fc.assert(fc.property(named, fc.constantFrom<Mode>("compatible", "strict"), (record, mode) => checkOne(record, mode)), { numRuns: 400 });
  });

  it("__proto__, constructor and prototype are field names, nothing more", () => {
    const text = JSON.stringify(iamCreatePolicy()).replace('"requestParameters":{', '"requestParameters":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"prototype":1,');
    const record = JSON.parse(text) as Record<string, unknown>;
    expect(validateEvent(record).valid).toBe(true);
    const strict = validateEvent(record, { mode: "strict" });
    expect(strict.errors.map((e) => e.path).sort()).toEqual(["/requestParameters/__proto__", "/requestParameters/constructor", "/requestParameters/prototype"]);
    expect(viaAjv.validateEvent(record).valid).toBe(true);
    expect(viaAjv.validateEvent(record, { mode: "strict" }).errors.map((e) => e.path).sort()).toEqual(strict.errors.map((e) => e.path).sort());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A record whose eventName is "constructor" or "__proto__" belongs to no operation.
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(validateEvent({ ...iamCreatePolicy(), eventName: name }).errors[0]).toMatchObject({ path: "/eventName" });
      expect(validateEvent({ ...iamCreatePolicy(), eventSource: name }).errors[0]).toMatchObject({ path: "/eventSource" });
    }
  });

  it("nesting 10,000 levels deep through a recursive schema: an error, not a stack overflow", () => {
    const record = sampleEvent("ce", "GetCostAndUsage");
    // ce logs its wire names (rule `verbatim-member-name`): Filter, Not, Dimensions.
    let filter: Record<string, unknown> = { Dimensions: { Key: "SERVICE", Values: ["Amazon EC2"] } };
    for (let i = 0; i < 10_000; i++) filter = { Not: filter };
    (record.requestParameters as Record<string, unknown>).Filter = filter;
    for (const mode of ["compatible", "strict"] as const) {
      const r = validateEvent(record, { mode });
      expect(r.valid).toBe(false);
      expect(r.errors[0]).toMatchObject({ keyword: "maxDepth", message: expect.stringContaining("nested more than") });
      expect(isCloudTrailEvent(record, "ce", "GetCostAndUsage", { mode })).toBe(false);
      // ajv recurses until the stack runs out: invalid too, with the runtime's "cannot be validated" error.
      expect(viaAjv.validateEvent(record, { mode })).toMatchObject({ valid: false, errors: [{ path: "", keyword: "json", message: expect.stringContaining("nested too deeply") }] });
    }
    // A cycle.
    const cyclic = sampleEvent("ce", "GetCostAndUsage");
    const loop: Record<string, unknown> = {};
    loop.Not = loop;
    (cyclic.requestParameters as Record<string, unknown>).Filter = loop;
    expect(validateEvent(cyclic).errors[0]).toMatchObject({ keyword: "maxDepth" });
    // Deep nesting where the schema does not descend is just data.
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(validateEvent({ ...iamCreatePolicy(), additionalEventData: { deep } }).valid).toBe(true);
  });

  it("multi-megabyte strings are checked quickly and never echoed whole", () => {
    const huge = "A".repeat(8 * 1024 * 1024);
    const record = iamCreatePolicy();
    (record.requestParameters as Record<string, unknown>).policyName = huge;
    (record.requestParameters as Record<string, unknown>).policyDocument = huge;
    const t0 = performance.now();
    expect(validateEvent(record).valid).toBe(true);
    const strict = validateEvent(record, { mode: "strict" });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(strict.errors.find((e) => e.path === "/requestParameters/policyName")).toMatchObject({ keyword: "maxLength" });
    expect(JSON.stringify(strict).length).toBeLessThan(5000);
    expect(validateEvent({ ...iamCreatePolicy(), eventName: huge }).errors[0]!.message.length).toBeLessThan(500);
  });

  it("objects that throw when read are invalid records, not crashes", () => {
    const getter = iamCreatePolicy();
    Object.defineProperty(getter.requestParameters as object, "policyName", { enumerable: true, get: () => { throw new Error("boom"); } });
    expect(validateEvent(getter)).toMatchObject({ valid: false, errors: [expect.objectContaining({ path: "", keyword: "json" })] });
    const proxy = new Proxy(iamCreatePolicy(), { get: () => { throw new TypeError("trap"); }, ownKeys: () => { throw new TypeError("trap"); } });
    expect(validateEvent(proxy).valid).toBe(false);
    expect(resolveEvent(proxy)).toBeUndefined();
    expect(isCloudTrailEvent(proxy, "iam", "CreatePolicy")).toBe(false);
  });

  it("validation leaves records exactly as they were: no coercion, no defaults, no removal", () => {
    for (const record of bases()) {
      // Values a coercing or defaulting validator would change.
      (record as Record<string, unknown>).readOnly = "false";
      (record as Record<string, unknown>).unknownField = { nested: [1, "2", null] };
      const copy = structuredClone(record);
      for (const mode of ["compatible", "strict"] as const) {
        validateEvent(record, { mode });
        isCloudTrailEvent(record);
      }
      expect(record).toStrictEqual(copy);
      // And frozen: any write would throw (and show up as an error).
      const frozen = deepFreeze(structuredClone(copy));
      expect(validateEvent(frozen)).toEqual(validateEvent(structuredClone(copy)));
    }
  });
});
