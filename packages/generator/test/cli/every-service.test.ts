/**
 * `pattern` and `custodian` on every service, the curated ones included: the first and the last operation
 * of each. A pattern names the operation's eventSource and every eventName it is logged under; a policy's
 * `ids` is one of the operation's own paths, or the command says that none looks like a resource id.
 * Operations that stand for any eventSource are refused by both, with a usage error.
 */
import { describe, expect, it } from "vitest";
import { custodianPolicy } from "../../src/cli/commands/custodian.js";
import { operationPaths } from "../../src/cli/commands/paths.js";
import { eventPattern, sourceOf } from "../../src/cli/commands/pattern.js";
import { openLookup } from "../../src/cli/lookup.js";
import { findOperation } from "../../src/cli/suggesting.js";
import { GeneratorError } from "../../src/errors.js";
import { openSnapshot } from "../../src/load.js";
import { ANY_EVENT_SOURCE } from "../../src/log-model.js";

const lookup = openLookup(openSnapshot());
const services = [...lookup.services, ...lookup.curated];

const usageError = (f: () => unknown): GeneratorError => {
  try {
    f();
  } catch (e) {
    if (e instanceof GeneratorError) return e;
    throw e;
  }
  throw new Error("no error");
};

describe("pattern and custodian on every service", () => {
  it(`covers the ${services.length} services`, () => {
    expect(lookup.services).toHaveLength(434);
    expect(lookup.curated.length).toBeGreaterThanOrEqual(4);
  });

  it.each(services)("%s", (service) => {
    const names = lookup.operations(service);
    for (const operation of new Set([names[0]!, names[names.length - 1]!])) {
      const found = findOperation(lookup, { service, operation });
      const eventSource = found.operation.eventSource ?? found.service.eventSource;
      const paths = operationPaths(found, lookup.botocoreVersion);
      if (eventSource === ANY_EVENT_SOURCE) {
        expect(usageError(() => eventPattern([found], (s) => lookup.operations(s))).code).toBe("E_USAGE");
        expect(usageError(() => custodianPolicy([paths], { resource: "x" })).message).toMatch(/any eventSource/);
        continue;
      }
      const { pattern } = eventPattern([found], (s) => lookup.operations(s));
      expect(JSON.parse(JSON.stringify(pattern))).toEqual({
        source: [sourceOf(eventSource)],
        "detail-type": [expect.stringMatching(/ via CloudTrail$/)],
        detail: { eventSource: [eventSource], eventName: found.operation.eventNames },
      });
      let policy: ReturnType<typeof custodianPolicy> | undefined;
      try {
        policy = custodianPolicy([paths], { resource: "x" });
      } catch (e) {
        expect(e).toBeInstanceOf(GeneratorError);
        expect((e as GeneratorError).message).toMatch(/looks like a resource id/);
        expect(paths.paths.some((p) => p.resourceId)).toBe(false);
      }
      if (policy) {
        const events = policy.policies[0]!.mode.events;
        expect(events.map((e) => e.event)).toEqual(found.operation.eventNames);
        for (const e of events) {
          expect(e.source).toBe(eventSource);
          expect(paths.paths.map((p) => p.path)).toContain(e.ids);
        }
      }
    }
  });
});
