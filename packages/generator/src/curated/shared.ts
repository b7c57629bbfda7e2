/** Conventions shared by the curated services (values of the log model written by hand). */

/** CloudTrail writes no apiVersion for non-API events. */
export const NO_API_VERSION = "";

/** Non-API events have no wire protocol. */
export const NO_PROTOCOL = "none";

/**
 * Curated services keyed by eventType rather than eventSource use ANY_EVENT_SOURCE: their events come from
 * any service (AwsServiceEvent from kms, s3, organizations...; Insights records have no top-level eventSource).
 * See resolve.ts for how records find their operation.
 */
export { ANY_EVENT_SOURCE } from "../log-model.js";

/** Code-unit order, the same on every machine (localeCompare depends on the ICU locale). */
export const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

const AMAZONAWS = ".amazonaws.com";

/**
 * Operation name of a service-specific event inside an eventType-keyed service: `kms:RotateKey` for
 * eventSource kms.amazonaws.com, eventName RotateKey (IAM's `service:Action` spelling). eventName alone is
 * not enough: two services may name a service event alike.
 */
export function sourcedOperationName(eventSource: string, eventName: string): string {
  const prefix = eventSource.endsWith(AMAZONAWS) ? eventSource.slice(0, -AMAZONAWS.length) : eventSource;
  return `${prefix}:${eventName}`;
}

/** The inverse of sourcedOperationName, for emitters that need the eventSource back. */
export function parseSourcedOperationName(name: string): { eventSource: string; eventName: string } | undefined {
  const at = name.indexOf(":");
  if (at <= 0 || at === name.length - 1) return undefined;
  return { eventSource: `${name.slice(0, at)}${AMAZONAWS}`, eventName: name.slice(at + 1) };
}
