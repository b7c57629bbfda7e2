/**
 * The API of @cloudtrail-schema/types, checked by the compiler: every line compiles, and every
 * `@ts-expect-error` must meet an error. Field names used here are ones CloudTrail's records and the
 * fidelity rules agree on (iam, kms, lambda); ec2 and s3 are checked through literals and narrowing only.
 */
import type {
  CloudTrailEvent,
  CloudTrailRecord,
  CloudTrailRequest,
  CloudTrailResponse,
  OperationName,
  ServiceEventSources,
  ServiceName,
  ServiceNotImported,
  UserIdentity,
} from "@cloudtrail-schema/types";
import type {} from "@cloudtrail-schema/types/iam";
import type {} from "@cloudtrail-schema/types/kms";
import type { CreateFunctionEvent, LambdaEvent, LambdaEvents } from "@cloudtrail-schema/types/lambda";
import type { InstanceType } from "@cloudtrail-schema/types/ec2";
import type {} from "@cloudtrail-schema/types/s3";
import type { Assignable, Equal, Expect } from "./assert.mjs";

declare const createPolicy: CloudTrailEvent<"iam", "CreatePolicy">;

// --- Literal eventSource and eventName, typed envelope -------------------------------------------------
export type T1 = Expect<Equal<typeof createPolicy.eventSource, "iam.amazonaws.com">>;
export type T2 = Expect<Equal<typeof createPolicy.eventName, "CreatePolicy">>;
export type T3 = Expect<Equal<typeof createPolicy.userIdentity, UserIdentity>>;
export type T4 = Expect<Equal<typeof createPolicy.eventVersion, string>>;
export type T5 = Expect<Assignable<typeof createPolicy, CloudTrailRecord>>;
export const principal: string | undefined = createPolicy.userIdentity.sessionContext?.sessionIssuer?.arn;
// @ts-expect-error eventSource is a literal of the service
export const wrongSource: "ec2.amazonaws.com" = createPolicy.eventSource;

// --- requestParameters / responseElements: typed, nullable and optional as in real records ------------
export type T6 = Expect<Equal<typeof createPolicy.requestParameters, CloudTrailRequest<"iam", "CreatePolicy"> | null | undefined>>;
export type T7 = Expect<Equal<typeof createPolicy.responseElements, CloudTrailResponse<"iam", "CreatePolicy"> | null | undefined>>;
export const policyName: string | undefined = createPolicy.requestParameters?.policyName;
export const policyArn: string | undefined = createPolicy.responseElements?.policy?.arn;
export const tagKeys: (string | undefined)[] | undefined = createPolicy.requestParameters?.tags?.map((t) => t.key);
// @ts-expect-error requestParameters may be null or absent
createPolicy.requestParameters.policyName;
// @ts-expect-error a field CreatePolicy does not have (misspelt)
createPolicy.requestParameters?.polcyName;
// @ts-expect-error a field of another operation
createPolicy.requestParameters?.userName;

// --- Value types -----------------------------------------------------------------------------------------
export const params: CloudTrailRequest<"iam", "CreatePolicy"> = { policyName: "p", policyDocument: "{}" };
// @ts-expect-error policyName is a string
export const badParams: CloudTrailRequest<"iam", "CreatePolicy"> = { policyName: 1 };
export const deletion: CloudTrailRequest<"kms", "ScheduleKeyDeletion"> = { keyId: "k", pendingWindowInDays: 7 };
// @ts-expect-error pendingWindowInDays is a number
export const badDeletion: CloudTrailRequest<"kms", "ScheduleKeyDeletion"> = { keyId: "k", pendingWindowInDays: "7" };
// Timestamps: CloudTrail writes ISO strings, "Oct 16, 2020 9:47:27 AM" strings and epoch numbers.
export const created: CloudTrailResponse<"iam", "CreatePolicy">["policy"] = { createDate: "Oct 16, 2020 9:47:27 AM" };
export const createdEpoch: CloudTrailResponse<"iam", "CreatePolicy">["policy"] = { createDate: 1602841647000 };

// --- Enums are open literal unions -------------------------------------------------------------------------
export const known: InstanceType = "t3.micro";
export const future: InstanceType = "x99.metal-9000"; // AWS adds instance types without a new model
// @ts-expect-error still a string
export const notAString: InstanceType = 3;
export type T8 = Expect<Assignable<"t3.micro", InstanceType>>;
export const identityType: UserIdentity["type"] = "AssumedRole";
export const newIdentityType: UserIdentity["type"] = "SomeFutureIdentity";

