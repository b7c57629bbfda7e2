/**
 * `cloudtrail-schema [show] [SERVICE[.OPERATION[.input|.output]]]`: the original tool's lookup, and the
 * default command. No argument lists services; a service lists its operations; an operation prints what
 * its records hold.
 */
import { COMMON_ARGS, defineCommand, type LazyPrintable, type Printable } from "../command.js";
import { openLookup } from "../lookup.js";
import { renderNameList } from "../render/lists.js";
import { renderOperation, type Part } from "../render/operation.js";
import { suggesting } from "../suggesting.js";
import { parseTarget } from "../target.js";

/** Enum values the human view prints before `… and N more` (ec2's InstanceType has over a thousand). */
export const ENUM_LIMIT = 40;

const names = (key: string, list: readonly string[]): Printable => ({
  data: () => ({ [key]: [...list] }),
  human: () => renderNameList(key, list),
});

export const show = defineCommand({
  name: "show",
  description: "list services and operations, or print what CloudTrail logs for an operation (the default command)",
  usage: ["[show] [SERVICE[.OPERATION[.input|.output]]] [OPTIONS]", "[show] SERVICE OPERATION [input|output] [OPTIONS]"],
  args: {
    target: {
      type: "positional",
      required: false,
      valueHint: "SERVICE[.OPERATION[.PART]]",
      description:
        "a botocore service (iam), one of its operations (iam.CreatePolicy) and optionally the part of the record: " +
        "input (requestParameters) or output (responseElements); both when left out",
    },
    docs: { type: "boolean", default: true, description: "leave out documentation: print only fields, types and constraints" },
    ...COMMON_ARGS,
  },
  examples: [
    ["", "list every service"],
    ["iam", "list the operations of IAM"],
    ["iam.CreatePolicy.input", "what requestParameters holds in a CreatePolicy record"],
    ["iam CreatePolicy output", "what responseElements holds"],
    ["iam.CreatePolicy.output --format json", "the same as a self-contained JSON Schema"],
  ],
  notes:
    "Field names are the ones CloudTrail writes (policyName, not PolicyName); `cloudtrail-schema rules` lists " +
    "the conventions applied. A structure met again inside itself prints as -> (recursive: Name). Non-API " +
    "events have services of their own, not in the list: signin-console (ConsoleLogin…), aws-service-events, " +
    "aws-console-actions, cloudtrail-insights.",
  run(args, ctx): Printable | LazyPrintable {
    const target = parseTarget(args._);
    const snapshot = ctx.snapshot();
    if (target.service === undefined) return names("Services", snapshot.services);
    const lookup = openLookup(snapshot);
    const service = suggesting(target, "service", () => lookup.service(target.service!), target.operation ? [] : ctx.commands);
    if (target.operation === undefined) return names("Operations", lookup.operations(service));
    const parts: Part[] = target.part ? [target.part] : ["input", "output"];
    const found = suggesting(target, "operation", () => lookup.operation(service, target.operation!));
    const ctxEmit = { botocoreVersion: lookup.botocoreVersion };
    return {
      // The JSON Schema emitter is loaded only for --format json|yaml.
      data: async () => (await import("../render/schema.js")).operationSchema(found.service, found.operation, parts, ctxEmit),
      human: (view) => renderOperation(found.service, found.operation, parts, { ...view, docs: args.docs !== false, enumLimit: ENUM_LIMIT }),
    };
  },
});
