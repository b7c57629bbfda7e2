/**
 * Records from the text of an input file: NDJSON (one record a line; blank lines skipped), or one JSON
 * document that is a CloudTrail log file (`{"Records": [...]}`) or an array of records. A line that is not
 * JSON is reported, not skipped silently.
 */
import type { InputRecord } from "./report.js";

export interface Parsed {
  records: InputRecord[];
  problems: string[];
}

export function parseRecords(text: string, file: string): Parsed {
  const trimmed = text.trim();
  const records: InputRecord[] = [];
  const problems: string[] = [];
  // A whole-file document: a log file or an array (an NDJSON file has a newline between records).
  if (trimmed.startsWith("[") || (trimmed.startsWith("{") && !/\}\s*\n\s*\{/.test(trimmed))) {
    try {
      const doc = JSON.parse(trimmed) as unknown;
      const list = Array.isArray(doc)
        ? doc
        : typeof doc === "object" && doc !== null && Array.isArray((doc as { Records?: unknown }).Records)
          ? (doc as { Records: unknown[] }).Records
          : [doc];
      list.forEach((record, i) => records.push({ record, file, line: i + 1 }));
      return { records, problems };
    } catch {
      // fall through: maybe NDJSON after all
    }
  }
  const lines = text.split("\n");
  lines.forEach((l, i) => {
    if (!l.trim()) return;
    try {
      records.push({ record: JSON.parse(l), file, line: i + 1 });
    } catch (e) {
      problems.push(`${file}:${i + 1}: not JSON (${(e as Error).message})`);
    }
  });
  return { records, problems };
}
