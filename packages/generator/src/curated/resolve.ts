/**
 * Which curated operation a record belongs to, if any:
 *
 *   resolveCurated(record): { service, operation } | undefined
 *
 * The rules, first match wins:
 *
 * 1. `insights-by-insight-type`: eventType AwsCloudTrailInsight (or, with no eventType, an
 *    `insightDetails` object) -> cloudtrail-insights, operation = insightDetails.insightType.
 * 2. `signin-by-event-name`: eventSource signin.amazonaws.com and an eventName of signin-console ->
 *    that operation, whatever the eventType (AwsConsoleSignIn for console sign-in, AwsServiceEvent for the
 *    AWS sign-in credential steps, AwsApiCall seen for GetSigninToken).
 * 3. `service-event-by-source-and-name`: eventType AwsServiceEvent -> aws-service-events, operation
 *    `<source>:<eventName>` when documented, else the fallback `AwsServiceEvent`.
 * 4. `console-action-by-source-and-name`: eventType AwsConsoleAction -> aws-console-actions, the same way
 *    (today only the fallback `AwsConsoleAction`).
 *
 * 5. `codecommit-git-by-event-name`: eventSource codecommit.amazonaws.com and an eventName of codecommit-git
 *    (GitPull, GitPush): that operation. botocore's codecommit has no such eventName (tested).
 * 6. `agent-channel-by-source-and-name`: eventSource ssmmessages or ec2messages and an eventName AWS lists
 *    for the agent -> ssm-agent-channels `<source>:<eventName>`.
 * 7. `unmodeled-by-source-and-name`: an API call (eventType AwsApiCall or none) that the UNMODELED table of
 *    unmodeled.ts lists -> unmodeled-api-calls `UnmodeledApiCall`, with `unmodeled: true`. The table lists
 *    only eventSources no model logs under and eventNames no model has (tested), so it never takes a record
 *    a botocore operation would.
 *
 * Everything else is undefined: AwsApiCall and AwsVpceEvent records are API calls and resolve to the
 * botocore operation of (eventSource, eventName); a network activity event carries the API's own
 * eventName and requestParameters, so it is not curated. The runtime's order is therefore
 * `resolveCurated(record) ?? resolveBotocore(record)`, and the two never compete: signin-console's
 * eventNames are disjoint from botocore signin's (tested), and rules 1, 3 and 4 only take event types that
 * are not API calls.
 *
 * Pure: reads only its argument and tables built once from the curated services.
 */
import type { LoggedService } from "../log-model.js";
import { AWS_CONSOLE_ACTIONS, awsConsoleActions, CONSOLE_ACTION_FALLBACK, CONSOLE_ACTION_TYPE } from "./console-actions.js";
import { CLOUDTRAIL_INSIGHTS, cloudtrailInsights, INSIGHT_EVENT_TYPE } from "./insights.js";
import { AWS_SERVICE_EVENTS, awsServiceEvents, SERVICE_EVENT_FALLBACK, SERVICE_EVENT_TYPE } from "./service-events.js";
import { AGENT_CHANNEL_CALLS, SSM_AGENT_CHANNELS } from "./agent-channels.js";
import { CODECOMMIT_EVENT_SOURCE, CODECOMMIT_GIT, codecommitGit } from "./codecommit-git.js";
import { sourcedOperationName } from "./shared.js";
import { SIGNIN_CONSOLE, SIGNIN_EVENT_SOURCE, signinConsole } from "./signin.js";
import { UNMODELED_API_CALLS, UNMODELED_FALLBACK, unmodeledEntry } from "./unmodeled.js";

export interface CuratedMatch {
  service: string;
  operation: string;
  /** Set for API calls no model describes (rule 7): the record is checked against the envelope only. */
  unmodeled?: true;
}

export interface CuratedRule {
  id: string;
  why: string;
  match: (record: { readonly [k: string]: unknown }) => CuratedMatch | undefined;
}

const operationNames = (svc: LoggedService): ReadonlySet<string> => new Set(svc.operations.map((op) => op.name));

const INSIGHT_OPERATIONS = operationNames(cloudtrailInsights());
const SERVICE_EVENT_OPERATIONS = operationNames(awsServiceEvents());
const CONSOLE_ACTION_OPERATIONS = operationNames(awsConsoleActions());
const CODECOMMIT_GIT_OPERATIONS = operationNames(codecommitGit());
/** eventTypes of API calls (absent: older records and trimmed exports). */
const isApiCall = (r: { readonly [k: string]: unknown }): boolean => r["eventType"] === undefined || r["eventType"] === "AwsApiCall";
/** signin-console: eventName -> operation. */
const SIGNIN_BY_EVENT_NAME: ReadonlyMap<string, string> = new Map(
  signinConsole().operations.flatMap((op) => op.eventNames.map((name) => [name, op.name] as const)),
);

const text = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const isObject = (v: unknown): v is { readonly [k: string]: unknown } => typeof v === "object" && v !== null && !Array.isArray(v);

