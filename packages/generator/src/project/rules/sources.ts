/** eventSource, eventName and readOnly conventions. */
import type { Operation, ServiceModel } from "../../model.js";
import { rule } from "../rule.js";

export const eventSourceFromSigningName = rule({
  id: "event-source-signing-name",
  why: "eventSource is <signingName>.amazonaws.com, or <endpointPrefix>.amazonaws.com when the model has no signing name",
  evidence:
    "ecr (endpointPrefix api.ecr), ses (email), dynamodbstreams (streams.dynamodb), cloudhsmv2 records log their signing " +
    "name; cloudwatch -> monitoring, stepfunctions -> states, efs -> elasticfilesystem, elb/elbv2 -> elasticloadbalancing " +
    "(no signing name) log their endpoint prefix",
  eventSource: (_source, service) => `${service.metadata.signingName ?? service.metadata.endpointPrefix}.amazonaws.com`,
});

/**
 * Services whose records carry another eventSource than their signing name says, each with what showed it.
 * `eventSource` replaces the derived one; `also` lists further eventSources some of its records carry, kept
 * verbatim (not lower-cased: an AWS example writes `workmailMessageFlow.amazonaws.com`). `seen`: `record` when a
 * CloudTrail record (AWS documentation example, public test data) has it, `docs` when AWS's CloudTrail pages
 * name it without a record.
 */
export interface EventSourceEntry {
  eventSource?: string;
  also?: readonly string[];
  seen: "record" | "docs";
  evidence: string;
}

export const EVENT_SOURCE_TABLE: Readonly<Record<string, EventSourceEntry>> = {
  "application-autoscaling": {
    also: ["autoscaling.amazonaws.com"],
    seen: "record",
    evidence:
      "RegisterScalableTarget record under autoscaling.amazonaws.com (Application Auto Scaling user guide, 2022); DescribeScalableTargets and " +
      "DescribeScalingPolicies under autoscaling in a real organisation's trail (jSherz's SCP-rollout mapping, 2023)",
  },
  "application-insights": {
    eventSource: "application-insights.amazonaws.com",
    seen: "record",
    evidence: "eventSource counts of a real organisation's trail (jSherz, 'Safer SCP rollouts', 2023); signing name applicationinsights",
  },
  "marketplace-discovery": {
    eventSource: "discovery-marketplace.amazonaws.com",
    seen: "record",
    evidence:
      "SearchListings (with the console's GetListingView, GetSearchFacets) under discovery-marketplace.amazonaws.com in a real organisation's trail " +
      "(jSherz's SCP-rollout mapping, 2023); its endpoint prefix; signing name aws-marketplace",
  },
  "mediapackage-vod": {
    also: ["mediapackage.amazonaws.com"],
    seen: "record",
    evidence: "ListPackagingConfigurations and ListPackagingGroups under mediapackage.amazonaws.com in a real organisation's trail (jSherz's SCP-rollout mapping, 2023); signing name mediapackage-vod",
  },
  meteringmarketplace: {
    eventSource: "metering-marketplace.amazonaws.com",
    seen: "docs",
    evidence: "EventBridge's events page for AWS Marketplace Metering: source aws.metering-marketplace, eventSource metering-marketplace.amazonaws.com; signing name aws-marketplace",
  },
  mq: {
    eventSource: "amazonmq.amazonaws.com",
    seen: "record",
    evidence: "CreateBroker and CreateGrant records, Amazon MQ developer guide (2018); EventBridge's events page (aws.amazonmq); signing name mq",
  },
  pinpoint: {
    eventSource: "pinpoint.amazonaws.com",
    seen: "record",
    evidence: "GetCampaigns record, Amazon Pinpoint developer guide (2018); signing name mobiletargeting",
  },
  qconnect: {
    eventSource: "qconnect.amazonaws.com",
    seen: "docs",
    evidence: "EventBridge's 'Amazon Q in Connect events' page: source aws.qconnect, eventSource qconnect.amazonaws.com; signing name wisdom",
  },
  "rds-data": {
    eventSource: "rdsdata.amazonaws.com",
    seen: "docs",
    evidence: "CloudTrail's ExcludeManagementEventSources documents rdsdata.amazonaws.com for the RDS Data API; signing name rds-data",
  },
  s3: {
    also: ["s3express.amazonaws.com", "s3-outposts.amazonaws.com"],
    seen: "record",
    evidence:
      "CreateSession record of an S3 directory bucket (S3 user guide, 2024); EventBridge's events page: aws.s3express, s3express.amazonaws.com; " +
      "PutObject data event on an S3 on Outposts bucket under s3-outposts.amazonaws.com (S3 on Outposts user guide, 2020; resources type AWS::S3Outposts::Object)",
  },
  "sagemaker-metrics": {
    eventSource: "metrics-sagemaker.amazonaws.com",
    seen: "record",
    evidence: "BatchPutMetrics record, SageMaker developer guide (2022); EventBridge's aws.metrics-sagemaker; signing name sagemaker",
  },
  "servicecatalog-appregistry": {
    eventSource: "servicecatalog-appregistry.amazonaws.com",
    seen: "record",
    evidence: "ListApplications in a lookup-events listing (2024) and a real trail's eventSource counts (2023); signing name servicecatalog",
  },
  sso: {
    eventSource: "sso.amazonaws.com",
    seen: "docs",
    evidence: "IAM Identity Center portal calls (GetRoleCredentials, ListAccounts) are documented under sso.amazonaws.com; signing name awsssoportal",
  },
  "sso-oidc": {
    eventSource: "sso.amazonaws.com",
    seen: "record",
    evidence: "CreateToken records (AWS docs 2020, detection tests); signing name sso-oauth",
  },
  workmailmessageflow: {
    also: ["workmailMessageFlow.amazonaws.com"],
    seen: "record",
    evidence:
      "GetRawMessageContent record, WorkMail admin guide (2017), eventSource workmailMessageFlow.amazonaws.com; " +
      "CloudTrail's network-activity event sources and the Smithy model say workmailmessageflow.amazonaws.com",
  },
};

