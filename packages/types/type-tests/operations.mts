/**
 * Per-operation modules: a program that imports `@cloudtrail-schema/types/<service>/<Operation>` has those
 * operations registered, and only those (the compiler reads only what they reach). Compiled in a program
 * of its own (tsconfig.operations.json): the other type tests import whole services.
 */
import type { EventBridgeHandler } from "aws-lambda";
import type { CloudTrailEvent, CloudTrailEventBridgeEvent, OperationName } from "@cloudtrail-schema/types";
import type { RunInstancesEvent, RunInstancesRequestParameters } from "@cloudtrail-schema/types/ec2/RunInstances";
import type {} from "@cloudtrail-schema/types/ec2/TerminateInstances";
import type { AssumeRoleEvent } from "@cloudtrail-schema/types/sts/AssumeRole";
import type { Equal, Expect } from "./assert.mjs";

// --- The operations imported are registered, by the same generic as whole services ------------------------------
export type O1 = Expect<Equal<OperationName<"ec2">, "RunInstances" | "TerminateInstances">>;
export type O2 = Expect<Equal<CloudTrailEvent<"ec2", "RunInstances">, RunInstancesEvent>>;
export type O3 = Expect<Equal<CloudTrailEvent<"sts", "AssumeRole">, AssumeRoleEvent>>;
export type O4 = Expect<Equal<NonNullable<RunInstancesEvent["requestParameters"]>, RunInstancesRequestParameters>>;
// @ts-expect-error an operation whose module the program does not import is not registered
export type NotImported = CloudTrailEvent<"ec2", "DescribeInstances">;

// --- A handler over the imported operations, as in the benchmark's consumer -------------------------------------
export const onRunInstances: EventBridgeHandler<"AWS API Call via CloudTrail", CloudTrailEvent<"ec2", "RunInstances">, string[]> = async (event) =>
  event.detail.responseElements?.instancesSet?.items?.map((i) => i.instanceId ?? "") ?? [];

export function route(event: CloudTrailEvent<"ec2">): string {
  switch (event.eventName) {
    case "RunInstances":
      return event.requestParameters?.instanceType ?? "";
    case "TerminateInstances":
      return event.awsRegion;
  }
}

declare const assumed: CloudTrailEventBridgeEvent<"sts", "AssumeRole">;
export const session: string | undefined = assumed.detail.requestParameters?.roleSessionName;
// Credentials may read as a redaction marker: their keys are still readable, as undefined.
export const keyId: string | undefined = assumed.detail.responseElements?.credentials?.accessKeyId;
