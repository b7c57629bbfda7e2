/**
 * `cloudtrail-schema pattern SERVICE.OPERATION [SERVICE.OPERATION...]`: the EventBridge event pattern
 * that matches those operations' CloudTrail records on an event bus.
 *
 * CloudTrail delivers an API call to EventBridge as `detail-type: "AWS API Call via CloudTrail"`, with
 * `source` "aws." and the first label of the record's eventSource (`iam.amazonaws.com` -> `aws.iam`,
 * `monitoring.amazonaws.com` -> `aws.monitoring`, `cloudtrail-data.amazonaws.com` -> `aws.cloudtrail-data`),
 * and the record as `detail`; see https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-cloudtrail.html
 * and the per-service pages beside it (events-ref-monitoring.html, events-ref-lambda.html).
 *
 * A pattern ANDs its fields and ORs the values of each
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern.html). Operations of one
 * eventSource make one flat pattern with every eventName (aliases too: lambda logs CreateFunction as
 * CreateFunction20150331). Operations of several eventSources make one flat pattern with lists of
 * sources, eventSources and eventNames when that matches nothing more, that is when no service listed has
 * an operation named like one asked of another service (iam.CreatePolicy with s3.PutBucketAcl). Otherwise
 * (iam.CreatePolicy with organizations.DeletePolicy: the flat pattern would match organizations'
 * CreatePolicy too) `detail` is an `$or` of one {eventSource, eventName} per eventSource
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html, "Or matching").
 *
 * Read-only operations (Get*, List*, Describe*) reach a rule only when its state is
 * ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail-management.html).
 * Global services' records (IAM, CloudFront, Route 53…) reach EventBridge in us-east-1 only
 * (global-services.ts): a note says so.
 *
 * Every format prints the pattern alone, ready for `aws events put-rule --event-pattern file://…`; the
 * notes go to stderr. `--explain` prints {pattern, state, globalServices, notes} instead.
 */
import { GeneratorError } from "../../errors.js";
import { ANY_EVENT_SOURCE } from "../../log-model.js";
import { COMMON_ARGS, defineCommand, type Printable } from "../command.js";
import { globalService } from "../global-services.js";
import { openLookup } from "../lookup.js";
import { findOperation, parseOperationList, type FoundOperation } from "../suggesting.js";

export const DETAIL_TYPE = "AWS API Call via CloudTrail";
export const READ_ONLY_STATE = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS";

export interface EventPattern {
  source: string[];
  "detail-type": string[];
  detail: { eventSource: string[]; eventName: string[] } | { $or: { eventSource: string[]; eventName: string[] }[] };
}

export interface PatternResult {
  pattern: EventPattern;
  /** The rule state the pattern needs: ENABLED, or ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS for read-only operations. */
  state: "ENABLED" | typeof READ_ONLY_STATE;
  /** The services asked of whose records reach EventBridge in us-east-1 only (global-services.ts). */
  globalServices: string[];
  notes: string[];
}

/** EventBridge's `source` for CloudTrail records of an eventSource: `aws.` and its first label. */
export const sourceOf = (eventSource: string): string => `aws.${eventSource.split(".")[0]}`;

/**
 * The detail-type EventBridge gives a CloudTrail record, by its eventType
 * (https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-cloudtrail.html): console sign-in and
 * service events are not "AWS API Call via CloudTrail".
 */
export const DETAIL_TYPES: Readonly<Record<string, string>> = {
  AwsApiCall: DETAIL_TYPE,
  AwsConsoleSignIn: "AWS Console Sign In via CloudTrail",
  AwsServiceEvent: "AWS Service Event via CloudTrail",
  AwsConsoleAction: "AWS Console Action via CloudTrail",
  AwsCloudTrailInsight: "AWS Insight via CloudTrail",
};

/** The eventType of an operation's records: pinned by a curated service, else an API call. */
const eventTypeOf = (op: FoundOperation["operation"]): string =>
  op.eventType ?? op.match?.find((m) => m.path.length === 1 && m.path[0] === "eventType")?.value ?? "AwsApiCall";

const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

/**
 * The pattern for some looked-up operations. `operationsOf(service)` lists every operation name of a
 * service (to tell whether a flat pattern over several eventSources would match more than was asked).
 */
