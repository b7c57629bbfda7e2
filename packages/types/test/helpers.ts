/** Shared by the types package's tests: where things are, and a TypeScript program's diagnostics. */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import ts from "typescript";

export const PACKAGE_DIR = join(import.meta.dirname, "..");
export const FIXTURE_DIR = join(import.meta.dirname, "..", "type-tests");
const require = createRequire(import.meta.url);
/** The workspace's TypeScript (5.9): its compiler, run on projects outside the workspace too. */
export const TSC = require.resolve("typescript/bin/tsc");
export const AWS_LAMBDA_TYPES = dirname(require.resolve("@types/aws-lambda/package.json"));

/** The package is written by the generator; say so instead of failing on a missing file. */
export function requireBuiltPackage(): void {
  if (!existsSync(join(PACKAGE_DIR, "dist", "index.d.ts"))) {
    throw new Error("packages/types/dist is missing: run `pnpm build` (the generator writes the declarations)");
  }
}

/** Errors of the project at `tsconfig`, formatted `file:line message`. */
export function projectDiagnostics(tsconfig: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error(`cannot read ${tsconfig}`);
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, projectReferences: config.projectReferences });
  return ts.getPreEmitDiagnostics(program).map(format);
}

export function format(d: ts.Diagnostic): string {
  const where = d.file ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : "";
  return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
}
