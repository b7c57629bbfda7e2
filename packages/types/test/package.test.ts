/**
 * The packed tarball, as users get it (`pnpm build` first):
 * - @arethetypeswrong/cli and publint find no problem in it;
 * - a consumer project outside the workspace installs it (with @types/aws-lambda, both from tarballs, so
 *   no registry is needed) and type-checks the API under moduleResolution node16, nodenext and bundler,
 *   from ES modules and from CommonJS, JSON Schemas imported as JSON.
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationModule, UNPORTABLE_FILE_CHARS } from "../../generator/src/emit-types/names.js";
import { AWS_LAMBDA_TYPES, PACKAGE_DIR, requireBuiltPackage, TSC } from "./helpers.js";

const require = createRequire(import.meta.url);
const ATTW = join(require.resolve("@arethetypeswrong/cli/package.json"), "..", "dist", "index.js");
const PUBLINT = join(PACKAGE_DIR, "..", "..", "scripts", "publint-tarball.mjs");

let work: string;
let tarball: string;

/** `pnpm pack` (it rewrites `workspace:` versions); the pnpm running the tests, else the pinned one. */
async function pnpm(args: string[], cwd: string): Promise<string> {
  const execpath = process.env.npm_execpath;
  const [cmd, pre] = execpath && /pnpm/.test(execpath) ? [process.execPath, [execpath]] : ["npx", ["--yes", "pnpm@10.34.8"]];
  const r = await run(cmd, [...pre, ...args], cwd);
  if (r.status !== 0) throw new Error(`pnpm ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
}

/** A child process, awaited without blocking the test worker (attw and publint take a minute on 28,000 files). */
function run(cmd: string, args: string[], cwd?: string): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(cmd, args, { cwd, encoding: "utf8", maxBuffer: 1 << 26 }, (error, stdout, stderr) =>
      done({ status: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  requireBuiltPackage();
  work = mkdtempSync(join(tmpdir(), "cloudtrail-types-package-"));
  await pnpm(["pack", "--pack-destination", work], PACKAGE_DIR);
  tarball = join(work, readdirSync(work).find((f) => f.endsWith(".tgz"))!);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the packed tarball", () => {
  it("has no problem for @arethetypeswrong/cli, in every resolution mode", async () => {
    // The wildcard subpaths are checked through examples: botocore services and operations, a curated service, JSON. `all`
    // (every service) would take attw 35 s; the consumer below compiles it instead.
    const entrypoints = [".", "iam", "iam/CreatePolicy", "sts", "sts/AssumeRole", "signin-console", "manifest.json", "schemas/sts.json", "schemas/envelope.json"];
    const r = await run(process.execPath, [ATTW, tarball, "--entrypoints", ...entrypoints, "--format", "table-flipped", "--no-color", "--no-emoji"]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("No problems found");
  });

  it("has no error, warning or suggestion for publint", { timeout: 300_000 }, async () => {
    // In a child process: on 28,000 files publint works for a minute and would block the test worker.
    const r = await run(process.execPath, [PUBLINT, tarball, "suggestion"], PACKAGE_DIR);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it("ships the declarations, the JSON Schemas and the manifest, nothing else", () => {
    const list = execFileSync("tar", ["tzf", tarball], { encoding: "utf8", maxBuffer: 1 << 26 }).trim().split("\n");
    const top = new Set(list.map((f) => f.replace(/^package\//, "").split("/")[0]));
    expect([...top].sort()).toEqual(["README.md", "dist", "manifest.json", "package.json", "schemas"]);
    const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, "manifest.json"), "utf8")) as { services: object };
    const manifestOps = manifest as { services: Record<string, { operations: object }> };
    const files = new Set(list);
    for (const [service, entry] of Object.entries(manifestOps.services)) {
      for (const path of [`dist/services/${service}.d.ts`, `dist/services/${service}/shapes.d.ts`, `schemas/${service}.json`]) expect(files.has(`package/${path}`), path).toBe(true);
      for (const op of Object.keys(entry.operations)) expect(files.has(`package/dist/services/${service}/${operationModule(op)}.d.ts`), `${service}/${op}`).toBe(true);
    }
    // Services and operations are exported under a plain `types` condition: no ES-module twins to ship.
    expect(list.filter((f) => f.startsWith("package/dist/services/") && f.endsWith(".d.mts"))).toEqual([]);
    // Every name extracts as it is on Windows (npm renames a file with `:` there, and its imports break) and
    // no two are one file where names are not case-sensitive.
    expect(list.filter((f) => f.split("/").some((part) => UNPORTABLE_FILE_CHARS.test(part)))).toEqual([]);
    expect(new Set(list.map((f) => f.toLowerCase())).size).toBe(list.length);
  });
});

// ---------------------------------------------------------------------------------------------------------
// A consumer outside the workspace.

const API = `
import type { CloudTrailEvent, CloudTrailEventBridgeEvent, CloudTrailRequest, OperationName, ServiceName } from "@cloudtrail-schema/types";
import type {} from "@cloudtrail-schema/types/iam";
import type { InstanceType } from "@cloudtrail-schema/types/ec2";
import type { RunInstancesEvent } from "@cloudtrail-schema/types/ec2/RunInstances";
import type { EventBridgeEvent } from "aws-lambda";

declare const event: CloudTrailEvent<"iam", "CreatePolicy">;
export const source: "iam.amazonaws.com" = event.eventSource;
export const name: string | undefined = event.requestParameters?.policyName;
export const request: CloudTrailRequest<"iam", "CreatePolicy"> = { policyName: "p" };
export const service: ServiceName = "ec2";
export const operation: OperationName<"iam"> = "AttachRolePolicy";
export const instanceType: InstanceType = "t3.micro";
// @ts-expect-error an ec2 operation is not an iam one
export type Wrong = CloudTrailEvent<"iam", "RunInstances">;
// @ts-expect-error misspelt field
event.requestParameters?.polcyName;
declare const run: RunInstancesEvent;
export const runName: "RunInstances" = run.eventName;
export const runAs: CloudTrailEvent<"ec2", "RunInstances"> = run;
export function narrow(e: CloudTrailEvent<"iam">): string | undefined {
  if (e.eventName === "CreateUser") return e.requestParameters?.userName;
  return undefined;
}
declare const eb: EventBridgeEvent<"AWS API Call via CloudTrail", CloudTrailEvent<"iam", "CreatePolicy">>;
export const ours: CloudTrailEventBridgeEvent<"iam", "CreatePolicy"> = eb;
export const theirs: EventBridgeEvent<"AWS API Call via CloudTrail", CloudTrailEvent<"iam", "CreatePolicy">> = ours;
`;

/** JSON Schemas as JSON modules: node16 takes no import attribute, nodenext requires one. */
const JSON_IMPORTS = (attributes: boolean) => {
  const w = attributes ? ' with { type: "json" }' : "";
  return `
import sts from "@cloudtrail-schema/types/schemas/sts.json"${w};
import envelope from "@cloudtrail-schema/types/schemas/envelope.json"${w};
export const id: string = sts.$id;
export const defs: number = Object.keys(envelope.$defs).length;
`;
};

const CJS = `
import type { CloudTrailEvent } from "@cloudtrail-schema/types";
import type {} from "@cloudtrail-schema/types/kms";
import type { AssumeRoleRequestParameters } from "@cloudtrail-schema/types/sts/AssumeRole";
declare const assumed: CloudTrailEvent<"sts", "AssumeRole">;
export const params: AssumeRoleRequestParameters | null | undefined = assumed.requestParameters;
declare const event: CloudTrailEvent<"kms", "ScheduleKeyDeletion">;
export const days: number | undefined = event.requestParameters?.pendingWindowInDays;
// @ts-expect-error a number
export const wrong: string | undefined = event.requestParameters?.pendingWindowInDays;
`;

const MODES = {
  node16: { module: "Node16", files: { "api.mts": API, "json.mts": JSON_IMPORTS(false), "require.cts": CJS } },
  nodenext: { module: "NodeNext", files: { "api.mts": API, "json.mts": JSON_IMPORTS(true), "require.cts": CJS } },
  bundler: { module: "ESNext", files: { "api.ts": API, "json.ts": JSON_IMPORTS(false) } },
} as const;

describe("a consumer outside the workspace", () => {
  let consumer: string;
  beforeAll(async () => {
    consumer = join(work, "consumer");
    mkdirSync(consumer);
    writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    // @types/aws-lambda from a tarball of the workspace's copy: the install needs no registry.
    execFileSync("npm", ["pack", AWS_LAMBDA_TYPES, "--pack-destination", work, "--silent"], { cwd: work, stdio: "ignore" });
    const lambdaTarball = join(work, readdirSync(work).find((f) => f.startsWith("types-aws-lambda-") && f.endsWith(".tgz"))!);
    // 28,000 files: awaited, not run synchronously, so the test worker stays responsive.
    const r = await run("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock", "--ignore-scripts", tarball, lambdaTarball], consumer);
    if (r.status !== 0) throw new Error(`npm install failed: ${r.stderr}`);
  });

  it.each(Object.keys(MODES) as (keyof typeof MODES)[])("type-checks the API with moduleResolution %s", (mode) => {
    const { module, files } = MODES[mode];
    const dir = join(consumer, mode);
    mkdirSync(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module, moduleResolution: mode, target: "ES2022", lib: ["ES2022"], types: [], resolveJsonModule: true, skipLibCheck: true },
        files: Object.keys(files),
      }),
    );
    const r = spawnSync(process.execPath, [TSC, "-p", dir], { encoding: "utf8" });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("registers every service with one import of @cloudtrail-schema/types/all", () => {
    const dir = join(consumer, "all");
    mkdirSync(dir);
    writeFileSync(
      join(dir, "all.mts"),
      `import type { CloudTrailEvent, CloudTrailServices, ServiceName } from "@cloudtrail-schema/types";
import type {} from "@cloudtrail-schema/types/all";
type Missing = Exclude<ServiceName, keyof CloudTrailServices>;
export const none: [Missing] extends [never] ? true : Missing = true;
declare const e: CloudTrailEvent<"sqs", "SendMessage">;
export const source: "sqs.amazonaws.com" = e.eventSource;
`,
    );
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2022"], types: [], skipLibCheck: true }, files: ["all.mts"] }),
    );
    const r = spawnSync(process.execPath, [TSC, "-p", dir], { encoding: "utf8" });
    expect(r.stdout + r.stderr).toBe("");
  });
});