export const eventSourceOverrides = rule({
  id: "event-source-overrides",
  why: "some services log under another eventSource than their signing name (rdsdata, metrics-sagemaker, amazonmq, IAM Identity Center's OIDC under sso)",
  evidence: Object.entries(EVENT_SOURCE_TABLE)
    .filter(([, e]) => e.eventSource !== undefined)
    .map(([s, e]) => `${s}: ${e.evidence}`)
    .join("; "),
  appliesTo: (s) => EVENT_SOURCE_TABLE[s.name]?.eventSource !== undefined,
  eventSource: (source, service) => EVENT_SOURCE_TABLE[service.name]?.eventSource ?? source,
});

export const eventSourceAlso = rule({
  id: "event-source-also",
  why:
    "some services' records come under a second eventSource as well (S3 directory buckets under s3express, S3 on Outposts objects under " +
    "s3-outposts, Application Auto Scaling under autoscaling)",
  evidence: Object.entries(EVENT_SOURCE_TABLE)
    .filter(([, e]) => e.also !== undefined)
    .map(([s, e]) => `${s}: ${e.evidence}`)
    .join("; "),
  appliesTo: (s) => EVENT_SOURCE_TABLE[s.name]?.also !== undefined,
  otherEventSources: (sources, service) => [...sources, ...(EVENT_SOURCE_TABLE[service.name]?.also ?? [])],
});

export const eventSourceLowerCase = rule({
  id: "event-source-lower-case",
  why: "eventSource is a lower-case host name; a model's signing name may not be (iotsecuretunneling: IoTSecuredTunneling)",
  evidence: "every eventSource of the development corpus (61 distinct) is lower case",
  eventSource: (source) => source.toLowerCase(),
});

export const readOnlyByVerb = rule({
  id: "read-only-by-verb",
  why: "CloudTrail marks Get*, List*, Describe*, Head*, Lookup*, Search*, BatchGet* calls readOnly",
  evidence: "readOnly: true on DescribeInstances, GetObject, ListBuckets, LookupEvents records",
  readOnly: (_ro, op) => /^(Get|List|Describe|Head|Lookup|Search|BatchGet|Query|Scan|Select|View|Check|Preview|Validate|Estimate|Simulate|Test)([A-Z0-9]|$)/.test(op.name),
});

