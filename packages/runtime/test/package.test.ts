/**
 * The built package as users get it (run after the build): its entries in ESM and CommonJS, loading per
 * service on first use, a bundled Lambda handler that carries only the services it registers, ajv only in
 * the `./ajv` entry, and the packed tarball clean for attw and publint.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, describe, expect, it } from "vitest";
import { iamCreatePolicy, stsAssumeRole } from "./fixtures.js";

const root = new URL("..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "cloudtrail-runtime-pkg-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run a script in a fresh node process from the package directory; returns its JSON output. */
function run(file: string, code: string): unknown {
  const path = join(root, ".test-" + file);
  writeFileSync(path, code);
  try {
    return JSON.parse(execFileSync(process.execPath, [path], { cwd: root, encoding: "utf8" }));
  } finally {
    rmSync(path, { force: true });
  }
}

describe("package", () => {
  it("importing reads no schema; validating reads only the services used", () => {
    const out = run(
      "lazy.mjs",
      `import { createRequire } from "node:module";
       const cache = createRequire(import.meta.url).cache;
       const loaded = () => Object.keys(cache).filter((k) => k.includes("/generated/")).map((k) => k.split("/generated/")[1]).sort();
       const { validateEvent } = await import("@cloudtrail-schema/runtime");
       const before = loaded();
       const valid = validateEvent(${JSON.stringify(iamCreatePolicy())}).valid;
       console.log(JSON.stringify({ before, after: loaded(), valid }));`,
    );
    // iam-toolbox logs under iam.amazonaws.com too: resolving an iam record asks both for the eventName.
    expect(out).toEqual({ before: [], after: ["index.cjs", "schemas/envelope.cjs", "schemas/iam-toolbox.cjs", "schemas/iam.cjs"], valid: true });
  });

  it("the ajv entry validates through ajv, from ES modules and CommonJS", () => {
    const record = JSON.stringify(iamCreatePolicy());
    const esm = run(
      "ajv.mjs",
      `import { createAjvValidator, addCloudTrailSchemas, getEventSchemaId } from "@cloudtrail-schema/runtime/ajv";
       import { Ajv2020 } from "ajv/dist/2020.js";
       const ajv = new Ajv2020();
       addCloudTrailSchemas(ajv, ["iam"]);
       const v = createAjvValidator();
       console.log(JSON.stringify({ valid: v.validateEvent(${record}, { mode: "strict" }).valid, byId: ajv.getSchema(getEventSchemaId("iam", "CreatePolicy"))(${record}) }));`,
    );
    expect(esm).toEqual({ valid: true, byId: true });
    const cjs = run(
      "ajv.cjs",
      `const { validateEvent } = require("@cloudtrail-schema/runtime/ajv");
       const r = ${record};
       console.log(JSON.stringify({ valid: validateEvent(r).valid, invalid: validateEvent({ ...r, eventTime: 7 }).errors.map((e) => e.path) }));`,
    );
    expect(cjs).toEqual({ valid: true, invalid: ["/eventTime"] });
  });

  it("the default entry neither imports nor bundles ajv", async () => {
    const out = run(
      "no-ajv.mjs",
      `import { createRequire } from "node:module";
       const { validateEvent } = await import("@cloudtrail-schema/runtime");
       validateEvent(${JSON.stringify(iamCreatePolicy())});
       console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes("/node_modules/ajv/"))));`,
    );
    expect(out).toEqual([]);
    const entry = join(root, ".test-default-entry.mjs");
    writeFileSync(entry, `export * from "@cloudtrail-schema/runtime"; export * from "@cloudtrail-schema/runtime/node";`);
    try {
      const result = await build({ entryPoints: [entry], bundle: true, platform: "node", format: "esm", write: false, metafile: true, logLevel: "silent" });
      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs.some((i) => i.includes("dist/index.js"))).toBe(true);
      expect(inputs.filter((i) => /node_modules\/ajv\/|dist\/ajv\./.test(i))).toEqual([]);
    } finally {
      rmSync(entry, { force: true });
    }
  });

  it("works from CommonJS, and every subpath resolves", () => {
    const out = run(
      "cjs.cjs",
      `const { validateEvent, getEventSchema } = require("@cloudtrail-schema/runtime");
       const { readLogFile } = require("@cloudtrail-schema/runtime/node");
       const { sampleEvent } = require("@cloudtrail-schema/runtime/testing");
       const iam = require("@cloudtrail-schema/runtime/schemas/iam");
       console.log(JSON.stringify({
         valid: validateEvent(${JSON.stringify(stsAssumeRole())}).valid,
         sample: validateEvent(sampleEvent("kms", "Decrypt"), { mode: "strict" }).valid,
         schema: typeof getEventSchema("iam", "CreatePolicy").$defs,
         node: typeof readLogFile,
         pack: iam.service,
       }));`,
    );
    expect(out).toEqual({ valid: true, sample: true, schema: "object", node: "function", pack: "iam" });
  });

  it("a bundled handler validates the services it registers, away from the package's files", async () => {
    // The entry sits in the package so that the package's name resolves (self-reference); the bundle does not.
    const entry = join(root, ".test-handler.mjs");
    writeFileSync(
      entry,
      `import { registerSchemas, recordsOf, validateEvent } from "@cloudtrail-schema/runtime";
       import iam from "@cloudtrail-schema/runtime/schemas/iam";
       registerSchemas(iam);
       export const handler = async (event) => recordsOf(event).map((r) => validateEvent(r));`,
    );
    const outfile = join(dir, "out", "handler.mjs");
    try {
      await build({ entryPoints: [entry], bundle: true, minify: true, platform: "node", format: "esm", target: "node20", outfile, logLevel: "silent" });
    } finally {
      rmSync(entry, { force: true });
    }
    const { handler } = (await import(outfile)) as { handler: (e: unknown) => Promise<{ valid: boolean; errors: { path: string }[] }[]> };
    const [iamResult, stsResult] = await handler({ Records: [iamCreatePolicy(), stsAssumeRole()] });
    expect(iamResult).toMatchObject({ valid: true, service: "iam" });
    // sts was not bundled: from the bundle's point of view it is an unknown eventSource.
    expect(stsResult).toMatchObject({ valid: false, errors: [{ path: "/eventSource" }] });
  });
});

