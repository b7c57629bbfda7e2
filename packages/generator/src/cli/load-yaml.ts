/**
 * yaml.ts (the YAML printer) for a command whose human output is YAML (`custodian`), loaded as run.ts
 * loads it for `--format yaml`: from the file the build puts beside the CLI bundle (dist/cli-yaml.js), or
 * from source when run by tsx or vitest. Computed, so that esbuild leaves the import alone instead of
 * inlining the yaml package into the CLI's main bundle.
 */
export async function loadYaml(): Promise<typeof import("./yaml.js")> {
  const file = import.meta.url.endsWith(".ts") ? "./yaml.ts" : "./cli-yaml.js";
  return (await import(new URL(file, import.meta.url).href)) as typeof import("./yaml.js");
}

/** The options run.ts prints `--format yaml` with, so both YAML outputs look alike. */
export const YAML_OPTIONS = { aliasDuplicateObjects: false, indentSeq: false } as const;
