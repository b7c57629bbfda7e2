/**
 * The API as the compiler and an editor see it, on the built package (`pnpm build` first):
 * - type-tests/: positive cases and `@ts-expect-error` negatives, compiled under `strict` (an unused
 *   `@ts-expect-error` is an error too), including EventBridge assignability with the real @types/aws-lambda;
 * - every generated declaration, compiled under `strict` without skipLibCheck;
 * - the language service: TSDoc on hover, completions of services and operations.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_DIR, format, PACKAGE_DIR, projectDiagnostics, requireBuiltPackage } from "./helpers.js";

beforeAll(requireBuiltPackage);

describe("type tests (type-tests/)", () => {
  it("compile under strict: every positive case holds and every @ts-expect-error meets its error", () => {
    expect(projectDiagnostics(join(FIXTURE_DIR, "tsconfig.json"))).toEqual([]);
  });

  it("register only the operations a program imports (operations.mts, a program of its own)", () => {
    expect(projectDiagnostics(join(FIXTURE_DIR, "tsconfig.operations.json"))).toEqual([]);
  });
});

describe("every declaration of the package", () => {
  it("compiles under strict without skipLibCheck, every service's modules in one program", () => {
    const dist = join(PACKAGE_DIR, "dist");
    const files = ts.sys.readDirectory(dist, [".d.ts", ".d.mts"], undefined, ["**/*"]);
    // 438 services, 19,000 operations, and the modules of what several operations share.
    expect(files.length).toBeGreaterThan(20_000);
    const program = ts.createProgram({
      rootNames: files,
      options: { strict: true, noEmit: true, skipLibCheck: false, noUnusedLocals: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, lib: ["lib.es2022.d.ts"], types: [] },
    });
    expect(ts.getPreEmitDiagnostics(program).slice(0, 10).map(format)).toEqual([]);
  });
});

describe("in an editor", () => {
  /** A language service over the fixture project plus one file of our own. */
  function service(source: string) {
    const config = ts.getParsedCommandLineOfConfigFile(join(FIXTURE_DIR, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const file = join(FIXTURE_DIR, "editor.mts");
    const host: ts.LanguageServiceHost = {
      getCompilationSettings: () => config.options,
      getScriptFileNames: () => [file],
      getScriptVersion: () => "1",
      getScriptSnapshot: (f) => ts.ScriptSnapshot.fromString(f === file ? source : ts.sys.readFile(f) ?? ""),
      getCurrentDirectory: () => FIXTURE_DIR,
      getDefaultLibFileName: ts.getDefaultLibFilePath,
      fileExists: (f) => f === file || ts.sys.fileExists(f),
      readFile: (f) => (f === file ? source : ts.sys.readFile(f)),
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
    };
    const ls = ts.createLanguageService(host);
    const at = (marker: string) => source.indexOf(marker.replace("|", "")) + marker.indexOf("|");
    return {
      hover: (marker: string) => {
        const info = ls.getQuickInfoAtPosition(file, at(marker));
        return { type: ts.displayPartsToString(info?.displayParts), doc: ts.displayPartsToString(info?.documentation) };
      },
      completions: (marker: string) => (ls.getCompletionsAtPosition(file, at(marker), {})?.entries ?? []).map((e) => e.name),
    };
  }

  const source = [
    'import type { CloudTrailEvent, ServiceName } from "@cloudtrail-schema/types";',
    'import type {} from "@cloudtrail-schema/types/iam";',
    'declare const e: CloudTrailEvent<"iam", "CreatePolicy">;',
    "e.requestParameters?.policyName;",
    "e.userIdentity?.sessionContext;",
    "e.requestParameters;",
    'export type Op = CloudTrailEvent<"iam", "">;',
    'export const s: ServiceName = "";',
  ].join("\n");
  let ls: ReturnType<typeof service>;
  beforeAll(() => {
    ls = service(source);
  });

  it("shows the model's documentation of a field on hover", () => {
    const h = ls.hover("policy|Name;");
    expect(h.type).toContain("policyName?: string | undefined");
    expect(h.doc).toContain("The friendly name of the policy.");
  });

  it("shows the envelope's documentation of record fields, inherited by each event", () => {
    expect(ls.hover("userIdentity|?.session").doc).toMatch(/identity/i);
    expect(ls.hover("e.requestParam|eters;").doc).toMatch(/parameters sent with the request/i);
  });

  it("completes operation names of an imported service", () => {
    const ops = ls.completions('"iam", "|"');
    expect(ops).toContain("CreatePolicy");
    expect(ops).toContain("AttachRolePolicy");
    expect(ops).not.toContain("RunInstances");
  });

  it("completes every service name", () => {
    const services = ls.completions('ServiceName = "|"');
    expect(services).toEqual(expect.arrayContaining(["iam", "ec2", "s3", "lambda", "kms", "sts"]));
    const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, "manifest.json"), "utf8")) as { services: object };
    expect(services.length).toBe(Object.keys(manifest.services).length);
  });
});
