/** Naming, eventSource, eventName and readOnly rules on tiny models. */
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/project/index.js";
import { EVENT_SOURCE_TABLE } from "../../src/project/rules/sources.js";
import { fieldsOf, names, op, service, validator } from "./fixture.js";

const withMembers = (svc: string, protocol: string, members: Record<string, unknown>, metadata: Record<string, unknown> = {}) =>
  service({
    name: svc,
    protocol,
    metadata,
    operations: { DoIt: { input: { shape: "DoItRequest" } } },
    shapes: { DoItRequest: { type: "structure", members } },
  });

describe("lower-camel-members", () => {
  it.each([
    ["PolicyName", "policyName"],
    ["DBInstanceIdentifier", "dBInstanceIdentifier"],
    ["ARN", "aRN"],
    ["DbInstancePort", "dbInstancePort"],
    ["alreadyLower", "alreadyLower"],
  ])("%s -> %s", (member, want) => {
    for (const protocol of ["json", "rest-json", "query", "rest-xml", "smithy-rpc-v2-cbor"]) {
      expect(names(withMembers("svc", protocol, { [member]: { shape: "String" } }), op(withMembers("svc", protocol, { [member]: { shape: "String" } }), "DoIt").request)).toEqual([want]);
    }
  });

  it("ignores locationName outside EC2 and S3 (rest-json uri member, query member)", () => {
    const svc = withMembers("svc", "rest-json", { FunctionName: { shape: "String", location: "uri", locationName: "FunctionName" }, Qualifier: { shape: "String", location: "querystring", locationName: "Qualifier" } });
    expect(names(svc, op(svc, "DoIt").request)).toEqual(["functionName", "qualifier"]);
  });
});

describe("verbatim-member-name", () => {
  it("keeps securityhub's member names", () => {
    const svc = withMembers("securityhub", "rest-json", { Filters: { shape: "String" }, GroupByAttribute: { shape: "String" } });
    expect(names(svc, op(svc, "DoIt").request)).toEqual(["Filters", "GroupByAttribute"]);
  });

  it.each([
    ["ce", "json", { TimePeriod: { shape: "String" }, Granularity: { shape: "String" } }, ["TimePeriod", "Granularity"]],
    ["connect", "rest-json", { InstanceId: { shape: "String", location: "uri", locationName: "InstanceId" }, ClientToken: { shape: "String" } }, ["InstanceId", "ClientToken"]],
    ["resource-groups", "rest-json", { GroupName: { shape: "String" }, ResourceQuery: { shape: "String" } }, ["GroupName", "ResourceQuery"]],
    ["devops-guru", "rest-json", { Action: { shape: "String" }, ResourceCollection: { shape: "String" } }, ["Action", "ResourceCollection"]],
    ["resource-explorer-2", "rest-json", { ClientToken: { shape: "String" }, QueryString: { shape: "String" } }, ["ClientToken", "QueryString"]],
    ["kms", "json", { KeyId: { shape: "String" } }, ["keyId"]],
  ])("%s (%s) logs %j as %j", (svcName, protocol, members, want) => {
    const svc = withMembers(svcName, protocol, members);
    expect(names(svc, op(svc, "DoIt").request)).toEqual(want);
  });

  it("applies to nested structures too (ce TimePeriod.Start)", () => {
    const ce = service({
      name: "ce",
      protocol: "json",
      operations: { GetCostAndUsage: { input: { shape: "Req" } } },
      shapes: { Req: { type: "structure", members: { TimePeriod: { shape: "Interval" } } }, Interval: { type: "structure", members: { Start: { shape: "String" }, End: { shape: "String" } } } },
    });
    const period = fieldsOf(ce, op(ce, "GetCostAndUsage").request).find((f) => f.name === "TimePeriod");
    expect(names(ce, period?.type)).toEqual(["Start", "End"]);
  });
});

