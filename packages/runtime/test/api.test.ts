import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, expectTypeOf, it } from "vitest";
import { codeOf } from "./error-codes.js";
import {
  assertCloudTrailEvent,
  CloudTrailSchemaError,
  getEventSchema,
  isCloudTrailEvent,
  listOperations,
  listServices,
  resolveEvent,
  validateEvent,
} from "../src/index.js";
import type { CloudTrailEvent } from "@cloudtrail-schema/types";
import type {} from "@cloudtrail-schema/types/ec2";
import type {} from "@cloudtrail-schema/types/iam";
import type {} from "@cloudtrail-schema/types/lambda";
import type {} from "@cloudtrail-schema/types/s3";
import type {} from "@cloudtrail-schema/types/sts";
import { consoleLogin, ec2RunInstances, ec2RunInstancesFromTheFuture, errorEvent, iamCreatePolicy, stsAssumeRole } from "./fixtures.js";


describe("resolveEvent", () => {
  it.each([
    ["iam CreatePolicy", iamCreatePolicy(), { service: "iam", operation: "CreatePolicy" }],
    ["ec2 RunInstances", ec2RunInstances(), { service: "ec2", operation: "RunInstances" }],
    ["sts AssumeRole", stsAssumeRole(), { service: "sts", operation: "AssumeRole" }],
    ["an error event", errorEvent(), { service: "iam", operation: "CreatePolicy" }],
    ["console sign-in (curated)", consoleLogin(), { service: "signin-console", operation: "ConsoleLogin" }],
  ])("%s", (_name, record, want) => {
    expect(resolveEvent(record)).toEqual(want);
  });

  it("tells services that share an eventSource apart by apiVersion", () => {
    const base = { eventVersion: "1.09", eventSource: "elasticloadbalancing.amazonaws.com", eventName: "DescribeLoadBalancers" };
    expect(resolveEvent({ ...base, apiVersion: "2012-06-01" })).toEqual({ service: "elb", operation: "DescribeLoadBalancers" });
    expect(resolveEvent({ ...base, apiVersion: "2015-12-01" })).toEqual({ service: "elbv2", operation: "DescribeLoadBalancers" });
    // Without an apiVersion, the first by name.
    expect(resolveEvent(base)?.service).toBe("elb");
    // Only one of them has the operation: no apiVersion needed.
    expect(resolveEvent({ ...base, eventName: "CreateTargetGroup" })).toEqual({ service: "elbv2", operation: "CreateTargetGroup" });
  });

  it("compares apiVersion without separators", () => {
    const base = { eventVersion: "1.09", eventSource: "elasticloadbalancing.amazonaws.com", eventName: "DescribeLoadBalancers" };
    expect(resolveEvent({ ...base, apiVersion: "2015_12_01" })?.service).toBe("elbv2");
    expect(resolveEvent({ ...base, apiVersion: "20151201" })?.service).toBe("elbv2");
  });

  it("passes over operations the model marks deprecated (CloudHSM Classic against cloudhsmv2)", () => {
    // Both services log under cloudhsm.amazonaws.com and both have CreateHsm; the records carry
    // cloudhsmv2's clusterId and hsm.eniId, and botocore marks Classic's operations deprecated.
    const record = { eventVersion: "1.08", eventSource: "cloudhsm.amazonaws.com", eventName: "CreateHsm" };
    expect(resolveEvent(record)).toEqual({ service: "cloudhsmv2", operation: "CreateHsm" });
    // The apiVersion still decides first.
    expect(resolveEvent({ ...record, apiVersion: "2014-05-30" })).toEqual({ service: "cloudhsm", operation: "CreateHsm" });
  });

  it("prefers the service named like the eventSource when nothing else decides (rds, docdb, neptune)", () => {
    expect(resolveEvent({ eventSource: "rds.amazonaws.com", eventName: "CreateDBCluster" })?.service).toBe("rds");
  });

  it.each([
    // event-source-overrides and event-source-also (the generator's EVENT_SOURCE_TABLE)
    ["rdsdata.amazonaws.com", "ExecuteStatement", { service: "rds-data", operation: "ExecuteStatement" }],
    ["metrics-sagemaker.amazonaws.com", "BatchPutMetrics", { service: "sagemaker-metrics", operation: "BatchPutMetrics" }],
    ["servicecatalog-appregistry.amazonaws.com", "ListApplications", { service: "servicecatalog-appregistry", operation: "ListApplications" }],
    ["amazonmq.amazonaws.com", "CreateBroker", { service: "mq", operation: "CreateBroker" }],
    ["metering-marketplace.amazonaws.com", "MeterUsage", { service: "meteringmarketplace", operation: "MeterUsage" }],
    ["pinpoint.amazonaws.com", "GetCampaigns", { service: "pinpoint", operation: "GetCampaigns" }],
    ["application-insights.amazonaws.com", "ListApplications", { service: "application-insights", operation: "ListApplications" }],
    ["qconnect.amazonaws.com", "ListAssistants", { service: "qconnect", operation: "ListAssistants" }],
    ["wisdom.amazonaws.com", "ListAssistants", { service: "wisdom", operation: "ListAssistants" }],
    ["workmailMessageFlow.amazonaws.com", "GetRawMessageContent", { service: "workmailmessageflow", operation: "GetRawMessageContent" }],
    ["workmailmessageflow.amazonaws.com", "GetRawMessageContent", { service: "workmailmessageflow", operation: "GetRawMessageContent" }],
    ["s3express.amazonaws.com", "CreateSession", { service: "s3", operation: "CreateSession" }],
    ["s3.amazonaws.com", "CreateSession", { service: "s3", operation: "CreateSession" }],
    ["s3-outposts.amazonaws.com", "PutObject", { service: "s3", operation: "PutObject" }],
    ["autoscaling.amazonaws.com", "RegisterScalableTarget", { service: "application-autoscaling", operation: "RegisterScalableTarget" }],
    ["autoscaling.amazonaws.com", "DescribeScalingPolicies", { service: "application-autoscaling", operation: "DescribeScalingPolicies" }],
    // a name both Auto Scaling APIs have goes to the service named like the eventSource (shared-event-source-disambiguation)
    ["autoscaling.amazonaws.com", "DescribeScalingActivities", { service: "autoscaling", operation: "DescribeScalingActivities" }],
    ["application-autoscaling.amazonaws.com", "RegisterScalableTarget", { service: "application-autoscaling", operation: "RegisterScalableTarget" }],
    ["mediapackage.amazonaws.com", "ListPackagingGroups", { service: "mediapackage-vod", operation: "ListPackagingGroups" }],
    ["mediapackage.amazonaws.com", "ListChannels", { service: "mediapackage", operation: "ListChannels" }],
    ["discovery-marketplace.amazonaws.com", "SearchListings", { service: "marketplace-discovery", operation: "SearchListings" }],
    ["s3-outposts.amazonaws.com", "CreateEndpoint", { service: "s3outposts", operation: "CreateEndpoint" }],
    // eventName variants
    ["cloudfront.amazonaws.com", "CreateFunction2020_05_31", { service: "cloudfront", operation: "CreateFunction" }],
    ["cloudfront.amazonaws.com", "UpdateDistribution2014_01_31", { service: "cloudfront", operation: "UpdateDistribution" }],
    ["cloudfront.amazonaws.com", "CreateDistribution", { service: "cloudfront", operation: "CreateDistribution" }],
    ["s3.amazonaws.com", "GetBucketObjectLockConfiguration", { service: "s3", operation: "GetObjectLockConfiguration" }],
    ["s3.amazonaws.com", "GetAccelerateConfiguration", { service: "s3", operation: "GetBucketAccelerateConfiguration" }],
    // s3.amazonaws.com is shared by s3 and s3control: the account-level names are s3control's, the bucket-level S3's.
    ["s3.amazonaws.com", "GetAccountPublicAccessBlock", { service: "s3control", operation: "GetPublicAccessBlock" }],
    ["s3.amazonaws.com", "PutAccountPublicAccessBlock", { service: "s3control", operation: "PutPublicAccessBlock" }],
    ["s3.amazonaws.com", "DeleteAccountPublicAccessBlock", { service: "s3control", operation: "DeletePublicAccessBlock" }],
    ["s3.amazonaws.com", "GetPublicAccessBlock", { service: "s3", operation: "GetPublicAccessBlock" }],
    ["s3.amazonaws.com", "GetBucketPublicAccessBlock", { service: "s3", operation: "GetPublicAccessBlock" }],
    ["ce.amazonaws.com", "GetCostandUsage", { service: "ce", operation: "GetCostAndUsage" }],
    ["route53domains.amazonaws.com", "updateDomainContact", { service: "route53domains", operation: "UpdateDomainContact" }],
  ])("%s %s", (eventSource, eventName, want) => {
    expect(resolveEvent({ eventVersion: "1.08", eventSource, eventName })).toEqual(want);
  });

  it.each([
    ["the derived eventSource of a service the table moved", { eventSource: "rds-data.amazonaws.com", eventName: "ExecuteStatement" }],
    ["s3express is not a second eventSource of s3control", { eventSource: "s3express.amazonaws.com", eventName: "GetAccountPublicAccessBlock" }],
    ["s3-outposts is not a second eventSource of s3control", { eventSource: "s3-outposts.amazonaws.com", eventName: "GetAccountPublicAccessBlock" }],
    ["CloudFront's suffix without underscores", { eventSource: "cloudfront.amazonaws.com", eventName: "CreateFunction20200531" }],
    ["no case folding beyond the table", { eventSource: "route53domains.amazonaws.com", eventName: "updateDomainNameservers" }],
    ["no trimming", { eventSource: "ec2-instance-connect.amazonaws.com", eventName: "SendSSHPublicKey " }],
  ])("%s: undefined", (_name, record) => {
    expect(resolveEvent({ eventVersion: "1.08", ...record })).toBeUndefined();
  });

  it.each([
    ["not an object", 42],
    ["null", null],
    ["an array", []],
    ["no eventSource", { eventName: "CreatePolicy" }],
    ["unknown eventSource", { eventSource: "nope.amazonaws.com", eventName: "CreatePolicy" }],
    ["unknown eventName", { eventSource: "iam.amazonaws.com", eventName: "CreatePolicyPlease" }],
    ["eventName not a string", { eventSource: "iam.amazonaws.com", eventName: ["CreatePolicy"] }],
  ])("%s: undefined", (_name, record) => {
    expect(resolveEvent(record)).toBeUndefined();
  });
});

