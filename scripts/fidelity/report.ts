/**
 * The fidelity report: how well the generated schemas describe a set of real CloudTrail records.
 *
 * For every record: (a) does it resolve to an operation (or a curated non-API schema); (b) does it validate
 * in the compatible and in the strict mode; and, per operation, for the distinct leaf paths of
 * `requestParameters` / `responseElements`: (c) does the schema declare the path by name; (d) does it say
 * what kind of value sits there. Counted per protocol, per service and per input file; the paths no schema
 * declares are listed, worst (seen in most records) first.
 *
 * Resolution figures distinguish why a record did not resolve:
 * - `no-model`: its eventSource belongs to no botocore service (billingconsole, ec2messages, macie classic);
 * - `unknown-operation`: the eventSource is modelled but no service of it has an operation or alias of that
 *   eventName (detection-rule negative tests like iam `NotCreateUser`, git-protocol `GitPull`, agent APIs);
 * - `name-variant`: the eventName names an operation of the eventSource only loosely: after trimming,
 *   case-folding or dropping a trailing version (`"SendSSHPublicKey "`, a lower-case first letter,
 *   `CreateFunction20150331` while no rule declares that alias): counted against the resolve rate (trimming
 *   and case-folding are deliberately not done; the case variants AWS documents are `event-name-aliases`);
 * - `not-api`: a non-API record (service event, console action) with no curated schema.
 * `resolvable` = API-call records of modelled eventSources minus `unknown-operation`: the records there is
 * an operation for. Both rates are reported (`resolved / resolvable` and `resolved / apiCalls`).
 *
 * Records with **test-data signals** (Panther enrichment `p_*` keys, an eventTime that is not CloudTrail's
 * ISO-8601, a placeholder eventID such as `"1"`, `"1111"` or `12345678-1234-1234-1234-…`, no eventVersion) are counted like
 * every other record, and once more in a second set of totals without them (`real`): detection-rule test
 * files mix real events with hand-written and deliberately wrong ones, and the second view shows how the
 * schemas do on what CloudTrail itself wrote. See `testDataSignals`.
 *
 * Pure apart from what the backend does.
 */
import type { Catalog, FidelityBackend } from "./backend.js";
import { formatPath, leafPaths, pathKey, type Path } from "./paths.js";
import { SchemaWalker } from "./schema-walk.js";

export interface InputRecord {
  record: unknown;
  /** Input file (for the per-file table). */
  file: string;
  /** 1-based line in the file. */
  line: number;
}

export type UnresolvedReason = "no-model" | "unknown-operation" | "name-variant" | "not-api";

export interface Counts {
  records: number;
  /** API-call records (AwsApiCall, AwsVpceEvent, or no eventType) whose eventSource is modelled. */
  apiCalls: number;
  /** apiCalls minus those whose eventName is no operation of the eventSource (`unknown-operation`). */
  resolvable: number;
  /** Resolved records of any kind (API calls and curated non-API records). */
  resolved: number;
  /** Resolved API-call records. */
  resolvedApi: number;
  validCompatible: number;
  validStrict: number;
  /** Resolved records that validateEvent (compatible) flags as trimmed exports. */
  trimmed: number;
  /** Records resolved as unmodeled API calls (envelope only). */
  unmodeled: number;
  /** Distinct (operation, leaf path) pairs in resolved records. */
  paths: number;
  declared: number;
  typed: number;
}

export interface PathRow {
  service: string;
  operation: string;
  path: string;
  /** Records showing the path. */
  records: number;
  /** For undeclared paths: the first segment no schema branch declares. */
  undeclaredAt?: string;
  /** Seen in a record without test-data signals. */
  real: boolean;
}

export interface UnresolvedRow {
  reason: UnresolvedReason;
  eventSource: string;
  eventName: string;
  eventType: string;
  records: number;
}

export interface InvalidRow {
  service: string;
  operation: string;
  mode: "compatible" | "strict";
  records: number;
  /** The first error of the first failing record: `path: message`. */
  example: string;
  at: string;
}

