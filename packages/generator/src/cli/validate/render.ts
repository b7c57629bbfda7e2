/** `validate`'s human summary: totals, a table per service and operation, then the first failures. Pure. */
import type { View } from "../command.js";
import type { Summary } from "./tally.js";

const n = (x: number) => x.toLocaleString("en-US");

export function renderSummary(s: Summary, view: View, seconds?: number): string {
  const st = view.style;
  const bad = s.invalid + s.unresolved;
  const took = seconds === undefined ? "" : ` in ${seconds.toFixed(1)} s`;
  const out: string[] = [
    `${n(s.records)} records in ${n(s.files)} file${s.files === 1 ? "" : "s"} (${s.mode} mode)${took}: ` +
      `${n(s.valid)} valid, ${bad ? st.error(`${n(s.invalid)} invalid`) : "0 invalid"}, ${s.unresolved ? st.error(`${n(s.unresolved)} unresolved`) : "0 unresolved"}` +
      // Trimmed exports lack envelope fields (strict rejects them); unmodeled calls were checked against the envelope only.
      (s.trimmed ? `; ${n(s.trimmed)} trimmed` : "") +
      (s.unmodeled ? `; ${n(s.unmodeled)} unmodeled` : ""),
  ];
  if (s.operations.length) {
    const extra = s.trimmed > 0;
    const head = ["service", "operation", "records", "valid", "invalid", "unresolved", ...(extra ? ["trimmed"] : [])];
    const rows = s.operations.map((o) => [o.service, o.operation, n(o.records), n(o.valid), n(o.invalid), n(o.unresolved), ...(extra ? [n(o.trimmed)] : [])]);
    const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join("  ").trimEnd();
    out.push("", st.heading(line(head)), ...rows.map(line));
  }
  const failing = s.operations.filter((o) => o.failures.length);
  if (failing.length) {
    out.push("", st.heading("First failures"));
    for (const o of failing) {
      const what = [o.invalid && `${n(o.invalid)} invalid`, o.unresolved && `${n(o.unresolved)} unresolved`].filter(Boolean).join(", ");
      out.push(`${[o.service, o.operation].filter(Boolean).join(" ")}: ${what}`);
      for (const f of o.failures) out.push(`  ${f.at}  ${f.path ? `${st.field(f.path)}  ` : ""}${st.error(f.message)}`);
    }
  }
  return `${out.join("\n")}\n`;
}
