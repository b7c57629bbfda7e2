/**
 * The curated services: CloudTrail events that no botocore operation describes, written by hand as values
 * of the log model (`curated: true`) and passed to the emitters beside the projected botocore services.
 *
 * | service             | keyed by                              | events                                         |
 * |---------------------|---------------------------------------|------------------------------------------------|
 * | signin-console      | eventSource signin.amazonaws.com      | ConsoleLogin, CheckMfa, SwitchRole...          |
 * | aws-service-events  | eventType AwsServiceEvent             | kms:RotateKey, organizations:CreateAccountResult... + fallback |
 * | aws-console-actions | eventType AwsConsoleAction            | fallback                                       |
 * | cloudtrail-insights | eventType AwsCloudTrailInsight        | ApiCallRateInsight, ApiErrorRateInsight        |
 * | codecommit-git      | eventSource codecommit.amazonaws.com  | GitPull, GitPush (Git client calls)            |
 * | ssm-agent-channels  | eventSource ssmmessages / ec2messages | CreateControlChannel, GetMessages...           |
 * | unmodeled-api-calls | the table in unmodeled.ts             | fallback: console-internal and agent APIs      |
 *
 * Names never collide with botocore service names (botocore has `signin`, hence `signin-console`); a test
 * checks that against the snapshot's manifest. resolve.ts says which operation a record belongs to.
 */
import type { LoggedService } from "../log-model.js";
import { awsConsoleActions } from "./console-actions.js";
import { ssmAgentChannels } from "./agent-channels.js";
import { codecommitGit } from "./codecommit-git.js";
import { cloudtrailInsights } from "./insights.js";
import { awsServiceEvents } from "./service-events.js";
import { byName } from "./shared.js";
import { signinConsole } from "./signin.js";
import { unmodeledApiCalls } from "./unmodeled.js";

/** Every curated service, sorted by name; fresh objects on every call. */
export function curatedServices(): LoggedService[] {
  return [awsConsoleActions(), awsServiceEvents(), cloudtrailInsights(), codecommitGit(), signinConsole(), ssmAgentChannels(), unmodeledApiCalls()].sort(byName);
}

export { resolveCurated, CURATED_EVENT_TYPES, CURATED_RULES } from "./resolve.js";
export type { CuratedMatch, CuratedRule } from "./resolve.js";
export { ANY_EVENT_SOURCE, NO_API_VERSION, NO_PROTOCOL, parseSourcedOperationName, sourcedOperationName } from "./shared.js";
export { AWS_CONSOLE_ACTIONS, CONSOLE_ACTION_FALLBACK, CONSOLE_ACTION_TYPE } from "./console-actions.js";
export { AWS_SERVICE_EVENTS, SERVICE_EVENT_FALLBACK, SERVICE_EVENT_TYPE } from "./service-events.js";
export { CLOUDTRAIL_INSIGHTS, INSIGHT_EVENT_TYPE } from "./insights.js";
export { SIGNIN_CONSOLE, SIGNIN_EVENT_SOURCE } from "./signin.js";
export { CODECOMMIT_EVENT_SOURCE, CODECOMMIT_GIT } from "./codecommit-git.js";
export { AGENT_CHANNEL_CALLS, EC2MESSAGES, SSM_AGENT_CHANNELS, SSMMESSAGES } from "./agent-channels.js";
export { RETIRED_SERVICES, UNMODELED, UNMODELED_API_CALLS, UNMODELED_FALLBACK, unmodeledEntry } from "./unmodeled.js";
export type { UnmodeledEntry } from "./unmodeled.js";
