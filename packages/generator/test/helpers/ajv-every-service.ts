/**
 * Every emitted service document compiles in ajv, one test per service, for one mode.
 *
 * Why a test per service, a file per mode, and ajv in a worker thread: ajv needs 40 s and more for ec2's
 * document alone, and several minutes for every document of a mode. One synchronous test that long trips
 * vitest's timeout, and even a single long compile on vitest's own thread blocks its RPC to the main
 * process ("Timeout calling onTaskUpdate", an unhandled error that fails the run). So the documents are
 * generated here and compiled by a worker, one at a time; the two mode files run on the two cores side by
 * side.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { createContext } from "../../src/context.js";
import { curatedServices } from "../../src/curated/index.js";
import { emitServiceSchema, VOCABULARY } from "../../src/emit-schema.js";
import { envelopeSchema } from "../../src/envelope.js";
import { logService } from "../../src/generate.js";
import type { JsonSchemaDocument } from "../../src/json-schema.js";
import { openSnapshot } from "../../src/load.js";
import { toStrict } from "../../src/modes.js";

/** Runs in the worker (CommonJS, evaluated): one Ajv with the envelope, each document compiled, then removed. */
const COMPILER = `
const { parentPort, workerData } = require("node:worker_threads");
const { Ajv2020 } = require(workerData.ajv);
// Default options (strict: true): the documents must compile for a user who sets nothing.
const ajv = new Ajv2020();
ajv.addVocabulary(workerData.vocabulary);
ajv.addSchema(workerData.envelope);
parentPort.on("message", ({ id, doc }) => {
  let answer;
  try {
    answer = { id, compiled: typeof ajv.compile(doc) === "function" };
  } catch (e) {
    answer = { id, compiled: false, error: String((e && e.message) || e).slice(0, 500) };
  } finally {
    ajv.removeSchema(doc.$id);
  }
  parentPort.postMessage(answer);
});
`;

interface Answer {
  id: number;
  compiled: boolean;
  error?: string;
}

export function compilesEveryService(mode: "compatible" | "strict"): void {
  const snapshot = openSnapshot(join(import.meta.dirname, "..", "..", "..", "..", "data", "botocore"));
  const ctx = createContext(snapshot);
  const curated = new Map(curatedServices().map((s) => [s.name, s]));
  const inMode = (doc: JsonSchemaDocument): JsonSchemaDocument => (mode === "strict" ? toStrict(doc) : doc);

  const worker = new Worker(COMPILER, {
    eval: true,
    workerData: {
      ajv: createRequire(import.meta.url).resolve("ajv/dist/2020.js"),
      vocabulary: [...VOCABULARY],
      envelope: inMode(envelopeSchema(ctx.botocoreVersion)),
    },
  });
  const waiting = new Map<number, (a: Answer) => void>();
  worker.on("message", (a: Answer) => waiting.get(a.id)?.(a));
  let next = 0;
  const compile = (doc: JsonSchemaDocument): Promise<Answer> =>
    new Promise((done) => {
      const id = next++;
      waiting.set(id, done);
      worker.postMessage({ id, doc });
    });
  afterAll(() => worker.terminate());

  describe(`every service document compiles in ajv (${mode})`, () => {
    it("covers all 434 botocore services and the curated ones", () => {
      expect(snapshot.services).toHaveLength(434);
      expect(curated.size).toBeGreaterThan(0);
    });

    it.each([...snapshot.services, ...curated.keys()])(
      "%s",
      async (name) => {
        const svc = curated.get(name) ?? logService(snapshot, name, ctx);
        const doc = inMode(emitServiceSchema(svc, ctx) as JsonSchemaDocument);
        const answer = await compile(doc);
        expect(answer.error).toBeUndefined();
        expect(answer.compiled).toBe(true);
      },
      // ec2 takes a minute on a busy 2-core machine.
      300_000,
    );
  });
}
