import Ajv2020Module from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { ENVELOPE_PRESENCE, ENVELOPE_SCHEMA_ID, envelopeSchema } from "../src/envelope.js";
import type { JsonSchema, JsonValue } from "../src/json-schema.js";
import { toCompatible, toStrict } from "../src/modes.js";

// ajv/dist/2020.js is CommonJS; under NodeNext the default import is its module.exports object.
const Ajv2020 = Ajv2020Module.default;

type Mode = "emitted" | "compatible" | "strict";

function validator(mode: Mode) {
  const doc = envelopeSchema("1.43.117");
  const schema = mode === "strict" ? toStrict(doc) : mode === "compatible" ? toCompatible(doc) : doc;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addVocabulary(["x-model", "x-type"]);
  const validate = ajv.compile(schema);
  return (record: unknown) => ({ valid: validate(record), errors: ajv.errorsText(validate.errors) });
}

const validators = { emitted: validator("emitted"), compatible: validator("compatible"), strict: validator("strict") };

// ---------------------------------------------------------------------------------------------------------
// Records written for these tests, modelled on the shapes seen in AWS's documentation and public captures.
// Account 111122223333 and the EXAMPLE keys are AWS's documentation placeholders.

const iamUser = {
  eventVersion: "1.11",
  userIdentity: {
    type: "IAMUser",
    principalId: "AIDAEXAMPLEPRINCIPAL1",
    arn: "arn:aws:iam::111122223333:user/marisol",
    accountId: "111122223333",
    accessKeyId: "AKIAIOSFODNN7EXAMPLE",
    userName: "marisol",
  },
  eventTime: "2025-03-04T09:15:27Z",
  eventSource: "iam.amazonaws.com",
  eventName: "CreateAccessKey",
  awsRegion: "us-east-1",
  sourceIPAddress: "198.51.100.23",
  userAgent: "aws-cli/2.15.30 md/Botocore#1.34.70 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.11.8",
  requestParameters: { userName: "build-bot" },
  responseElements: {
    accessKey: { accessKeyId: "AKIAI44QH8DHBEXAMPLE", status: "Active", userName: "build-bot", createDate: "Mar 4, 2025 9:15:27 AM" },
  },
  requestID: "0e8a6a0c-5c3a-4d59-9a51-6f2d9b1e2c41",
  eventID: "7f1c3a52-0d5e-4b8e-9f61-2b9d4a7c8e10",
  readOnly: false,
  eventType: "AwsApiCall",
  managementEvent: true,
  recipientAccountId: "111122223333",
  eventCategory: "Management",
  tlsDetails: {
    tlsVersion: "TLSv1.3",
    cipherSuite: "TLS_AES_128_GCM_SHA256",
    clientProvidedHostHeader: "iam.amazonaws.com",
    keyExchange: "X25519MLKEM768",
  },
};