describe("the packed tarball", () => {
  let tarball: string;
  const pack = (): string => {
    if (tarball) return tarball;
    const execpath = process.env.npm_execpath;
    const [cmd, pre] = execpath && /pnpm/.test(execpath) ? [process.execPath, [execpath]] : ["npx", ["--yes", "pnpm@10.34.8"]];
    const into = join(dir, "pack");
    execFileSync(cmd, [...pre, "pack", "--pack-destination", into], { cwd: root, stdio: "ignore" });
    return (tarball = join(into, readdirSync(into).find((f) => f.endsWith(".tgz"))!));
  };

  it("declares ajv an optional peer (types first, ESM and CommonJS for ./ajv)", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(pkg.peerDependencies).toEqual({ ajv: expect.stringMatching(/^\^8\./) });
    expect(pkg.peerDependenciesMeta).toEqual({ ajv: { optional: true } });
    expect(pkg.dependencies).not.toHaveProperty("ajv");
    expect(Object.keys(pkg.exports["./ajv"].import)).toEqual(["types", "default"]);
    expect(Object.keys(pkg.exports["./ajv"].require)).toEqual(["types", "default"]);
  });

  it("has no problem for @arethetypeswrong/cli under node16 and bundler resolution", () => {
    // node10 resolution has no `exports`, so no subpath resolves there (the package needs Node 20); the
    // schema packs (`./schemas/*`, a CommonJS module with a default export) are left out: attw reports named
    // exports on them that nobody imports.
    const attw = join(createRequire(import.meta.url).resolve("@arethetypeswrong/cli/package.json"), "..", "dist", "index.js");
    const r = spawnSync(process.execPath, [attw, pack(), "--profile", "node16", "--entrypoints", ".", "node", "testing", "ajv", "--format", "table-flipped", "--no-color", "--no-emoji"], {
      encoding: "utf8",
      maxBuffer: 1 << 24,
    });
    // attw exits 1 on any problem that is not ignored.
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/"@cloudtrail-schema\/runtime\/ajv" +│ OK \(CJS\) +│ OK \(ESM\) +│ OK/);
  });

  it("has no error, warning or suggestion for publint", async () => {
    const bytes = readFileSync(pack());
    const { messages, pkg } = await publint({
      pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer },
      level: "suggestion",
      strict: true,
    });
    expect(messages.map((m) => `${m.type} ${m.code}: ${formatMessage(m, pkg)}`)).toEqual([]);
  });
});
