/**
 * `cloudtrail-schema paths SERVICE.OPERATION[.input|.output]`: every field path of the operation's
 * `requestParameters` and `responseElements`, in the JMESPath form Cloud Custodian (`ids`, `filters`) and
 * EventBridge (`detail.requestParameters...`) use, with its type, its doc's first sentence, and a mark on
 * the likely resource ids (render/field-paths.ts says how paths are written and what is marked).
 */
import { GeneratorError } from "../../errors.js";
import { COMMON_ARGS, defineCommand, type Printable } from "../command.js";
import { openLookup } from "../lookup.js";
import { fieldPaths, type FieldPath } from "../render/field-paths.js";
import { PART_KEY } from "../render/operation.js";
import { renderPaths } from "../render/paths.js";
import { operationSchema } from "../render/schema.js";
import { findOperation, type FoundOperation } from "../suggesting.js";
import { parseTarget, type Target } from "../target.js";

export interface OperationPaths {
  service: string;
  operation: string;
  eventSource: string;
  eventNames: string[];
  readOnly: boolean;
  /** How `path` is written. */
  notation: string;
  paths: FieldPath[];
}

export const NOTATION = "JMESPath: a.b field, a[] each list item, a.* each map value, \"x-y\" a quoted name";

/** Every path of one looked-up operation (both parts), from the schema `show --format json` prints. */
export function operationPaths(found: FoundOperation, botocoreVersion: string): OperationPaths {
  const { service: svc, operation: op } = found;
  const schema = operationSchema(svc, op, ["input", "output"], { botocoreVersion });
  return {
    service: svc.name,
    operation: op.name,
    eventSource: op.eventSource ?? svc.eventSource,
    eventNames: [...op.eventNames],
    readOnly: op.readOnly,
    notation: NOTATION,
    paths: fieldPaths(schema, op.name),
  };
}

/** The `service` and `operation` of a target, or a usage error naming what is missing. */
export function operationTarget(words: readonly string[], command: string): Target & { service: string; operation: string } {
  const t = parseTarget(words);
  if (t.service === undefined || t.operation === undefined) {
    throw new GeneratorError("E_USAGE", `${command} needs an operation: SERVICE.OPERATION (iam.CreatePolicy) or SERVICE OPERATION`);
  }
  return t as Target & { service: string; operation: string };
}

export const paths = defineCommand({
  name: "paths",
  description: "list every field path of an operation's record (JMESPath, for Cloud Custodian and EventBridge), resource ids marked",
  usage: ["SERVICE.OPERATION[.input|.output] [OPTIONS]", "SERVICE OPERATION [input|output] [OPTIONS]"],
  args: {
    target: {
      type: "positional",
      required: false,
      valueHint: "SERVICE.OPERATION[.PART]",
      description: "an operation (iam.CreatePolicy), optionally only input (requestParameters) or output (responseElements)",
    },
    docs: { type: "boolean", default: true, description: "leave out documentation: print only paths and types" },
    ids: { type: "boolean", description: "only the paths marked as resource ids" },
    ...COMMON_ARGS,
  },
  examples: [
    ["paths iam.CreatePolicy", "every path of a CreatePolicy record's requestParameters and responseElements"],
    ["paths ec2 RunInstances output --ids", "the likely resource ids in responseElements (instancesSet.items[].instanceId)"],
    ["paths iam.CreatePolicy --format json", "the same as JSON, with resourceId as a boolean"],
  ],
  notes:
    "Paths start at the record (requestParameters.policyName); in an EventBridge event they are under `detail.`. " +
    "[] is each item of a list, .* each value of a map, and a name that is not a JMESPath identifier is quoted " +
    '("x-amz-acl"). A field with several forms (EC2 lists: {items: [...]} or a string) lists the paths of each. ' +
    "A definition met again inside itself is marked recursive and not expanded. (resource id) marks a name, id or " +
    "ARN of the operation's resource, guessed from field names (policyName, instanceId, policy.arn) and, when " +
    "none fits, from the field's documentation.",
  run(args, ctx): Printable {
    const target = operationTarget(args._, "paths");
    const lookup = openLookup(ctx.snapshot());
    const result = operationPaths(findOperation(lookup, target, ctx.commands), lookup.botocoreVersion);
    const key = target.part && PART_KEY[target.part];
    const rows = result.paths.filter((r) => (!key || r.part === key) && (!args.ids || r.resourceId));
    const out = { ...result, paths: rows };
    return {
      data: () => out,
      human: (view) => renderPaths(out, rows, { ...view, docs: args.docs !== false }),
    };
  },
});
