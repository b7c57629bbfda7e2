/** The stable code of the CloudTrailSchemaError a call throws; another error is named as not ours. */
import { CloudTrailSchemaError } from "../src/index.js";

const describeError = (e: unknown): string => (e instanceof CloudTrailSchemaError ? e.code : `not ours: ${String(e)}`);

/** The error code `f` throws, or undefined when it returns. */
export function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return describeError(e);
  }
  return undefined;
}

/** The error code the promise rejects with, or undefined when it resolves. */
export const codeOfAsync = async (p: Promise<unknown>): Promise<string | undefined> => p.then(() => undefined, describeError);