// --- ServiceName, OperationName: a wrong pair does not compile -------------------------------------------
export const service: ServiceName = "ec2";
// @ts-expect-error not a service
export const notAService: ServiceName = "ec3";
export type T9 = Expect<Equal<ServiceEventSources["iam"], "iam.amazonaws.com">>;
export type T10 = Expect<Assignable<"CreatePolicy", OperationName<"iam">>>;
export type T11 = Expect<Equal<Assignable<"RunInstances", OperationName<"iam">>, false>>;
// @ts-expect-error RunInstances is an ec2 operation, not an iam one
export type WrongPair = CloudTrailEvent<"iam", "RunInstances">;
// @ts-expect-error not a service
export type WrongService = CloudTrailEvent<"iamx", "CreatePolicy">;
// @ts-expect-error misspelt operation
export type Misspelt = CloudTrailRequest<"kms", "ScheduleKeyDeletions">;

// --- Per-service unions, discriminated by eventName ---------------------------------------------------------
export function iamPolicyOrUser(event: CloudTrailEvent<"iam">): string | undefined {
  switch (event.eventName) {
    case "CreatePolicy":
      return event.requestParameters?.policyDocument;
    case "CreateUser":
      // @ts-expect-error narrowed to CreateUser, which has no policyDocument
      event.requestParameters?.policyDocument;
      return event.requestParameters?.userName;
    default:
      return undefined;
  }
}
export function handled(event: CloudTrailEvent<"kms", "ScheduleKeyDeletion" | "DisableKey">): string | undefined {
  if (event.eventName === "ScheduleKeyDeletion") return String(event.requestParameters?.pendingWindowInDays);
  // @ts-expect-error narrowed to DisableKey
  event.requestParameters?.pendingWindowInDays;
  return event.requestParameters?.keyId;
}
// Several services: a union of CloudTrailEvents, narrowed by eventSource, then eventName.
export function across(event: CloudTrailEvent<"iam"> | CloudTrailEvent<"kms">): string | undefined {
  if (event.eventSource === "kms.amazonaws.com" && event.eventName === "DisableKey") return event.requestParameters?.keyId;
  return undefined;
}
export type T12 = Expect<Equal<LambdaEvent, LambdaEvents[keyof LambdaEvents]>>;
export type T13 = Expect<Equal<CloudTrailEvent<"lambda", "CreateFunction">, CreateFunctionEvent>>;
export type T14 = Expect<Assignable<CloudTrailEvent<"s3", "PutBucketPolicy">, CloudTrailEvent<"s3">>>;
export type T15 = Expect<Assignable<CloudTrailEvent<"s3", "PutBucketPolicy">, CloudTrailRecord>>;
// S3 directory buckets log under s3express.amazonaws.com, S3 on Outposts objects under s3-outposts.amazonaws.com
// (rule event-source-also): all are s3 records.
export const s3Source: "s3.amazonaws.com" | "s3express.amazonaws.com" | "s3-outposts.amazonaws.com" = ({} as CloudTrailEvent<"s3">).eventSource;
// @ts-expect-error an s3 record's eventSource may be s3express.amazonaws.com
export const s3OnlySource: "s3.amazonaws.com" = ({} as CloudTrailEvent<"s3">).eventSource;
export const kmsSource: "kms.amazonaws.com" = ({} as CloudTrailEvent<"kms">).eventSource;

// --- A service whose module is not imported resolves to a stand-in that names the module ---------------
export type T16 = Expect<Equal<CloudTrailEvent<"sqs", "SendMessage">, ServiceNotImported<"sqs">>>;
declare const notImported: CloudTrailEvent<"sqs", "SendMessage">;
// @ts-expect-error import "@cloudtrail-schema/types/sqs" first
notImported.requestParameters;

// --- rest-bound-scalar-strings: text or number only where the HTTP binding carries text (issue 10) -----------
declare const listFunctions: CloudTrailEvent<"lambda", "ListFunctions">;
declare const createFunctionCall: CloudTrailEvent<"lambda", "CreateFunction">;
export type TQ1 = Expect<Equal<NonNullable<NonNullable<typeof listFunctions.requestParameters>["maxItems"]>, number | string>>;
export type TQ2 = Expect<Equal<NonNullable<NonNullable<typeof createFunctionCall.requestParameters>["timeout"]>, number>>;
