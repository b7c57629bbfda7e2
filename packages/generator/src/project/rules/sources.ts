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

/** Services whose records carry another eventSource than their signing name says, with the records that showed it. */
export const EVENT_SOURCE_OVERRIDES: Readonly<Record<string, { eventSource: string; evidence: string }>> = {
  "sso-oidc": { eventSource: "sso.amazonaws.com", evidence: "CreateToken records (AWS docs 2020, detection tests); signing name sso-oauth" },
  sso: { eventSource: "sso.amazonaws.com", evidence: "IAM Identity Center portal calls (GetRoleCredentials, ListAccounts) are documented under sso.amazonaws.com; signing name awsssoportal" },
};

export const eventSourceOverrides = rule({
  id: "event-source-overrides",
  why: "a few services log under another service's eventSource (IAM Identity Center's OIDC and portal APIs under sso.amazonaws.com)",
  evidence: Object.entries(EVENT_SOURCE_OVERRIDES)
    .map(([s, o]) => `${s}: ${o.evidence}`)
    .join("; "),
  appliesTo: (s) => s.name in EVENT_SOURCE_OVERRIDES,
  eventSource: (source, service) => EVENT_SOURCE_OVERRIDES[service.name]?.eventSource ?? source,
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

export const isService = (...names: string[]) => (s: ServiceModel) => names.includes(s.name);
