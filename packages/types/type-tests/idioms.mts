/**
 * What people already write: idioms of public Lambda handlers and rules for CloudTrail events (EC2
 * auto-tagging, owner tags, alerts), each compiling under `strict` without a cast. Where the handler wrote
 * `a.b.c`, the line here adds `?.` only where CloudTrail really omits the value (payloads, optional fields);
 * the envelope fields every record carries are read directly. Then `@ts-expect-error` cases showing the
 * types stay sound.
 *
 * Where the idioms come from (public code, paraphrased): EC2 owner-tagging handlers
 * (`event.detail.userIdentity.arn.split('/')[1]`, `responseElements.instancesSet.items[0].instanceId`),
 * security-group remediation handlers (`requestParameters.ipPermissions.items.map(...)`,
 * `ipRanges.items[0].cidrIp`), Lambda alarm handlers (`if (event.detail.errorCode) return;`,
 * `requestParameters.functionName` on `CreateFunction20150331`), STS/IAM/KMS/S3 alert rules.
 */
import type { EventBridgeHandler } from "aws-lambda";
import type { CloudTrailEvent, CloudTrailEventBridgeEvent, CloudTrailRecord, OperationName, CloudTrailInsightsRecord, JsonErrorDocument, RedactionMarker, UserIdentity } from "@cloudtrail-schema/types";
import type {} from "@cloudtrail-schema/types/ec2";
import type { InstanceList, IpPermissionList_request } from "@cloudtrail-schema/types/ec2";
import type {} from "@cloudtrail-schema/types/iam";
import type {} from "@cloudtrail-schema/types/kms";
import type {} from "@cloudtrail-schema/types/lambda";
import type {} from "@cloudtrail-schema/types/s3";
import type {} from "@cloudtrail-schema/types/sts";
import type {} from "@cloudtrail-schema/types/cloudtrail-insights";
import type {} from "@cloudtrail-schema/types/signin-console";
import type { Assignable, Equal, Expect } from "./assert.mjs";

declare const runInstances: CloudTrailEvent<"ec2", "RunInstances">;
declare const ingress: CloudTrailEvent<"ec2", "AuthorizeSecurityGroupIngress">;
declare const assumeRole: CloudTrailEvent<"sts", "AssumeRole">;
declare const createFunction: CloudTrailEvent<"lambda", "CreateFunction">;
declare const putObject: CloudTrailEvent<"s3", "PutObject">;
declare const createBucket: CloudTrailEvent<"s3", "CreateBucket">;
declare const attachUserPolicy: CloudTrailEvent<"iam", "AttachUserPolicy">;
declare const createUser: CloudTrailEvent<"iam", "CreateUser">;
declare const createKey: CloudTrailEvent<"kms", "CreateKey">;
declare const scheduleKeyDeletion: CloudTrailEvent<"kms", "ScheduleKeyDeletion">;
declare const anyRecord: CloudTrailRecord;

// --- 1. EC2 auto-tagging: the instance ids of RunInstances -------------------------------------------------
export const instanceIds: (string | undefined)[] | undefined = runInstances.responseElements?.instancesSet?.items?.map((i) => i.instanceId);

// --- 2. The first instance id, as handlers write it (items[0]) -----------------------------------------------
export const firstInstance: string | undefined = runInstances.responseElements?.instancesSet?.items?.[0]?.instanceId;

// --- 3. Owner tag: the user name from the caller's ARN (arn/user-name) ----------------------------------------
export const owner: string | undefined = runInstances.userIdentity.arn?.split("/")[1];

// --- 4. Assumed-role ARN parsing: role and session from arn:aws:sts::<acct>:assumed-role/<role>/<session> ---
export function roleAndSession(identity: UserIdentity): { role: string; session: string } | undefined {
  if (identity.type !== "AssumedRole" || !identity.arn) return undefined;
  const [, role = "", session = ""] = identity.arn.split(":")[5]?.split("/") ?? [];
  return { role, session };
}
export const session = roleAndSession(runInstances.userIdentity);
// ...and the role that issued the session, a common "who really did it" line.
export const issuer: string | undefined = runInstances.userIdentity.sessionContext?.sessionIssuer?.userName;

