/**
 * @cloudtrail-schema/runtime/node: CloudTrail log files read from disk or from a stream, record by record.
 * Kept out of the main entry so that a Lambda bundle that never reads files does not carry it.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { CloudTrailSchemaError } from "../errors.js";
import { RecordsScanner, type ScanOptions } from "./scan.js";

export type { ScanOptions as ReadLogOptions };

/**
 * The records of a CloudTrail log file (`.json`, or `.json.gz` as CloudTrail writes them to S3; gzip is
 * recognised by its magic bytes, whatever the name), streamed: memory holds one record at a time.
 * Throws CloudTrailSchemaError E_ENVELOPE when the file is not a log file (no Records array, cut short,
 * not JSON, not gzip after a gzip header).
 */
export async function* readLogFile(path: string, options?: ScanOptions): AsyncGenerator<unknown, void, undefined> {
  const head = Buffer.alloc(2);
  const fh = await open(path, "r");
  try {
    await fh.read(head, 0, 2, 0);
  } finally {
    await fh.close();
  }
  const file = createReadStream(path);
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  const stream: Readable = gzip ? file.pipe(createGunzip()) : file;
  if (gzip) file.on("error", (e) => stream.destroy(e));
  yield* readLogStream(stream, options);
}

/** The records of a CloudTrail log file arriving as a stream of bytes (UTF-8) or strings. */
export async function* readLogStream(stream: AsyncIterable<Buffer | string> & Partial<Pick<Readable, "destroy">>, options?: ScanOptions): AsyncGenerator<unknown, void, undefined> {
  const scanner = new RecordsScanner(options);
  const decoder = new TextDecoder("utf-8");
  try {
    for await (const chunk of stream) {
      const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
      yield* scanner.push(text);
    }
    yield* scanner.push(decoder.decode());
    scanner.end();
  } catch (e) {
    // A corrupt .gz is an envelope that cannot be decoded, like any other.
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("Z_")) throw new CloudTrailSchemaError("E_ENVELOPE", `log file: not valid gzip: ${(e as Error).message}`);
    throw e;
  } finally {
    stream.destroy?.();
  }
}