describe("rest-uri-label-names", () => {
  // EKS binds ClusterName to the URI label {name}; PrincipalArn's label is its own name.
  const eksLike = (name: string) =>
    service({
      name,
      protocol: "rest-json",
      operations: { CreateAccessEntry: { http: { method: "POST", requestUri: "/clusters/{name}/access-entries" }, input: { shape: "Req" } } },
      shapes: {
        Req: {
          type: "structure",
          required: ["clusterName", "principalArn"],
          members: {
            clusterName: { shape: "String", location: "uri", locationName: "name" },
            principalArn: { shape: "String" },
            Qualifier: { shape: "String", location: "querystring", locationName: "q" },
          },
        },
      },
    });
  const table: [string, { given: string; want: string[] }][] = [
    ["eks: the URI member under its label; query-string and body members keep their names", { given: "eks", want: ["name", "principalArn", "qualifier"] }],
    ["a service without evidence keeps the member name", { given: "thingsvc", want: ["clusterName", "principalArn", "qualifier"] }],
  ];
  it.each(table)("%s", (_n, { given, want }) => {
    const svc = eksLike(given);
    expect(names(svc, op(svc, "CreateAccessEntry").request)).toEqual(want);
  });

  it("eks strict: the label is the required key", () => {
    const eks = eksLike("eks");
    expect(validator(eks, "CreateAccessEntry", "strict")({ name: "eks-cluster", principalArn: "arn:aws:iam::012345678901:role/r" })).toBe(true);
    expect(validator(eks, "CreateAccessEntry", "strict")({ clusterName: "eks-cluster", principalArn: "arn:aws:iam::012345678901:role/r" })).toBe(false);
  });

  it("labels that differ only in case are not renamed (lambda FunctionName)", () => {
    const svc = withMembers("eks", "rest-json", { FunctionName: { shape: "String", location: "uri", locationName: "FunctionName" } });
    expect(names(svc, op(svc, "DoIt").request)).toEqual(["functionName"]);
  });
});

describe("verbatim-member-aliases", () => {
  const mediaconvert = service({
    name: "mediaconvert",
    protocol: "rest-json",
    operations: { TagResource: { input: { shape: "TagResourceRequest" } }, CreateQueue: { input: { shape: "CreateQueueRequest" } } },
    shapes: {
      TagResourceRequest: { type: "structure", members: { Arn: { shape: "String", locationName: "arn" }, Tags: { shape: "Tags", locationName: "tags" } } },
      CreateQueueRequest: { type: "structure", members: { Name: { shape: "String", locationName: "name" }, Tags: { shape: "Tags", locationName: "tags" } } },
      Tags: { type: "map", key: { shape: "String" }, value: { shape: "String" } },
    },
  });
  it("mediaconvert TagResource: Tags beside tags; arn stays lower-camel", () => {
    expect(names(mediaconvert, op(mediaconvert, "TagResource").request)).toEqual(["arn", "tags", "Tags"]);
  });
  it("mediaconvert CreateQueue keeps tags only", () => {
    expect(names(mediaconvert, op(mediaconvert, "CreateQueue").request)).toEqual(["name", "tags"]);
  });
});