// --- 5. The envelope fields every record carries: no `?.`, no `!` -------------------------------------------
export const region: string = runInstances.awsRegion;
export const when: string = anyRecord.eventTime;
export const id: string = anyRecord.eventID;
export const sourceIp: string = anyRecord.sourceIPAddress;
export const principal: string | undefined = anyRecord.userIdentity.principalId;
export const account: string | undefined = anyRecord.recipientAccountId ?? anyRecord.userIdentity.accountId;

// --- 6. Tags given at launch (tagSpecificationSet.items[].tags[]) ---------------------------------------------
// A tag specification logs `tags` as a plain array (rule ec2-tag-specification-tags), as handlers read it.
export const launchTags: { key?: string; value?: string }[] | undefined = runInstances.requestParameters?.tagSpecificationSet?.items?.flatMap(
  (s) => s.tags?.map((t) => ({ key: t.key, value: t.value })) ?? [],
);
const instanceSpec = runInstances.requestParameters?.tagSpecificationSet?.items?.find((s) => s.resourceType === "instance");
export const requestedName: string | undefined = instanceSpec?.tags?.find((t) => t.key === "Name")?.value;
export const requestedTags: Record<string, string | undefined> = Object.fromEntries((instanceSpec?.tags ?? []).map((t) => [t.key, t.value]));

// --- 7. Security-group rules opened to the world (AuthorizeSecurityGroupIngress ipPermissions.items) --------
export const openToWorld: boolean | undefined = ingress.requestParameters?.ipPermissions?.items?.some((p) =>
  p.ipRanges?.items?.some((r) => r.cidrIp === "0.0.0.0/0"),
);
export const ports = ingress.requestParameters?.ipPermissions?.items?.map((p) => `${p.ipProtocol}:${p.fromPort}-${p.toPort}`);
export const groupId: string | undefined = ingress.requestParameters?.groupId;

// --- 8. STS AssumeRole: the temporary key handed out (redacted in some records) ------------------------------
export const accessKeyId: string | undefined = assumeRole.responseElements?.credentials?.accessKeyId;
export const assumedRoleArn: string | undefined = assumeRole.responseElements?.assumedRoleUser?.arn;
export const roleArn: string | undefined = assumeRole.requestParameters?.roleArn;

// --- 9. Lambda: the function created (eventName carries the API version suffix) ------------------------------
export function functionCreated(event: CloudTrailEvent<"lambda">): string | undefined {
  if (event.errorCode) return undefined;
  switch (event.eventName) {
    case "CreateFunction20150331":
      return event.requestParameters?.functionName;
    default:
      return undefined;
  }
}
export const functionArn: string | undefined = createFunction.responseElements?.functionArn;
export const runtime: string | undefined = createFunction.requestParameters?.runtime;

// --- 10. S3: bucket and key ---------------------------------------------------------------------------------
export const objectUri = `s3://${putObject.requestParameters?.bucketName}/${putObject.requestParameters?.key}`;
export const newBucket: string | undefined = createBucket.requestParameters?.bucketName;

// --- 11. IAM: user and policy names ---------------------------------------------------------------------------
export const policyArn: string | undefined = attachUserPolicy.requestParameters?.policyArn;
export const attachedTo: string | undefined = attachUserPolicy.requestParameters?.userName;
export const isAdmin: boolean = attachUserPolicy.requestParameters?.policyArn?.endsWith("/AdministratorAccess") ?? false;
export const newUserArn: string | undefined = createUser.responseElements?.user?.arn;

// --- 12. KMS: key ids ---------------------------------------------------------------------------------------------
export const keyId: string | undefined = createKey.responseElements?.keyMetadata?.keyId;
export const doomedKey: string | undefined = scheduleKeyDeletion.requestParameters?.keyId;
export const deletionDate = scheduleKeyDeletion.responseElements?.deletionDate;

