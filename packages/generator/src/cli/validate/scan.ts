/**
 * One unit of `validate`'s work, run in a worker thread or, with one job, in the main thread: read a file
 * (or a byte range of a big NDJSON file) as a stream, validate each record with the runtime, count.
 *
 * What a file is, is read from its first bytes, not its name: gzip by its magic bytes; a CloudTrail log file
 * when its JSON starts with a `Records` member (`{"Records":[`, as CloudTrail writes them), streamed record
 * by record through the runtime's readLogStream (what readLogFile runs; reading the stream here counts the
 * bytes for the progress bar and reads the file once); anything else is NDJSON, one record a line, where a
 * line may also be a log file object, an array or an EventBridge event (recordsOf).
 *
 * NDJSON lines are split from the bytes here rather than by node:readline, because a byte range must know
 * where each line starts in the file: a line belongs to the range its first byte is in, so a worker skips
 * the partial line at its start and reads past its end to finish its last line. Memory holds one line.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { countInvalid, countValid, newTally, type Place, type Tally } from "./tally.js";

type RuntimeMain = typeof import("@cloudtrail-schema/runtime");
type RuntimeNode = typeof import("@cloudtrail-schema/runtime/node");
export type Runtime = Pick<RuntimeMain, "validateEvent" | "recordsOf" | "listServices"> & Pick<RuntimeNode, "readLogStream">;
export type Mode = "compatible" | "strict";

/** The runtime, imported only by the commands that validate (never by the lookup). */
export async function loadRuntime(): Promise<Runtime> {
  const [main, node] = await Promise.all([import("@cloudtrail-schema/runtime"), import("@cloudtrail-schema/runtime/node")]);
  return { validateEvent: main.validateEvent, recordsOf: main.recordsOf, listServices: main.listServices, readLogStream: node.readLogStream };
}

export interface Unit {
  /** Position in file order: tallies are merged in this order. */
  index: number;
  /** The path to open. */
  file: string;
  /** The path as shown in failures (as the user named it). */
  display: string;
  /** A byte range [start, end) of a plain NDJSON file; the whole file when absent. */
  start?: number;
  end?: number;
}

/** Called as bytes of the file are read (compressed bytes for .gz) and records counted. */
export type OnProgress = (bytes: number, records: number) => void;

