/** The manifest: which services exist, their eventSource, and the eventNames of their operations. */
import type { LoggedService } from "./log-model.js";

export interface ServiceManifestEntry {
  eventSource: string;
  /** Other eventSources some of its records carry; absent when none. */
  otherEventSources?: string[];
  apiVersion: string;
  protocol: string;
  serviceFullName: string;
  curated?: boolean;
  /** `deprecated` only where the model marks the operation so (resolution prefers the others). */
  operations: Record<string, { eventNames: string[]; readOnly: boolean; deprecated?: true }>;
}

export interface Manifest {
  botocoreVersion: string;
  services: Record<string, ServiceManifestEntry>;
  /** eventSource -> services logging under it (several share one: rds, docdb, neptune). */
  eventSources: Record<string, string[]>;
}

export function entryOf(svc: LoggedService): ServiceManifestEntry {
  const operations: ServiceManifestEntry["operations"] = {};
  for (const op of svc.operations) operations[op.name] = { eventNames: op.eventNames, readOnly: op.readOnly, ...(op.deprecated ? { deprecated: true as const } : {}) };
  return {
    eventSource: svc.eventSource,
    ...(svc.otherEventSources ? { otherEventSources: svc.otherEventSources } : {}),
    apiVersion: svc.apiVersion,
    protocol: svc.protocol,
    serviceFullName: svc.serviceFullName,
    ...(svc.curated ? { curated: true } : {}),
    operations,
  };
}

export function buildManifest(botocoreVersion: string, entries: Record<string, ServiceManifestEntry>): Manifest {
  const services: Manifest["services"] = {};
  const sources: Record<string, string[]> = {};
  for (const name of Object.keys(entries).sort()) {
    const e = entries[name]!;
    services[name] = e;
    for (const source of [e.eventSource, ...(e.otherEventSources ?? [])]) (sources[source] ??= []).push(name);
  }
  const eventSources: Manifest["eventSources"] = {};
  for (const s of Object.keys(sources).sort()) eventSources[s] = sources[s]!;
  return { botocoreVersion, services, eventSources };
}