describe("eventSource", () => {
  it.each([
    ["signing name wins over endpoint prefix", "ecr", { endpointPrefix: "api.ecr", signingName: "ecr" }, "ecr.amazonaws.com"],
    ["endpoint prefix without a signing name", "cloudwatch", { endpointPrefix: "monitoring" }, "monitoring.amazonaws.com"],
    ["ses signs as ses, endpoint email", "sesv2", { endpointPrefix: "email", signingName: "ses" }, "ses.amazonaws.com"],
    ["sso-oidc is logged under sso", "sso-oidc", { endpointPrefix: "oidc", signingName: "sso-oauth" }, "sso.amazonaws.com"],
    ["sso portal is logged under sso", "sso", { endpointPrefix: "portal.sso", signingName: "awsssoportal" }, "sso.amazonaws.com"],
    ["lower case", "iotsecuretunneling", { endpointPrefix: "api.tunneling.iot", signingName: "IoTSecuredTunneling" }, "iotsecuredtunneling.amazonaws.com"],
    ["RDS Data API logs as rdsdata", "rds-data", { endpointPrefix: "rds-data", signingName: "rds-data" }, "rdsdata.amazonaws.com"],
    ["SageMaker metrics logs as metrics-sagemaker", "sagemaker-metrics", { endpointPrefix: "metrics.sagemaker", signingName: "sagemaker" }, "metrics-sagemaker.amazonaws.com"],
    ["AppRegistry keeps its own name", "servicecatalog-appregistry", { endpointPrefix: "servicecatalog-appregistry", signingName: "servicecatalog" }, "servicecatalog-appregistry.amazonaws.com"],
    ["Marketplace Metering logs as metering-marketplace", "meteringmarketplace", { endpointPrefix: "metering.marketplace", signingName: "aws-marketplace" }, "metering-marketplace.amazonaws.com"],
    ["Amazon MQ logs as amazonmq", "mq", { endpointPrefix: "mq", signingName: "mq" }, "amazonmq.amazonaws.com"],
    ["Pinpoint logs as pinpoint", "pinpoint", { endpointPrefix: "pinpoint", signingName: "mobiletargeting" }, "pinpoint.amazonaws.com"],
    ["Amazon Q in Connect logs as qconnect, not wisdom", "qconnect", { endpointPrefix: "wisdom", signingName: "wisdom" }, "qconnect.amazonaws.com"],
    ["Application Insights keeps its hyphen", "application-insights", { endpointPrefix: "applicationinsights", signingName: "applicationinsights" }, "application-insights.amazonaws.com"],
    ["Marketplace Discovery logs under its endpoint prefix", "marketplace-discovery", { endpointPrefix: "discovery-marketplace", signingName: "aws-marketplace" }, "discovery-marketplace.amazonaws.com"],
  ])("%s", (_n, name, metadata, want) => {
    expect(withMembers(name, "json", {}, metadata).eventSource).toBe(want);
  });

  it.each([
    ["s3", { endpointPrefix: "s3", signingName: "s3" }, "s3.amazonaws.com", ["s3-outposts.amazonaws.com", "s3express.amazonaws.com"]],
    ["workmailmessageflow", { endpointPrefix: "workmailmessageflow", signingName: "workmailmessageflow" }, "workmailmessageflow.amazonaws.com", ["workmailMessageFlow.amazonaws.com"]],
    ["application-autoscaling", { endpointPrefix: "application-autoscaling", signingName: "application-autoscaling" }, "application-autoscaling.amazonaws.com", ["autoscaling.amazonaws.com"]],
    ["mediapackage-vod", { endpointPrefix: "mediapackage-vod", signingName: "mediapackage-vod" }, "mediapackage-vod.amazonaws.com", ["mediapackage.amazonaws.com"]],
  ])("event-source-also: %s records also come under %s", (name, metadata, main, others) => {
    const svc = withMembers(name, "rest-json", {}, metadata);
    expect(svc.eventSource).toBe(main);
    expect(svc.otherEventSources).toEqual(others);
  });

  it("event-source-also: other services have no second eventSource", () => {
    expect(withMembers("kms", "json", {}, { signingName: "kms" }).otherEventSources).toBeUndefined();
  });

  it("every table entry changes something and says what showed it", () => {
    for (const [name, e] of Object.entries(EVENT_SOURCE_TABLE)) {
      expect(e.eventSource ?? e.also, name).toBeDefined();
      for (const s of [e.eventSource, ...(e.also ?? [])].filter(Boolean)) expect(s, name).toMatch(/^[A-Za-z0-9-]+\.amazonaws\.com$/);
      expect(e.evidence.length, name).toBeGreaterThan(20);
    }
  });
});

