/**
 * The real thing: @cloudtrail-schema/runtime's resolveEvent / getEventSchema / validateEvent, on the data the
 * last build wrote (packages/types, packages/runtime/generated), with the generator's manifest as catalogue.
 * Loaded lazily so the report still runs (on the generator stand-in) where the runtime is not built.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Catalog, FidelityBackend, Mode, Resolved, Validation } from "./backend.js";

const ROOT = join(import.meta.dirname, "..", "..");
export const RUNTIME_ENTRY = join(ROOT, "packages", "runtime", "src", "index.ts");
export const MANIFEST = join(ROOT, "packages", "types", "manifest.json");

interface RuntimeApi {
  resolveEvent(record: unknown): Resolved | undefined;
  getEventSchema(service: string, operation: string, options?: { mode?: Mode }): Record<string, unknown>;
  validateEvent(record: unknown, options?: { mode?: Mode }): Validation;
}

export const runtimeAvailable = (): boolean => existsSync(RUNTIME_ENTRY) && existsSync(MANIFEST);

export async function runtimeBackend(): Promise<FidelityBackend> {
  if (!runtimeAvailable()) throw new Error(`the runtime is not available (${RUNTIME_ENTRY}, ${MANIFEST})`);
  const api = (await import(pathToFileURL(RUNTIME_ENTRY).href)) as RuntimeApi;
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as Catalog;
  return {
    name: "runtime (@cloudtrail-schema/runtime on the last build)",
    catalog: { services: manifest.services },
    resolveEvent: (record) => api.resolveEvent(record),
    getEventSchema: (service, operation, { mode }) => api.getEventSchema(service, operation, { mode }),
    validateEvent: (record, { mode }) => api.validateEvent(record, { mode }),
  };
}
