/** S3's wire form and the service tables (sts, dynamodb, apigateway, rds, model gaps) on tiny models. */
import { describe, expect, it } from "vitest";
import { field, names, op, options, service, validator } from "./fixture.js";

const s3 = service({
  name: "s3",
  protocol: "rest-xml",
  operations: {
    PutBucketAcl: { http: { method: "PUT", requestUri: "/{Bucket}?acl" }, input: { shape: "PutBucketAclRequest" } },
    PutObject: { http: { method: "PUT", requestUri: "/{Bucket}/{Key+}?x-id=PutObject" }, input: { shape: "PutObjectRequest" }, output: { shape: "PutObjectOutput" } },
    PutBucketLifecycleConfiguration: { http: { method: "PUT", requestUri: "/{Bucket}?lifecycle" }, input: { shape: "PutLifecycleRequest" } },
    PutBucketPolicy: { http: { method: "PUT", requestUri: "/{Bucket}?policy" }, input: { shape: "PutBucketPolicyRequest" } },
    ListObjects: { http: { method: "GET", requestUri: "/{Bucket}" }, input: { shape: "ListObjectsRequest" } },
    ListObjectsV2: { http: { method: "GET", requestUri: "/{Bucket}?list-type=2" }, input: { shape: "ListObjectsV2Request" } },
  },
  shapes: {
    Bucket: { type: "string" },
    PutBucketAclRequest: {
      type: "structure",
      payload: "AccessControlPolicy",
      members: {
        Bucket: { shape: "Bucket", location: "uri", locationName: "Bucket" },
        ACL: { shape: "String", location: "header", locationName: "x-amz-acl" },
        AccessControlPolicy: { shape: "AccessControlPolicy", locationName: "AccessControlPolicy" },
      },
    },
    AccessControlPolicy: { type: "structure", members: { Grants: { shape: "Grants", locationName: "AccessControlList" }, Owner: { shape: "Owner" } } },
    Grants: { type: "list", member: { shape: "Grant", locationName: "Grant" } },
    Grant: { type: "structure", members: { Grantee: { shape: "Grantee" }, Permission: { shape: "String" } } },
    Grantee: { type: "structure", members: { ID: { shape: "String" }, Type: { shape: "String", locationName: "xsi:type" } } },
    Owner: { type: "structure", members: { ID: { shape: "String" } } },
    PutObjectRequest: {
      type: "structure",
      payload: "Body",
      members: {
        Bucket: { shape: "Bucket", location: "uri", locationName: "Bucket" },
        Key: { shape: "String", location: "uri", locationName: "Key" },
        ContentType: { shape: "String", location: "header", locationName: "Content-Type" },
        Body: { shape: "Body", streaming: true },
      },
    },
    Body: { type: "blob", streaming: true },
    PutObjectOutput: {
      type: "structure",
      members: { VersionId: { shape: "String", location: "header", locationName: "x-amz-version-id" }, Code: { shape: "Integer", location: "statusCode" } },
    },
    PutLifecycleRequest: {
      type: "structure",
      payload: "LifecycleConfiguration",
      members: {
        Bucket: { shape: "Bucket", location: "uri", locationName: "Bucket" },
        LifecycleConfiguration: { shape: "LifecycleConfiguration", locationName: "LifecycleConfiguration" },
      },
    },
    LifecycleConfiguration: { type: "structure", members: { Rules: { shape: "Rules", locationName: "Rule" } } },
    Rules: { type: "list", member: { shape: "Rule" }, flattened: true },
    Rule: { type: "structure", members: { ID: { shape: "String" }, Filter: { shape: "RuleFilter" }, Days: { shape: "Integer" } } },
    RuleFilter: { type: "structure", members: { Prefix: { shape: "String" } } },
    PutBucketPolicyRequest: {
      type: "structure",
      payload: "Policy",
      members: { Bucket: { shape: "Bucket", location: "uri", locationName: "Bucket" }, Policy: { shape: "String" } },
    },
    ListObjectsRequest: {
      type: "structure",
      members: { Bucket: { shape: "Bucket", location: "uri", locationName: "Bucket" }, Marker: { shape: "String", location: "querystring", locationName: "marker" } },
    },
    ListObjectsV2Request: {
      type: "structure",
      members: {
        Bucket: { shape: "Bucket", location: "uri", locationName: "Bucket" },
        StartAfter: { shape: "String", location: "querystring", locationName: "start-after" },
      },
    },
  },
});

