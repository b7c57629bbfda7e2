/** Options, read once per call with every default spelled out; a wrong option is a programmer error. */
import { CloudTrailSchemaError } from "./errors.js";
import { MODES, type Mode, type ValidateOptions } from "./types.js";

export const DEFAULT_MAX_ERRORS = 20;

export interface Settings {
  mode: Mode;
  maxErrors: number;
}

const COMPATIBLE: Settings = { mode: "compatible", maxErrors: DEFAULT_MAX_ERRORS };

export function readMode(options: { mode?: Mode } | undefined): Mode {
  if (options === undefined || options === null) return "compatible";
  if (typeof options !== "object") throw new CloudTrailSchemaError("E_USAGE", `options must be an object, got ${typeof options}`);
  const mode = options.mode ?? "compatible";
  if (!MODES.includes(mode)) throw new CloudTrailSchemaError("E_USAGE", `unknown mode ${JSON.stringify(mode)}: use "compatible" or "strict"`);
  return mode;
}

export function readOptions(options: ValidateOptions | undefined): Settings {
  if (options === undefined) return COMPATIBLE;
  const mode = readMode(options);
  const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
  if (!Number.isInteger(maxErrors) || maxErrors < 1) {
    throw new CloudTrailSchemaError("E_USAGE", `maxErrors must be a positive integer, got ${String(maxErrors)}`);
  }
  return { mode, maxErrors };
}