describe("validateEvent", () => {
  it("accepts real-shaped records in both modes, and says what it validated against", () => {
    for (const record of [iamCreatePolicy(), stsAssumeRole(), errorEvent(), consoleLogin()]) {
      for (const mode of ["compatible", "strict"] as const) {
        const r = validateEvent(record, { mode });
        expect(r, `${String(record.eventName)} ${mode}`).toMatchObject({ valid: true, errors: [] });
        expect(r.service).toBeTypeOf("string");
      }
    }
  });

  it("compatible allows unknown fields and new enum values; strict reports them", () => {
    expect(validateEvent(ec2RunInstances(), { mode: "strict" }).valid).toBe(true);
    const record = ec2RunInstancesFromTheFuture();
    expect(validateEvent(record).valid).toBe(true);
    const strict = validateEvent(record, { mode: "strict" });
    expect(strict.valid).toBe(false);
    // The legacy request form stays open even in strict mode (ec2-request-forms: its list keys are not all
    // known), so only the closed enum tells the two modes apart here.
    expect(strict.errors.map((e) => [e.path, e.keyword])).toContainEqual(["/requestParameters/instanceType", "enum"]);
  });

  it("points at the field, with what was expected and what was found", () => {
    const record = iamCreatePolicy();
    (record.requestParameters as Record<string, unknown>).policyName = 7;
    const r = validateEvent(record);
    expect(r).toMatchObject({ valid: false, service: "iam", operation: "CreatePolicy" });
    expect(r.errors).toEqual([
      {
        path: "/requestParameters/policyName",
        message: "must be string",
        expected: "string",
        found: "7",
        keyword: "type",
        schemaPath: "#/$defs/CreatePolicy.requestParameters/properties/policyName/type",
      },
    ]);
  });

  it("strict checks the model's constraints: unknown fields, lengths, required members", () => {
    const record = iamCreatePolicy();
    const params = record.requestParameters as Record<string, unknown>;
    params.policyName = "x".repeat(200);
    params.colour = "blue";
    delete params.policyDocument;
    const r = validateEvent(record, { mode: "strict" });
    const byPath = Object.fromEntries(r.errors.map((e) => [e.path, e.keyword]));
    expect(byPath).toMatchObject({
      "/requestParameters/policyName": "maxLength",
      "/requestParameters/colour": "additionalProperties",
      "/requestParameters/policyDocument": "required",
    });
    expect(validateEvent(record, { mode: "compatible" }).valid).toBe(true);
  });

  it("every schemaPath points into getEventSchema's document", () => {
    const record = iamCreatePolicy();
    (record.responseElements as { policy: Record<string, unknown> }).policy.attachmentCount = "none";
    delete (record as Record<string, unknown>).eventVersion;
    for (const mode of ["compatible", "strict"] as const) {
      const r = validateEvent(record, { mode });
      const doc = getEventSchema("iam", "CreatePolicy", { mode });
      for (const e of r.errors) {
        const tokens = e.schemaPath!.slice(2).split("/").map((t) => decodeURIComponent(t).replace(/~1/g, "/").replace(/~0/g, "~"));
        let node: unknown = doc;
        for (const t of tokens) node = (node as Record<string, unknown>)[t];
        expect(node, `${mode} ${e.schemaPath}`).toBeDefined();
      }
    }
  });

  it("bounds the number of errors", () => {
    const record = iamCreatePolicy();
    const params: Record<string, unknown> = {};
    for (let i = 0; i < 100; i++) params[`unknown${i}`] = i;
    record.requestParameters = params as never;
    expect(validateEvent(record, { mode: "strict" }).errors).toHaveLength(20);
    expect(validateEvent(record, { mode: "strict", maxErrors: 3 }).errors).toHaveLength(3);
    expect(validateEvent(record, { mode: "strict", maxErrors: 1 }).errors).toHaveLength(1);
  });

  it("an unknown record is invalid, not an exception", () => {
    expect(validateEvent({ eventSource: "iam.amazonaws.com", eventName: "Nope" })).toEqual({
      valid: false,
      errors: [expect.objectContaining({ path: "/eventName", message: expect.stringMatching(/^unknown eventName/) })],
    });
    expect(validateEvent({ eventSource: "nowhere.amazonaws.com", eventName: "X" }).errors[0]).toMatchObject({ path: "/eventSource", message: expect.stringMatching(/^unknown eventSource/) });
    expect(validateEvent({ eventName: "X" }).errors[0]).toMatchObject({ path: "/eventSource" });
    expect(validateEvent("a string").valid).toBe(false);
  });

  it("rejects options that cannot work", () => {
    expect(codeOf(() => validateEvent(iamCreatePolicy(), { mode: "lenient" as never }))).toBe("E_USAGE");
    expect(codeOf(() => validateEvent(iamCreatePolicy(), { maxErrors: 0 }))).toBe("E_USAGE");
    expect(codeOf(() => validateEvent(iamCreatePolicy(), { maxErrors: 1.5 }))).toBe("E_USAGE");
  });
});

