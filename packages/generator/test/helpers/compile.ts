/**
 * Type-check declaration files with the TypeScript API: `strict`, no `skipLibCheck`, every unused name an
 * error. Files are given by path -> contents (in memory) or read from disk.
 */
import { dirname } from "node:path";
import ts from "typescript";

export const STRICT: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  noUnusedLocals: true,
  noUnusedParameters: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2022.d.ts"],
  types: [],
};

/** The diagnostics of a program over `roots`; `memory` overrides or adds files (absolute paths). */
export function diagnostics(roots: readonly string[], memory: Readonly<Record<string, string>> = {}, options = STRICT): string[] {
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (f) => f in memory || fileExists.call(host, f);
  host.readFile = (f) => memory[f] ?? readFile.call(host, f);
  host.directoryExists = (d) => Object.keys(memory).some((f) => f.startsWith(`${d}/`)) || ts.sys.directoryExists(d);
  host.getSourceFile = (f, lang, onError, create) =>
    f in memory ? ts.createSourceFile(f, memory[f]!, lang, true) : getSourceFile.call(host, f, lang, onError, create);
  const program = ts.createProgram({ rootNames: [...roots], options, host });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName.replace(dirname(roots[0] ?? ""), ".")}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : "";
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}