/** `<source>:<eventName>` when that operation exists, else the fallback. */
function bySourceAndName(record: { readonly [k: string]: unknown }, service: string, known: ReadonlySet<string>, fallback: string): CuratedMatch {
  const source = text(record["eventSource"]);
  const name = text(record["eventName"]);
  const specific = source !== undefined && name !== undefined ? sourcedOperationName(source, name) : undefined;
  return { service, operation: specific !== undefined && known.has(specific) ? specific : fallback };
}

/**
 * The eventType that selects each eventType-keyed service (those with eventSource `*`). An emitter builds
 * their event schemas on `eventType` (and, for `<source>:<eventName>` operations, on the parsed
 * eventSource and eventName) instead of on the service's eventSource.
 */
export const CURATED_EVENT_TYPES: Readonly<Record<string, string>> = {
  [AWS_CONSOLE_ACTIONS]: CONSOLE_ACTION_TYPE,
  [AWS_SERVICE_EVENTS]: SERVICE_EVENT_TYPE,
  [CLOUDTRAIL_INSIGHTS]: INSIGHT_EVENT_TYPE,
};

export const CURATED_RULES: readonly CuratedRule[] = [
  {
    id: "insights-by-insight-type",
    why: "Insights records have no top-level eventSource or eventName; insightDetails.insightType names the kind",
    match: (r) => {
      const details = r["insightDetails"];
      const isInsight = r["eventType"] === INSIGHT_EVENT_TYPE || (r["eventType"] === undefined && isObject(details));
      const type = isInsight && isObject(details) ? text(details["insightType"]) : undefined;
      return type !== undefined && INSIGHT_OPERATIONS.has(type) ? { service: CLOUDTRAIL_INSIGHTS, operation: type } : undefined;
    },
  },
  {
    id: "signin-by-event-name",
    why: "console and AWS sign-in events share signin.amazonaws.com with botocore's signin API but never an eventName",
    match: (r) => {
      if (r["eventSource"] !== SIGNIN_EVENT_SOURCE) return undefined;
      const name = text(r["eventName"]);
      const operation = name === undefined ? undefined : SIGNIN_BY_EVENT_NAME.get(name);
      return operation === undefined ? undefined : { service: SIGNIN_CONSOLE, operation };
    },
  },
  {
    id: "service-event-by-source-and-name",
    why: "AwsServiceEvent records come from any service; eventName alone is not unique across services",
    match: (r) =>
      r["eventType"] === SERVICE_EVENT_TYPE ? bySourceAndName(r, AWS_SERVICE_EVENTS, SERVICE_EVENT_OPERATIONS, SERVICE_EVENT_FALLBACK) : undefined,
  },
  {
    id: "console-action-by-source-and-name",
    why: "AwsConsoleAction records come from console-only eventSources that no botocore model describes",
    match: (r) =>
      r["eventType"] === CONSOLE_ACTION_TYPE ? bySourceAndName(r, AWS_CONSOLE_ACTIONS, CONSOLE_ACTION_OPERATIONS, CONSOLE_ACTION_FALLBACK) : undefined,
  },
  {
    id: "codecommit-git-by-event-name",
    why: "Git client calls share codecommit.amazonaws.com with botocore's codecommit but never an eventName",
    match: (r) => {
      const name = text(r["eventName"]);
      return r["eventSource"] === CODECOMMIT_EVENT_SOURCE && isApiCall(r) && name !== undefined && CODECOMMIT_GIT_OPERATIONS.has(name)
        ? { service: CODECOMMIT_GIT, operation: name }
        : undefined;
    },
  },
  {
    id: "agent-channel-by-source-and-name",
    why: "the SSM Agent's ssmmessages and ec2messages calls have no botocore model; AWS lists them by eventSource",
    match: (r) => {
      const source = text(r["eventSource"]);
      const name = text(r["eventName"]);
      if (source === undefined || name === undefined || !isApiCall(r)) return undefined;
      const calls = Object.hasOwn(AGENT_CHANNEL_CALLS, source) ? AGENT_CHANNEL_CALLS[source]! : undefined;
      return calls && Object.hasOwn(calls, name) ? { service: SSM_AGENT_CHANNELS, operation: sourcedOperationName(source, name) } : undefined;
    },
  },
  {
    id: "unmodeled-by-source-and-name",
    why: "console-internal and agent API calls that no model describes are checked against the envelope and reported as unmodeled",
    match: (r) => {
      const source = text(r["eventSource"]);
      const name = text(r["eventName"]);
      if (source === undefined || name === undefined || !isApiCall(r)) return undefined;
      return unmodeledEntry(source, name) ? { service: UNMODELED_API_CALLS, operation: UNMODELED_FALLBACK, unmodeled: true } : undefined;
    },
  },
];

export function resolveCurated(record: unknown): CuratedMatch | undefined {
  if (!isObject(record)) return undefined;
  for (const rule of CURATED_RULES) {
    const match = rule.match(record);
    if (match) return match;
  }
  return undefined;
}
