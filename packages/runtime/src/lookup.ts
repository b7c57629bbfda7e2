/** What the schemas cover: services and their operations. */
import { getService, registerSchemas, serviceNames } from "./data.js";

/** Every service name, sorted (the package's and any registered ones). */
export function listServices(): string[] {
  return serviceNames();
}

/** The operation names of a service, sorted; throws E_UNKNOWN_SERVICE. */
export function listOperations(service: string): string[] {
  return [...getService(service).operations];
}

export { registerSchemas };
