/**
 * The JSON Schemas as the package publishes them (`pnpm build` first): the compatible form, what real records
 * satisfy, without the model's constraints (`x-model`, kept for the runtime's strict mode in the generator's
 * build/schemas/, not published), and with relative references to the envelope that a plain ajv resolves.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { PACKAGE_DIR, requireBuiltPackage } from "./helpers.js";

const SCHEMAS = join(PACKAGE_DIR, "schemas");
const read = (name: string) => JSON.parse(readFileSync(join(SCHEMAS, name), "utf8")) as { $id: string; $defs: Record<string, { $ref?: string }> };

beforeAll(requireBuiltPackage);

/** A CreatePolicy record written for this test, as CloudTrail logs one. */
const createPolicy = () => ({
  eventVersion: "1.09",
  userIdentity: { type: "IAMUser", principalId: "AIDAQ3EGSTKFN5EXAMPLE", arn: "arn:aws:iam::123456789012:user/ops", accountId: "123456789012", userName: "ops" },
  eventTime: "2024-06-11T14:03:27Z",
  eventSource: "iam.amazonaws.com",
  eventName: "CreatePolicy",
  awsRegion: "us-east-1",
  sourceIPAddress: "203.0.113.7",
  userAgent: "aws-cli/2.15.0",
  requestParameters: { policyName: "read-artifacts", policyDocument: "{}" },
  responseElements: { policy: { policyName: "read-artifacts", arn: "arn:aws:iam::123456789012:policy/read-artifacts", attachmentCount: 0, createDate: "Jun 11, 2024 2:03:27 PM" } },
  requestID: "6f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f",
  eventID: "1e2d3c4b-5a69-4788-9f0e-1d2c3b4a5968",
  readOnly: false,
  eventType: "AwsApiCall",
  managementEvent: true,
  recipientAccountId: "123456789012",
  eventCategory: "Management",
});

describe("the published JSON Schemas", () => {
  it("carry no strict overlay (x-model) in any file", () => {
    const files = readdirSync(SCHEMAS).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThan(400);
    const withModel = files.filter((f) => readFileSync(join(SCHEMAS, f), "utf8").includes('"x-model"'));
    expect(withModel).toEqual([]);
  });

  it("name the envelope relative to their $id", () => {
    const iam = read("iam.json");
    expect(iam.$id).toBe("https://cloudtrail-schema.dev/schemas/iam.json");
    // Each event references the service's record ($defs.$record), which names the envelope.
    expect(iam.$defs["CreatePolicy.event"]!.$ref).toBe("#/$defs/$record");
    expect(iam.$defs.$record!.$ref).toBe("envelope.json#/$defs/Record");
    expect(read("envelope.json").$id).toBe(new URL("envelope.json", iam.$id).href);
  });

  it("validate a record in a plain ajv: the relative reference resolves against $id", () => {
    const ajv = new Ajv2020({ allErrors: true });
    // The vocabulary the published files still use; x-model is not among them.
    ajv.addVocabulary(["x-type", "x-cloudtrail", "x-redacted"]);
    ajv.addSchema(read("envelope.json"));
    ajv.addSchema(read("iam.json"));
    const validate = ajv.getSchema("https://cloudtrail-schema.dev/schemas/iam.json#/$defs/CreatePolicy.event")!;
    expect(validate(createPolicy()), JSON.stringify(validate.errors)).toBe(true);
    // A field of the wrong type is caught in the service document, and in the envelope through the reference.
    expect(validate({ ...createPolicy(), requestParameters: { policyName: 7 } })).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain("/requestParameters/policyName");
    expect(validate({ ...createPolicy(), eventTime: 7 })).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain("/eventTime");
    // Compatible: a field the model does not know, and a policy name longer than the model allows, are valid.
    expect(validate({ ...createPolicy(), requestParameters: { policyName: "p".repeat(200), somethingNew: 1 } })).toBe(true);
  });

  it("resolve what they share through the envelope: the error document of JSON services, the redaction markers", () => {
    const ajv = new Ajv2020({ allErrors: true });
    ajv.addVocabulary(["x-type", "x-cloudtrail", "x-redacted"]);
    ajv.addSchema(read("envelope.json"));
    for (const service of ["kms", "sts"]) ajv.addSchema(read(`${service}.json`));
    const createKey = ajv.getSchema("https://cloudtrail-schema.dev/schemas/kms.json#/$defs/CreateKey.event")!;
    const failed = { ...createPolicy(), eventSource: "kms.amazonaws.com", eventName: "CreateKey", requestParameters: {}, errorCode: "AccessDenied" };
    expect(createKey({ ...failed, responseElements: { message: "User is not authorized to perform kms:CreateKey" } }), JSON.stringify(createKey.errors)).toBe(true);
    expect(createKey({ ...failed, responseElements: { message: 7 } })).toBe(false);
    expect(createKey.errors?.map((e) => e.instancePath)).toContain("/responseElements/message");
    const assumeRole = ajv.getSchema("https://cloudtrail-schema.dev/schemas/sts.json#/$defs/AssumeRole.event")!;
    const assumed = { ...createPolicy(), eventSource: "sts.amazonaws.com", eventName: "AssumeRole", requestParameters: { roleArn: "arn:aws:iam::123456789012:role/ops", roleSessionName: "s" } };
    expect(assumeRole({ ...assumed, responseElements: { credentials: "HIDDEN_DUE_TO_SECURITY_REASONS" } }), JSON.stringify(assumeRole.errors)).toBe(true);
    expect(assumeRole({ ...assumed, responseElements: { credentials: "not a marker" } })).toBe(false);
    // The event's eventSource is the service's, from $defs.$record.
    expect(assumeRole({ ...assumed, eventSource: "iam.amazonaws.com" })).toBe(false);
  });
});