describe("validateEvent: eventSources, eventNames and wire names of the tables", () => {
  const envelope = {
    eventVersion: "1.09",
    userIdentity: { type: "IAMUser", principalId: "AIDAEXAMPLE", arn: "arn:aws:iam::111122223333:user/alice", accountId: "111122223333", userName: "alice" },
    eventTime: "2024-07-02T00:22:11Z",
    awsRegion: "us-west-2",
    sourceIPAddress: "192.0.2.10",
    userAgent: "aws-cli/2.15.0",
    requestID: "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
    eventID: "1a2b3c4d-5e6f-7081-92a3-b4c5d6e7f809",
    readOnly: false,
    eventType: "AwsApiCall",
    managementEvent: true,
    recipientAccountId: "111122223333",
    eventCategory: "Management",
  };
  it.each([
    ["s3 CreateSession under s3express.amazonaws.com", { eventSource: "s3express.amazonaws.com", eventName: "CreateSession", requestParameters: { bucketName: "logs--usw2-az1--x-s3", Host: "logs--usw2-az1--x-s3.s3express-usw2-az1.us-west-2.amazonaws.com" }, responseElements: null }, "s3", true],
    ["ce GetCostandUsage with PascalCase members", { eventSource: "ce.amazonaws.com", eventName: "GetCostandUsage", requestParameters: { TimePeriod: { Start: "2024-01-01", End: "2024-01-31" }, Granularity: "MONTHLY", Metrics: ["UnblendedCost"], GroupBy: [{ Type: "DIMENSION", Key: "SERVICE" }] }, responseElements: null }, "ce", true],
    ["ce with lower-camel members is not what ce logs", { eventSource: "ce.amazonaws.com", eventName: "GetCostAndUsage", requestParameters: { timePeriod: { start: "2024-01-01", end: "2024-01-31" }, granularity: "MONTHLY", metrics: ["UnblendedCost"] }, responseElements: null }, "ce", false],
    ["connect with the URI member InstanceId", { eventSource: "connect.amazonaws.com", eventName: "GetContactAttributes", requestParameters: { InstanceId: "11111111-2222-3333-4444-555555555555", InitialContactId: "66666666-7777-8888-9999-000000000000" }, responseElements: null }, "connect", true],
    ["resource-groups CreateGroup", { eventSource: "resource-groups.amazonaws.com", eventName: "CreateGroup", requestParameters: { Name: "web", ResourceQuery: { Type: "TAG_FILTERS_1_0", Query: "{}" } }, responseElements: { Group: { GroupArn: "arn:aws:resource-groups:us-west-2:111122223333:group/web", Name: "web" } } }, "resource-groups", true],
    ["rds-data under rdsdata.amazonaws.com", { eventSource: "rdsdata.amazonaws.com", eventName: "ExecuteStatement", requestParameters: { resourceArn: "arn:aws:rds:us-west-2:111122223333:cluster:db", secretArn: "arn:aws:secretsmanager:us-west-2:111122223333:secret:db-AbCdEf", sql: "select 1" }, responseElements: null }, "rds-data", true],
    ["ec2 wrapped request with Filter.Name and Filter.Value.content", { eventSource: "ec2.amazonaws.com", eventName: "DescribeCapacityReservations", requestParameters: { DescribeCapacityReservationsRequest: { Filter: { Name: "state", Value: { content: "active", tag: 1 }, tag: 1 }, MaxResults: 10 } }, responseElements: null }, "ec2", true],
  ])("strict: %s", (_name, body, service, want) => {
    const r = validateEvent({ ...envelope, ...body }, { mode: "strict" });
    expect(r.service).toBe(service);
    expect(r.valid).toBe(want);
  });
});