export interface FidelityReport {
  backend: string;
  files: string[];
  totals: Counts;
  byProtocol: Record<string, Counts>;
  /** The same, without records that show test-data signals. */
  real: { totals: Counts; byProtocol: Record<string, Counts>; excluded: number };
  byService: Record<string, Counts & { protocol: string }>;
  byFile: Record<string, Counts>;
  unresolved: UnresolvedRow[];
  invalid: InvalidRow[];
  undeclared: PathRow[];
  untyped: PathRow[];
  /** Envelope fields missing from trimmed records: field -> records. */
  trimmedFields: Record<string, number>;
}

const zero = (): Counts => ({
  records: 0,
  apiCalls: 0,
  resolvable: 0,
  resolved: 0,
  resolvedApi: 0,
  validCompatible: 0,
  validStrict: 0,
  trimmed: 0,
  unmodeled: 0,
  paths: 0,
  declared: 0,
  typed: 0,
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === "string" ? v : v === undefined ? "" : JSON.stringify(v));

const API_EVENT_TYPES = new Set(["AwsApiCall", "AwsVpceEvent"]);
export const CURATED_PROTOCOL = "curated";
export const NO_MODEL = "(no model)";

/** eventSource -> botocore services, and the eventNames each service logs. */
class CatalogIndex {
  readonly bySource = new Map<string, string[]>();
  /** eventSource -> every operation name and eventName of its services, folded (see `fold`). */
  private readonly folded = new Map<string, Set<string>>();

  constructor(readonly catalog: Catalog) {
    for (const name of Object.keys(catalog.services).sort()) {
      const s = catalog.services[name]!;
      if (s.curated) continue;
      if (!this.bySource.has(s.eventSource)) this.bySource.set(s.eventSource, []);
      this.bySource.get(s.eventSource)!.push(name);
      if (!this.folded.has(s.eventSource)) this.folded.set(s.eventSource, new Set());
      const set = this.folded.get(s.eventSource)!;
      for (const [op, { eventNames }] of Object.entries(s.operations)) for (const n of [op, ...eventNames]) set.add(fold(n));
    }
  }

  protocol(service: string): string {
    const s = this.catalog.services[service];
    if (!s) return NO_MODEL;
    return s.curated ? CURATED_PROTOCOL : s.protocol;
  }

  /**
   * Whether a botocore model exists for the eventSource: some service logs under it, or a service is named
   * like its prefix (so a wrong eventSource rule shows as unresolved records, not as "no model").
   */
  modelled(eventSource: string): boolean {
    return this.homeService(eventSource) !== undefined;
  }

  /** The service a record of this eventSource is counted under when it does not resolve. */
  homeService(eventSource: string): string | undefined {
    const prefix = eventSource.replace(/\.amazonaws\.com$/, "");
    const services = this.bySource.get(eventSource);
    if (!services) return this.catalog.services[prefix] && !this.catalog.services[prefix]!.curated ? prefix : undefined;
    return services.includes(prefix) ? prefix : services[0];
  }

  hasFoldedName(eventSource: string, eventName: string): boolean {
    const home = this.homeService(eventSource);
    const source = home === undefined ? eventSource : this.catalog.services[home]!.eventSource;
    return this.folded.get(source)?.has(fold(eventName)) ?? false;
  }
}

/**
 * A deliberately loose form of a name, independent of the rules, for the resolve rate's denominator: trimmed,
 * lower case, without a trailing 8-digit date and `vN` (Lambda's `…20150331v2`).
 */
const ISO_EVENT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * Signs that a record was written or edited by hand for a test rather than by CloudTrail: Panther's
 * enrichment keys (`p_log_type`…), an eventTime CloudTrail never writes (`2024-01-01 00:00:00.000`), a
 * placeholder eventID (one repeated character, `12345678-1234-1234-1234-…`, `xxxxxxxx-…`), a missing
 * eventVersion (a trimmed record). AWS's documentation examples (`…EXAMPLE` ids) are not flagged.
 */
export function testDataSignals(record: unknown): string[] {
  if (!isObject(record)) return [];
  const out: string[] = [];
  if (Object.keys(record).some((k) => k.startsWith("p_"))) out.push("p_* keys");
  if (typeof record.eventTime === "string" && !ISO_EVENT_TIME.test(record.eventTime)) out.push("eventTime format");
  // CloudTrail writes eventVersion in every record; without it the record was trimmed.
  if (!("eventVersion" in record)) out.push("no eventVersion");
  const id = record.eventID;
  if (typeof id === "string" && (/^(.)\1*$/.test(id) || /^[0-9a-f]{8}-1234-1234-1234-/.test(id) || /^x+-/i.test(id))) out.push("placeholder eventID");
  return out;
}

const fold = (s: string) => s.trim().toLowerCase().replace(/\d{8}(v\d+)?$/, "");

interface OpPaths {
  service: string;
  operation: string;
  /** `real`: seen in at least one record without test-data signals. */
  paths: Map<string, { path: Path; records: number; files: Set<string>; real: boolean }>;
}

export interface ReportOptions {
  /** Rows kept in the worst-path lists (default: all). */
  top?: number;
}

export function buildReport(inputs: readonly InputRecord[], backend: FidelityBackend, options: ReportOptions = {}): FidelityReport {
  const index = new CatalogIndex(backend.catalog);
  const totals = zero();
  const byProtocol = new Map<string, Counts>();
  const byService = new Map<string, Counts & { protocol: string }>();
  const byFile = new Map<string, Counts>();
  const realTotals = zero();
  const realByProtocol = new Map<string, Counts>();
  let excluded = 0;
  const unresolved = new Map<string, UnresolvedRow>();
  const invalid = new Map<string, InvalidRow>();
  const ops = new Map<string, OpPaths>();
  const missing = new Map<string, number>();

  const realGroups = (protocol: string): Counts[] => {
    if (!realByProtocol.has(protocol)) realByProtocol.set(protocol, zero());
    return [realTotals, realByProtocol.get(protocol)!];
  };
  const groups = (service: string, file: string, real: boolean): Counts[] => {
    const protocol = service === NO_MODEL ? NO_MODEL : index.protocol(service);
    if (!byProtocol.has(protocol)) byProtocol.set(protocol, zero());
    if (!byService.has(service)) byService.set(service, { ...zero(), protocol });
    if (!byFile.has(file)) byFile.set(file, zero());
    return [totals, byProtocol.get(protocol)!, byService.get(service)!, byFile.get(file)!, ...(real ? realGroups(protocol) : [])];
  };
  const bump = (counts: Counts[], key: keyof Counts, n = 1) => {
    for (const c of counts) c[key] += n;
  };

  for (const { record, file } of inputs) {
    const r = isObject(record) ? record : {};
    const eventSource = text(r.eventSource);
    const eventName = text(r.eventName);
    const eventType = text(r.eventType);
    const resolved = backend.resolveEvent(record);
    const curated = resolved !== undefined && backend.catalog.services[resolved.service]?.curated === true;
    const isApi = (API_EVENT_TYPES.has(eventType) || eventType === "") && !curated;
    const modelled = index.modelled(eventSource) || (resolved !== undefined && !curated);
    const service = resolved?.service ?? index.homeService(eventSource) ?? NO_MODEL;
    const real = testDataSignals(record).length === 0;
    if (!real) excluded++;
    const counts = groups(service, file, real);
    bump(counts, "records");
    if (isApi && modelled) bump(counts, "apiCalls");

    if (!resolved) {
      let reason: UnresolvedReason;
      if (!isApi) reason = "not-api";
      else if (!modelled) reason = "no-model";
      else if (index.hasFoldedName(eventSource, eventName)) reason = "name-variant";
      else reason = "unknown-operation";
      if (isApi && modelled && reason !== "unknown-operation") bump(counts, "resolvable");
      const key = JSON.stringify([reason, eventSource, eventName, eventType]);
      const row = unresolved.get(key) ?? { reason, eventSource, eventName, eventType, records: 0 };
      row.records++;
      unresolved.set(key, row);
      continue;
    }

    bump(counts, "resolved");
    if (resolved.unmodeled) bump(counts, "unmodeled");
    if (isApi && modelled) {
      bump(counts, "resolvable");
      bump(counts, "resolvedApi");
    }
    for (const mode of ["compatible", "strict"] as const) {
      const v = backend.validateEvent(record, { mode });
      if (mode === "compatible" && v.trimmed) {
        bump(counts, "trimmed");
        for (const f of v.missingFields ?? []) missing.set(f, (missing.get(f) ?? 0) + 1);
      }
      if (v.valid) {
        bump(counts, mode === "compatible" ? "validCompatible" : "validStrict");
      } else {
        const key = JSON.stringify([resolved.service, resolved.operation, mode]);
        const first = v.errors[0];
        const row = invalid.get(key) ?? {
          service: resolved.service,
          operation: resolved.operation,
          mode,
          records: 0,
          example: first ? `${first.path || "/"}: ${first.message}` : "(no error given)",
          at: file,
        };
        row.records++;
        invalid.set(key, row);
      }
    }

    // No model describes an unmodeled call: its payload paths are counted nowhere (they were unresolved before).
    if (resolved.unmodeled) continue;
    const opKey = JSON.stringify([resolved.service, resolved.operation]);
    if (!ops.has(opKey)) ops.set(opKey, { service: resolved.service, operation: resolved.operation, paths: new Map() });
    const op = ops.get(opKey)!;
    for (const side of ["requestParameters", "responseElements"] as const) {
      const value = r[side];
      if (value === undefined || value === null) continue;
      if (isObject(value) && Object.keys(value).length === 0) continue;
      for (const path of leafPaths(value, [side])) {
        const k = pathKey(path);
        const entry = op.paths.get(k) ?? { path, records: 0, files: new Set<string>(), real: false };
        entry.records++;
        entry.files.add(file);
        entry.real ||= real;
        op.paths.set(k, entry);
      }
    }
  }

  const undeclared: PathRow[] = [];
  const untyped: PathRow[] = [];
  for (const op of ops.values()) {
    let walker: SchemaWalker | undefined;
    const protocol = index.protocol(op.service);
    const base = [totals, byProtocol.get(protocol)!, byService.get(op.service)!];
    for (const entry of op.paths.values()) {
      walker ??= new SchemaWalker(backend.getEventSchema(op.service, op.operation, { mode: "compatible" }));
      const v = walker.verdict(entry.path);
      const counts = [...base, ...[...entry.files].map((f) => byFile.get(f)!), ...(entry.real ? realGroups(protocol) : [])];
      bump(counts, "paths");
      const row: PathRow = { service: op.service, operation: op.operation, path: formatPath(entry.path), records: entry.records, real: entry.real };
      if (!v.declared) {
        undeclared.push({ ...row, undeclaredAt: entry.path[v.stoppedAt!]! });
        continue;
      }
      bump(counts, "declared");
      if (v.typed) bump(counts, "typed");
      else untyped.push(row);
    }
  }

  const worst = (rows: PathRow[]) =>
    rows
      .sort((a, b) => b.records - a.records || cmp(a.service, b.service) || cmp(a.operation, b.operation) || cmp(a.path, b.path))
      .slice(0, options.top ?? rows.length);
  return {
    backend: backend.name,
    files: [...new Set(inputs.map((i) => i.file))],
    totals,
    byProtocol: sortedRecord(byProtocol),
    real: { totals: realTotals, byProtocol: sortedRecord(realByProtocol), excluded },
    byService: sortedRecord(byService),
    byFile: sortedRecord(byFile),
    unresolved: [...unresolved.values()].sort(
      (a, b) => cmp(a.reason, b.reason) || b.records - a.records || cmp(a.eventSource, b.eventSource) || cmp(a.eventName, b.eventName),
    ),
    invalid: [...invalid.values()].sort((a, b) => cmp(a.mode, b.mode) || b.records - a.records || cmp(a.service, b.service) || cmp(a.operation, b.operation)),
    undeclared: worst(undeclared),
    untyped: worst(untyped),
    trimmedFields: sortedRecord(missing),
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortedRecord<T>(m: Map<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of [...m.keys()].sort()) out[k] = m.get(k)!;
  return out;
}

/** Percentages the summary quotes; NaN when the denominator is 0. */
export function rates(c: Counts) {
  const pct = (n: number, d: number) => (d === 0 ? Number.NaN : (100 * n) / d);
  return {
    resolve: pct(c.resolvedApi, c.resolvable),
    resolveRaw: pct(c.resolvedApi, c.apiCalls),
    validCompatible: pct(c.validCompatible, c.resolved),
    validStrict: pct(c.validStrict, c.resolved),
    declared: pct(c.declared, c.paths),
    typed: pct(c.typed, c.declared),
  };
}
