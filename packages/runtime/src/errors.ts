/**
 * The runtime's one error type. It is thrown only for programmer and deployment errors (an unknown service
 * asked for by name, bad options, schemas that were not built or bundled, an envelope that cannot be
 * decoded); a record that is wrong is a `{ valid: false, errors }` result, never a throw. `code` is stable:
 * match on it, not on the message.
 */
import type { ValidationError } from "./types.js";

export type CloudTrailSchemaErrorCode =
  | "E_USAGE" // arguments that cannot work (a mode that does not exist, maxErrors 0)
  | "E_UNKNOWN_SERVICE" // a service asked for by name that the schemas do not have
  | "E_UNKNOWN_OPERATION" // an operation asked for by name that the service does not have
  | "E_INVALID_EVENT" // assertCloudTrailEvent: the record is not a valid event (see `errors`)
  | "E_SCHEMAS_UNAVAILABLE" // the generated schemas are missing: not built, or not bundled (see README)
  | "E_SCHEMA" // a generated schema the validator cannot use (a generator bug; the build checks for it)
  | "E_ENVELOPE"; // an envelope (log file, CloudWatch Logs payload) that cannot be decoded

export class CloudTrailSchemaError extends Error {
  override name = "CloudTrailSchemaError";
  constructor(
    readonly code: CloudTrailSchemaErrorCode,
    message: string,
    /** E_INVALID_EVENT: what is wrong with the record. */
    readonly errors: readonly ValidationError[] = [],
    /** E_UNKNOWN_SERVICE / E_UNKNOWN_OPERATION: close matches, best first. */
    readonly suggestions: readonly string[] = [],
  ) {
    super(message);
  }
}

/** Close matches for a mistyped name (case-insensitive edit distance), best first. */
export function closeMatches(name: string, candidates: Iterable<string>, max = 3): string[] {
  const want = name.toLowerCase();
  const scored: [number, string][] = [];
  for (const c of candidates) {
    const d = distance(want, c.toLowerCase());
    if (d <= Math.max(2, Math.floor(want.length / 3))) scored.push([d, c]);
  }
  return scored
    .sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1))
    .slice(0, max)
    .map(([, c]) => c);
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

export function suggest(suggestions: readonly string[]): string {
  return suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?` : "";
}
