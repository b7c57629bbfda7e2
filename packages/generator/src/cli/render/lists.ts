/** Lists: services, operations, rules. Pure: data in, text out. */
import type { Style } from "./style.js";
import { wrap } from "./text.js";

/**
 * `Services:` / `Operations:` then one `- name` a line, as the original tool printed them. The text is
 * YAML, and the same document `--format yaml` prints. Names are botocore's, so none needs quoting.
 */
export function renderNameList(key: string, names: readonly string[]): string {
  if (!names.length) return `${key}: []\n`;
  return `${key}:\n${names.map((n) => `- ${n}`).join("\n")}\n`;
}

export interface RuleRow {
  id: string;
  why: string;
  evidence: string;
}

/** Each rule's id, then what CloudTrail does and the records that show it, indented. */
export function renderRules(rules: readonly RuleRow[], view: { width: number; style: Style }): string {
  const s = view.style;
  const out: string[] = [];
  rules.forEach((r, i) => {
    if (i > 0) out.push("");
    out.push(s.heading(r.id));
    out.push(...wrap(r.why, view.width, 4).map(s.doc));
    out.push(...wrap(`evidence: ${r.evidence}`, view.width, 4).map(s.note));
  });
  return `${out.join("\n")}\n`;
}
