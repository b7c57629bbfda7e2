/**
 * @cloudtrail-schema/runtime/testing: records for tests.
 */
export { makeEvent } from "./make.js";
export type { EventOverrides, MakeEventOptions } from "./make.js";
export { sampleEvent } from "./sample.js";
export { sampleString } from "./pattern.js";
