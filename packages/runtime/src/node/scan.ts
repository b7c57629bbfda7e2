/**
 * Find the records of a CloudTrail log file (`{"Records": [ {...}, {...} ], ...}`) in text that arrives in
 * chunks, without holding the whole file: only the record being read is kept, then handed to JSON.parse.
 *
 * A small state machine over characters: strings (with escapes), nesting depth, the key of each top-level
 * member, and inside the top-level `Records` array the start and end of each element. Chunk boundaries may
 * fall anywhere, including inside an escape sequence.
 */
import { CloudTrailSchemaError } from "../errors.js";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff;

export interface ScanOptions {
  /** A record longer than this (characters) is an error, not a reason to exhaust memory. Default 64 Mi. */
  maxRecordLength?: number;
}

export class RecordsScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private started = false;
  /** Text of the current string at depth 1 (a key candidate), capped. */
  private keyText: string | null = null;
  /** Where keyText continues in the current chunk. */
  private keyFrom = 0;
  private lastString: string | null = null;
  private key: string | null = null;
  /** True while inside the top-level Records array. */
  private inRecords = false;
  private sawRecords = false;
  private done = false;
  /** Pieces of the record being read; null between records. */
  private parts: string[] | null = null;
  private partLength = 0;
  private primitive = false;
  private count = 0;
  private readonly maxRecordLength: number;

  constructor(options: ScanOptions = {}) {
    this.maxRecordLength = options.maxRecordLength ?? 64 * 1024 * 1024;
  }

  /** Feed the next chunk of text; returns the records it completed, parsed. */
  push(chunk: string): unknown[] {
    const out: unknown[] = [];
    let from = 0; // start of the record's text in this chunk, when a record is open
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) {
          this.inString = false;
          if (this.keyText !== null) {
            this.lastString = this.keyText + chunk.slice(this.keyFrom, i);
            this.keyText = null;
          }
          if (this.parts !== null && this.primitive && this.depth === 2) {
            this.finish(chunk, from, i + 1, out);
          }
        }
        continue;
      }
      if (isSpace(c)) continue;
      if (this.done) throw this.error(`unexpected text after the end of the log file's JSON`);
      if (!this.started) {
        if (c !== OPEN_BRACE) throw this.error(`a CloudTrail log file is a JSON object with a Records array; it starts with ${JSON.stringify(chunk[i])}`);
        this.started = true;
        this.depth = 1;
        continue;
      }
      // The start of a record: any value directly inside Records.
      if (this.inRecords && this.depth === 2 && this.parts === null && c !== COMMA && c !== CLOSE_BRACKET) {
        this.parts = [];
        this.partLength = 0;
        from = i;
        this.primitive = c !== OPEN_BRACE && c !== OPEN_BRACKET;
      }
      switch (c) {
        case QUOTE:
          this.inString = true;
          if (this.depth === 1) {
            this.keyText = "";
            this.keyFrom = i + 1;
          }
          break;
        case COLON:
          if (this.depth === 1) this.key = this.lastString;
          break;
        case OPEN_BRACE:
        case OPEN_BRACKET:
          if (this.depth === 1 && c === OPEN_BRACKET && this.key === "Records" && !this.sawRecords) {
            this.inRecords = true;
            this.sawRecords = true;
          } else if (this.depth === 1 && this.key === "Records") {
            throw this.error("Records is not an array");
          }
          this.depth++;
          break;
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          // A number, true, false or null just before the `]` that closes Records.
          if (this.parts !== null && this.primitive && this.depth === 2) this.finish(chunk, from, i, out);
          this.depth--;
          if (this.inRecords) {
            if (this.depth === 2 && this.parts !== null) this.finish(chunk, from, i + 1, out);
            else if (this.depth === 1) this.inRecords = false;
          }
          if (this.depth === 0) this.done = true;
          if (this.depth < 0) throw this.error("unbalanced brackets");
          break;
        case COMMA:
          if (this.parts !== null && this.primitive && this.depth === 2) this.finish(chunk, from, i, out);
          if (this.depth === 1) this.key = null;
          break;
        default:
          break;
      }
    }
    if (this.parts !== null) {
      this.parts.push(chunk.slice(from));
      this.partLength += chunk.length - from;
      if (this.partLength > this.maxRecordLength) throw this.error(`a record is longer than ${this.maxRecordLength} characters`);
    }
    if (this.keyText !== null) {
      this.keyText = (this.keyText + chunk.slice(this.keyFrom)).slice(0, 64);
      this.keyFrom = 0;
    }
    return out;
  }

  /** The record's text is complete: from `from` in this chunk up to `to`, after the pieces before. */
  private finish(chunk: string, from: number, to: number, out: unknown[]): void {
    const parts = this.parts!;
    parts.push(chunk.slice(from, to));
    const text = parts.join("").trim();
    this.parts = null;
    this.primitive = false;
    if (text === "") return;
    if (text.length > this.maxRecordLength) throw this.error(`a record is longer than ${this.maxRecordLength} characters`);
    try {
      out.push(JSON.parse(text));
    } catch (e) {
      throw this.error(`record ${this.count} is not JSON: ${(e as Error).message}`);
    }
    this.count++;
  }

  /** The input ended: it must have been a whole JSON object with a Records array. */
  end(): void {
    if (!this.started) throw this.error("the log file is empty");
    if (!this.done || this.inString) throw this.error("the log file's JSON is cut short");
    if (!this.sawRecords) throw this.error("the log file has no Records array");
  }

  private error(message: string): CloudTrailSchemaError {
    return new CloudTrailSchemaError("E_ENVELOPE", `log file: ${message}`);
  }
}