// --- 13. errorCode checks: access denied alerts ---------------------------------------------------------------
export const denied: boolean = anyRecord.errorCode === "AccessDenied" || anyRecord.errorCode?.endsWith("UnauthorizedOperation") === true;
export const message: string = anyRecord.errorMessage ?? "";

// --- 14. Root and console activity -----------------------------------------------------------------------------
export const byRoot: boolean = anyRecord.userIdentity.type === "Root" && anyRecord.userIdentity.invokedBy === undefined;
export const mfa: boolean = anyRecord.userIdentity.sessionContext?.attributes?.mfaAuthenticated === "true";

// --- 15. An EventBridge handler of @types/aws-lambda, the detail typed ----------------------------------------
export const tagOwner: EventBridgeHandler<"AWS API Call via CloudTrail", CloudTrailEvent<"ec2", "RunInstances">, string[]> = async (event) => {
  const user = event.detail.userIdentity.arn?.split("/").pop() ?? event.detail.userIdentity.principalId ?? "unknown";
  const ids = event.detail.responseElements?.instancesSet?.items?.map((i) => i.instanceId).filter((i): i is string => !!i) ?? [];
  return ids.map((i) => `${event.detail.awsRegion} ${i} Owner=${user}`);
};
export function onCall(event: CloudTrailEventBridgeEvent<"iam"> | CloudTrailEventBridgeEvent<"kms">): string {
  const { eventSource, eventName, awsRegion, userIdentity } = event.detail;
  return `${eventSource} ${eventName} in ${awsRegion} by ${userIdentity.arn ?? userIdentity.type ?? "?"}`;
}

// --- 16. Several operations in one handler, narrowed by eventName ---------------------------------------------
export function resourceOf(event: CloudTrailEvent<"ec2", "RunInstances" | "CreateVolume" | "CreateSecurityGroup">): string | undefined {
  switch (event.eventName) {
    case "RunInstances":
      return event.responseElements?.instancesSet?.items?.[0]?.instanceId;
    case "CreateVolume":
      return event.responseElements?.volumeId;
    case "CreateSecurityGroup":
      return event.responseElements?.groupId;
  }
}

// --- 17. typeof narrowing still tells the forms apart, for those who want it --------------------------------------
export function instanceCount(list: InstanceList | undefined): number {
  if (typeof list === "string") return 0; // the wrapped response form's empty list ""
  return list?.items?.length ?? 0;
}
export function credentialsHidden(event: CloudTrailEvent<"sts", "AssumeRole">): boolean {
  const c = event.responseElements?.credentials;
  return typeof c === "string";
}
export function permissionCount(list: IpPermissionList_request): number {
  return Array.isArray(list) ? list.length : (list.items ?? list.item ?? []).length;
}
// The forms CloudTrail writes are still assignable.
export const emptyList: InstanceList = "";
export const listed: InstanceList = { items: [{ instanceId: "i-0123456789abcdef0" }] };
export const plainArray: IpPermissionList_request = [{ ipProtocol: "tcp", fromPort: 22, toPort: 22 }];
export const hidden: NonNullable<NonNullable<CloudTrailEvent<"sts", "AssumeRole">["responseElements"]>["credentials"]> = "HIDDEN_DUE_TO_SECURITY_REASONS";

// --- 18. Insights records have their own type: no top-level userIdentity ------------------------------------------
declare const insight: CloudTrailEvent<"cloudtrail-insights", "ApiCallRateInsight">;
export const insightApi: string | undefined = insight.insightDetails.eventName;
export type I1 = Expect<Assignable<typeof insight, CloudTrailInsightsRecord>>;
export type I2 = Expect<Equal<Assignable<CloudTrailInsightsRecord, CloudTrailRecord>, false>>;