describe("s3-wire-names and friends", () => {
  it("names the top-level members by their HTTP binding", () => {
    expect(names(s3, op(s3, "PutBucketAcl").request)).toEqual(["bucketName", "x-amz-acl", "AccessControlPolicy", "Host", "host", "acl"]);
    expect(names(s3, op(s3, "PutObject").request)).toEqual(["bucketName", "key", "Content-Type", "Host", "host"]);
    expect(names(s3, op(s3, "PutObject").response)).toEqual(["x-amz-version-id"]);
  });

  it.each([
    [
      "an XML body: root element, element names, one Grant as an object, attributes",
      "PutBucketAcl",
      {
        bucketName: "b",
        Host: "b.s3.us-east-1.amazonaws.com",
        acl: "",
        AccessControlPolicy: {
          xmlns: "http://s3.amazonaws.com/doc/2006-03-01/",
          AccessControlList: { Grant: { Grantee: { "xsi:type": "CanonicalUser", "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance", ID: "id" }, Permission: "FULL_CONTROL" } },
          Owner: { ID: "id" },
        },
      },
      true,
    ],
    ["several Grants as an array", "PutBucketAcl", { bucketName: "b", AccessControlPolicy: { AccessControlList: { Grant: [{ Permission: "READ" }, { Permission: "WRITE" }] } } }, true],
    ["eventVersion 1.05: values as one-element arrays", "PutBucketAcl", { bucketName: "b", host: ["s3.amazonaws.com"], acl: [""], "x-amz-acl": ["private"] }, true],
    ["a flattened list: one Rule as an object, an empty element as \"\"", "PutBucketLifecycleConfiguration", { bucketName: "b", lifecycle: "", LifecycleConfiguration: { Rule: { ID: "r", Filter: "", Days: 1 } } }, true],
    ["several Rules as an array", "PutBucketLifecycleConfiguration", { bucketName: "b", LifecycleConfiguration: { Rule: [{ ID: "a" }, { ID: "b" }] } }, true],
    ["a subresource marker with another value", "PutBucketAcl", { bucketName: "b", acl: "x" }, false],
    ["the streamed body is not logged", "PutObject", { bucketName: "b", key: "k", Body: "..." }, false],
    ["s3-bucket-policy-object", "PutBucketPolicy", { bucketName: "b", policy: "", bucketPolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }] } }, true],
    ["s3-legacy-operation-forms: ListObjects with ListObjectsV2's parameters", "ListObjects", { bucketName: "b", "list-type": "2", "start-after": "k" }, true],
    ["ListObjects' own parameters", "ListObjects", { bucketName: "b", marker: "m" }, true],
  ])("strict: %s", (_n, operation, request, want) => {
    expect(validator(s3, operation, "strict")(request)).toBe(want);
  });
});