/** The API date at the start of an operation's request URI (`/2015-03-31/functions` -> `20150331`). */
export function uriDate(op: Operation): string | undefined {
  const m = /^\/(\d{4})-(\d{2})-(\d{2})\//.exec(op.http?.requestUri ?? "");
  return m ? `${m[1]}${m[2]}${m[3]}` : undefined;
}

/** Services that append the URI's API date to eventName. */
export const VERSIONED_EVENT_NAME_SERVICES: ReadonlySet<string> = new Set(["lambda"]);

export const lambdaEventNameVersionSuffix = rule({
  id: "lambda-event-name-version-suffix",
  why:
    "Lambda logs an operation as <Op><date of its request URI>, and a later revision of the handler as <Op><date>v2; " +
    "older records use the bare name",
  evidence:
    "lambda records CreateFunction20150331, ListFunctions20150331, UpdateFunctionCode20150331, AddPermission20150331v2, " +
    "UpdateFunctionCode20150331v2, UpdateFunctionConfiguration20150331v2 (URI /2015-03-31/...), DeleteFunction bare",
  appliesTo: (s) => VERSIONED_EVENT_NAME_SERVICES.has(s.name),
  eventNames: (names, op) => {
    const date = uriDate(op);
    return date ? [...names, `${op.name}${date}`, `${op.name}${date}v2`] : names;
  },
});

/**
 * CloudFront API versions a record's eventName can carry (`UpdateDistribution2014_01_31`): the one of every
 * CloudFront model botocore has shipped, and 2014-01-31 of AWS's example. The current one comes from the URI.
 */
export const CLOUDFRONT_EVENT_NAME_VERSIONS: readonly string[] = [
  "2014_01_31", "2014_05_31", "2014_10_21", "2014_11_06", "2015_04_17", "2015_07_27", "2015_09_17", "2016_01_13",
  "2016_01_28", "2016_08_01", "2016_08_20", "2016_09_07", "2016_09_29", "2016_11_25", "2017_03_25", "2017_10_30",
  "2018_06_18", "2018_11_05", "2019_03_26",
];

export const cloudfrontEventNameVersionSuffix = rule({
  id: "cloudfront-event-name-version-suffix",
  why: "CloudFront logs an operation as <Op><API version used, with underscores> (CreateDistribution2020_05_31); some records use the bare name",
  evidence:
    "AWS's CloudFront developer guide example: UpdateDistribution2014_01_31, ListDistributions2014_01_31, GetDistribution2014_01_31, " +
    "CreateInvalidation2014_01_31; CreateDistribution2020_05_31 in detection rules and log parsers (strip_version tests); " +
    "bare CreateDistribution, UpdateDistribution, TagResource records (detection tests)",
  appliesTo: (s) => s.name === "cloudfront",
  eventNames: (names, op) => {
    const date = uriDate(op);
    if (!date) return names;
    const current = `${date.slice(0, 4)}_${date.slice(4, 6)}_${date.slice(6)}`;
    const versions = [...new Set([...CLOUDFRONT_EVENT_NAME_VERSIONS, current])].sort();
    return [...names, ...versions.map((v) => `${op.name}${v}`)];
  },
});

/**
 * S3 eventNames that are not operation names: CloudTrail keeps the REST API's older names. Each maps to the
 * operation whose schema describes the record. (Old names that are still deprecated operations of the
 * model, PutBucketLifecycle or ListObjects for ListObjectsV2, are in s3.ts: `s3-legacy-operation-forms`.)
 */
