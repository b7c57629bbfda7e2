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
 */
import { GeneratorError } from "../../errors.js";
import { ANY_EVENT_SOURCE } from "../../log-model.js";
import { COMMON_ARGS, defineCommand, type Printable } from "../command.js";
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
  return {
    pattern: { source: uniq(sources.map(sourceOf)), "detail-type": uniq(found.map((f) => DETAIL_TYPES[eventTypeOf(f.operation)] ?? DETAIL_TYPE)), detail },
    state: readOnly.length ? READ_ONLY_STATE : "ENABLED",
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
    ...COMMON_ARGS,
  },
  examples: [
    ["pattern iam.CreatePolicy", "the pattern for IAM's CreatePolicy records"],
    ["pattern iam CreatePolicy DeletePolicy", "two operations of one service: one eventName list"],
    ["pattern lambda.CreateFunction s3.PutBucketAcl", "several services (lambda's eventName aliases included)"],
    ["pattern iam.GetPolicy --format json", "{pattern, state, notes}: the rule state a read-only operation needs"],
    ["pattern signin-console.ConsoleLogin", "console sign-in: detail-type AWS Console Sign In via CloudTrail"],
  ],
  notes:
    "The default output is the pattern alone, as JSON to paste into a rule (`aws events put-rule --event-pattern`); " +
    "notes (a read-only operation needs the rule state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS; an $or was " +
    "needed) go to stderr. --format json|yaml prints {pattern, state, notes}. Operations of several services make " +
    "one flat pattern when that matches nothing more, else detail is an $or per eventSource.",
  run(args, ctx): Printable {
    const refs = parseOperationList(args._, "pattern");
    const lookup = openLookup(ctx.snapshot());
    const found = refs.map((r) => findOperation(lookup, r, ctx.commands));
    const result = eventPattern(found, (s) => lookup.operations(s));
    const stderr = ctx.stderr ?? process.stderr;
    return {
      data: () => result,
      human: () => {
        // stdout stays the pattern alone (valid JSON); what a user must know besides goes to stderr.
        for (const n of result.notes) stderr.write(`note: ${n}\n`);
        return `${formatPattern(result.pattern)}\n`;
      },
    };
  },
});
