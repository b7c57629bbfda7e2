/**
 * The pipeline's spine: snapshot -> normalize -> project -> emit, for every service.
 * `generate()` returns a map of output path -> file contents; only `write()` touches the disk.
 */
import type { GenerateContext } from "./context.js";
import { curatedServices } from "./curated/index.js";
import { emitServiceSchema } from "./emit-schema.js";
import { emitPackageTypes, emitServiceTypes } from "./emit-types.js";
import { envelopeSchema } from "./envelope.js";
import type { LoggedService } from "./log-model.js";
import { buildManifest, entryOf, type ServiceManifestEntry } from "./manifest.js";
import { normalize } from "./normalize.js";
import { project } from "./project/index.js";
import { FULL_SCHEMAS_DIR, fullSchemaFileText, jsonFileText, schemaFileText } from "./schema-file.js";
import type { Snapshot } from "./load.js";

/** Stable JSON text: two-space indent, trailing newline. Key order is the order the stages built. */
export const jsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** One service through normalize and project. */
export function logService(snapshot: Pick<Snapshot, "read">, service: string, ctx: GenerateContext): LoggedService {
  const model = normalize(service, snapshot.read(service), { botocoreVersion: ctx.botocoreVersion, docs: ctx.docs });
  return project(model, { rules: ctx.rules });
}

export interface Generated {
  /**
   * Output path (relative to the types package) -> contents: `schemas/` (published: the compatible form,
   * unless `modelConstraints`), `build/schemas/` (the full documents with the strict overlay, which the
   * runtime's build reads; not published), the manifest and the declarations.
   */
  files: Map<string, string>;
  services: number;
  operations: number;
}

/**
 * Every botocore service in the context, plus the curated non-API services (signin, AwsServiceEvent…),
 * which are written by hand as log models and so skip normalize and project.
 */
export function generate(
  snapshot: Pick<Snapshot, "read">,
  ctx: GenerateContext,
  extra: readonly LoggedService[] = curatedServices(),
): Generated {
  const files = new Map<string, string>();
  const entries: Record<string, ServiceManifestEntry> = {};
  let operations = 0;
  const add = (svc: LoggedService) => {
    const doc = emitServiceSchema(svc, ctx);
    files.set(`schemas/${svc.name}.json`, schemaFileText(doc, ctx));
    files.set(`${FULL_SCHEMAS_DIR}/${svc.name}.json`, fullSchemaFileText(doc));
    if (ctx.types) for (const [path, text] of emitServiceTypes(svc, ctx)) files.set(path, text);
    entries[svc.name] = entryOf(svc);
    operations += svc.operations.length;
  };
  for (const service of ctx.services) add(logService(snapshot, service, ctx));
  for (const svc of extra) add(svc);
  const envelope = envelopeSchema(ctx.botocoreVersion);
  const manifest = buildManifest(ctx.botocoreVersion, entries);
  files.set("schemas/envelope.json", schemaFileText(envelope, ctx));
  files.set(`${FULL_SCHEMAS_DIR}/envelope.json`, fullSchemaFileText(envelope));
  // Minified like the schemas (2.9 MB indented, 1.7 MB not): read by programs, browsed with a JSON viewer.
  files.set("manifest.json", jsonFileText(manifest, false));
  if (ctx.types) for (const [path, text] of emitPackageTypes(manifest, envelope, ctx)) files.set(path, text);
  return { files, services: Object.keys(entries).length, operations };
}