describe("getEventSchema", () => {
  it("is self-contained: every $ref is local, and any validator compiles it", () => {
    for (const mode of ["compatible", "strict"] as const) {
      const doc = getEventSchema("iam", "CreatePolicy", { mode });
      const refs = JSON.stringify(doc).match(/"\$ref":"[^"]*"/g) ?? [];
      expect(refs.length).toBeGreaterThan(0);
      for (const r of refs) expect(r).toMatch(/^"\$ref":"#\/\$defs\//);
      expect(JSON.stringify(doc)).not.toContain("x-model");
      // ajv in its default (strict) configuration: no vocabulary to register, nothing to load.
      const ajv = new Ajv2020({ logger: false });
      const validate = ajv.compile(doc);
      expect(validate(iamCreatePolicy())).toBe(true);
      expect(validate({ ...iamCreatePolicy(), eventName: "CreateUser" })).toBe(false);
    }
  });

  it("strict is stricter than compatible", () => {
    const strict = new Ajv2020({ logger: false }).compile(getEventSchema("ec2", "RunInstances", { mode: "strict" }));
    const compatible = new Ajv2020({ logger: false }).compile(getEventSchema("ec2", "RunInstances"));
    expect(compatible(ec2RunInstancesFromTheFuture())).toBe(true);
    expect(strict(ec2RunInstances())).toBe(true);
    expect(strict(ec2RunInstancesFromTheFuture())).toBe(false);
  });

  it("returns a fresh document each time", () => {
    const a = getEventSchema("sts", "AssumeRole");
    (a as Record<string, unknown>).title = "changed";
    expect(getEventSchema("sts", "AssumeRole").title).not.toBe("changed");
  });

  it("throws for names the schemas do not have, with suggestions", () => {
    try {
      getEventSchema("iamm", "CreatePolicy");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CloudTrailSchemaError);
      expect((e as CloudTrailSchemaError).code).toBe("E_UNKNOWN_SERVICE");
      expect((e as CloudTrailSchemaError).suggestions).toContain("iam");
    }
    expect(codeOf(() => getEventSchema("iam", "CreatePolicyy"))).toBe("E_UNKNOWN_OPERATION");
    expect(codeOf(() => getEventSchema("iam", "CreatePolicy", { mode: "loose" as never }))).toBe("E_USAGE");
  });
});

