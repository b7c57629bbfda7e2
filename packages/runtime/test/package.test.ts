/**
 * The built package as users get it (run after the build): its entries in ESM and CommonJS, loading per
 * service on first use, and a bundled Lambda handler that carries only the services it registers.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
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
