/**
 * @cloudtrail-schema/runtime: validate AWS CloudTrail records against their operation's JSON Schema.
 * Every public name, one by one.
 */
export { resolveEvent } from "./resolve.js";
export { validateEvent, isCloudTrailEvent, assertCloudTrailEvent } from "./validate.js";
export { getEventSchema } from "./schema.js";
export { recordsOf } from "./envelopes.js";
export { registerSchemas, listServices, listOperations } from "./lookup.js";
export { CloudTrailSchemaError } from "./errors.js";
export type { CloudTrailSchemaErrorCode } from "./errors.js";
export type { SchemaPack } from "./data.js";
export type { EventSchemaOptions, JsonSchema, Mode, ResolvedEvent, ValidateOptions, ValidationError, ValidationResult } from "./types.js";
