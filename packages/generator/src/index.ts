/**
 * @cloudtrail-schema/generator: botocore models -> CloudTrail log model -> JSON Schema.
 * Each stage is a pure function; `generateAll()` adds the file-system edges.
 */
export { openSnapshot, defaultSnapshotDir } from "./load.js";
export type { Snapshot, SnapshotManifest } from "./load.js";
export { normalize } from "./normalize.js";
export type { NormalizeOptions } from "./normalize.js";
export type { Member, Operation, Protocol, ServiceMetadata, ServiceModel, Shape, ShapeType } from "./model.js";
export { project, RULES } from "./project/index.js";
export type { Direction, ProjectContext, ProjectOptions, Rule } from "./project/index.js";
export type { LogField, LoggedOperation, LoggedService, LogKind, LogType } from "./log-model.js";
export { emitServiceSchema, emitType, defNames, VOCABULARY, SCHEMA_DIALECT, SCHEMA_BASE_ID, ENVELOPE_ID } from "./emit-schema.js";
export type { EmitContext } from "./emit-schema.js";
export { createContext } from "./context.js";
export type { GenerateContext } from "./context.js";
export { generate, logService, jsonText } from "./generate.js";
export type { Generated } from "./generate.js";
export { buildManifest } from "./manifest.js";
export type { Manifest, ServiceManifestEntry } from "./manifest.js";
export { generateAll } from "./pipeline.js";
export { write } from "./write.js";
export { htmlToText, summary } from "./docs.js";
export { safePattern, droppedPatternReason } from "./patterns.js";
export { GeneratorError } from "./errors.js";
export type { GeneratorErrorCode } from "./errors.js";
export type { JsonSchema, JsonValue } from "./json-schema.js";