const assumedRole = {
  eventVersion: "1.10",
  userIdentity: {
    type: "AssumedRole",
    principalId: "AROAEXAMPLEROLEID0001:deploy-session",
    arn: "arn:aws:sts::111122223333:assumed-role/Deployer/deploy-session",
    accountId: "111122223333",
    accessKeyId: "ASIAEXAMPLETEMPKEY01",
    sessionContext: {
      sessionIssuer: {
        type: "Role",
        principalId: "AROAEXAMPLEROLEID0001",
        arn: "arn:aws:iam::111122223333:role/Deployer",
        accountId: "111122223333",
        userName: "Deployer",
      },
      webIdFederationData: {},
      attributes: { creationDate: "2025-03-04T08:59:02Z", mfaAuthenticated: "false" },
      ec2RoleDelivery: "2.0",
    },
    inScopeOf: { issuerType: "AWS::EC2::Instance", credentialsIssuedTo: "arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc1234def567890" },
  },
  eventTime: "2025-03-04T09:02:11Z",
  eventSource: "s3.amazonaws.com",
  eventName: "GetObject",
  awsRegion: "eu-west-1",
  sourceIPAddress: "203.0.113.77",
  userAgent: "[aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#arm64 api/s3#1.58.2]",
  requestParameters: { bucketName: "release-artifacts", Host: "release-artifacts.s3.eu-west-1.amazonaws.com", key: "builds/app-1.4.2.tar.gz" },
  responseElements: null,
  additionalEventData: { SignatureVersion: "SigV4", AuthenticationMethod: "AuthHeader", bytesTransferredIn: 0, bytesTransferredOut: 5242880 },
  requestID: "9Q2WEXAMPLE4KJ7T",
  eventID: "c2b4f6a8-1d3e-4f50-8a7b-9c0d1e2f3a4b",
  readOnly: true,
  resources: [
    { type: "AWS::S3::Object", ARN: "arn:aws:s3:::release-artifacts/builds/app-1.4.2.tar.gz" },
    { accountId: "111122223333", type: "AWS::S3::Bucket", ARN: "arn:aws:s3:::release-artifacts" },
  ],
  eventType: "AwsApiCall",
  managementEvent: false,
  recipientAccountId: "111122223333",
  eventCategory: "Data",
};

const awsServiceEvent = {
  eventVersion: "1.08",
  userIdentity: { accountId: "111122223333", invokedBy: "AWS Internal" },
  eventTime: "2025-01-12T03:00:41Z",
  eventSource: "kms.amazonaws.com",
  eventName: "RotateKey",
  awsRegion: "us-west-2",
  sourceIPAddress: "AWS Internal",
  userAgent: "AWS Internal",
  requestParameters: null,
  responseElements: null,
  eventID: "5d8e3f1a-2b4c-4d6e-8f0a-1b2c3d4e5f60",
  readOnly: false,
  resources: [{ accountId: "111122223333", type: "AWS::KMS::Key", ARN: "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" }],
  eventType: "AwsServiceEvent",
  managementEvent: true,
  recipientAccountId: "111122223333",
  serviceEventDetails: { keyId: "1234abcd-12ab-34cd-56ef-1234567890ab" },
  eventCategory: "Management",
};

const rootUser = {
  eventVersion: "1.09",
  userIdentity: {
    type: "Root",
    principalId: "111122223333",
    arn: "arn:aws:iam::111122223333:root",
    accountId: "111122223333",
    accessKeyId: "ASIAEXAMPLEROOTKEY01",
    sessionContext: { attributes: { creationDate: "2025-02-20T17:40:00Z", mfaAuthenticated: "true" } },
  },
  eventTime: "2025-02-20T17:41:12Z",
  eventSource: "cloudtrail.amazonaws.com",
  eventName: "StopLogging",
  awsRegion: "us-east-1",
  sourceIPAddress: "192.0.2.10",
  userAgent: "AWS Internal",
  requestParameters: { name: "org-trail" },
  responseElements: {},
  requestID: "f0e1d2c3-b4a5-4968-8776-655443322110",
  eventID: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
  readOnly: false,
  eventType: "AwsApiCall",
  managementEvent: true,
  recipientAccountId: "111122223333",
  eventCategory: "Management",
  sessionCredentialFromConsole: "true",
};

const consoleSignIn = {
  eventVersion: "1.08",
  userIdentity: {
    type: "IAMUser",
    principalId: "AIDAEXAMPLEPRINCIPAL2",
    arn: "arn:aws:iam::111122223333:user/ines",
    accountId: "111122223333",
    userName: "ines",
  },
  eventTime: "2025-04-01T07:58:03Z",
  eventSource: "signin.amazonaws.com",
  eventName: "ConsoleLogin",
  awsRegion: "us-east-1",
  sourceIPAddress: "198.51.100.4",
  userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
  requestParameters: null,
  responseElements: { ConsoleLogin: "Success" },
  additionalEventData: {
    LoginTo: "https://console.aws.amazon.com/console/home?region=us-east-1",
    MobileVersion: "No",
    MFAIdentifier: "arn:aws:iam::111122223333:mfa/ines-phone",
    MFAUsed: "Yes",
  },
  eventID: "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e",
  readOnly: false,
  eventType: "AwsConsoleSignIn",
  managementEvent: true,
  recipientAccountId: "111122223333",
  eventCategory: "Management",
};

