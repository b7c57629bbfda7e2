/**
 * makeEvent: deterministic for a seed, valid in strict mode before overrides, a realistic envelope, deep
 * merge of overrides (objects merge, the rest replaces, undefined removes) without touching them.
 * (Every operation of every service: all-services.test.ts.)
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import fc from "fast-check";
import type { CloudTrailEvent } from "@cloudtrail-schema/types";
import type {} from "@cloudtrail-schema/types/iam";
import type {} from "@cloudtrail-schema/types/lambda";
import { CloudTrailSchemaError, resolveEvent, validateEvent } from "../src/index.js";
import { makeEvent, sampleEvent } from "../src/testing/index.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("makeEvent", () => {
  it("is deterministic for a seed, and different for another seed or operation", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (a, b) => {
        expect(makeEvent("iam", "CreatePolicy", undefined, { seed: a })).toEqual(makeEvent("iam", "CreatePolicy", undefined, { seed: a }));
        if (a !== b) {
          const [x, y] = [makeEvent("iam", "CreatePolicy", {}, { seed: a }), makeEvent("iam", "CreatePolicy", {}, { seed: b })];
          expect(x.eventID).not.toBe(y.eventID);
          expect(x.requestID).not.toBe(y.requestID);
        }
      }),
      { numRuns: 200 },
    );
    expect(makeEvent("iam", "CreatePolicy")).toEqual(makeEvent("iam", "CreatePolicy", undefined, { seed: 0 }));
    expect(makeEvent("iam", "CreateUser", {}, { seed: 1 }).eventID).not.toBe(makeEvent("iam", "CreatePolicy", {}, { seed: 1 }).eventID);
    // Times differ across seeds (366 days of seconds: a collision among 50 seeds would be a bug).
    expect(new Set(Array.from({ length: 50 }, (_, seed) => makeEvent("iam", "CreatePolicy", {}, { seed }).eventTime)).size).toBe(50);
  });

  it("is a valid record of the operation in strict mode, with a realistic envelope", () => {
    for (const [service, operation, readOnly, category] of [
      ["iam", "CreatePolicy", false, "Management"],
      ["iam", "ListUsers", true, "Management"],
      ["ec2", "DescribeInstances", true, "Management"],
      ["ec2", "RunInstances", false, "Management"],
      ["s3", "GetObject", true, "Data"],
      ["s3", "PutBucketPolicy", false, "Management"],
      ["lambda", "Invoke", false, "Data"],
      ["sts", "AssumeRole", false, "Management"],
    ] as const) {
      for (const seed of [0, 1, 2, 3, 1e9, -7, 0.5]) {
        const r = makeEvent(service, operation, undefined, { seed });
        const what = `${service} ${operation} seed ${seed}`;
        expect(validateEvent(r, { mode: "strict" }), what).toEqual({ valid: true, service, operation, errors: [] });
        expect(resolveEvent(r)).toEqual({ service, operation });
        expect(r.eventID, what).toMatch(UUID);
        expect(r.requestID, what).toMatch(UUID);
        expect(r.eventTime, what).toMatch(/^2024-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        expect(Number.isNaN(Date.parse(r.eventTime as string))).toBe(false);
        expect(r.sourceIPAddress, what).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}$/);
        expect(r.awsRegion, what).toMatch(/^[a-z]{2}-[a-z]+-\d$/);
        expect(typeof r.userAgent).toBe("string");
        const id = r.userIdentity as { type: string; accountId: string; arn: string };
        expect(["IAMUser", "AssumedRole"]).toContain(id.type);
        expect(r.recipientAccountId).toBe(id.accountId);
        expect(id.arn).toContain(`::${id.accountId}:`);
        expect(r.readOnly, what).toBe(readOnly);
        expect(r.eventCategory, what).toBe(category);
        expect(r.managementEvent, what).toBe(category === "Management");
        expect(r.eventType).toBe("AwsApiCall");
      }
    }
  });

  it("keeps what a curated event's schema pins, and stays valid", () => {
    for (const [service, operation] of [
      ["signin-console", "ConsoleLogin"],
      ["cloudtrail-insights", "ApiCallRateInsight"],
      ["aws-service-events", "kms:RotateKey"],
      ["aws-console-actions", "AwsConsoleAction"],
    ] as const) {
      for (const seed of [0, 1, 2]) {
        const r = makeEvent(service, operation, undefined, { seed });
        expect(validateEvent(r, { mode: "strict" }).valid, `${service} ${operation}`).toBe(true);
        expect(r.eventSource).toBe(sampleEvent(service, operation).eventSource);
      }
    }
  });

  it("merges overrides deeply: objects merge, arrays and scalars replace, undefined removes", () => {
    const base = makeEvent("iam", "CreatePolicy", undefined, { seed: 5 });
    const r = makeEvent(
      "iam",
      "CreatePolicy",
      {
        awsRegion: "eu-west-3",
        userIdentity: { userName: "mallory", sessionContext: undefined },
        requestParameters: { policyName: "ReadLogs", tags: [{ key: "team", value: "sec" }] },
        tlsDetails: undefined,
        resources: [{ ARN: "arn:aws:iam::111122223333:policy/ReadLogs" }],
      },
      { seed: 5 },
    );
    expect(r.awsRegion).toBe("eu-west-3");
    expect(r.userIdentity).toEqual({ ...(base.userIdentity as object), userName: "mallory", sessionContext: undefined });
    expect(Object.keys(r.userIdentity as object)).not.toContain("sessionContext");
    expect(r.requestParameters).toEqual({ ...(base.requestParameters as object), policyName: "ReadLogs", tags: [{ key: "team", value: "sec" }] });
    expect("tlsDetails" in r).toBe(false);
    expect(r.resources).toEqual([{ ARN: "arn:aws:iam::111122223333:policy/ReadLogs" }]);
    expect(r.eventID).toBe(base.eventID);
    // An array replaces, never merges by index.
    const tagged = makeEvent("iam", "CreatePolicy", { requestParameters: { tags: [{ key: "a", value: "1" }, { key: "b", value: "2" }] } });
    expect(makeEvent("iam", "CreatePolicy", { requestParameters: { ...(tagged.requestParameters as object), tags: [{ key: "c", value: "3" }] } }).requestParameters).toHaveProperty("tags", [{ key: "c", value: "3" }]);
    // null replaces an object; an object replaces a scalar or null.
    expect(makeEvent("iam", "CreatePolicy", { responseElements: null }).responseElements).toBeNull();
    expect(makeEvent("iam", "CreatePolicy", { requestParameters: null }).requestParameters).toBeNull();
    expect(makeEvent("iam", "CreatePolicy", { errorCode: { x: 1 } }).errorCode).toEqual({ x: 1 });
  });

  it("never changes the overrides, and the record shares nothing with them", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.integer(), (overrides, seed) => {
        const before = structuredClone(overrides);
        const frozen = deepFreeze(structuredClone(overrides));
        const r = makeEvent("iam", "CreatePolicy", overrides, { seed });
        makeEvent("iam", "CreatePolicy", frozen, { seed });
        expect(overrides).toEqual(before);
        mutateAll(r);
        expect(overrides).toEqual(before);
      }),
      { numRuns: 200 },
    );
    const overrides = { requestParameters: { policyName: "x", tags: [{ key: "k", value: "v" }] }, __proto__: null } as never;
    const r = makeEvent("iam", "CreatePolicy", overrides);
    (r.requestParameters as { tags: { key: string }[] }).tags[0]!.key = "changed";
    expect((overrides as { requestParameters: { tags: { key: string }[] } }).requestParameters.tags[0]!.key).toBe("k");
  });

  it("does not inherit or pollute through __proto__ keys in overrides", () => {
    const r = makeEvent("iam", "CreatePolicy", JSON.parse('{"__proto__": {"polluted": 1}, "requestParameters": {"__proto__": {"x": 1}}}'));
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(r, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
  });

  it("returns an invalid record when the overrides make it one, or throws with validate", () => {
    const bad = { requestParameters: { policyName: 7 } };
    const r = makeEvent("iam", "CreatePolicy", bad);
    const result = validateEvent(r, { mode: "strict" });
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toMatchObject({ path: "/requestParameters/policyName", keyword: "type" });
    let thrown: unknown;
    try {
      makeEvent("iam", "CreatePolicy", bad, { validate: true });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CloudTrailSchemaError);
    expect((thrown as CloudTrailSchemaError).code).toBe("E_INVALID_EVENT");
    expect((thrown as CloudTrailSchemaError).errors[0]).toMatchObject({ path: "/requestParameters/policyName" });
    // An unknown field passes in compatible mode only.
    expect(() => makeEvent("iam", "CreatePolicy", { requestParameters: { newField: 1 } }, { validate: "compatible" })).not.toThrow();
    expect(() => makeEvent("iam", "CreatePolicy", { requestParameters: { newField: 1 } }, { validate: "strict" })).toThrow(/newField/);
    expect(() => makeEvent("iam", "CreatePolicy", { awsRegion: "eu-west-3" }, { validate: true })).not.toThrow();
  });

  it("makes the record of the eventName it is asked for (an operation's other eventName)", () => {
    const r = makeEvent("lambda", "CreateFunction20150331", {}, { seed: 3, validate: "strict" });
    expectTypeOf(r).toEqualTypeOf<CloudTrailEvent<"lambda", "CreateFunction">>();
    expect(r.eventName).toBe("CreateFunction20150331");
    expect(resolveEvent(r)).toEqual({ service: "lambda", operation: "CreateFunction" });
    // The rest is the operation's record for that seed.
    expect({ ...r, eventName: "CreateFunction" }).toEqual(makeEvent("lambda", "CreateFunction", {}, { seed: 3 }));
  });

  it("throws for programmer errors", () => {
    expect(() => makeEvent("iamm", "CreatePolicy")).toThrow(expect.objectContaining({ code: "E_UNKNOWN_SERVICE", suggestions: expect.arrayContaining(["iam"]) }));
    expect(() => makeEvent("iam", "CreatePolicyy")).toThrow(expect.objectContaining({ code: "E_UNKNOWN_OPERATION" }));
    expect(() => makeEvent("iam", "CreatePolicy", undefined, { seed: Number.NaN })).toThrow(expect.objectContaining({ code: "E_USAGE" }));
    expect(() => makeEvent("iam", "CreatePolicy", [] as never)).toThrow(expect.objectContaining({ code: "E_USAGE" }));
    expect(() => makeEvent("iam", "CreatePolicy", undefined, { validate: "yes" as never })).toThrow(expect.objectContaining({ code: "E_USAGE" }));
  });

  it("is typed as the operation's event once the service's types are imported", () => {
    const r = makeEvent("iam", "CreatePolicy", { requestParameters: { policyName: "p" } }, { seed: 1 });
    expectTypeOf(r).toEqualTypeOf<CloudTrailEvent<"iam", "CreatePolicy">>();
    expectTypeOf(makeEvent("ec2" as string, "RunInstances")).toEqualTypeOf<Record<string, unknown>>();
  });
});

function deepFreeze<T>(v: T): T {
  if (typeof v === "object" && v !== null) {
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
    Object.freeze(v);
  }
  return v;
}

function mutateAll(v: unknown): void {
  if (typeof v !== "object" || v === null) return;
  for (const k of Object.keys(v)) {
    mutateAll((v as Record<string, unknown>)[k]);
    (v as Record<string, unknown>)[k] = "mutated";
  }
  if (Array.isArray(v)) v.push("mutated");
}
