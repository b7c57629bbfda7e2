/**
 * `cloudtrail-schema example SERVICE.OPERATION [--seed N]`: a realistic record of the operation, valid in
 * strict mode: what `makeEvent` of @cloudtrail-schema/runtime/testing returns. Human output is the record
 * as pretty JSON (the same text as `--format json`); `--format yaml` prints it as YAML.
 *
 * The runtime is imported here, when the command runs, never by the lookup: `show` must not pay for it.
 */
import { GeneratorError } from "../../errors.js";
import { COMMON_ARGS, defineCommand, type Printable } from "../command.js";
import { parseTarget } from "../target.js";

export const example = defineCommand({
  name: "example",
  description: "print a realistic CloudTrail record of an operation, valid in strict mode (makeEvent)",
  usage: ["SERVICE.OPERATION [--seed N] [OPTIONS]"],
  args: {
    target: { type: "positional", required: false, valueHint: "SERVICE.OPERATION", description: "the operation, e.g. iam.CreatePolicy" },
    seed: { type: "string", valueHint: "N", description: "a number: the same seed prints the same record, another seed other ids and times (default 0)" },
    ...COMMON_ARGS,
  },
  examples: [
    ["example iam.CreatePolicy", "a CreatePolicy record as JSON"],
    ["example ec2 RunInstances --seed 7", "another RunInstances record, the same for seed 7 every time"],
    ["example s3.GetObject --format yaml", "as YAML"],
  ],
  notes: "The record is @cloudtrail-schema/runtime/testing's makeEvent(service, operation, {}, { seed }): use it in tests the same way.",
  async run(args): Promise<Printable> {
    const target = parseTarget(args._);
    if (target.service === undefined || target.operation === undefined || target.part !== undefined) {
      throw new GeneratorError("E_USAGE", "example takes one operation, as SERVICE.OPERATION (example iam.CreatePolicy)");
    }
    const seed = args.seed === undefined ? 0 : Number(args.seed);
    if (args.seed !== undefined && (String(args.seed).trim() === "" || !Number.isFinite(seed))) {
      throw new GeneratorError("E_USAGE", `--seed must be a number, not "${String(args.seed)}"`);
    }
    const { service, operation } = target;
    const { makeEvent } = await import("@cloudtrail-schema/runtime/testing");
    let record: Record<string, unknown>;
    try {
      record = makeEvent(service, operation, undefined, { seed });
    } catch (e) {
      throw fromRuntime(e, service, operation);
    }
    return { data: () => record, human: () => `${JSON.stringify(record, null, 2)}\n` };
  },
});

/** The runtime's unknown-name errors as the CLI's, with suggestions the user can paste. */
function fromRuntime(e: unknown, service: string, operation: string): unknown {
  const err = e as { name?: unknown; code?: unknown; message?: unknown; suggestions?: unknown };
  if (err?.name !== "CloudTrailSchemaError") return e;
  const suggestions = Array.isArray(err.suggestions) ? (err.suggestions as string[]) : [];
  if (err.code === "E_UNKNOWN_SERVICE") return new GeneratorError("E_UNKNOWN_SERVICE", `unknown service "${service}"`, suggestions.map((s) => `${s}.${operation}`));
  if (err.code === "E_UNKNOWN_OPERATION") {
    return new GeneratorError("E_UNKNOWN_OPERATION", `unknown operation "${operation}" of service "${service}"`, suggestions.map((s) => `${service}.${s}`));
  }
  // E_SCHEMAS_UNAVAILABLE (the runtime is not built): a failure to report, exit 1, not a bug.
  return new GeneratorError("E_SNAPSHOT", `@cloudtrail-schema/runtime: ${String(err.message)}`);
}