const errorEvent = {
  eventVersion: "1.11",
  userIdentity: {
    type: "AssumedRole",
    principalId: "AROAEXAMPLEROLEID0002:lambda-fn",
    arn: "arn:aws:sts::111122223333:assumed-role/ReportsLambda/lambda-fn",
    accountId: "111122223333",
    accessKeyId: "ASIAEXAMPLETEMPKEY02",
    sessionContext: {
      sessionIssuer: { type: "Role", principalId: "AROAEXAMPLEROLEID0002", arn: "arn:aws:iam::111122223333:role/ReportsLambda", accountId: "111122223333", userName: "ReportsLambda" },
      attributes: { creationDate: "2025-05-09T11:00:00Z", mfaAuthenticated: "false" },
    },
    invokedBy: "lambda.amazonaws.com",
  },
  eventTime: "2025-05-09T11:03:29Z",
  eventSource: "dynamodb.amazonaws.com",
  eventName: "DescribeTable",
  awsRegion: "ap-southeast-2",
  sourceIPAddress: "lambda.amazonaws.com",
  userAgent: "lambda.amazonaws.com",
  errorCode: "AccessDenied",
  errorMessage:
    "User: arn:aws:sts::111122223333:assumed-role/ReportsLambda/lambda-fn is not authorized to perform: dynamodb:DescribeTable on resource: arn:aws:dynamodb:ap-southeast-2:111122223333:table/reports because no identity-based policy allows the dynamodb:DescribeTable action",
  requestParameters: null,
  responseElements: null,
  requestID: "LQ3EXAMPLEK8F0VNN0QCKD4V4RVV4KQNSO5AEMVJF66Q9ASUAAJG",
  eventID: "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
  readOnly: true,
  eventType: "AwsApiCall",
  apiVersion: "2012-08-10",
  managementEvent: true,
  recipientAccountId: "111122223333",
  eventCategory: "Management",
};

const insightEvent = {
  eventVersion: "1.08",
  eventTime: "2025-06-02T14:20:00Z",
  awsRegion: "us-east-1",
  eventID: "3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a",
  eventType: "AwsCloudTrailInsight",
  recipientAccountId: "111122223333",
  sharedEventID: "4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b",
  insightDetails: {
    state: "Start",
    eventSource: "ssm.amazonaws.com",
    eventName: "GetParameter",
    insightType: "ApiCallRateInsight",
    insightContext: {
      statistics: { baseline: { average: 0.0213 }, insight: { average: 17 }, insightDuration: 1, baselineDuration: 10079 },
      attributions: [
        {
          attribute: "userIdentityArn",
          insight: [{ value: "arn:aws:sts::111122223333:assumed-role/Batch/worker", average: 17 }],
          baseline: [{ value: "arn:aws:sts::111122223333:assumed-role/Batch/worker", average: 0.0213 }],
        },
        { attribute: "errorCode", insight: [{ value: "null", average: 17 }], baseline: [{ value: "null", average: 0.0213 }] },
      ],
    },
  },
  eventCategory: "Insight",
};