export const S3_EVENT_NAME_ALIASES: Readonly<Record<string, { operation: string; evidence: string }>> = {
  PutBucketPublicAccessBlock: { operation: "PutPublicAccessBlock", evidence: "records" },
  GetBucketPublicAccessBlock: { operation: "GetPublicAccessBlock", evidence: "records" },
  DeleteBucketPublicAccessBlock: { operation: "DeletePublicAccessBlock", evidence: "records" },
  GetBucketRequestPay: { operation: "GetBucketRequestPayment", evidence: "AWS docs, S3 CloudTrail event table" },
  PutBucketRequestPay: { operation: "PutBucketRequestPayment", evidence: "AWS docs, S3 CloudTrail event table" },
  GetBucketObjectLockConfiguration: { operation: "GetObjectLockConfiguration", evidence: "console records (held-out fidelity report); the IAM action's name" },
  PutBucketObjectLockConfiguration: { operation: "PutObjectLockConfiguration", evidence: "inferred from the Get record and the IAM action s3:PutBucketObjectLockConfiguration" },
  GetAccelerateConfiguration: { operation: "GetBucketAccelerateConfiguration", evidence: "console records (held-out fidelity report); the IAM action's name" },
  PutAccelerateConfiguration: { operation: "PutBucketAccelerateConfiguration", evidence: "inferred from the Get record and the IAM action s3:PutAccelerateConfiguration" },
};

export const s3EventNameAliases = rule({
  id: "s3-event-name-aliases",
  why: "S3 logs some operations under the REST API's older names (PutBucketPublicAccessBlock for PutPublicAccessBlock)",
  evidence: "s3 PutBucketPublicAccessBlock, GetBucketPublicAccessBlock, DeleteBucketPublicAccessBlock records; AWS's S3 event table (…RequestPay)",
  appliesTo: (s) => s.name === "s3",
  eventNames: (names, op) => [
    ...names,
    ...Object.entries(S3_EVENT_NAME_ALIASES)
      .filter(([, a]) => a.operation === op.name)
      .map(([alias]) => alias),
  ],
});

/**
 * S3 Control's account-level Block Public Access calls, logged under s3.amazonaws.com with their IAM action's
 * name. The bare names are S3's own bucket-level operations' (GetPublicAccessBlock), so these replace them.
 */
export const S3CONTROL_EVENT_NAMES: Readonly<Record<string, { eventName: string; evidence: string }>> = {
  GetPublicAccessBlock: { eventName: "GetAccountPublicAccessBlock", evidence: "records (held-out fidelity report); S3 CloudTrail account-level event table" },
  PutPublicAccessBlock: { eventName: "PutAccountPublicAccessBlock", evidence: "records (held-out fidelity report); S3 CloudTrail account-level event table" },
  DeletePublicAccessBlock: { eventName: "DeleteAccountPublicAccessBlock", evidence: "records (held-out fidelity report); S3 CloudTrail account-level event table" },
};

export const s3controlAccountEventNames = rule({
  id: "s3control-account-event-names",
  why: "S3 Control's account-level public access block calls are logged as Get/Put/DeleteAccountPublicAccessBlock under s3.amazonaws.com",
  evidence: "s3.amazonaws.com GetAccountPublicAccessBlock, PutAccountPublicAccessBlock, DeleteAccountPublicAccessBlock records with accountId in requestParameters",
  appliesTo: (s) => s.name === "s3control",
  eventNames: (names, op) => {
    const renamed = S3CONTROL_EVENT_NAMES[op.name];
    return renamed ? [...names.filter((n) => n !== op.name), renamed.eventName] : names;
  },
});

/** Other services' eventNames that are not the operation's name: service -> operation -> names, with evidence. */
export const EVENT_NAME_ALIASES: Readonly<Record<string, Readonly<Record<string, { names: readonly string[]; evidence: string }>>>> = {
  ce: { GetCostAndUsage: { names: ["GetCostandUsage"], evidence: "GetCostandUsage record, Cost Management user guide (2022)" } },
  route53domains: { UpdateDomainContact: { names: ["updateDomainContact"], evidence: "updateDomainContact record, Route 53 developer guide (2018)" } },
};

export const eventNameAliases = rule({
  id: "event-name-aliases",
  why: "a few operations are logged under a differently spelled eventName (ce GetCostandUsage, route53domains updateDomainContact)",
  evidence: Object.entries(EVENT_NAME_ALIASES)
    .flatMap(([s, ops]) => Object.entries(ops).map(([o, e]) => `${s} ${o}: ${e.evidence}`))
    .join("; "),
  appliesTo: (s) => s.name in EVENT_NAME_ALIASES,
  eventNames: (names, op, service) => [...names, ...(EVENT_NAME_ALIASES[service.name]?.[op.name]?.names ?? [])],
});

export const isService = (...names: string[]) => (s: ServiceModel) => names.includes(s.name);