describe("s3-additional-event-data", () => {
  it("types every operation's additionalEventData as one open definition of what S3 adds", () => {
    for (const o of s3.operations) expect(o.additionalEventData, o.name).toEqual({ kind: "ref", def: "AdditionalEventData" });
    const def = s3.defs["AdditionalEventData"]!;
    expect(def).toMatchObject({ kind: "object", open: true });
    expect(names(s3, def)).toEqual(["AuthenticationMethod", "CipherSuite", "SignatureVersion", "SSEApplied", "aclRequired", "bytesTransferredIn", "bytesTransferredOut", "vpcEndpointId", "x-amz-id-2"]);
    expect(field(s3, def, "bytesTransferredIn").type).toEqual({ kind: "number" });
  });

  const request = { bucketName: "b", key: "k" };
  const sent = { SignatureVersion: "SigV4", CipherSuite: "TLS_AES_128_GCM_SHA256", bytesTransferredIn: 25701.0, SSEApplied: "Default_SSE_KMS", AuthenticationMethod: "QueryString", "x-amz-id-2": "abc=", bytesTransferredOut: 0 };
  it.each([
    ["what a PutObject record carries", sent, true],
    ["null", null, true],
    ["a key S3 added later", { ...sent, newKey: { nested: true } }, true],
    ["a byte count written as a string", { ...sent, bytesTransferredIn: "25701" }, false],
    ["a signature version that is not a string", { ...sent, SignatureVersion: 4 }, false],
  ])("%s (compatible and strict)", (_n, additionalEventData, want) => {
    for (const mode of ["compatible", "strict"] as const) expect(validator(s3, "PutObject", mode)(request, null, { additionalEventData }), mode).toBe(want);
  });

  it("applies to s3 only", () => {
    for (const o of sts.operations) expect(o.additionalEventData, o.name).toBeUndefined();
  });
});

const sts = service({
  name: "sts",
  protocol: "query",
  operations: { AssumeRoleWithSAML: { input: { shape: "SamlRequest" } }, GetCallerIdentity: { input: { shape: "Empty" } } },
  shapes: { SamlRequest: { type: "structure", members: { RoleArn: { shape: "String" }, SAMLAssertion: { shape: "Assertion" } } }, Assertion: { type: "string", sensitive: true }, Empty: { type: "structure", members: {} } },
});

describe("sts-federation-extras", () => {
  it("adds what STS read from the assertion", () => {
    const req = op(sts, "AssumeRoleWithSAML").request;
    expect(names(sts, req)).toEqual(["roleArn", "sAMLAssertion", "roleSessionName", "sAMLAssertionID", "principalTags", "transitiveTagKeys", "sourceIdentity"]);
    expect(field(sts, req, "roleSessionName")).toMatchObject({ addedBy: "sts-federation-extras", required: false });
    expect(names(sts, op(sts, "GetCallerIdentity").request)).toEqual([]);
  });
});

describe("dynamodb-data-plane", () => {
  const ddb = service({
    name: "dynamodb",
    protocol: "json",
    operations: { PutItem: { input: { shape: "PutItemInput" } }, TransactWriteItems: { input: { shape: "TransactInput" } } },
    shapes: {
      PutItemInput: { type: "structure", members: { TableName: { shape: "String" }, Item: { shape: "AttributeMap" } } },
      AttributeMap: { type: "map", key: { shape: "String" }, value: { shape: "AttributeValue" } },
      AttributeValue: { type: "structure", union: true, members: { S: { shape: "String" }, N: { shape: "String" } } },
      TransactInput: { type: "structure", members: { ClientRequestToken: { shape: "String" } } },
    },
  });
  it.each([
    ["PutItem", { tableName: "Music", key: { Artist: "No One" }, item: ["Artist", "SongTitle"] }, true],
    ["PutItem", { tableName: "Music", item: { Artist: { S: "No One" } } }, true],
    ["PutItem", { tableName: "Music", item: { Year: 1999 } }, true],
    ["TransactWriteItems", { requestItems: [{ operation: "Put", tableName: "Music", key: { Artist: "a" }, items: ["Artist"] }] }, true],
  ])("strict: %s %j", (operation, request, want) => {
    expect(validator(ddb, operation, "strict")(request)).toBe(want);
  });
});

