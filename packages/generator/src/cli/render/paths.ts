/**
 * The `paths` command's human view: one line a path (`requestParameters.policyName: string`), likely
 * resource ids marked, the doc's first sentence under it. Pure: rows in, text out.
 */
import type { FieldPath } from "./field-paths.js";
import type { Style } from "./style.js";
import { wrap } from "./text.js";

export interface PathsView {
  width: number;
  style: Style;
  docs: boolean;
}

export interface PathsHeader {
  service: string;
  operation: string;
  eventSource: string;
  eventNames: readonly string[];
}

export const RESOURCE_ID_MARK = "(resource id)";

export function renderPaths(head: PathsHeader, rows: readonly FieldPath[], view: PathsView): string {
  const s = view.style;
  const out: string[] = [];
  out.push(s.heading(`${head.service}.${head.operation}`));
  out.push(`  eventSource: ${head.eventSource}`);
  out.push(`  eventName: ${head.eventNames.join(", ")}`);
  out.push(
    ...wrap(
      `${rows.length} paths, in JMESPath: [] is each item of a list, .* each value of a map; ` +
        `${RESOURCE_ID_MARK} marks the likely name, id or ARN of the operation's resource.`,
      view.width,
      2,
    ).map(s.note),
  );
  let part: string | undefined;
  for (const r of rows) {
    if (r.part !== part) {
      out.push("");
      part = r.part;
    }
    const rec = r.recursive ? s.mark(` (recursive: ${r.recursive}, not expanded)`) : "";
    const mark = r.resourceId ? ` ${s.mark(RESOURCE_ID_MARK)}` : "";
    out.push(`${s.field(r.path)}: ${s.type(r.type)}${rec}${mark}`);
    if (view.docs && r.doc) out.push(...wrap(r.doc, view.width, 4).map(s.doc));
  }
  return `${out.join("\n")}\n`;
}
