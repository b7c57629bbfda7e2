/**
 * A Lambda function that validates the CloudTrail records of one S3 object (a log file `.json.gz` as
 * CloudTrail delivers them, a plain `.json` log file), streamed: GetObject's body -> gunzip -> the
 * runtime's readLogStream -> validateEvent, one record in memory at a time. It returns a small summary, so
 * that a Step Functions Distributed Map over an S3 prefix can run one invocation per object and collect
 * the summaries with ResultWriter (see docs/cli.md).
 *
 * It takes either an item of a Distributed Map over `s3:listObjectsV2` (with the bucket added by
 * ItemSelector) or an S3 event notification. The object's bytes come through an injected function, so
 * this file needs no AWS SDK; in AWS, with @aws-sdk/client-s3:
 *
 *   const s3 = new S3Client({});
 *   export const handler = createHandler(async (Bucket, Key) =>
 *     (await s3.send(new GetObjectCommand({ Bucket, Key }))).Body as AsyncIterable<Uint8Array>);
 *
 * Deploy the runtime unbundled (in node_modules or a layer) so that it reads each service's schemas from its
 * generated/ directory when a record needs them; a bundle must register every service it may meet
 * (README, "Bundling").
 */
import type { Handler, S3Event } from "aws-lambda";
import { validateEvent, type Mode } from "@cloudtrail-schema/runtime";
import { readLogStream } from "@cloudtrail-schema/runtime/node";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";

/** An item of a Distributed Map whose ItemReader is s3:listObjectsV2, plus `Bucket` from ItemSelector. */
export interface S3ObjectItem {
  Bucket: string;
  Key: string;
  Size?: number;
  Etag?: string;
  LastModified?: string | number;
  StorageClass?: string;
}

export interface ObjectSummary {
  bucket: string;
  key: string;
  records: number;
  valid: number;
  invalid: number;
  /** Records of no known operation (validateEvent's error at /eventSource or /eventName). */
  unresolved: number;
  /** The first few failures: the record's index in Records, its operation when known, the first error. */
  failures: { record: number; service?: string; operation?: string; path: string; message: string }[];
  /** The object is not a log file (not JSON, no Records array, not gzip after a gzip header). */
  error?: string;
}

/** The body of an object: S3 GetObject's `Body` in Node is a Readable, which is an AsyncIterable<Uint8Array>. */
export type GetObject = (bucket: string, key: string) => Promise<AsyncIterable<Uint8Array>>;

export interface HandlerOptions {
  /** Default "compatible": what CloudTrail really writes passes. */
  mode?: Mode;
  /** Failures kept in the summary (default 10). */
  maxFailures?: number;
}

/** The objects an invocation is about: one Distributed Map item, or each object of an S3 notification. */
function objectsOf(event: S3ObjectItem | S3Event): { bucket: string; key: string }[] {
  if ("Records" in event) {
    // Keys in S3 notifications are URL-encoded, spaces as "+".
    return event.Records.map((r) => ({ bucket: r.s3.bucket.name, key: decodeURIComponent(r.s3.object.key.replace(/\+/g, " ")) }));
  }
  return [{ bucket: event.Bucket, key: event.Key }];
}

/** The bytes, gunzipped when they start with gzip's magic bytes (whatever the key's name). */
async function* decoded(body: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const it = body[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const head = Buffer.from(first.value);
  async function* all(): AsyncGenerator<Buffer> {
    yield head;
    for (let next = await it.next(); !next.done; next = await it.next()) yield Buffer.from(next.value);
  }
  if (head[0] === 0x1f && head[1] === 0x8b) yield* Readable.from(all()).pipe(createGunzip());
  else yield* all();
}

export async function validateObject(getObject: GetObject, bucket: string, key: string, options: HandlerOptions = {}): Promise<ObjectSummary> {
  const mode = options.mode ?? "compatible";
  const maxFailures = options.maxFailures ?? 10;
  const summary: ObjectSummary = { bucket, key, records: 0, valid: 0, invalid: 0, unresolved: 0, failures: [] };
  try {
    for await (const record of readLogStream(decoded(await getObject(bucket, key)))) {
      const r = validateEvent(record, { mode, maxErrors: 1 });
      summary.records++;
      if (r.valid) summary.valid++;
      else {
        if (r.service === undefined) summary.unresolved++;
        else summary.invalid++;
        const e = r.errors[0];
        if (summary.failures.length < maxFailures) {
          summary.failures.push({ record: summary.records - 1, service: r.service, operation: r.operation, path: e?.path ?? "", message: e?.message ?? "invalid" });
        }
      }
    }
  } catch (e) {
    // A broken object is a result to report, not a reason to fail the Map Run (E_ENVELOPE, a gzip error).
    if ((e as { code?: unknown }).code === "E_ENVELOPE" || String((e as { code?: unknown }).code).startsWith("Z_")) summary.error = (e as Error).message;
    else throw e;
  }
  return summary;
}

/** A Lambda handler: one summary per object (an array for an S3 notification with several records). */
export function createHandler(getObject: GetObject, options: HandlerOptions = {}): Handler<S3ObjectItem | S3Event, ObjectSummary | ObjectSummary[]> {
  return async (event) => {
    const summaries: ObjectSummary[] = [];
    for (const { bucket, key } of objectsOf(event)) summaries.push(await validateObject(getObject, bucket, key, options));
    return "Records" in event ? summaries : summaries[0]!;
  };
}
