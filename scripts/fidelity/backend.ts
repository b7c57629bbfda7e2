/**
 * What the fidelity report needs from the runtime: the three public functions of
 * @cloudtrail-schema/runtime, plus the catalogue (the generator's manifest) to tell "no model for this
 * eventSource" from "no such operation". The report's logic depends only on this interface, so its tests
 * run on small hand-written backends.
 */

export type Mode = "compatible" | "strict";

export interface Resolved {
  service: string;
  operation: string;
  /** An API call no model describes, checked against the envelope only. */
  unmodeled?: true;
}

export interface Validation {
  valid: boolean;
  service?: string;
  operation?: string;
  errors: readonly { path: string; message: string }[];
  /** A trimmed export (see the runtime's validateEvent) and the envelope fields it lacks. */
  trimmed?: true;
  missingFields?: readonly string[];
}

export interface CatalogService {
  eventSource: string;
  protocol: string;
  curated?: boolean;
  operations: Record<string, { eventNames: readonly string[] }>;
}

/** The manifest: services, their eventSource, protocol and the eventNames of every operation. */
export interface Catalog {
  services: Record<string, CatalogService>;
}

export interface FidelityBackend {
  /** Shown in the report's header (`runtime`, `generator stand-in`). */
  name: string;
  resolveEvent(record: unknown): Resolved | undefined;
  /** Self-contained JSON Schema of the operation's record. */
  getEventSchema(service: string, operation: string, options: { mode: Mode }): Record<string, unknown>;
  validateEvent(record: unknown, options: { mode: Mode }): Validation;
  catalog: Catalog;
}
