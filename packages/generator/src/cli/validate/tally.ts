/**
 * What `validate` counts: per service and operation, records, valid, invalid, unresolved, and the first
 * few failures (where, path, message). A unit of work (a file, or a byte range of a big NDJSON file)
 * produces a Tally; tallies are merged in file order, so the "first" failures are the same whatever the
 * number of workers. Plain data: it crosses worker_threads by structured clone.
 */

/** Failures kept per service and operation. */
export const EXAMPLES = 3;

/** Where a failing record is: a line of an NDJSON file, or an element of a log file's Records. */
export interface Place {
  file: string;
  /** NDJSON: 1-based line within the unit (run.ts adds the lines of earlier units of the same file). */
  line?: number;
  /** Log file: index in Records. */
  record?: number;
}

export interface Failure extends Place {
  /** JSON Pointer into the record; "" for the whole record or line. */
  path: string;
  message: string;
}

export interface Row {
  /** The service; for an unresolved record its eventSource as written; "(not JSON)" and "(unreadable)" for bad input. */
  service: string;
  operation: string;
  records: number;
  valid: number;
  invalid: number;
  unresolved: number;
  /** Records (valid or not) that validateEvent flags as trimmed exports (envelope fields missing). */
  trimmed: number;
  /** Records resolved as API calls no model describes (envelope checked only). */
  unmodeled: number;
  failures: Failure[];
}

/** What validateEvent says about a record besides validity. */
export interface Flags {
  trimmed?: boolean;
  unmodeled?: boolean;
}

export interface Tally {
  rows: Map<string, Row>;
  /** NDJSON: lines whose first byte is in the unit (to number the lines of the next unit). */
  lines: number;
}

export const newTally = (): Tally => ({ rows: new Map(), lines: 0 });

function row(t: Tally, service: string, operation: string): Row {
  const key = `${service}\u0000${operation}`;
  let r = t.rows.get(key);
  if (!r) t.rows.set(key, (r = { service, operation, records: 0, valid: 0, invalid: 0, unresolved: 0, trimmed: 0, unmodeled: 0, failures: [] }));
  return r;
}

function flag(r: Row, flags: Flags): void {
  if (flags.trimmed) r.trimmed++;
  if (flags.unmodeled) r.unmodeled++;
}

export function countValid(t: Tally, service: string, operation: string, flags: Flags = {}): void {
  const r = row(t, service, operation);
  r.records++;
  r.valid++;
  flag(r, flags);
}

export function countInvalid(t: Tally, service: string, operation: string, failure: Failure, unresolved = false, flags: Flags = {}): void {
  const r = row(t, service, operation);
  r.records++;
  flag(r, flags);
  if (unresolved) r.unresolved++;
  else r.invalid++;
  if (r.failures.length < EXAMPLES) r.failures.push(failure);
}

/** Add `b` (a later unit) into `a`; `lineOffset` is added to b's NDJSON line numbers. */
export function mergeInto(a: Tally, b: Tally, lineOffset = 0): void {
  for (const [key, rb] of b.rows) {
    let ra = a.rows.get(key);
    if (!ra) a.rows.set(key, (ra = { ...rb, records: 0, valid: 0, invalid: 0, unresolved: 0, trimmed: 0, unmodeled: 0, failures: [] }));
    ra.records += rb.records;
    ra.trimmed += rb.trimmed;
    ra.unmodeled += rb.unmodeled;
    ra.valid += rb.valid;
    ra.invalid += rb.invalid;
    ra.unresolved += rb.unresolved;
    for (const f of rb.failures) {
      if (ra.failures.length >= EXAMPLES) break;
      ra.failures.push(f.line === undefined ? f : { ...f, line: f.line + lineOffset });
    }
  }
  a.lines += b.lines;
}

export interface Summary {
  mode: string;
  files: number;
  records: number;
  valid: number;
  invalid: number;
  unresolved: number;
  trimmed: number;
  unmodeled: number;
  /** Sorted by service, then operation. */
  operations: (Omit<Row, "failures"> & { failures: { at: string; path: string; message: string }[] })[];
}

/** `file:line` for NDJSON, `file:Records[i]` for a log file. */
export const placeOf = (p: Place): string => (p.line !== undefined ? `${p.file}:${p.line}` : p.record !== undefined ? `${p.file}:Records[${p.record}]` : p.file);

export function summarize(t: Tally, mode: string, files: number): Summary {
  const rows = [...t.rows.values()].sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : a.operation < b.operation ? -1 : a.operation > b.operation ? 1 : 0));
  const sum = (k: "records" | "valid" | "invalid" | "unresolved" | "trimmed" | "unmodeled") => rows.reduce((n, r) => n + r[k], 0);
  return {
    mode,
    files,
    records: sum("records"),
    valid: sum("valid"),
    invalid: sum("invalid"),
    unresolved: sum("unresolved"),
    trimmed: sum("trimmed"),
    unmodeled: sum("unmodeled"),
    operations: rows.map((r) => ({
      service: r.service,
      operation: r.operation,
      records: r.records,
      valid: r.valid,
      invalid: r.invalid,
      unresolved: r.unresolved,
      trimmed: r.trimmed,
      unmodeled: r.unmodeled,
      failures: r.failures.map((f) => ({ at: placeOf(f), path: f.path, message: f.message })),
    })),
  };
}
