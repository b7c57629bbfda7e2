/** The fidelity report as text: a terminal table or Markdown (the same rows; Markdown for docs/fidelity.md). */
import { rates, type Counts, type FidelityReport, type PathRow } from "./report.js";

export interface FormatOptions {
  /** Rows in each worst-path list (default 25). */
  top?: number;
}

const pct = (x: number) => (Number.isNaN(x) ? "–" : `${x.toFixed(1)} %`);

type Table = { head: string[]; rows: string[][]; align?: ("l" | "r")[] };

const COUNT_HEAD = ["records", "resolve", "valid compat.", "valid strict", "trimmed", "unmodeled", "paths", "declared", "typed"];

function countCells(c: Counts): string[] {
  const r = rates(c);
  return [
    String(c.records),
    c.resolvable ? `${pct(r.resolve)} (${c.resolvedApi}/${c.resolvable})` : c.resolved ? `${c.resolved} curated` : "–",
    c.resolved ? `${pct(r.validCompatible)} (${c.validCompatible}/${c.resolved})` : "–",
    c.resolved ? pct(r.validStrict) : "–",
    String(c.trimmed),
    String(c.unmodeled),
    String(c.paths),
    c.paths ? `${pct(r.declared)} (${c.declared})` : "–",
    c.declared ? `${pct(r.typed)} (${c.typed})` : "–",
  ];
}

function countTable(title: string, groups: Record<string, Counts>, total?: Counts): Table {
  const rows = Object.entries(groups).map(([k, c]) => [k, ...countCells(c)]);
  if (total) rows.push(["all", ...countCells(total)]);
  return { head: [title, ...COUNT_HEAD], rows, align: ["l", "r", "r", "r", "r", "r", "r", "r", "r", "r"] };
}

function pathTable(rows: PathRow[], top: number, withAt: boolean): Table {
  return {
    head: ["service", "operation", "path", "records", "test data only", ...(withAt ? ["first undeclared key"] : [])],
    rows: rows
      .slice(0, top)
      .map((r) => [r.service, r.operation, r.path, String(r.records), r.real ? "" : "yes", ...(withAt ? [r.undeclaredAt ?? ""] : [])]),
    align: ["l", "l", "l", "r", "l", "l"],
  };
}

function sections(report: FidelityReport, top: number): { title: string; text?: string; table?: Table }[] {
  const t = rates(report.totals);
  const c = report.totals;
  const summary: string[] = [
    `backend: ${report.backend}; files: ${report.files.join(", ")}; records: ${c.records}`,
    `resolve: ${pct(t.resolve)} of API-call records whose operation is in the models (${c.resolvedApi}/${c.resolvable}); ` +
      `${pct(t.resolveRaw)} of all API-call records of modelled eventSources (${c.resolvedApi}/${c.apiCalls})`,
    `valid: compatible ${pct(t.validCompatible)}, strict ${pct(t.validStrict)} of ${c.resolved} resolved records`,
    `declared: ${pct(t.declared)} of ${c.paths} distinct (operation, leaf path) pairs; typed: ${pct(t.typed)} of declared`,
    `trimmed exports: ${c.trimmed} resolved records lack envelope fields strict requires` +
      (Object.keys(report.trimmedFields).length
        ? ` (${Object.entries(report.trimmedFields).map(([f, n]) => `${f} ${n}`).join(", ")})`
        : ""),
    `unmodeled API calls: ${c.unmodeled} records resolved as unmodeled (envelope checked, payloads open)`,
  ];
  const r = report.real.totals;
  const rr = rates(r);
  if (report.real.excluded) {
    summary.push(
      `without the ${report.real.excluded} records with test-data signals (p_* keys, hand-written eventTime or eventID, no eventVersion): ` +
        `resolve ${pct(rr.resolve)}, valid compatible ${pct(rr.validCompatible)}, strict ${pct(rr.validStrict)}, ` +
        `declared ${pct(rr.declared)} of ${r.paths}, typed ${pct(rr.typed)}`,
    );
  }
  const unresolvedTable: Table = {
    head: ["reason", "eventSource", "eventName", "eventType", "records"],
    rows: report.unresolved.map((u) => [u.reason, u.eventSource, JSON.stringify(u.eventName), u.eventType || "(none)", String(u.records)]),
    align: ["l", "l", "l", "l", "r"],
  };
  const invalidTable: Table = {
    head: ["mode", "service", "operation", "records", "first error"],
    rows: report.invalid
      .filter((i) => i.mode === "compatible")
      .slice(0, top)
      .map((i) => [i.mode, i.service, i.operation, String(i.records), i.example.slice(0, 110)]),
    align: ["l", "l", "l", "r", "l"],
  };
  return [
    { title: "Summary", text: summary.join("\n") },
    { title: "By protocol", table: countTable("protocol", report.byProtocol, report.totals) },
    ...(report.real.excluded
      ? [{ title: "By protocol, without records with test-data signals", table: countTable("protocol", report.real.byProtocol, report.real.totals) }]
      : []),
    { title: "By service", table: countTable("service", report.byService) },
    { title: "By input file", table: countTable("file", report.byFile) },
    { title: "Unresolved records", table: unresolvedTable },
    { title: `Invalid in compatible mode (top ${top})`, table: invalidTable },
    { title: `Undeclared paths, most records first (top ${top} of ${report.undeclared.length})`, table: pathTable(report.undeclared, top, true) },
    { title: `Declared but untyped paths (top ${top} of ${report.untyped.length})`, table: pathTable(report.untyped, top, false) },
  ];
}

export function formatHuman(report: FidelityReport, options: FormatOptions = {}): string {
  const top = options.top ?? 25;
  let out = "";
  for (const s of sections(report, top)) {
    out += `\n${s.title}\n${"-".repeat(s.title.length)}\n`;
    if (s.text) out += `${s.text}\n`;
    if (s.table) out += s.table.rows.length ? plain(s.table) : "(none)\n";
  }
  return out.trimStart();
}

export function formatMarkdown(report: FidelityReport, options: FormatOptions = {}): string {
  const top = options.top ?? 25;
  let out = "# Fidelity report\n";
  for (const s of sections(report, top)) {
    out += `\n## ${s.title}\n\n`;
    if (s.text) out += s.text.split("\n").map((l) => `- ${l}`).join("\n") + "\n";
    if (s.table) out += s.table.rows.length ? markdown(s.table) : "(none)\n";
  }
  return out;
}

function plain(t: Table): string {
  const widths = t.head.map((h, i) => Math.max(h.length, ...t.rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (t.align?.[i] === "r" ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(t.head), widths.map((w) => "-".repeat(w)).join("  "), ...t.rows.map(line)].join("\n") + "\n";
}

function markdown(t: Table): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  const sep = t.head.map((_, i) => (t.align?.[i] === "r" ? "---:" : "---"));
  return [t.head, sep, ...t.rows].map((cells) => `| ${cells.map(esc).join(" | ")} |`).join("\n") + "\n";
}