export function eventPattern(found: readonly FoundOperation[], operationsOf: (service: string) => readonly string[]): PatternResult {
  const groups = new Map<string, { services: Set<string>; names: string[] }>();
  for (const { service, operation } of found) {
    const eventSource = operation.eventSource ?? service.eventSource;
    if (eventSource === ANY_EVENT_SOURCE) {
      throw new GeneratorError(
        "E_USAGE",
        `${service.name}.${operation.name} stands for records of any eventSource; name one of its service-specific operations (\`cloudtrail-schema ${service.name}\` lists them)`,
      );
    }
    let g = groups.get(eventSource);
    if (!g) groups.set(eventSource, (g = { services: new Set(), names: [] }));
    g.services.add(service.name);
    g.names.push(...operation.eventNames);
  }
  const sources = [...groups.keys()];
  const notes: string[] = [];
  let detail: EventPattern["detail"];
  const all = uniq([...groups.values()].flatMap((g) => g.names));
  // Names asked of one eventSource that another listed eventSource also logs: the flat pattern would match those.
  const extra: string[] = [];
  for (const [src, g] of groups) {
    const own = new Set(g.names);
    const theirs = new Set([...g.services].flatMap((s) => operationsOf(s)));
    for (const n of all) if (!own.has(n) && theirs.has(n)) extra.push(`${src} ${n}`);
  }
  if (groups.size === 1 || !extra.length) {
    detail = { eventSource: sources, eventName: all };
  } else {
    detail = { $or: [...groups].map(([src, g]) => ({ eventSource: [src], eventName: uniq(g.names) })) };
    notes.push(
      `one flat pattern would also match ${extra.join(", ")}; detail is an $or of one eventSource and its eventNames each.`,
    );
  }
  const readOnly = uniq(found.filter((f) => f.operation.readOnly).map((f) => `${f.service.name}.${f.operation.name}`));
  if (readOnly.length) {
    notes.push(
      `${readOnly.join(", ")} ${readOnly.length === 1 ? "is a read-only operation" : "are read-only operations"}: ` +
        `EventBridge delivers read-only management events only to a rule whose state is ${READ_ONLY_STATE} ` +
        `(aws events put-rule --state ${READ_ONLY_STATE} ...).`,
    );
  }
  const global = uniq(found.map((f) => f.service.name)).filter((s) => globalService(s));
  if (global.length) {
    const named = global.map((s) => {
      const only = globalService(s)!.only;
      return only ? `${s} (${only})` : s;
    });
    notes.push(
      `${named.join(", ")} ${global.length === 1 ? "is a global service" : "are global services"}: ` +
        `${global.length === 1 ? "its" : "their"} CloudTrail events reach EventBridge in us-east-1 only; ` +
        `put the rule on us-east-1's default event bus (or forward them from there to another Region's bus).`,
    );
  }
  return {
    pattern: { source: uniq(sources.map(sourceOf)), "detail-type": uniq(found.map((f) => DETAIL_TYPES[eventTypeOf(f.operation)] ?? DETAIL_TYPE)), detail },
    state: readOnly.length ? READ_ONLY_STATE : "ENABLED",
    globalServices: global,
    notes,
  };
}

/** JSON, indented, with each list of strings on one line (as AWS's documentation writes patterns). */
export function formatPattern(p: EventPattern): string {
  return JSON.stringify(p, null, 2).replace(/\[\n\s*("(?:[^"\\]|\\.)*"(?:,\n\s*"(?:[^"\\]|\\.)*")*)\n\s*\]/g, (_m, items: string) =>
    `[${items.split(/,\n\s*/).join(", ")}]`,
  );
}

export const pattern = defineCommand({
  name: "pattern",
  description: "print the EventBridge event pattern matching operations' CloudTrail records (JSON)",
  usage: ["SERVICE.OPERATION [SERVICE.OPERATION...] [OPTIONS]", "SERVICE OPERATION [OPERATION...] [OPTIONS]"],
  args: {
    operations: {
      type: "positional",
      required: false,
      valueHint: "SERVICE.OPERATION...",
      description: "one or more operations (iam.CreatePolicy lambda.CreateFunction), or a service and its operations (iam CreatePolicy DeletePolicy)",
    },
    explain: { type: "boolean", description: "print {pattern, state, globalServices, notes} instead of the pattern alone" },
    ...COMMON_ARGS,
  },
  examples: [
    ["pattern iam.CreatePolicy", "the pattern for IAM's CreatePolicy records"],
    ["pattern s3.PutBucketPolicy --format json > p.json", "then: aws events put-rule --name n --event-pattern file://p.json"],
    ["pattern iam CreatePolicy DeletePolicy", "two operations of one service: one eventName list"],
    ["pattern lambda.CreateFunction s3.PutBucketAcl", "several services (lambda's eventName aliases included)"],
    ["pattern iam.GetPolicy --explain --format json", "{pattern, state, globalServices, notes}: the rule state a read-only operation needs"],
    ["pattern signin-console.ConsoleLogin", "console sign-in: detail-type AWS Console Sign In via CloudTrail"],
  ],
  notes:
    "Every format prints the pattern alone (human and json as JSON, yaml as YAML), ready for " +
    "`aws events put-rule --event-pattern file://FILE`; notes go to stderr: a read-only operation needs the rule " +
    "state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS; a global service (iam, sts's global endpoint, cloudfront, " +
    "route53, organizations, account, signin-console) reaches EventBridge in us-east-1 only; an $or was needed. " +
    "--explain prints {pattern, state, globalServices, notes} instead, with no notes on stderr. Operations of " +
    "several services make one flat pattern when that matches nothing more, else detail is an $or per eventSource.",
  run(args, ctx): Printable {
    const refs = parseOperationList(args._, "pattern");
    const lookup = openLookup(ctx.snapshot());
    const found = refs.map((r) => findOperation(lookup, r, ctx.commands));
    const result = eventPattern(found, (s) => lookup.operations(s));
    if (args.explain) return { data: () => result, human: () => `${JSON.stringify(result, null, 2)}\n` };
    const stderr = ctx.stderr ?? process.stderr;
    // stdout stays the pattern alone (valid JSON or YAML); what a user must know besides goes to stderr.
    const notes = () => {
      for (const n of result.notes) stderr.write(`note: ${n}\n`);
    };
    return {
      data: () => (notes(), result.pattern),
      human: () => (notes(), `${formatPattern(result.pattern)}\n`),
    };
  },
});