/** A line longer than this is a failure (and skipped), not a reason to exhaust memory. */
const MAX_LINE = 64 * 1024 * 1024;
/** Rows are keyed by what unresolved records name; hostile input must not grow the map without end. */
const MAX_ROWS = 20_000;
const LF = 0x0a;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Errors of the runtime that are not about the input (schemas missing, a schema bug): stop the run. */
export function isFatal(e: unknown): boolean {
  const err = e as { name?: unknown; code?: unknown };
  return err?.name === "CloudTrailSchemaError" && err.code !== "E_ENVELOPE";
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

class Counter {
  readonly tally: Tally = newTally();
  private records = 0;
  private bytes = 0;
  constructor(
    private readonly rt: Runtime,
    private readonly mode: Mode,
    private readonly onProgress: OnProgress,
  ) {}

  read(n: number): void {
    this.bytes += n;
    if (this.bytes >= 1 << 20) this.flush();
  }

  flush(): void {
    if (this.bytes || this.records) this.onProgress(this.bytes, this.records);
    this.bytes = 0;
    this.records = 0;
  }

  record(record: unknown, place: Place): void {
    this.records++;
    const r = this.rt.validateEvent(record, { mode: this.mode, maxErrors: 1 });
    if (r.service !== undefined && r.operation !== undefined) {
      const flags = { trimmed: r.trimmed === true, unmodeled: r.unmodeled === true };
      if (r.valid) countValid(this.tally, r.service, r.operation, flags);
      else countInvalid(this.tally, r.service, r.operation, failure(place, r.errors[0]), false, flags);
      return;
    }
    // Unresolved: grouped by what the record says it is.
    const o = typeof record === "object" && record !== null ? (record as { eventSource?: unknown; eventName?: unknown }) : {};
    let service = typeof o.eventSource === "string" ? o.eventSource.slice(0, 100) : "(no eventSource)";
    let operation = typeof o.eventName === "string" ? o.eventName.slice(0, 100) : "(no eventName)";
    if (this.tally.rows.size >= MAX_ROWS) [service, operation] = ["(unresolved)", "(other names)"];
    countInvalid(this.tally, service, operation, failure(place, r.errors[0]), true);
  }

  bad(kind: "(not JSON)" | "(unreadable)", place: Place, message: string): void {
    countInvalid(this.tally, kind, "", { ...place, path: "", message });
  }

  /** One NDJSON line: a record, or anything recordsOf unwraps (a log file object, an EventBridge event). */
  line(buf: Buffer, place: Place, first: boolean): void {
    let i = first && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
    let n = buf.length;
    while (i < n && isSpace(buf[i]!)) i++;
    if (i === n) return; // a blank line: numbered, not a record
    while (n > i && isSpace(buf[n - 1]!)) n--;
    let value: unknown;
    try {
      value = JSON.parse(buf.toString("utf8", i, n));
    } catch (e) {
      return this.bad("(not JSON)", place, `not JSON: ${messageOf(e)}`);
    }
    let records: unknown[];
    try {
      records = this.rt.recordsOf(value);
    } catch (e) {
      if (isFatal(e)) throw e;
      return this.bad("(not JSON)", place, messageOf(e));
    }
    for (const r of records) this.record(r, place);
  }
}

function failure(place: Place, e: { path: string; message: string; found?: string } | undefined) {
  if (!e) return { ...place, path: "", message: "invalid" };
  const found = e.found !== undefined && !e.message.includes(e.found) ? ` (found ${e.found})` : "";
  return { ...place, path: e.path, message: `${e.message}${found}` };
}

/** The file's bytes from `from` (decompressed when gzip), counting what is read from disk. */
function bytesOf(unit: Unit, gzip: boolean, from: number, c: Counter): { chunks: AsyncIterable<Buffer>; destroy(): void } {
  const file = createReadStream(unit.file, { start: from, highWaterMark: 256 * 1024 });
  if (!gzip) {
    async function* counted(): AsyncGenerator<Buffer> {
      for await (const b of file as AsyncIterable<Buffer>) {
        c.read(b.length);
        yield b;
      }
    }
    return { chunks: counted(), destroy: () => file.destroy() };
  }
  const out: Readable = file.pipe(createGunzip());
  file.on("data", (b: string | Buffer) => c.read(b.length));
  file.on("error", (e) => out.destroy(e));
  return { chunks: out, destroy: () => (file.destroy(), out.destroy()) };
}

async function isGzip(path: string): Promise<boolean> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(2);
    const { bytesRead } = await fh.read(buf, 0, 2, 0);
    return bytesRead === 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/** Validate one unit. Never throws for bad input (it is counted); throws only what isFatal says. */
export async function scanUnit(unit: Unit, mode: Mode, rt: Runtime, onProgress: OnProgress): Promise<Tally> {
  const c = new Counter(rt, mode, onProgress);
  let input: ReturnType<typeof bytesOf> | undefined;
  try {
    if (unit.start !== undefined) {
      input = bytesOf(unit, false, Math.max(0, unit.start - 1), c);
      await ndjson(unit, input.chunks, c, unit.start, unit.end ?? Infinity);
    } else {
      input = bytesOf(unit, await isGzip(unit.file), 0, c);
      await whole(unit, input.chunks, c, rt);
    }
  } catch (e) {
    if (isFatal(e)) throw e;
    c.bad("(unreadable)", { file: unit.display }, messageOf(e));
  } finally {
    input?.destroy();
  }
  c.flush();
  return c.tally;
}

/** `{ "Records":` after an optional BOM and whitespace: a CloudTrail log file. */
const LOG_FILE = /^(?:\u00ef\u00bb\u00bf)?\s*\{\s*"Records"\s*:/;
/** Enough of the start seen to tell: something other than `{` and spaces, or the name after it. */
const TOLD = /^(?:\u00ef\u00bb\u00bf)?\s*(?:[^\s{]|\{\s*[^\s]{10})/;

/** A whole file: sniff the first text, then a log file or NDJSON. */
async function whole(unit: Unit, chunks: AsyncIterable<Buffer>, c: Counter, rt: Runtime): Promise<void> {
  const it = chunks[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let text = "";
  while (!TOLD.test(text) && text.length < 65536) {
    const next = await it.next();
    if (next.done) break;
    seen.push(next.value);
    text += next.value.toString("latin1", 0, Math.min(next.value.length, 65536));
  }
  async function* replay(): AsyncGenerator<Buffer> {
    yield* seen;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  }
  if (LOG_FILE.test(text)) {
    let i = 0;
    for await (const record of rt.readLogStream(replay())) c.record(record, { file: unit.display, record: i++ });
  } else await ndjson(unit, replay(), c, 0, Infinity);
}

/**
 * NDJSON lines whose first byte is in [start, end) of the file; `chunks` begin at byte start - 1 when
 * start > 0 (to tell whether a line starts exactly at start).
 */
async function ndjson(unit: Unit, chunks: AsyncIterable<Buffer>, c: Counter, start: number, end: number): Promise<void> {
  let pos = start > 0 ? start - 1 : 0; // file offset of the chunk's first byte
  let skipping = start > 0; // the partial line before `start` belongs to the previous range
  let lineStart = pos;
  let parts: Buffer[] = [];
  let partLength = 0;
  let tooLong = false;
  let line = 0;
  /** The line from lineStart is complete (its last piece is last[from, to)); false when it starts past the range. */
  const finish = (last: Buffer, from: number, to: number): boolean => {
    if (lineStart >= end) return false;
    c.tally.lines = ++line;
    const place = { file: unit.display, line };
    if (tooLong) c.bad("(not JSON)", place, `the line is longer than ${MAX_LINE / 1024 / 1024} MiB`);
    else c.line(parts.length ? Buffer.concat([...parts, last.subarray(from, to)]) : last.subarray(from, to), place, lineStart === 0);
    parts = [];
    partLength = 0;
    tooLong = false;
    return true;
  };
  for await (const chunk of chunks) {
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(LF, from);
      if (nl < 0) break;
      if (skipping) skipping = false;
      else if (!finish(chunk, from, nl)) return;
      from = nl + 1;
      lineStart = pos + from;
    }
    if (!skipping && from < chunk.length && !tooLong) {
      partLength += chunk.length - from;
      if (partLength > MAX_LINE) {
        tooLong = true;
        parts = [];
      } else parts.push(chunk.subarray(from));
    }
    pos += chunk.length;
  }
  if (!skipping && (partLength > 0 || tooLong)) finish(Buffer.alloc(0), 0, 0);
}
