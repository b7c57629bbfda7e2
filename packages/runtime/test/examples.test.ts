/**
 * examples/validate-s3-object.ts: it type-checks under strict (with @types/aws-lambda), esbuild bundles
 * it, and the bundled handler validates a fabricated gzip log file streamed from memory, as a Distributed
 * Map item and as an S3 notification. Needs the runtime built (the example imports the package by name).
 */
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { makeEvent } from "../src/testing/index.js";

const PACKAGE = resolve(fileURLToPath(new URL("..", import.meta.url)));
const EXAMPLE = join(PACKAGE, "examples/validate-s3-object.ts");
// Inside the package, so that the bundle's `@cloudtrail-schema/runtime` resolves to the package itself.
const OUT = join(PACKAGE, ".scratch", `examples-${process.pid}`);

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

type Example = typeof import("../examples/validate-s3-object.js");

/** A CloudTrail log file as S3 holds it, and a body that streams it in small chunks. */
function logObject(records: unknown[]): Buffer {
  return gzipSync(JSON.stringify({ Records: records }));
}
const body = (bytes: Buffer) => Readable.from(Array.from({ length: Math.ceil(bytes.length / 100) }, (_, i) => bytes.subarray(i * 100, (i + 1) * 100)));

describe("examples/validate-s3-object.ts", () => {
  it("type-checks under strict", () => {
    const program = ts.createProgram([EXAMPLE], {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      types: ["node"],
      skipLibCheck: true,
      noUncheckedIndexedAccess: true,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  });

  it("bundles with esbuild, and its handler validates a gzip log file streamed from S3", async () => {
    mkdirSync(OUT, { recursive: true });
    const outfile = join(OUT, "validate-s3-object.mjs");
    const result = await build({
      entryPoints: [EXAMPLE],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outfile,
      // As deployed: the runtime from node_modules (or a layer), reading its schemas on demand.
      external: ["@cloudtrail-schema/runtime", "@cloudtrail-schema/runtime/*"],
      logLevel: "silent",
    });
    expect(result.errors).toEqual([]);
    const { createHandler } = (await import(pathToFileURL(outfile).href)) as Example;

    const records = [
      makeEvent("s3", "GetObject", {}, { seed: 1 }),
      makeEvent("iam", "CreatePolicy", { requestParameters: { policyName: 7 } }, { seed: 2 }),
      makeEvent("ec2", "DescribeInstances", {}, { seed: 3 }),
      { eventSource: "nothing.amazonaws.com", eventName: "Nope" },
    ];
    const bytes = logObject(records);
    const asked: string[] = [];
    const handler = createHandler(async (bucket, key) => {
      asked.push(`${bucket}/${key}`);
      return body(bytes);
    });
    const key = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/06/11/111122223333_CloudTrail_us-east-1_20240611T1405Z_a1b2.json.gz";
    const summary = await handler({ Bucket: "trail-bucket", Key: key, Size: bytes.length }, {} as never, () => {});
    expect(summary).toEqual({
      bucket: "trail-bucket",
      key,
      records: 4,
      valid: 2,
      invalid: 1,
      unresolved: 1,
      failures: [
        { record: 1, service: "iam", operation: "CreatePolicy", path: "/requestParameters/policyName", message: "must be string" },
        { record: 3, service: undefined, operation: undefined, path: "/eventSource", message: expect.stringContaining("nothing.amazonaws.com") },
      ],
    });

    // An S3 notification (key URL-encoded), a plain .json object, and a broken one.
    const notification = { Records: [{ s3: { bucket: { name: "trail-bucket" }, object: { key: "logs/a+b%3Dc.json" } } }] };
    const plain = createHandler(async () => Readable.from([Buffer.from(JSON.stringify({ Records: records.slice(0, 1) }))]), { mode: "strict" });
    expect(await plain(notification as never, {} as never, () => {})).toEqual([
      { bucket: "trail-bucket", key: "logs/a b=c.json", records: 1, valid: 1, invalid: 0, unresolved: 0, failures: [] },
    ]);
    const broken = createHandler(async () => Readable.from([bytes.subarray(0, bytes.length - 20)]));
    const r = (await broken({ Bucket: "b", Key: "k.json.gz" }, {} as never, () => {})) as { error?: string };
    expect(r.error).toMatch(/log file|gzip/);
    expect(asked).toEqual([`trail-bucket/${key}`]);
  });
});
