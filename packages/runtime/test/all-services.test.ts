/**
 * The API works on records of every service: for every operation of every service (curated ones included),
 * a generated sample record resolves to it (or, where two services log the same call identically, to one of
 * them), and validates in both modes; makeEvent's records, for two seeds, are valid in strict mode and the
 * same for the same seed.
 */
import { describe, expect, it } from "vitest";
import { isCloudTrailEvent, listOperations, listServices, resolveEvent, validateEvent } from "../src/index.js";
import { makeEvent, sampleEvent } from "../src/testing/index.js";

describe("every operation of every service", () => {
  it("has a sample record that resolves to it and is valid in both modes", () => {
    const failures: string[] = [];
    let operations = 0;
    const services = listServices();
    for (const service of services) {
      for (const operation of listOperations(service)) {
        operations++;
        let record: Record<string, unknown>;
        try {
          record = sampleEvent(service, operation);
        } catch (e) {
          failures.push(`${service} ${operation}: ${(e as Error).message}`);
          continue;
        }
        for (const mode of ["compatible", "strict"] as const) {
          if (!isCloudTrailEvent(record, service as never, operation as never, { mode })) failures.push(`${service} ${operation}: not valid (${mode})`);
        }
        if (service === "unmodeled-api-calls") {
          // The fallback of calls no model describes: its sample names none; a listed call resolves to it, unmodeled.
          const call = { ...record, eventSource: "cloudshell.amazonaws.com", eventName: "createSession" };
          const r = resolveEvent(call);
          if (!r?.unmodeled || r.service !== service || r.operation !== operation) failures.push(`${service} ${operation}: a listed call resolves to ${JSON.stringify(r)}`);
          if (!validateEvent(call).valid || validateEvent(call, { mode: "strict" }).valid) failures.push(`${service} ${operation}: want compatible valid, strict invalid`);
          continue;
        }
        const resolved = resolveEvent(record);
        if (!resolved) {
          failures.push(`${service} ${operation}: does not resolve`);
          continue;
        }
        if (resolved.service === service && resolved.operation === operation) {
          const r = validateEvent(record, { mode: "strict" });
          if (!r.valid) failures.push(`${service} ${operation}: ${JSON.stringify(r.errors[0])}`);
        } else if (!(resolved.operation === operation && record.eventSource === sampleEvent(resolved.service, operation).eventSource && record.apiVersion === sampleEvent(resolved.service, operation).apiVersion)) {
          // Only services that log the same eventSource, eventName and apiVersion may be confused.
          failures.push(`${service} ${operation}: resolves to ${resolved.service} ${resolved.operation}`);
        }
      }
    }
    expect(services.length).toBeGreaterThanOrEqual(434);
    expect(operations).toBeGreaterThanOrEqual(19_385);
    expect(failures.slice(0, 20)).toEqual([]);
  });
});

describe("makeEvent on every operation of every service", () => {
  it("is valid in strict mode for two seeds, the same for the same seed, different across seeds", () => {
    const failures: string[] = [];
    let operations = 0;
    for (const service of listServices()) {
      for (const operation of listOperations(service)) {
        operations++;
        try {
          const [a, b, again] = [makeEvent(service, operation, undefined, { seed: 1 }), makeEvent(service, operation, undefined, { seed: 2 }), makeEvent(service, operation, undefined, { seed: 1 })];
          for (const r of [a, b]) if (!isCloudTrailEvent(r, service as never, operation as never, { mode: "strict" })) failures.push(`${service} ${operation} seed ${r === a ? 1 : 2}: not valid (strict)`);
          if (JSON.stringify(a) !== JSON.stringify(again)) failures.push(`${service} ${operation}: seed 1 twice gives different records`);
          if (a.eventID === b.eventID || a.eventTime === b.eventTime) failures.push(`${service} ${operation}: seeds 1 and 2 give the same eventID or eventTime`);
        } catch (e) {
          failures.push(`${service} ${operation}: ${(e as Error).message}`);
        }
      }
    }
    expect(operations).toBeGreaterThanOrEqual(19_385);
    expect(failures.slice(0, 20)).toEqual([]);
  });
});