const identityCenterUser = {
  eventVersion: "1.10",
  userIdentity: {
    type: "IdentityCenterUser",
    accountId: "111122223333",
    onBehalfOf: { userId: "94482488-3041-7026-18f3-be45837cd0e4", identityStoreArn: "arn:aws:identitystore::111122223333:identitystore/d-1234567890" },
    credentialId: "EXAMPLEVHULjJdTUdPJfofVa1sufHDoj7aYcOYcxFVllWR_Whr1fEXAMPLE",
  },
  eventTime: "2025-01-30T16:44:51Z",
  eventSource: "sso.amazonaws.com",
  eventName: "ListAccounts",
  awsRegion: "us-east-1",
  sourceIPAddress: "203.0.113.200",
  userAgent: "Mozilla/5.0",
  requestParameters: { maxResults: 100 },
  responseElements: null,
  requestID: "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",
  eventID: "6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c",
  readOnly: true,
  eventType: "AwsApiCall",
  managementEvent: true,
  recipientAccountId: "111122223333",
  eventCategory: "Management",
  eventContext: {
    requestContext: { "aws:ViaAWSService": "false" },
    tagContext: { principalTags: { team: "platform" }, resourceTags: [{ arn: "arn:aws:sso:::instance/ssoins-1234", tags: { env: "prod" } }] },
  },
  addendum: { reason: "DELIVERY_DELAY" },
};

const networkActivity = {
  eventVersion: "1.09",
  userIdentity: { type: "AWSAccount", principalId: "", accountId: "444455556666" },
  eventTime: "2025-02-11T22:05:17Z",
  eventSource: "kms.amazonaws.com",
  eventName: "ListAliases",
  awsRegion: "us-east-1",
  sourceIPAddress: "10.0.4.17",
  userAgent: "aws-cli/2.17.0",
  errorCode: "VpceAccessDenied",
  errorMessage: "The request was denied due to a VPC endpoint policy",
  requestParameters: null,
  responseElements: null,
  requestID: "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
  eventID: "8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e",
  readOnly: true,
  eventType: "AwsVpceEvent",
  managementEvent: false,
  recipientAccountId: "111122223333",
  sharedEventID: "9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f",
  vpcEndpointId: "vpce-0123456789abcdef0",
  vpcEndpointAccountId: "111122223333",
  eventCategory: "NetworkActivity",
};

/** A 2014-era record (format 1.0): no eventID or eventType yet, and only the fields of its day. */
const formatOneZero = {
  eventVersion: "1.0",
  userIdentity: { type: "IAMUser", principalId: "EX_PRINCIPAL_ID", arn: "arn:aws:iam::111122223333:user/Alice", accountId: "111122223333", accessKeyId: "EXAMPLE_KEY_ID", userName: "Alice" },
  eventTime: "2014-03-06T21:01:59Z",
  eventSource: "ec2.amazonaws.com",
  eventName: "StopInstances",
  awsRegion: "us-east-2",
  sourceIPAddress: "205.251.233.176",
  userAgent: "ec2-api-tools 1.6.12.2",
  requestParameters: { instancesSet: { items: [{ instanceId: "i-ebeaf9e2" }] }, force: false },
  responseElements: { instancesSet: { items: [{ instanceId: "i-ebeaf9e2", currentState: { code: 64, name: "stopping" } }] } },
};

function without(o: object, ...keys: string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...o };
  for (const k of keys) delete copy[k];
  return copy;
}

function withField<T extends object>(o: T, key: string, value: unknown): T {
  return { ...o, [key]: value };
}

// ---------------------------------------------------------------------------------------------------------