describe("apigateway-v1", () => {
  const apigw = service({
    name: "apigateway",
    protocol: "rest-json",
    operations: {
      CreateStage: { http: { method: "POST", requestUri: "/restapis/{restapi_id}/stages" }, input: { shape: "CreateStageRequest" }, output: { shape: "Stage" } },
      CreateDeployment: { http: { method: "POST", requestUri: "/restapis/{restapi_id}/deployments" }, input: { shape: "CreateDeploymentRequest" }, output: { shape: "Deployment" } },
      CreateRestApi: { http: { method: "POST", requestUri: "/restapis" }, input: { shape: "CreateRestApiRequest" }, output: { shape: "RestApi" } },
    },
    shapes: {
      CreateDeploymentRequest: {
        type: "structure",
        required: ["restApiId"],
        members: { restApiId: { shape: "String", location: "uri", locationName: "restapi_id" }, stageName: { shape: "String" } },
      },
      Deployment: { type: "structure", members: { id: { shape: "String" }, createdDate: { shape: "Timestamp" } } },
      CreateRestApiRequest: { type: "structure", required: ["name"], members: { name: { shape: "String" } } },
      RestApi: { type: "structure", members: { id: { shape: "String" }, name: { shape: "String" }, rootResourceId: { shape: "String" } } },
      CreateStageRequest: {
        type: "structure",
        required: ["restApiId", "stageName", "deploymentId"],
        members: { restApiId: { shape: "String", location: "uri", locationName: "restapi_id" }, stageName: { shape: "String" }, deploymentId: { shape: "String" } },
      },
      Stage: { type: "structure", members: { stageName: { shape: "String" }, deploymentId: { shape: "String" }, createdDate: { shape: "Timestamp" } } },
    },
  });
  it("nests body members under <operation>Input and adds template and HAL links", () => {
    expect(names(apigw, op(apigw, "CreateStage").request)).toEqual(["restApiId", "stageName", "deploymentId", "template", "createStageInput"]);
    expect(names(apigw, field(apigw, op(apigw, "CreateStage").request, "createStageInput").type)).toEqual(["stageName", "deploymentId"]);
    expect(names(apigw, field(apigw, op(apigw, "CreateStage").response, "self").type).slice(0, 3)).toEqual(["deploymentId", "restApiId", "stageName"]);
    expect(names(apigw, field(apigw, op(apigw, "CreateStage").response, "self").type)).toEqual(expect.arrayContaining(["template", "templateSkipList"]));
    expect(names(apigw, op(apigw, "CreateStage").response)).toContain("stageUpdate");
    // Body members may sit at either place, so neither requires them; URI members stay required.
    expect(field(apigw, op(apigw, "CreateStage").request, "stageName").required).toBe(false);
    expect(field(apigw, field(apigw, op(apigw, "CreateStage").request, "createStageInput").type, "stageName").required).toBe(false);
    expect(validator(apigw, "CreateStage", "strict")({ restApiId: "a", createStageInput: { stageName: "s", deploymentId: "d" }, template: false })).toBe(true);
  });

  // Link relations by resource: [operation, links the response declares, links it must not].
  const relations: [string, { want: string[]; not: string[] }][] = [
    ["CreateStage", { want: ["self", "stageUpdate", "stageDelete", "stageFlushAuthorizerCache"], not: ["stageStages", "deploymentStages"] }],
    ["CreateDeployment", { want: ["self", "deploymentUpdate", "deploymentDelete", "deploymentStages"], not: ["deploymentFlushAuthorizerCache"] }],
    // Multi-word resources are keyed in lower case; a REST API links to the resources it contains.
    ["CreateRestApi", { want: ["self", "restapiUpdate", "restapiDelete", "restapiDeployments", "stageCreate", "resourceCreate"], not: ["restApiUpdate", "stageFlushAuthorizerCache"] }],
  ];
  it.each(relations)("%s: HAL link relations of its resource", (operation, { want, not }) => {
    const got = names(apigw, op(apigw, operation).response);
    for (const w of want) expect(got).toContain(w);
    for (const n of not) expect(got).not.toContain(n);
  });

  it("a REST API's links name it restApiId; a link to its root resource carries parentId", () => {
    const record = {
      id: "67ge356u6d",
      name: "api",
      restapiUpdate: { restApiId: "67ge356u6d", template: false },
      resourceCreate: { restApiId: "67ge356u6d", parentId: "abc123", template: false },
      restapiResources: { restApiId: "67ge356u6d", template: false, templateSkipList: ["position"] },
    };
    const request = { createRestApiInput: { name: "api" }, template: false };
    expect(validator(apigw, "CreateRestApi", "strict")(request, record)).toBe(true);
    expect(validator(apigw, "CreateRestApi", "strict")(request, { ...record, resourceCreate: { parentId: 7 } })).toBe(false);
  });

  it("links name the resource's own id (a deployment's id is deploymentId) and carry templateSkipList", () => {
    const link = field(apigw, op(apigw, "CreateDeployment").response, "deploymentStages").type;
    expect(names(apigw, link).slice(0, 2)).toEqual(["deploymentId", "restApiId"]);
    expect(names(apigw, link)).toEqual(expect.arrayContaining(["template", "templateSkipList", "resourceId", "httpMethod"]));
    const record = {
      id: "6gejpe",
      deploymentStages: { deploymentId: "6gejpe", restApiId: "67ge356u6d", template: false, templateSkipList: ["position"] },
      self: { deploymentId: "6gejpe", restApiId: "67ge356u6d", template: false },
    };
    const request = { restApiId: "67ge356u6d", template: false };
    expect(validator(apigw, "CreateDeployment", "strict")(request, record)).toBe(true);
    // A link is still checked: templateSkipList is a list of names.
    expect(validator(apigw, "CreateDeployment", "strict")(request, { ...record, deploymentStages: { templateSkipList: "position" } })).toBe(false);
  });
});