describe("eventNames", () => {
  const lambda = service({
    name: "lambda",
    protocol: "rest-json",
    operations: {
      CreateFunction: { http: { method: "POST", requestUri: "/2015-03-31/functions" } },
      ListTags: { http: { method: "GET", requestUri: "/2017-03-31/tags/{Resource}" } },
      Undated: { http: { method: "GET", requestUri: "/things" } },
    },
    shapes: {},
  });
  it.each([
    ["CreateFunction", ["CreateFunction", "CreateFunction20150331", "CreateFunction20150331v2"]],
    ["ListTags", ["ListTags", "ListTags20170331", "ListTags20170331v2"]],
    ["Undated", ["Undated"]],
  ])("lambda-event-name-version-suffix: %s", (name, want) => {
    expect(op(lambda, name).eventNames).toEqual(want);
  });

  it("derives no suffix for other services with dated URIs", () => {
    const other = service({ name: "other", protocol: "rest-json", operations: { Get: { http: { method: "GET", requestUri: "/2015-03-31/x" } } }, shapes: {} });
    expect(op(other, "Get").eventNames).toEqual(["Get"]);
  });

  it("s3-event-name-aliases: the REST API's older names", () => {
    const s3 = service({
      name: "s3",
      protocol: "rest-xml",
      operations: {
        PutPublicAccessBlock: { http: { method: "PUT", requestUri: "/{Bucket}?publicAccessBlock" } },
        GetBucketRequestPayment: { http: { method: "GET", requestUri: "/{Bucket}?requestPayment" } },
      },
      shapes: {},
    });
    expect(op(s3, "PutPublicAccessBlock").eventNames).toEqual(["PutPublicAccessBlock", "PutBucketPublicAccessBlock"]);
    expect(op(s3, "GetBucketRequestPayment").eventNames).toEqual(["GetBucketRequestPayment", "GetBucketRequestPay"]);
  });

  const cloudfront = service({
    name: "cloudfront",
    protocol: "rest-xml",
    operations: {
      CreateDistribution: { http: { method: "POST", requestUri: "/2020-05-31/distribution" } },
      Undated: { http: { method: "GET", requestUri: "/things" } },
    },
    shapes: {},
  });
  it("cloudfront-event-name-version-suffix: the bare name, the current version and the older ones", () => {
    const got = op(cloudfront, "CreateDistribution").eventNames;
    expect(got[0]).toBe("CreateDistribution");
    expect(got).toContain("CreateDistribution2020_05_31");
    expect(got).toContain("CreateDistribution2014_01_31");
    expect(got).toContain("CreateDistribution2019_03_26");
    expect(got).not.toContain("CreateDistribution20200531");
    expect(op(cloudfront, "Undated").eventNames).toEqual(["Undated"]);
  });

  it("s3-event-name-aliases: the console's object lock and accelerate names", () => {
    const s3 = service({
      name: "s3",
      protocol: "rest-xml",
      operations: {
        GetObjectLockConfiguration: { http: { method: "GET", requestUri: "/{Bucket}?object-lock" } },
        GetBucketAccelerateConfiguration: { http: { method: "GET", requestUri: "/{Bucket}?accelerate" } },
      },
      shapes: {},
    });
    expect(op(s3, "GetObjectLockConfiguration").eventNames).toEqual(["GetObjectLockConfiguration", "GetBucketObjectLockConfiguration"]);
    expect(op(s3, "GetBucketAccelerateConfiguration").eventNames).toEqual(["GetBucketAccelerateConfiguration", "GetAccelerateConfiguration"]);
  });

  it("s3control-account-event-names: account-level public access block under its Account name only", () => {
    const s3control = service({
      name: "s3control",
      protocol: "rest-xml",
      metadata: { signingName: "s3" },
      operations: {
        GetPublicAccessBlock: { http: { method: "GET", requestUri: "/v20180820/configuration/publicAccessBlock" } },
        DeletePublicAccessBlock: { http: { method: "DELETE", requestUri: "/v20180820/configuration/publicAccessBlock" } },
        ListJobs: { http: { method: "GET", requestUri: "/v20180820/jobs" } },
      },
      shapes: {},
    });
    expect(s3control.eventSource).toBe("s3.amazonaws.com");
    expect(op(s3control, "GetPublicAccessBlock").eventNames).toEqual(["GetAccountPublicAccessBlock"]);
    expect(op(s3control, "DeletePublicAccessBlock").eventNames).toEqual(["DeleteAccountPublicAccessBlock"]);
    expect(op(s3control, "ListJobs").eventNames).toEqual(["ListJobs"]);
  });

  it("event-name-aliases: ce GetCostandUsage", () => {
    const ce = service({ name: "ce", protocol: "json", operations: { GetCostAndUsage: {}, GetTags: {} }, shapes: {} });
    expect(op(ce, "GetCostAndUsage").eventNames).toEqual(["GetCostAndUsage", "GetCostandUsage"]);
    expect(op(ce, "GetTags").eventNames).toEqual(["GetTags"]);
    const domains = service({ name: "route53domains", protocol: "json", operations: { UpdateDomainContact: {} }, shapes: {} });
    expect(op(domains, "UpdateDomainContact").eventNames).toEqual(["UpdateDomainContact", "updateDomainContact"]);
  });

  it("never adds a name that differs only in case or spacing", () => {
    for (const svc of [lambda, cloudfront]) for (const o of svc.operations) for (const n of o.eventNames) expect(n).toMatch(/^[A-Za-z0-9_]+$/);
  });
});

describe("read-only-by-verb", () => {
  it.each([
    ["DescribeInstances", true],
    ["GetObject", true],
    ["ListBuckets", true],
    ["CreateUser", false],
    ["Getaway", false],
  ])("%s -> %s", (name, want) => {
    const svc = service({ name: "svc", protocol: "json", operations: { [name]: {} }, shapes: {} });
    expect(op(svc, name).readOnly).toBe(want);
  });
});

describe("the rule list", () => {
  it("names every rule once, with a why and evidence", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(r.why.length).toBeGreaterThan(20);
      expect(r.evidence.length).toBeGreaterThan(10);
    }
  });
});
