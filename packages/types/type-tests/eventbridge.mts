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
