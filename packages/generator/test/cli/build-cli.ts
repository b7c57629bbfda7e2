/**
 * Build the CLI the way `tsup` builds dist/cli.js (the same options, tsup.config.ts `cliOptions`), into a
 * directory of the test's own, so the end-to-end tests run today's source and never race another build
 * that cleans dist/.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "tsup";
import { cliOptions } from "../../tsup.config.js";

export const PACKAGE_DIR = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const SNAPSHOT_DIR = resolve(PACKAGE_DIR, "../../data/botocore");

export async function buildCli(outDir = mkdtempSync(join(tmpdir(), "cloudtrail-schema-cli-"))): Promise<string> {
  await build({
    ...cliOptions,
    entry: Object.fromEntries(Object.entries(cliOptions.entry as Record<string, string>).map(([k, v]) => [k, resolve(PACKAGE_DIR, v)])),
    outDir,
    sourcemap: false,
    silent: true,
    config: false,
    tsconfig: resolve(PACKAGE_DIR, "../../tsconfig.base.json"),
  });
  // As in the package: dist/*.js are ES modules ("type": "module"). Without it Node would first try each
  // file as CommonJS, and the files are timed.
  writeFileSync(join(outDir, "package.json"), '{ "type": "module" }\n');
  // @cloudtrail-schema/runtime stays external (example, validate import it at run time): resolve it from
  // here as from the package's dist/, through the package's own node_modules link (to the built runtime).
  mkdirSync(join(outDir, "node_modules", "@cloudtrail-schema"), { recursive: true });
  const link = join(outDir, "node_modules", "@cloudtrail-schema", "runtime");
  if (!existsSync(link)) symlinkSync(realpathSync(join(PACKAGE_DIR, "node_modules", "@cloudtrail-schema", "runtime")), link, "dir");
  return join(outDir, "cli.js");
}

// `node --import tsx packages/generator/test/cli/build-cli.ts [DIR]`: build once, print the path (for timing by hand).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await buildCli(process.argv[2]));
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Spawn the built CLI as a user would, with nothing of this process's environment but PATH; built outside
 * the package, it is told where the snapshot is.
 */
export function runCli(cli: string, args: readonly string[], env: Record<string, string> = {}, cwd?: string): Run {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: "utf8",
    ...(cwd ? { cwd } : {}),
    env: { PATH: process.env.PATH ?? "", CLOUDTRAIL_SCHEMA_SNAPSHOT: SNAPSHOT_DIR, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