describe("rds-source-region and model-gap-fields", () => {
  it("adds sourceRegion where the SDK presigns PreSignedUrl", () => {
    const rds = service({
      name: "rds",
      protocol: "query",
      operations: { CopyDBSnapshot: { input: { shape: "CopyMessage" } }, DeleteDBSnapshot: { input: { shape: "DeleteMessage" } } },
      shapes: {
        CopyMessage: { type: "structure", members: { SourceDBSnapshotIdentifier: { shape: "String" }, PreSignedUrl: { shape: "String" } } },
        DeleteMessage: { type: "structure", members: { DBSnapshotIdentifier: { shape: "String" } } },
      },
    });
    expect(names(rds, op(rds, "CopyDBSnapshot").request)).toContain("sourceRegion");
    expect(names(rds, op(rds, "DeleteDBSnapshot").request)).not.toContain("sourceRegion");
  });

  it("declares the table's fields on the named shapes only", () => {
    const cw = service({
      name: "cloudwatch",
      protocol: "smithy-rpc-v2-cbor",
      operations: { DescribeAlarms: { input: { shape: "DescribeAlarmsInput" } }, ListMetrics: { input: { shape: "ListMetricsInput" } } },
      shapes: { DescribeAlarmsInput: { type: "structure", members: { AlarmNames: { shape: "String" } } }, ListMetricsInput: { type: "structure", members: {} } },
    });
    expect(field(cw, op(cw, "DescribeAlarms").request, "excludeManagedAlarms")).toMatchObject({ addedBy: "model-gap-fields" });
    expect(names(cw, op(cw, "ListMetrics").request)).toEqual([]);
  });

  it("declares ssm SendCommand's console fields, typed, in request and response", () => {
    const ssm = service({
      name: "ssm",
      protocol: "json",
      operations: { SendCommand: { input: { shape: "SendCommandRequest" }, output: { shape: "SendCommandResult" } } },
      shapes: {
        SendCommandRequest: { type: "structure", members: { DocumentName: { shape: "String" } } },
        SendCommandResult: { type: "structure", members: { Command: { shape: "Command" } } },
        Command: { type: "structure", members: { CommandId: { shape: "String" } } },
      },
    });
    const send = op(ssm, "SendCommand");
    expect(field(ssm, send.request, "interactive")).toMatchObject({ addedBy: "model-gap-fields", type: { kind: "boolean" } });
    expect(names(ssm, send.request)).toEqual(["documentName", "interactive"]);
    const command = field(ssm, send.response, "command")!;
    expect(names(ssm, command.type)).toEqual(["commandId", "clientName", "clientSourceId", "hasCancelCommandSignature", "hasSendCommandSignature", "interactive"]);
  });
});

it("keeps every oneOf flat", () => {
  for (const o of s3.operations) for (const t of [o.request, o.response]) for (const x of options(t)) expect(x.kind).not.toBe("oneOf");
});