describe("isCloudTrailEvent / assertCloudTrailEvent", () => {
  it("narrows to the operation's type", () => {
    const record: unknown = iamCreatePolicy();
    if (isCloudTrailEvent(record, "iam", "CreatePolicy")) {
      expectTypeOf(record).toEqualTypeOf<CloudTrailEvent<"iam", "CreatePolicy">>();
    } else expect.unreachable();
    // @ts-expect-error not an operation of iam
    expect(() => isCloudTrailEvent(record, "iam", "RunInstances")).toThrow(CloudTrailSchemaError);
  });

  it.each([
    ["the named operation", ["iam", "CreatePolicy"], true],
    ["another operation", ["iam", "CreateUser"], false],
    ["its service", ["iam"], true],
    ["another service", ["sts"], false],
    ["any operation", [], true],
  ])("a CreatePolicy record against %s", (_name, args, want) => {
    expect((isCloudTrailEvent as (...a: unknown[]) => boolean)(iamCreatePolicy(), ...args)).toBe(want);
  });

  it("takes the mode", () => {
    expect(isCloudTrailEvent(ec2RunInstancesFromTheFuture(), "ec2", "RunInstances")).toBe(true);
    expect(isCloudTrailEvent(ec2RunInstancesFromTheFuture(), "ec2", "RunInstances", { mode: "strict" })).toBe(false);
  });

  it("assert throws the package's error with a stable code and the errors", () => {
    expect(() => assertCloudTrailEvent(iamCreatePolicy(), "iam", "CreatePolicy")).not.toThrow();
    try {
      assertCloudTrailEvent({ ...iamCreatePolicy(), requestParameters: "policy" }, "iam", "CreatePolicy");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CloudTrailSchemaError);
      const err = e as CloudTrailSchemaError;
      expect(err.code).toBe("E_INVALID_EVENT");
      expect(err.errors[0]).toMatchObject({ path: "/requestParameters" });
      expect(err.message).toMatch(/^not a valid iam CreatePolicy event \(compatible\): \/requestParameters: /);
    }
    expect(codeOf(() => assertCloudTrailEvent({ eventSource: "x" }))).toBe("E_INVALID_EVENT");
  });

  it("take an eventName the operation is logged under, as records and EventBridge rules say it", () => {
    const record: unknown = {
      ...iamCreatePolicy(),
      eventSource: "lambda.amazonaws.com",
      eventName: "UpdateFunctionConfiguration20150331v2",
      requestParameters: { functionName: "f", timeout: 30 },
      responseElements: null,
    };
    if (isCloudTrailEvent(record, "lambda", "UpdateFunctionConfiguration20150331v2")) {
      expectTypeOf(record).toEqualTypeOf<CloudTrailEvent<"lambda", "UpdateFunctionConfiguration">>();
      expect(record.requestParameters?.functionName).toBe("f");
    } else expect.unreachable();
    // The same operation under its own name and its other eventNames; another operation's record is not one.
    expect(isCloudTrailEvent(record, "lambda", "UpdateFunctionConfiguration")).toBe(true);
    expect(isCloudTrailEvent(record, "lambda", "UpdateFunctionConfiguration20150331")).toBe(true);
    expect(isCloudTrailEvent(record, "lambda", "CreateFunction20150331")).toBe(false);
    expect(() => assertCloudTrailEvent(record, "lambda", "UpdateFunctionConfiguration20150331v2")).not.toThrow();
    // The schema of the operation, whichever of its names asks for it.
    expect(getEventSchema("s3", "PutBucketPublicAccessBlock")).toEqual(getEventSchema("s3", "PutPublicAccessBlock"));
    // A name that is no eventName of the service is still unknown; an alias of another service too.
    expect(codeOf(() => isCloudTrailEvent(record, "lambda", "UpdateFunctionConfiguration20991231" as never))).toBe("E_UNKNOWN_OPERATION");
    expect(codeOf(() => isCloudTrailEvent(record, "iam", "UpdateFunctionConfiguration20150331v2" as never))).toBe("E_UNKNOWN_OPERATION");
  });

  it("unknown names are programmer errors", () => {
    expect(codeOf(() => isCloudTrailEvent({}, "no-such-service" as never))).toBe("E_UNKNOWN_SERVICE");
    expect(codeOf(() => assertCloudTrailEvent({}, "iam", "Nope" as never))).toBe("E_UNKNOWN_OPERATION");
  });
});

describe("listServices / listOperations", () => {
  it("list what the schemas cover", () => {
    const services = listServices();
    expect(services.length).toBeGreaterThanOrEqual(434);
    expect(services).toContain("iam");
    expect(services).toEqual([...services].sort());
    expect(listOperations("iam")).toContain("CreatePolicy");
    expect(codeOf(() => listOperations("nope"))).toBe("E_UNKNOWN_SERVICE");
  });
});