describe("envelopeSchema: the document", () => {
  const doc = envelopeSchema("1.43.117");

  it("is a draft 2020-12 document with the project's $id, validating a Record at its root", () => {
    expect(doc.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(doc.$id).toBe(ENVELOPE_SCHEMA_ID);
    expect(doc["$ref"]).toBe("#/$defs/Record");
  });

  it("names the botocore version in the description only", () => {
    const other = envelopeSchema("9.9.9");
    expect(String(doc["description"])).toContain("botocore 1.43.117");
    expect({ ...other, description: "" }).toEqual({ ...doc, description: "" });
    expect(JSON.stringify(doc).split("1.43.117").length - 1).toBe(1);
  });

  it("defines the named parts of a record", () => {
    for (const name of [
      "Record",
      "UserIdentity",
      "SessionContext",
      "SessionAttributes",
      "SessionIssuer",
      "WebIdFederationData",
      "OnBehalfOf",
      "InScopeOf",
      "Resource",
      "TlsDetails",
      "InsightDetails",
      "EdgeDeviceDetails",
      "EventContext",
      "Addendum",
    ]) {
      expect(doc.$defs, name).toHaveProperty(name);
      expect(name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
    }
  });

  it("lists every field of the 1.11 record format", () => {
    const fields = Object.keys((doc.$defs["Record"] as { properties: JsonSchema }).properties);
    expect(fields).toEqual(
      expect.arrayContaining([
        "eventTime", "eventVersion", "userIdentity", "eventSource", "eventName", "awsRegion", "sourceIPAddress", "userAgent",
        "errorCode", "errorMessage", "requestParameters", "responseElements", "additionalEventData", "requestID", "eventID",
        "eventType", "apiVersion", "managementEvent", "readOnly", "resources", "recipientAccountId", "serviceEventDetails",
        "sharedEventID", "vpcEndpointId", "vpcEndpointAccountId", "eventCategory", "addendum", "sessionCredentialFromConsole",
        "edgeDeviceDetails", "tlsDetails", "insightDetails", "eventContext",
      ]),
    );
    const identity = Object.keys((doc.$defs["UserIdentity"] as { properties: JsonSchema }).properties);
    expect(identity).toEqual(
      expect.arrayContaining(["type", "principalId", "arn", "accountId", "accessKeyId", "userName", "invokedBy", "sessionContext", "onBehalfOf", "credentialId", "identityProvider", "inScopeOf"]),
    );
  });

  it("documents every property with a one-line description", () => {
    const missing: string[] = [];
    for (const [def, schema] of Object.entries(doc.$defs)) {
      const properties = (schema["properties"] ?? {}) as Record<string, JsonSchema>;
      for (const [name, prop] of Object.entries(properties)) {
        const d = prop["description"];
        if (typeof d !== "string" || d.length < 10 || d.includes("\n")) missing.push(`${def}.${name}`);
      }
      if (typeof schema["description"] !== "string") missing.push(def);
    }
    expect(missing).toEqual([]);
  });

  it("keeps the payload fields open: any object or null", () => {
    const props = (doc.$defs["Record"] as { properties: Record<string, JsonSchema> }).properties;
    for (const name of ["requestParameters", "responseElements", "serviceEventDetails"]) {
      expect(props[name]?.["type"], name).toEqual(["object", "null"]);
    }
    // AWS's own route53domains example writes additionalEventData as a plain string.
    expect(props["additionalEventData"]?.["anyOf"]).toEqual([{ type: ["object", "null"] }, { type: "string" }]);
  });

  it("is compatible-form outside x-model: no enum, pattern, length limits or closed objects", () => {
    const found: string[] = [];
    const visit = (v: JsonValue, path: string): void => {
      if (Array.isArray(v)) return v.forEach((x, i) => visit(x, `${path}/${i}`));
      if (v === null || typeof v !== "object") return;
      for (const [k, x] of Object.entries(v)) {
        if (k === "x-model" || k === "examples") continue;
        // The redaction markers are a closed set in either form: what a sensitive field holds instead of its value.
        if (path === "#/$defs/RedactionMarker" && k === "enum") continue;
        if (["enum", "const", "pattern", "minLength", "maxLength", "minItems", "maxItems", "format"].includes(k)) found.push(`${path}/${k}`);
        if (k === "additionalProperties" && x === false) found.push(`${path}/${k}`);
        visit(x, `${path}/${k}`);
      }
    };
    visit(doc, "#");
    expect(found).toEqual([]);
  });

  it("is deterministic: two calls, identical bytes, sorted $defs", () => {
    expect(JSON.stringify(envelopeSchema("1.43.117"))).toBe(JSON.stringify(envelopeSchema("1.43.117")));
    const names = Object.keys(doc.$defs);
    expect(names).toEqual([...names].sort());
  });

  it("shares no objects between calls (callers may mutate what they get)", () => {
    const a = envelopeSchema("1");
    const b = envelopeSchema("1");
    (a.$defs["Record"] as { properties: Record<string, JsonSchema> }).properties["eventTime"]!["type"] = "number";
    expect(b).toEqual(envelopeSchema("1"));
  });

  it.each(["emitted", "compatible", "strict"] as const)("compiles with Ajv 2020 in %s form", (mode) => {
    expect(() => validator(mode)).not.toThrow();
  });
});

describe("envelopeSchema: records", () => {
  const cases: [string, { given: unknown; want: Record<Mode, boolean> }][] = [
    ["IAM user API call", { given: iamUser, want: { emitted: true, compatible: true, strict: true } }],
    ["assumed role with sessionContext, data event", { given: assumedRole, want: { emitted: true, compatible: true, strict: true } }],
    ["AWS service event", { given: awsServiceEvent, want: { emitted: true, compatible: true, strict: true } }],
    ["root user with MFA session", { given: rootUser, want: { emitted: true, compatible: true, strict: true } }],
    ["console sign-in", { given: consoleSignIn, want: { emitted: true, compatible: true, strict: true } }],
    ["error event with errorCode", { given: errorEvent, want: { emitted: true, compatible: true, strict: true } }],
    ["Insights event (no top-level eventSource/eventName)", { given: insightEvent, want: { emitted: true, compatible: true, strict: true } }],
    ["Identity Center user, enriched, with addendum", { given: identityCenterUser, want: { emitted: true, compatible: true, strict: true } }],
    ["network activity event denied by endpoint policy", { given: networkActivity, want: { emitted: true, compatible: true, strict: true } }],
    // Strict requires each field CloudTrail always writes from the format version that introduced it.
    ["format 1.0 record (no eventID, no eventType): valid of its version", { given: formatOneZero, want: { emitted: true, compatible: true, strict: true } }],
    ["format 1.01 record with eventID, no eventType", { given: { ...formatOneZero, eventVersion: "1.01", eventID: "3e3b7c5a-0f1d-4f6e-9a3b-2c1d0e9f8a7b" }, want: { emitted: true, compatible: true, strict: true } }],
    ["format 1.01 record without eventID", { given: { ...formatOneZero, eventVersion: "1.01" }, want: { emitted: true, compatible: true, strict: false } }],
    ["format 1.02 record without eventType", { given: { ...formatOneZero, eventVersion: "1.02", eventID: "3e3b7c5a-0f1d-4f6e-9a3b-2c1d0e9f8a7b" }, want: { emitted: true, compatible: true, strict: false } }],
    ["format 1.11 record without eventID", { given: without(iamUser, "eventID"), want: { emitted: true, compatible: true, strict: false } }],
    ["no sourceIPAddress", { given: without(iamUser, "sourceIPAddress"), want: { emitted: true, compatible: true, strict: false } }],
    // Fields AWS does not mark optional but its own documented records omit stay optional.
    ["no userAgent, requestID, readOnly, managementEvent, eventCategory, recipientAccountId", { given: without(iamUser, "userAgent", "requestID", "readOnly", "managementEvent", "eventCategory", "recipientAccountId"), want: { emitted: true, compatible: true, strict: true } }],
    ["userIdentity without type (service event on the account's behalf)", { given: { ...iamUser, userIdentity: { accountId: "111122223333", invokedBy: "AWS Internal" } }, want: { emitted: true, compatible: true, strict: true } }],
    ["payloads absent", { given: without(iamUser, "requestParameters", "responseElements"), want: { emitted: true, compatible: true, strict: true } }],
    ["payloads empty objects", { given: { ...iamUser, requestParameters: {}, responseElements: {} }, want: { emitted: true, compatible: true, strict: true } }],
    ["userIdentity with fields missing", { given: { ...errorEvent, userIdentity: { type: "AWSService", invokedBy: "ec2.amazonaws.com" } }, want: { emitted: true, compatible: true, strict: true } }],
    // What shippers add or drop: fine for compatible, not for strict.
    ["shipper's extra top-level field", { given: { ...iamUser, "@timestamp": "2025-03-04T09:15:30.120Z" }, want: { emitted: true, compatible: true, strict: false } }],
    ["eventTime dropped by a shipper", { given: without(assumedRole, "eventTime"), want: { emitted: true, compatible: true, strict: false } }],
    ["eventTime in a non-ISO layout", { given: { ...iamUser, eventTime: "2025-03-04 09:15:27" }, want: { emitted: true, compatible: true, strict: false } }],
    ["unknown userIdentity type (AWS adds types)", { given: { ...iamUser, userIdentity: { ...iamUser.userIdentity, type: "SomeFutureType" } }, want: { emitted: true, compatible: true, strict: true } }],
    ["unknown eventType (AWS adds types)", { given: { ...iamUser, eventType: "AwsSomethingNew" }, want: { emitted: true, compatible: true, strict: true } }],
    // A SIEM that types the envelope (Panther) delivers this flag as a JSON boolean.
    ["sessionCredentialFromConsole as a JSON boolean", { given: withField(rootUser, "sessionCredentialFromConsole", true), want: { emitted: true, compatible: true, strict: false } }],
    ["sessionCredentialFromConsole as a number", { given: withField(rootUser, "sessionCredentialFromConsole", 1), want: { emitted: false, compatible: false, strict: false } }],
    ["mfaAuthenticated not a string boolean", { given: { ...rootUser, userIdentity: { ...rootUser.userIdentity, sessionContext: { attributes: { creationDate: "2025-02-20T17:40:00Z", mfaAuthenticated: "yes" } } } }, want: { emitted: true, compatible: true, strict: false } }],
    ["insight state other than Start/End", { given: { ...insightEvent, insightDetails: { ...insightEvent.insightDetails, state: "Paused" } }, want: { emitted: true, compatible: true, strict: false } }],
    ["unknown field inside tlsDetails", { given: { ...iamUser, tlsDetails: { ...iamUser.tlsDetails, alpn: "h2" } }, want: { emitted: true, compatible: true, strict: false } }],
    // Wrong in every mode.
    ["readOnly as a string", { given: withField(iamUser, "readOnly", "true"), want: { emitted: false, compatible: false, strict: false } }],
    ["managementEvent as a string", { given: withField(iamUser, "managementEvent", "True"), want: { emitted: false, compatible: false, strict: false } }],
    ["mfaAuthenticated as a JSON boolean", { given: { ...rootUser, userIdentity: { ...rootUser.userIdentity, sessionContext: { attributes: { mfaAuthenticated: true } } } }, want: { emitted: false, compatible: false, strict: false } }],
    ["requestParameters as a string", { given: withField(iamUser, "requestParameters", "userName=build-bot"), want: { emitted: false, compatible: false, strict: false } }],
    ["resources not an array", { given: withField(assumedRole, "resources", { ARN: "arn:aws:s3:::release-artifacts" }), want: { emitted: false, compatible: false, strict: false } }],
    // Trimmed exports (SIEM projections): compatible validates what is present, strict wants the full envelope.
    ["no eventVersion (trimmed export)", { given: without(iamUser, "eventVersion"), want: { emitted: true, compatible: true, strict: false } }],
    ["SIEM projection: no eventVersion, userIdentity, eventType", { given: without(iamUser, "eventVersion", "userIdentity", "eventType", "recipientAccountId"), want: { emitted: true, compatible: true, strict: false } }],
    ["trimmed export with a field of the wrong type", { given: withField(without(iamUser, "eventVersion"), "awsRegion", 1), want: { emitted: false, compatible: false, strict: false } }],
    ["a bare {eventSource, eventName} fragment", { given: { eventSource: "iam.amazonaws.com", eventName: "CreateUser" }, want: { emitted: false, compatible: false, strict: false } }],
    ["no eventName (and not an Insights event)", { given: without(iamUser, "eventName"), want: { emitted: false, compatible: false, strict: false } }],
    ["no eventSource (and not an Insights event)", { given: without(consoleSignIn, "eventSource"), want: { emitted: false, compatible: false, strict: false } }],
    ["not an object", { given: [iamUser], want: { emitted: false, compatible: false, strict: false } }],
  ];

  it.each(cases)("%s", (_name, { given, want }) => {
    const got = {
      emitted: validators.emitted(given).valid,
      compatible: validators.compatible(given).valid,
      strict: validators.strict(given).valid,
    };
    expect(got).toEqual(want);
  });

  it("the emitted document validates exactly like its compatible form", () => {
    for (const [, { given }] of cases) expect(validators.emitted(given).valid).toBe(validators.compatible(given).valid);
  });
});

describe("envelopeSchema: strict negatives name the problem", () => {
  it("rejects an unknown top-level field", () => {
    const { valid, errors } = validators.strict({ ...iamUser, p_log_type: "AWS.CloudTrail" });
    expect(valid).toBe(false);
    expect(errors).toContain("must NOT have additional properties");
  });

  it("rejects readOnly of the wrong type", () => {
    const { valid, errors } = validators.strict(withField(iamUser, "readOnly", "false"));
    expect(valid).toBe(false);
    expect(errors).toContain("data/readOnly must be boolean");
  });

  it("rejects a misspelt userIdentity field", () => {
    const { valid, errors } = validators.strict({ ...iamUser, userIdentity: { ...iamUser.userIdentity, accesKeyId: "AKIAIOSFODNN7EXAMPLE" } });
    expect(valid).toBe(false);
    expect(errors).toContain("data/userIdentity must NOT have additional properties");
  });

  it("names a required field strict misses", () => {
    const { valid, errors } = validators.strict(without(iamUser, "sourceIPAddress"));
    expect(valid).toBe(false);
    expect(errors).toContain("must have required property 'sourceIPAddress'");
  });

  it("requires userIdentity on activity records but not on Insights records", () => {
    expect(validators.strict(without(iamUser, "userIdentity")).valid).toBe(false);
    expect(validators.compatible(without(iamUser, "userIdentity")).valid).toBe(true);
    expect(validators.strict(insightEvent).valid).toBe(true);
  });
});

describe("ENVELOPE_PRESENCE: the evidence behind strict's required fields", () => {
  const record = envelopeSchema("1.43.117").$defs.Record as JsonSchema;
  const strict = toStrict(record) as JsonSchema & { required: string[]; allOf: { else: { required: string[] } }[]; else: { required: string[] } };
  const fields = (presence: string) => ENVELOPE_PRESENCE.filter((p) => p.presence === presence).map((p) => p.field).sort();

  it("gives each entry a why, evidence citing AWS or records, and a version CloudTrail wrote", () => {
    for (const p of ENVELOPE_PRESENCE) {
      expect(p.why, p.field).toMatch(/\w{3}/);
      expect(p.evidence, p.field).toMatch(/AWS|record|event/);
      expect(p.since, p.field).toMatch(/^1\.\d+$/);
    }
    expect(new Set(ENVELOPE_PRESENCE.map((p) => p.field)).size).toBe(ENVELOPE_PRESENCE.length);
  });

  it("is what strict requires: of every record (from the field's version), and of every non-Insights record", () => {
    const everyRecord = [...strict.required, ...strict.allOf.flatMap((c) => c.else.required)].sort();
    expect(everyRecord).toEqual(fields("every-record"));
    expect([...strict.else.required].sort()).toEqual(fields("every-api-record"));
  });

  it("names only fields of the record (or of userIdentity)", () => {
    const props = record.properties as Record<string, JsonSchema>;
    const identity = (envelopeSchema("1.43.117").$defs.UserIdentity as JsonSchema).properties as Record<string, JsonSchema>;
    for (const { field } of ENVELOPE_PRESENCE) {
      const [top, sub] = field.split(".");
      expect(sub === undefined ? props[top!] : top === "userIdentity" ? identity[sub] : undefined, field).toBeDefined();
    }
  });
});
