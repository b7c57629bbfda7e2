/**
 * Both engines agree on every operation of every service: the sample record of all-services.test.ts is
 * valid in both modes through ajv too, and the same record with a member the model does not have gets the
 * same result and the same errors from both (valid in compatible mode, an unknown property in strict).
 *
 * The slow part is ajv compiling 19,000 operations twice (7 minutes here, ec2 2 of them). Each service gets its
 * own instance (dropped when the service is done) with the service's documents added (addCloudTrailSchemas),
 * so a definition shared by its operations is compiled once, and ajv's code optimisation and ref inlining
 * are off: they make the generated code smaller, not the answers different, and take most of the compile
 * time. One test per slice of a service's operations, and a pause for the event loop every few operations:
 * a worker busy for a minute without one misses vitest's calls ("Timeout calling onTaskUpdate").
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, describe, expect, it } from "vitest";
import { addCloudTrailSchemas, AJV_OPTIONS, type AjvValidator, createAjvValidator } from "../src/ajv/index.js";
import { isCloudTrailEvent, listOperations, listServices, validateEvent, type ValidationError } from "../src/index.js";
import { sampleEvent } from "../src/testing/index.js";

const SLICE = 120;
const key = (e: ValidationError) => `${e.path} ${e.keyword} ${e.message}`;

const slices: [string, string[]][] = [];
for (const service of listServices()) {
  const operations = listOperations(service);
  for (let i = 0; i < operations.length; i += SLICE) slices.push([service, operations.slice(i, i + SLICE)]);
}

/** The validator of the service being tested, kept across its slices. */
let current: [string, AjvValidator] | undefined;
function validatorOf(service: string): AjvValidator {
  if (current?.[0] !== service) {
    const instance = new Ajv2020({ ...AJV_OPTIONS, logger: false, inlineRefs: false, code: { optimize: false } });
    addCloudTrailSchemas(instance, [service]);
    current = [service, createAjvValidator(instance)];
  }
  return current[1];
}

let checked = 0;

describe("ajv and the fast engine on every operation of every service", () => {
  afterAll(() => {
    // Every operation went through one of the slices.
    expect(checked).toBeGreaterThanOrEqual(19_385);
  });

  it.each(slices)("agree on the sample records of %s (and with an unknown member), in both modes", { timeout: 10 * 60_000 }, async (service, operations) => {
    const ajv = validatorOf(service);
    const failures: string[] = [];
    for (const [i, operation] of operations.entries()) {
      if (i % 8 === 7) await new Promise((next) => setImmediate(next));
      checked++;
      const record = sampleEvent(service, operation);
      // A member no model has, where the sample has requestParameters (an object in every sample).
      const extra = { ...record, requestParameters: { ...(record.requestParameters as object), notInTheModel: 1 } };
      for (const mode of ["compatible", "strict"] as const) {
        const fast = isCloudTrailEvent(record, service as never, operation as never, { mode });
        const slow = ajv.isCloudTrailEvent(record, service as never, operation as never, { mode });
        if (!fast || !slow) failures.push(`${operation} ${mode}: sample valid fast=${fast} ajv=${slow}`);
        if (record.requestParameters === undefined || record.requestParameters === null) continue;
        const want = validateEvent(extra, { mode });
        const got = ajv.validateEvent(extra, { mode });
        const [w, g] = [want.errors.map(key).sort(), got.errors.map(key).sort()];
        if (want.valid !== got.valid || want.operation !== got.operation || JSON.stringify(w) !== JSON.stringify(g)) {
          failures.push(`${operation} ${mode}: with an unknown member fast=${JSON.stringify(w)} ajv=${JSON.stringify(g)}`);
        }
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });
});
