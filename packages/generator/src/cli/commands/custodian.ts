/**
 * `cloudtrail-schema custodian SERVICE.OPERATION... --resource TYPE`: a Cloud Custodian policy skeleton in
 * `cloudtrail` mode (https://cloudcustodian.io/docs/aws/aws-modes.html#cloudtrail): one `events` entry per
 * eventName the operation is logged under, each with `source` (the eventSource), `event` (the eventName)
 * and `ids`, the JMESPath into the event's detail that gives the resource ids.
 *
 * `ids` is the best of the paths `paths` marks as resource ids (render/field-paths.ts `rankResourceIds`:
 * responseElements before requestParameters, ARN before id before name, the shallowest), or `--ids PATH`,
 * which must be one of the operation's paths.
 */
import { ANY_EVENT_SOURCE } from "../../log-model.js";
import { GeneratorError } from "../../errors.js";
import { COMMON_ARGS, defineCommand, type Printable } from "../command.js";
import { loadYaml, YAML_OPTIONS } from "../load-yaml.js";
import { openLookup } from "../lookup.js";
import { rankResourceIds } from "../render/field-paths.js";
import { closeMatches } from "../suggest.js";
import { findOperation, parseOperationList } from "../suggesting.js";
import { operationPaths, type OperationPaths } from "./paths.js";

/** Where the user puts the role the policy's Lambda function runs as; Custodian fills in `{account_id}`. */
export const ROLE_PLACEHOLDER = "arn:aws:iam::{account_id}:role/REPLACE-WITH-CUSTODIAN-ROLE";

export interface CustodianEvent {
  source: string;
  event: string;
  ids: string;
}

export interface CustodianPolicy {
  name: string;
  resource: string;
  mode: { type: "cloudtrail"; role: string; events: CustodianEvent[] };
  filters: unknown[];
  actions: unknown[];
}

export interface CustodianOptions {
  resource: string;
  ids?: string | undefined;
  role?: string | undefined;
  name?: string | undefined;
}

/** `CreatePolicy` -> `create-policy`. */
const kebab = (s: string) =>
  s
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .toLowerCase();

/** The `ids` path for one operation: `--ids` checked against its paths, else the best marked path. */
export function idsFor(op: OperationPaths, explicit: string | undefined): string {
  const all = op.paths.map((p) => p.path);
  if (explicit !== undefined) {
    if (all.includes(explicit)) return explicit;
    const near = closeMatches(explicit, all, 5);
    // closeMatches allows about one edit per three characters; for a long path, also paths ending the same way.
    const leaf = explicit.split(".").pop()!;
    for (const p of all) if (near.length < 5 && p.endsWith(`.${leaf}`) && !near.includes(p)) near.push(p);
    throw new GeneratorError(
      "E_USAGE",
      `--ids ${explicit}: ${op.service}.${op.operation} records have no such path; \`cloudtrail-schema paths ${op.service}.${op.operation}\` lists them`,
      near,
    );
  }
  const best = rankResourceIds(op.paths)[0];
  if (!best) {
    throw new GeneratorError(
      "E_USAGE",
      `no path of ${op.service}.${op.operation} looks like a resource id; choose one with --ids PATH from \`cloudtrail-schema paths ${op.service}.${op.operation}\``,
    );
  }
  return best.path;
}

/** The policy document (`{policies: [...]}`) for some operations' paths. */
export function custodianPolicy(ops: readonly OperationPaths[], o: CustodianOptions): { policies: CustodianPolicy[] } {
  const events: CustodianEvent[] = [];
  for (const op of ops) {
    if (op.eventSource === ANY_EVENT_SOURCE) {
      throw new GeneratorError(
        "E_USAGE",
        `${op.service}.${op.operation} stands for records of any eventSource; a cloudtrail-mode policy needs one: name a service-specific operation (\`cloudtrail-schema ${op.service}\` lists them)`,
      );
    }
    const ids = idsFor(op, o.ids);
    for (const event of op.eventNames) events.push({ source: op.eventSource, event, ids });
  }
  const name = o.name ?? `${o.resource}-${ops.map((op) => kebab(op.operation)).join("-")}`.slice(0, 60).replace(/-+$/, "");
  return {
    policies: [
      {
        name,
        resource: o.resource,
        mode: { type: "cloudtrail", role: o.role ?? ROLE_PLACEHOLDER, events },
        filters: [],
        actions: [],
      },
    ],
  };
}

export const custodian = defineCommand({
  name: "custodian",
  description: "print a Cloud Custodian policy skeleton (cloudtrail mode) for operations, with the ids path filled in",
  usage: ["SERVICE.OPERATION [SERVICE.OPERATION...] --resource TYPE [OPTIONS]", "SERVICE OPERATION [OPERATION...] --resource TYPE [OPTIONS]"],
  args: {
    operations: {
      type: "positional",
      required: false,
      valueHint: "SERVICE.OPERATION...",
      description: "the operations whose records trigger the policy",
    },
    resource: { type: "string", valueHint: "TYPE", description: "the Cloud Custodian resource type (iam-policy, ec2, s3); required" },
    ids: { type: "string", valueHint: "PATH", description: "the JMESPath to the resource ids (default: the best path `paths` marks)" },
    role: { type: "string", valueHint: "ARN", description: `the role the policy's Lambda function runs as (default: ${ROLE_PLACEHOLDER})` },
    name: { type: "string", valueHint: "NAME", description: "the policy's name (default: the resource type and the operations)" },
    ...COMMON_ARGS,
  },
  examples: [
    ["custodian iam.CreatePolicy --resource iam-policy", "a policy run on every CreatePolicy, ids: responseElements.policy.arn"],
    ["custodian ec2.RunInstances --resource ec2", "ids: responseElements.instancesSet.items[].instanceId"],
    ["custodian s3.PutBucketAcl --resource s3 --ids requestParameters.bucketName", "with the ids path chosen"],
  ],
  notes:
    "The output is YAML to complete: set the role, then add filters and actions. `ids` is relative to the event's " +
    "detail (the CloudTrail record), as Custodian reads it; --ids must be a path of every operation named (see " +
    "`cloudtrail-schema paths`). --format json prints the same policy as JSON.",
  async run(args, ctx): Promise<Printable> {
    const refs = parseOperationList(args._, "custodian");
    const resource = typeof args.resource === "string" ? args.resource : undefined;
    if (!resource) {
      throw new GeneratorError("E_USAGE", "custodian needs --resource TYPE: the Cloud Custodian resource type (iam-policy, ec2, s3, lambda...)");
    }
    const lookup = openLookup(ctx.snapshot());
    const ops = refs.map((r) => operationPaths(findOperation(lookup, r, ctx.commands), lookup.botocoreVersion));
    const doc = custodianPolicy(ops, {
      resource,
      ids: typeof args.ids === "string" ? args.ids : undefined,
      role: typeof args.role === "string" ? args.role : undefined,
      name: typeof args.name === "string" ? args.name : undefined,
    });
    const { stringify } = await loadYaml();
    const placeholder = doc.policies[0]!.mode.role === ROLE_PLACEHOLDER;
    const head = [
      `# Cloud Custodian policy for ${refs.map((r) => `${r.service}.${r.operation}`).join(", ")} (generated by cloudtrail-schema)`,
      ...(placeholder ? ["# Set mode.role to the role the policy's Lambda function runs as."] : []),
      "# ids: the JMESPath into the CloudTrail record that gives the resource ids; `cloudtrail-schema paths` lists others.",
    ];
    return {
      data: () => doc,
      human: () => `${head.join("\n")}\n${stringify(doc, YAML_OPTIONS)}`,
    };
  },
});
