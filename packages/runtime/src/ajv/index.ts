/**
 * @cloudtrail-schema/runtime/ajv: validation through ajv 8 (draft 2020-12), an optional peer dependency,
 * with the default entry's results and error format; and the schemas added to an ajv instance a pipeline
 * already owns. Every public name, one by one.
 */
export { createAjvValidator, validateEvent, isCloudTrailEvent, assertCloudTrailEvent, AJV_OPTIONS } from "./validate.js";
export type { AjvValidator } from "./validate.js";
export { addCloudTrailSchemas, getEventSchemaId } from "./register.js";
export type { AddSchemasOptions, AjvErrorObject, AjvInstance, AjvValidateFunction } from "./register.js";
