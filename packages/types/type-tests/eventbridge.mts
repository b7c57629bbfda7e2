/** The EventBridge form against the real @types/aws-lambda, in both directions. */
import type { EventBridgeEvent, EventBridgeHandler } from "aws-lambda";
import type { CloudTrailEvent, CloudTrailEventBridgeEvent } from "@cloudtrail-schema/types";
import type {} from "@cloudtrail-schema/types/iam";
import type {} from "@cloudtrail-schema/types/kms";
import type { Assignable, Expect } from "./assert.mjs";

declare const theirs: EventBridgeEvent<"AWS API Call via CloudTrail", CloudTrailEvent<"iam", "CreatePolicy">>;
declare const ours: CloudTrailEventBridgeEvent<"iam", "CreatePolicy">;
export const fromTheirs: CloudTrailEventBridgeEvent<"iam", "CreatePolicy"> = theirs;
export const toTheirs: EventBridgeEvent<"AWS API Call via CloudTrail", CloudTrailEvent<"iam", "CreatePolicy">> = ours;
export type B1 = Expect<Assignable<CloudTrailEventBridgeEvent<"kms">, EventBridgeEvent<"AWS API Call via CloudTrail", CloudTrailEvent<"kms">>>>;
export type B2 = Expect<Assignable<EventBridgeEvent<"AWS API Call via CloudTrail", CloudTrailEvent<"kms">>, CloudTrailEventBridgeEvent<"kms">>>;
// @ts-expect-error another operation's detail
export const wrongDetail: CloudTrailEventBridgeEvent<"iam", "CreatePolicy"> = {} as EventBridgeEvent<"AWS API Call via CloudTrail", CloudTrailEvent<"iam", "DeletePolicy">>;
// @ts-expect-error another detail-type
export const wrongDetailType: CloudTrailEventBridgeEvent<"iam", "CreatePolicy"> = {} as EventBridgeEvent<"AWS Console Sign In via CloudTrail", CloudTrailEvent<"iam", "CreatePolicy">>;

// A Lambda handler of @types/aws-lambda, with the detail typed.
export const handler: EventBridgeHandler<"AWS API Call via CloudTrail", CloudTrailEvent<"iam", "CreatePolicy">, string | undefined> = async (event) => {
  const policy: string | undefined = event.detail.requestParameters?.policyName;
  return `${event.source} ${event.detail.eventName} ${policy}`;
};

// One rule for several services (`"source": ["aws.iam", "aws.kms"]`): a union of services is the events of each,
// discriminated by eventSource and eventName, and `O` may name operations of any of them.
import type { CloudTrailRequest, OperationName } from "@cloudtrail-schema/types";
import type { Equal } from "./assert.mjs";
export type M1 = Expect<Equal<CloudTrailEvent<"iam" | "kms">, CloudTrailEvent<"iam"> | CloudTrailEvent<"kms">>>;
export type M2 = Expect<Equal<CloudTrailEvent<"iam" | "kms", "CreatePolicy" | "ScheduleKeyDeletion">, CloudTrailEvent<"iam", "CreatePolicy"> | CloudTrailEvent<"kms", "ScheduleKeyDeletion">>>;
export type M3 = Expect<Equal<OperationName<"iam" | "kms">, OperationName<"iam"> | OperationName<"kms">>>;
export type M4 = Expect<Equal<CloudTrailRequest<"iam" | "kms", "CreatePolicy">, CloudTrailRequest<"iam", "CreatePolicy">>>;
export type M5 = Expect<Equal<CloudTrailEventBridgeEvent<"iam" | "kms">["detail"], CloudTrailEvent<"iam"> | CloudTrailEvent<"kms">>>;
// @ts-expect-error an operation of neither service
export type M6 = CloudTrailEvent<"iam" | "kms", "RunInstances">;
export const securityRule: EventBridgeHandler<"AWS API Call via CloudTrail", CloudTrailEvent<"iam" | "kms", "CreatePolicy" | "ScheduleKeyDeletion">, string> = async ({ detail }) => {
  switch (detail.eventName) {
    case "CreatePolicy":
      return `${detail.eventSource} policy ${detail.requestParameters?.policyName}`;
    case "ScheduleKeyDeletion":
      return `${detail.eventSource} key ${detail.requestParameters?.keyId} in ${detail.requestParameters?.pendingWindowInDays} days`;
  }
};
export function bySource(event: CloudTrailEventBridgeEvent<"iam" | "kms">): string {
  if (event.detail.eventSource === "kms.amazonaws.com") {
    // @ts-expect-error narrowed to kms: an iam operation is not among its names
    const iamOnly: typeof event.detail.eventName = "CreatePolicy";
    return `${event.detail.eventName} ${iamOnly}`;
  }
  return event.detail.userIdentity.type ?? event.detail.userIdentity.accountId ?? "AWS";
}
