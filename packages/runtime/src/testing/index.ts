/**
 * @cloudtrail-schema/runtime/testing: records for tests.
 */
export { sampleEvent } from "./sample.js";
export { sampleString } from "./pattern.js";
