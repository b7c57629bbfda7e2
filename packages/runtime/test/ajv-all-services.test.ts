/**
 * Both engines agree on every operation of every service: the sample record of all-services.test.ts is
 * valid in both modes through ajv too, and the same record with a member the model does not have gets the
 * same result and the same errors from both (valid in compatible mode, an unknown property in strict).
 *
 * The slow part is ajv compiling 19,000 operations twice. Each service gets its own instance (dropped when
 * the service is done) with the service's documents added (addCloudTrailSchemas), so a definition shared by
 * its operations is compiled once, and ajv's code optimisation and ref inlining are off: they make the
 * generated code smaller, not the answers different, and take most of the compile time.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { addCloudTrailSchemas, AJV_OPTIONS, createAjvValidator } from "../src/ajv/index.js";
import { isCloudTrailEvent, listOperations, listServices, validateEvent, type ValidationError } from "../src/index.js";
import { sampleEvent } from "../src/testing/index.js";

const key = (e: ValidationError) => `${e.path} ${e.keyword} ${e.message}`;

describe("ajv and the fast engine on every operation of every service", () => {
  it("agree on each operation's sample record, and on it with an unknown member, in both modes", { timeout: 30 * 60_000 }, () => {
    const failures: string[] = [];
    let operations = 0;
    for (const service of listServices()) {
      const instance = new Ajv2020({ ...AJV_OPTIONS, logger: false, inlineRefs: false, code: { optimize: false } });
      addCloudTrailSchemas(instance, [service]);
      const ajv = createAjvValidator(instance);
      for (const operation of listOperations(service)) {
        operations++;
        const record = sampleEvent(service, operation);
        // requestParameters is an object in every sample that has one; a member no model has.
        const extra = { ...record, requestParameters: { ...(record.requestParameters as object), notInTheModel: 1 } };
        for (const mode of ["compatible", "strict"] as const) {
          const fast = isCloudTrailEvent(record, service as never, operation as never, { mode });
          const slow = ajv.isCloudTrailEvent(record, service as never, operation as never, { mode });
          if (!fast || !slow) failures.push(`${service} ${operation} ${mode}: sample valid fast=${fast} ajv=${slow}`);
          if (record.requestParameters === undefined || record.requestParameters === null) continue;
          const want = validateEvent(extra, { mode });
          const got = ajv.validateEvent(extra, { mode });
          const [w, g] = [want.errors.map(key).sort(), got.errors.map(key).sort()];
          if (want.valid !== got.valid || want.operation !== got.operation || JSON.stringify(w) !== JSON.stringify(g)) {
            failures.push(`${service} ${operation} ${mode}: with an unknown member fast=${JSON.stringify(w)} ajv=${JSON.stringify(g)}`);
          }
        }
      }
    }
    expect(operations).toBeGreaterThanOrEqual(19_385);
    expect(failures.slice(0, 20)).toEqual([]);
  });
});
