/** The runtime's public types. */

/**
 * - `compatible` (default): what CloudTrail really writes passes: types and structure, unknown fields and new
 *   enum values allowed.
 * - `strict`: exactly the model: no unknown fields, enums closed, required members, lengths, ranges, patterns.
 */
export type Mode = "compatible" | "strict";

export const MODES: readonly Mode[] = ["compatible", "strict"];

/** One thing wrong with a record. */
export interface ValidationError {
  /** JSON Pointer to the field in the record (`/requestParameters/policyName`; `""` is the whole record). */
  path: string;
  /** What is wrong, in words. */
  message: string;
  /** What the schema wants there (`string`, `at most 128 characters`, `one of "A", "B"`). */
  expected?: string;
  /** What the record has there, shortened (`number`, `"Foo…"`, `absent`). */
  found?: string;
  /** The JSON Schema keyword that failed (`type`, `required`, `enum`, `pattern`...). */
  keyword?: string;
  /** Where that keyword sits in `getEventSchema(service, operation, { mode })`, as a URI fragment. */
  schemaPath?: string;
}

export interface ValidationResult {
  valid: boolean;
  /** The service and operation the record was validated against, when it could be resolved. */
  service?: string;
  operation?: string;
  /**
   * Set when the record is a trimmed export: it names its event (eventSource and eventName, or
   * insightDetails) and has eventTime or eventID, but lacks envelope fields every full record has
   * (`missingFields`). Compatible mode validates what is present; strict mode rejects the record.
   */
  trimmed?: true;
  /** The envelope fields strict mode requires that a trimmed record lacks, sorted. */
  missingFields?: string[];
  /** Set when the record is an API call no model describes: only the envelope was checked (see ResolvedEvent). */
  unmodeled?: true;
  /** Empty when valid; otherwise at most `maxErrors` entries. */
  errors: ValidationError[];
}

export interface ValidateOptions {
  /** Default `compatible`. */
  mode?: Mode;
  /** Stop after this many errors (default 20). */
  maxErrors?: number;
}

export interface EventSchemaOptions {
  /** Default `compatible`. */
  mode?: Mode;
}

/**
 * Which operation a record belongs to. `unmodeled: true` is the result kind of API calls that no model
 * describes but that are known to be logged (console-internal and agent APIs: cloudshell, supportplans, the
 * SSM agent's ssm calls...): `service` is `unmodeled-api-calls` and `operation` `UnmodeledApiCall`, whose
 * schema is the envelope with open requestParameters and responseElements.
 */
export interface ResolvedEvent {
  service: string;
  operation: string;
  unmodeled?: true;
}

/** A JSON Schema document (draft 2020-12) as plain data. */
export type JsonSchema = { [keyword: string]: unknown };