// --- 19. Failed calls of JSON services: the error document, and the redaction markers by name ------------------------
export const kmsError: string | undefined = createKey.errorCode ? (createKey.responseElements?.message ?? createKey.responseElements?.__type) : undefined;
export type E1 = Expect<Assignable<NonNullable<typeof createKey.responseElements>, JsonErrorDocument>>;
export type E2 = Expect<Equal<typeof createKey.eventSource, "kms.amazonaws.com">>;
export type E3 = Expect<Equal<typeof createKey.eventName, "CreateKey">>;
export type E4 = Expect<Assignable<typeof createKey, CloudTrailRecord>>;
export function hiddenMarker(event: CloudTrailEvent<"sts", "AssumeRole">): RedactionMarker | undefined {
  const c = event.responseElements?.credentials;
  return typeof c === "string" ? c : undefined;
}

// --- 20. Console sign-in without MFA: additionalEventData.MFAUsed of ConsoleLogin --------------------------------------
declare const consoleLogin: CloudTrailEvent<"signin-console", "ConsoleLogin">;
export const withoutMfa: boolean = consoleLogin.responseElements?.ConsoleLogin === "Success" && consoleLogin.additionalEventData?.MFAUsed !== "Yes";
export const landedOn: string | undefined = consoleLogin.additionalEventData?.LoginTo;
declare const userAuthentication: CloudTrailEvent<"signin-console", "UserAuthentication">;
export const signedIn: boolean = userAuthentication.serviceEventDetails?.UserAuthentication === "Success";

// --- 21. S3: requests by presigned URL, and the bytes they moved (additionalEventData) -----------------------------------
export const presigned: boolean = putObject.additionalEventData?.AuthenticationMethod === "QueryString";
export const bytesIn: number = putObject.additionalEventData?.bytesTransferredIn ?? 0;
export const viaEndpoint: string | undefined = createBucket.additionalEventData?.vpcEndpointId;

// --- 22. EC2 CreateTags: the resources tagged and the tags (legacy lists of one-key objects) ----------------------------
declare const createTags: CloudTrailEvent<"ec2", "CreateTags">;
export const tagged: (string | undefined)[] | undefined = createTags.requestParameters?.resourcesSet?.items?.map((r) => r.resourceId);
export const tagPairs = createTags.requestParameters?.tagSet?.items?.map((t) => `${t.key}=${t.value}`);

// --- 23. S3 PutBucketPolicy: the statements of the policy (an object, or the string CloudTrail keeps when it is not JSON) ---
declare const putBucketPolicy: CloudTrailEvent<"s3", "PutBucketPolicy">;
export const statements = putBucketPolicy.requestParameters?.bucketPolicy?.Statement;

// --- 24. A rule on every event of a service: a field only some operations have, read after `in` ------------------------
declare const anyS3: CloudTrailEvent<"s3">;
const s3Request = anyS3.requestParameters;
export const anyBucket: string | undefined = s3Request && "bucketName" in s3Request ? s3Request.bucketName : undefined;

// --- 25. The eventName a record or an EventBridge rule shows names the event (lambda's version suffixes, s3's older names) --
export const onConfigUpdate: EventBridgeHandler<"AWS API Call via CloudTrail", CloudTrailEvent<"lambda", "UpdateFunctionConfiguration20150331v2">, string> = async ({ detail }) =>
  `${detail.eventName} ${detail.requestParameters?.functionName} ${detail.requestParameters?.runtime ?? ""}`;
export function publicAccessUnblocked(event: CloudTrailEventBridgeEvent<"s3", "PutBucketPublicAccessBlock" | "DeleteBucketPublicAccessBlock">): boolean {
  // The eventName test narrows where it holds (each event's eventName is its operation's names, so the other branch keeps both).
  if (event.detail.eventName === "PutBucketPublicAccessBlock") return event.detail.requestParameters?.PublicAccessBlockConfiguration?.BlockPublicAcls === false;
  return true;
}
export type N1 = Expect<Equal<CloudTrailEvent<"lambda", "CreateFunction20150331">, CloudTrailEvent<"lambda", "CreateFunction">>>;
export type N2 = Expect<Equal<CloudTrailEvent<"s3", "PutBucketPublicAccessBlock">, CloudTrailEvent<"s3", "PutPublicAccessBlock">>>;
export type N3 = Expect<Equal<CloudTrailEvent<"lambda">, CloudTrailEvent<"lambda", Exclude<OperationName<"lambda">, `${string}20150331${string}`>>>>;

