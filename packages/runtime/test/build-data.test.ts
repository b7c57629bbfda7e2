/**
 * The runtime's build (scripts/build-data.ts) on a tiny types directory written here: it reads the full
 * schemas in `build/schemas/` (with the strict overlay, `x-model`), not the published `schemas/` (the
 * compatible form), stores references into the envelope absolute, resolved against the document's `$id`,
 * and names the place of a reference that does not resolve.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";

const SCRIPT = join(import.meta.dirname, "..", "scripts", "build-data.ts");
const work = mkdtempSync(join(tmpdir(), "cloudtrail-build-data-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const BASE = "https://cloudtrail-schema.dev/schemas";
const envelope = { $schema: "https://json-schema.org/draft/2020-12/schema", $id: `${BASE}/envelope.json`, $defs: { Record: { type: "object", "x-model": { required: ["eventTime"] } } } };
const tiny = (ref: string, model = true) => ({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: `${BASE}/tiny.json`,
  $defs: { "Op.event": { $ref: ref, type: "object", properties: { name: { type: "string", ...(model ? { "x-model": { maxLength: 3 } } : {}) } } } },
});

/** A types directory: manifest, published schemas (no x-model) and the full ones; returns the build's result. */
function build(name: string, fullRef: string) {
  const types = join(work, name);
  const out = join(types, "generated");
  mkdirSync(join(types, "schemas"), { recursive: true });
  mkdirSync(join(types, "build", "schemas"), { recursive: true });
  const manifest = { botocoreVersion: "1.0", services: { tiny: { eventSource: "tiny.amazonaws.com", apiVersion: "2024-01-01", operations: { Op: { eventNames: ["Op"] } } } } };
  writeFileSync(join(types, "manifest.json"), JSON.stringify(manifest));
  writeFileSync(join(types, "schemas", "envelope.json"), JSON.stringify({ ...envelope, $defs: { Record: { type: "object" } } }));
  writeFileSync(join(types, "schemas", "tiny.json"), JSON.stringify(tiny("envelope.json#/$defs/Record", false)));
  writeFileSync(join(types, "build", "schemas", "envelope.json"), JSON.stringify(envelope));
  writeFileSync(join(types, "build", "schemas", "tiny.json"), JSON.stringify(tiny(fullRef)));
  const r = spawnSync(process.execPath, ["--import", "tsx", SCRIPT, "--types", types, "--out", out], { encoding: "utf8" });
  const defs = (service: string): Record<string, unknown> => {
    const pack = createRequire(import.meta.url)(join(out, "schemas", `${service}.cjs`)) as { defs: string };
    const text = brotliDecompressSync(Buffer.from(pack.defs, "base64")).toString("utf8");
    return Object.fromEntries(text.trim().split("\n").map((line) => [line.slice(0, line.indexOf("\t")), JSON.parse(line.slice(line.indexOf("\t") + 1))]));
  };
  return { status: r.status, stderr: r.stderr, defs };
}

describe("build-data", () => {
  it("packs the full schemas, x-model included, with the envelope reference made absolute", () => {
    const r = build("relative", "envelope.json#/$defs/Record");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.defs("tiny")).toEqual({
      "Op.event": { $ref: `${BASE}/envelope.json#/$defs/Record`, type: "object", properties: { name: { type: "string", "x-model": { maxLength: 3 } } } },
    });
    expect(r.defs("envelope")).toEqual({ Record: { type: "object", "x-model": { required: ["eventTime"] } } });
  });

  it("packs an absolute reference as it is", () => {
    const r = build("absolute", `${BASE}/envelope.json#/$defs/Record`);
    expect(r.status).toBe(0);
    expect((r.defs("tiny")["Op.event"] as { $ref: string }).$ref).toBe(`${BASE}/envelope.json#/$defs/Record`);
  });

  it("fails on a relative reference that resolves to no definition, and names the place", () => {
    const r = build("dangling", "other.json#/$defs/Record");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`tiny.json#/$defs/Op.event/$ref: "${BASE}/other.json#/$defs/Record" does not resolve to a definition`);
  });
});
