/**
 * Every emitted service document compiles in ajv, one test per service, for one mode.
 *
 * Why a test per service and a file per mode: ajv needs about 40 s for ec2's document alone and about
 * 12 minutes for every document in both modes. One synchronous test that long trips vitest's timeout and
 * blocks its worker's RPC; a test per service keeps each one short, and the two mode files run on the two
 * cores side by side.
 */
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { createContext } from "../../src/context.js";
import { curatedServices } from "../../src/curated/index.js";
import { emitServiceSchema, VOCABULARY } from "../../src/emit-schema.js";
import { envelopeSchema } from "../../src/envelope.js";
import { logService } from "../../src/generate.js";
import type { JsonSchemaDocument } from "../../src/json-schema.js";
import { openSnapshot } from "../../src/load.js";
import { toStrict } from "../../src/modes.js";

export function compilesEveryService(mode: "compatible" | "strict"): void {
  const snapshot = openSnapshot(join(import.meta.dirname, "..", "..", "..", "..", "data", "botocore"));
  const ctx = createContext(snapshot);
  const curated = new Map(curatedServices().map((s) => [s.name, s]));
  const inMode = (doc: JsonSchemaDocument): JsonSchemaDocument => (mode === "strict" ? toStrict(doc) : doc);

  // One ajv for the file with the envelope compiled once; each service is removed after compiling to keep
  // memory flat. Default options (strict: true): the documents must compile for a user who sets nothing.
  const ajv = new Ajv2020();
  ajv.addVocabulary([...VOCABULARY]);
  ajv.addSchema(inMode(envelopeSchema(ctx.botocoreVersion)));

  describe(`every service document compiles in ajv (${mode})`, () => {
    it("covers all 434 botocore services and the curated ones", () => {
      expect(snapshot.services).toHaveLength(434);
      expect(curated.size).toBeGreaterThan(0);
    });

    it.each([...snapshot.services, ...curated.keys()])("%s", (name) => {
      const svc = curated.get(name) ?? logService(snapshot, name, ctx);
      const doc = inMode(emitServiceSchema(svc, ctx) as JsonSchemaDocument);
      try {
        expect(typeof ajv.compile(doc)).toBe("function");
      } finally {
        ajv.removeSchema(doc.$id as string);
      }
    });
  });
}