// --- Soundness: what must not compile --------------------------------------------------------------------------------
export type S1 = Expect<Equal<CloudTrailRecord["awsRegion"], string>>;
export type S2 = Expect<Equal<CloudTrailRecord["userIdentity"], UserIdentity>>;
// @ts-expect-error a required field cannot be undefined
export const noRegion: CloudTrailRecord["awsRegion"] = undefined;
// @ts-expect-error a record without its envelope is not a record
export const bare: CloudTrailRecord = { eventVersion: "1.11", eventSource: "iam.amazonaws.com", eventName: "CreateUser" };
// @ts-expect-error a version suffix lambda does not log
export type NoSuchSuffix = CloudTrailEvent<"lambda", "CreateFunction20991231">;
// @ts-expect-error an eventName alias is its own operation's: not a key of another service
export type AliasElsewhere = CloudTrailEvent<"iam", "CreateFunction20150331">;
// @ts-expect-error a tag specification's `tag` key may be {"items": [...]} or an array (no record shows which): narrow first
export const tagKeys = instanceSpec?.tag?.map((t) => t.key);
// @ts-expect-error the wrong literal for this operation's eventName
export const wrongName: CloudTrailEvent<"ec2", "RunInstances">["eventName"] = "TerminateInstances";
// @ts-expect-error userIdentity.arn is optional (AWSService and AWSAccount identities have none): not a plain string
export const arnAlways: string = anyRecord.userIdentity.arn;
// @ts-expect-error payloads may be null or absent: no access without ?.
runInstances.responseElements.instancesSet;
// @ts-expect-error the empty list "" has no items to map over without ?.
export const noChain = runInstances.responseElements?.instancesSet?.items.map((i) => i.instanceId);
// @ts-expect-error an empty list is "", not any string
export const notEmpty: InstanceList = "none";
// @ts-expect-error a redaction marker is one of CloudTrail's markers, not any string
export const notMarker: NonNullable<NonNullable<CloudTrailEvent<"sts", "AssumeRole">["responseElements"]>["credentials"]> = "secret";
// @ts-expect-error a field CreateKey's key metadata does not have (misspelt; EC2 responses are open, kms's are not)
createKey.responseElements?.keyMetadata?.keyID;
// @ts-expect-error the error document's fields are strings
export const numericMessage: number | undefined = createKey.responseElements?.message;
// @ts-expect-error Insights records have no top-level userIdentity
insight.userIdentity.arn;
// @ts-expect-error ListBuckets has no bucketName: across every s3 event it is read after narrowing
export const unnarrowed = anyS3.requestParameters?.bucketName;
// @ts-expect-error MFAUsed is the string "Yes" or "No", not a boolean
export const mfaFlag: boolean | undefined = consoleLogin.additionalEventData?.MFAUsed;
// @ts-expect-error S3's byte counts are numbers
export const bytesText: string | undefined = putObject.additionalEventData?.bytesTransferredOut;
// @ts-expect-error a misspelt key of S3's additionalEventData is unknown, not a string (the object is open)
export const misspelt: string | undefined = putObject.additionalEventData?.SignatureVer;
export function bareOrObject(item: NonNullable<NonNullable<NonNullable<typeof createTags.requestParameters>["resourcesSet"]>["items"]>[number]): string | undefined {
  // typeof still tells a bare id from the object; on the bare id the object's key reads undefined.
  if (typeof item === "string") {
    // @ts-expect-error narrowed to the bare id: its resourceId is undefined, not a string
    const id: string = item.resourceId;
    return `${item}${id}`;
  }
  return item.resourceId;
}
export function narrowed(list: InstanceList): string | undefined {
  if (typeof list === "string") {
    // @ts-expect-error narrowed to "": its items are undefined, not an array
    const items: unknown[] = list.items;
    return `${list}${items.length}`;
  }
  return list.items?.[0]?.instanceId;
}
