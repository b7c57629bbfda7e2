/**
 * Turning a lookup's unknown-name error into suggestions a user can paste, shared by every command that
 * takes a service or an operation (show, paths, pattern, custodian).
 */
import { GeneratorError } from "../errors.js";
import type { LoggedOperation, LoggedService } from "../log-model.js";
import type { Lookup } from "./lookup.js";
import { closeMatches } from "./suggest.js";
import { formatTarget, type Target } from "./target.js";

/**
 * Run a lookup; when it fails on an unknown name, turn its close matches into whole targets the user
 * can paste (`iam.CreatePolicy.output`), adding commands of a similar name for a bare word.
 */
export function suggesting<T>(target: Target, segment: "service" | "operation", f: () => T, commands: readonly string[] = []): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof GeneratorError) || !e.code.startsWith("E_UNKNOWN_")) throw e;
    const suggestions = e.suggestions.map((s) => formatTarget({ ...target, [segment]: s }));
    for (const c of closeMatches(target.service ?? "", commands, 2)) suggestions.push(c);
    throw new GeneratorError(e.code, e.message, suggestions);
  }
}

/** One operation named on the command line. */
export interface OperationRef {
  service: string;
  operation: string;
}

/**
 * Operations named as `SERVICE.OPERATION` words, or as `SERVICE OPERATION...` (a bare word sets the service
 * when none is set, else names one of its operations): `iam.CreatePolicy iam.DeletePolicy`,
 * `iam CreatePolicy DeletePolicy`, `iam.CreatePolicy DeletePolicy s3.PutBucketAcl`.
 */
export function parseOperationList(words: readonly string[], command: string): OperationRef[] {
  const refs: OperationRef[] = [];
  let service: string | undefined;
  let pending: string | undefined; // a bare service word still waiting for its first operation
  const usage = (why: string) => new GeneratorError("E_USAGE", `${command}: ${why}; write SERVICE.OPERATION [SERVICE.OPERATION...] or SERVICE OPERATION [OPERATION...]`);
  for (const w of words) {
    const parts = w.split(".");
    if (parts.some((p) => p === "")) throw usage(`"${w}" has an empty name`);
    if (parts.length > 2) throw usage(`"${w}" is not SERVICE.OPERATION`);
    if (parts.length === 2) {
      if (pending !== undefined) throw usage(`service "${pending}" is not followed by an operation`);
      service = parts[0]!;
      refs.push({ service, operation: parts[1]! });
    } else if (service === undefined) {
      service = pending = w;
    } else {
      refs.push({ service, operation: w });
      pending = undefined;
    }
  }
  if (pending !== undefined) throw usage(`service "${pending}" is not followed by an operation`);
  if (!refs.length) throw usage("name an operation");
  return refs;
}

export interface FoundOperation {
  service: LoggedService;
  operation: LoggedOperation;
}

/** Look an operation up, with pasteable suggestions on an unknown service or operation. */
export function findOperation(lookup: Lookup, ref: OperationRef, commands: readonly string[] = []): FoundOperation {
  const target: Target = { service: ref.service, operation: ref.operation };
  const service = suggesting(target, "service", () => lookup.service(ref.service), commands);
  return suggesting({ ...target, service }, "operation", () => lookup.operation(service, ref.operation));
}
