/**
 * The whole snapshot: every service generates, the output is byte-identical across runs, and the golden
 * services match their checked-in files. That every emitted document compiles in ajv, in both modes, is
 * ajv-compatible.test.ts and ajv-strict.test.ts (a test per service).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../src/context.js";
import { generate, jsonText, type Generated } from "../src/generate.js";
import { openSnapshot } from "../src/load.js";
import type { Manifest } from "../src/manifest.js";
import { relativeRefs, sharedDefinitions, sharedErrorDocument, sharedEventRecord, sharedRedactionMarkers, withoutStrictOverlay } from "../src/schema-file.js";

const snapshot = openSnapshot(join(import.meta.dirname, "..", "..", "..", "data", "botocore"));
const GOLDEN = ["ec2", "iam", "kms", "lambda", "s3", "sts"];
const goldenDir = join(import.meta.dirname, "golden", "schemas");

let all: Generated;
beforeAll(() => {
  all = generate(snapshot, createContext(snapshot));
});

const parse = (path: string) => JSON.parse(all.files.get(path)!) as Record<string, any>;

describe("every service", () => {
  it("generates all 434 services and 19,385 operations of botocore 1.43.117", () => {
    expect(snapshot.botocoreVersion).toBe("1.43.117");
    const manifest = parse("manifest.json") as Manifest;
    const botocore = Object.values(manifest.services).filter((s) => !s.curated);
    expect(botocore).toHaveLength(434);
    expect(botocore.reduce((n, s) => n + Object.keys(s.operations).length, 0)).toBe(19_385);
    for (const name of snapshot.services) expect(all.files.has(`schemas/${name}.json`)).toBe(true);
  });

  it("includes the 42 recursive shapes as references, e.g. ce GetCostAndUsage's Expression", () => {
    const ce = parse("schemas/ce.json");
    const expression = JSON.stringify(ce.$defs.Expression);
    expect(expression).toContain('"$ref":"#/$defs/Expression"');
  });

  it("writes the schema files minified, their documentation left to the declarations; schemaDocs keeps it", () => {
    const text = all.files.get("schemas/sts.json")!;
    expect(text.trimEnd()).not.toContain("\n");
    const nodes = (v: unknown): unknown[] => (v && typeof v === "object" ? [v, ...Object.values(v).flatMap(nodes)] : []);
    const described = (doc: object) => nodes(doc).filter((n) => typeof (n as { description?: unknown }).description === "string").length;
    expect(described(parse("schemas/sts.json"))).toBe(1); // the document's own line (service, botocore version)
    expect(all.files.get("schemas/sts.json")).toContain("AssumeRole.event");
    const documented = generate(snapshot, createContext(snapshot, { services: ["sts"], schemaDocs: true }));
    const sts = JSON.parse(documented.files.get("schemas/sts.json")!) as object;
    expect(described(sts)).toBeGreaterThan(100);
    expect(documented.files.get("schemas/sts.json")).toBe(jsonText(sts));
    expect(JSON.stringify(sts).length).toBeGreaterThan(3 * text.length);
  });

  it("publishes the compatible form: no x-model, envelope references relative; build/schemas keeps the whole", () => {
    for (const [path, text] of all.files) if (path.startsWith("schemas/") && text.includes('"x-model"')) expect.fail(`${path} has x-model`);
    const published = parse("schemas/iam.json");
    const full = parse("build/schemas/iam.json");
    expect(JSON.stringify(full)).toContain('"x-model"');
    // The published stages, in order, on the full document (whose references are relative already).
    const compact = relativeRefs(sharedRedactionMarkers(sharedErrorDocument(sharedEventRecord(withoutStrictOverlay(full)))));
    expect(published).toEqual(sharedDefinitions(compact));
    // A definition the same as an earlier one is a reference to it, under its own name.
    const shared = Object.entries(published.$defs).filter(([, body]) => Object.keys(body as object).length === 1 && (body as { $ref?: string }).$ref?.startsWith("#/$defs/"));
    expect(shared.length).toBeGreaterThan(10);
    for (const [name, body] of shared) {
      const target = decodeURIComponent((body as { $ref: string }).$ref.slice("#/$defs/".length));
      expect(published.$defs[target], `${name} -> ${target}`).toEqual(compact.$defs[name]);
    }
    expect(published.$defs["CreatePolicy.event"].$ref).toBe("#/$defs/$record");
    expect(published.$defs.$record.$ref).toBe("envelope.json#/$defs/Record");
    expect(parse("build/schemas/envelope.json").$defs.Record["x-model"].required).toContain("eventTime");
    expect(all.files.get("schemas/iam.json")!.length).toBeLessThan(0.7 * all.files.get("build/schemas/iam.json")!.length);
    const keyOf = (path: string) => path.replace(/^build\/schemas\//, "schemas/");
    expect([...all.files.keys()].filter((p) => p.startsWith("build/")).map(keyOf).sort()).toEqual([...all.files.keys()].filter((p) => p.startsWith("schemas/")).sort());
  });

  it("keeps the model's constraints in the published schemas with modelConstraints", () => {
    const kept = generate(snapshot, createContext(snapshot, { services: ["sts"], types: false, modelConstraints: true }), []);
    const full = (path: string) => JSON.parse(all.files.get(path)!) as Record<string, any>;
    expect(JSON.parse(kept.files.get("schemas/sts.json")!)).toEqual(sharedDefinitions(full("build/schemas/sts.json")));
    expect(JSON.parse(kept.files.get("schemas/envelope.json")!)).toEqual(sharedDefinitions(full("build/schemas/envelope.json")));
    expect(kept.files.get("schemas/sts.json")).toContain('"x-model"');
  });

  it("is deterministic: a second run gives byte-identical files", () => {
    const again = generate(snapshot, createContext(snapshot));
    expect([...again.files.keys()]).toEqual([...all.files.keys()]);
    for (const [path, text] of all.files) if (again.files.get(path) !== text) expect.fail(`${path} differs between runs`);
  });
});

describe("golden files", () => {
  // Regenerate on purpose with: UPDATE_GOLDEN=1 npx vitest run packages/generator/test/all-services.test.ts
  // The package's files are minified; the golden files are indented, so a change reads as a diff. They are
  // the full documents (build/schemas/, with the strict overlay), so a change to the model's constraints
  // shows too; the published file is that document without x-model (withoutStrictOverlay, tested above).
  it.each(GOLDEN)("%s matches test/golden/schemas/%s.json", (service) => {
    const text = jsonText(parse(`build/schemas/${service}.json`));
    const file = join(goldenDir, `${service}.json`);
    if (process.env.UPDATE_GOLDEN) {
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(file, text);
    }
    expect(existsSync(file), `${file} is missing; run with UPDATE_GOLDEN=1`).toBe(true);
    expect(text === readFileSync(file, "utf8"), `${service} differs from its golden file; review the diff, then UPDATE_GOLDEN=1`).toBe(true);
  });
});
