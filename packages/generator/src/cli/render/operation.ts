/**
 * An operation as a reader wants to see it: what it does, then every field of `requestParameters` and
 * `responseElements` as CloudTrail writes it, nested structures, lists and maps expanded, in a YAML-like
 * outline in the manner of `aws help`:
 *
 *     tags: array of object (Tag), at most 50 items
 *         A list of tags that you want to attach to the new IAM customer managed policy.
 *       - key: string, required, length 1..128
 *             pattern: [\p{L}\p{Z}\p{N}_.:/=+\-@]+
 *
 * A definition met again inside itself prints as `-> (recursive: Name)` instead of being expanded.
 * Pure: the log model in, text out.
 */
import type { LogField, LoggedOperation, LoggedService, LogType } from "../../log-model.js";
import { droppedPatternReason } from "../../patterns.js";
import type { Style } from "./style.js";
import { bounds, wrap } from "./text.js";

/** `input` is what `requestParameters` holds, `output` what `responseElements` holds. */
export type Part = "input" | "output";

export interface OperationView {
  /** Columns to wrap documentation at. */
  width: number;
  style: Style;
  /** Print documentation (operation and members); constraints and enums are printed either way. */
  docs: boolean;
  /** Enum values printed before `… and N more`. */
  enumLimit: number;
}

export const PART_KEY: Record<Part, "requestParameters" | "responseElements"> = {
  input: "requestParameters",
  output: "responseElements",
};

export function renderOperation(svc: LoggedService, op: LoggedOperation, parts: readonly Part[], view: OperationView): string {
  const s = view.style;
  const out: string[] = [];
  out.push(s.heading(`${svc.name}.${op.name}`));
  out.push(`  eventSource: ${op.eventSource ?? svc.eventSource}`);
  const [first, ...aliases] = op.eventNames;
  out.push(`  eventName: ${first ?? op.name}${aliases.length ? s.note(` (also logged as ${aliases.join(", ")})`) : ""}`);
  out.push(`  readOnly: ${op.readOnly}`);
  if (op.deprecated) out.push(`  deprecated: true`);
  if (view.docs && op.doc) out.push("", ...wrap(op.doc, view.width, 2).map(s.doc));
  const tree = new Tree(svc, view);
  for (const part of parts) {
    out.push("");
    const type = part === "input" ? op.request : op.response;
    const key = PART_KEY[part];
    if (type === null) {
      out.push(`${s.heading(key)}: ${s.type("null")}`);
      out.push(...wrap(`CloudTrail logs no ${key} for ${op.name}.`, view.width, 4).map(s.doc));
    } else tree.field(out, 0, key, type, { heading: true });
  }
  return `${out.join("\n")}\n`;
}

interface FieldInfo {
  required?: boolean;
  deprecated?: boolean;
  addedBy?: string;
  doc?: string;
  heading?: boolean;
}

/** Walks a type, keeping the stack of definitions being expanded so recursion prints as a reference. */
class Tree {
  private readonly stack: string[] = [];
  /**
   * Definitions already expanded under the one-of being printed. The alternatives of a one-of often
   * wrap the same structure several ways (a list, `{items: [...]}`, a single item); it is expanded for
   * the first and referred to (`as above`) for the others, or the output grows with every nesting.
   */
  private seen: Set<string> | undefined;

  constructor(
    private readonly svc: LoggedService,
    private readonly view: OperationView,
  ) {}

  private def(name: string): LogType {
    return this.svc.defs[name] ?? { kind: "any", doc: `(definition ${name} is missing from the log model)` };
  }

  /** The name a reader knows a definition by: its botocore shape. */
  private label(name: string): string {
    return this.svc.defs[name]?.shape ?? name;
  }

  private recursive(t: LogType): boolean {
    return t.kind === "ref" && this.stack.includes(t.def);
  }

  /** The type in a few words: `array of object (Tag)`, `map of string to string`. */
  summary(t: LogType): string {
    switch (t.kind) {
      case "ref": {
        const d = this.def(t.def);
        const word = d.kind === "object" || d.kind === "union" ? d.kind : this.summary(d);
        if (this.recursive(t)) return `${word} -> (recursive: ${this.label(t.def)})`;
        return this.seen?.has(t.def) ? `${word} (${this.label(t.def)}, as above)` : `${word} (${this.label(t.def)})`;
      }
      case "array":
        return `array of ${this.summary(t.items)}`;
      case "map":
        return `map of ${this.summary(t.keys)} to ${this.summary(t.values)}`;
      case "oneOf":
        return t.options.map((o) => this.summary(o)).join(" or ");
      case "any":
        return "any JSON value";
      case "object":
      case "union":
        // Only an operation's top level is an inline structure; its botocore name helps find it in AWS docs.
        return t.shape ? `${t.kind} (${t.shape})` : t.kind;
      default:
        return t.kind;
    }
  }

  /** Constraints on one type: `length 1..128`, `at most 50 items`. */
  private constraints(t: LogType): string[] {
    switch (t.kind) {
      case "string": {
        const b = bounds(t.min, t.max);
        return b ? [`length ${b}`] : [];
      }
      case "integer":
      case "number": {
        const b = bounds(t.min, t.max);
        return b ? [`value ${b}`] : [];
      }
      case "array":
        return [bounds(t.min, t.max, "items"), ...this.constraints(t.items).map((c) => `each ${c}`)].filter(isString);
      case "map":
        return [
          bounds(t.min, t.max, "entries"),
          ...this.constraints(t.keys).map((c) => `keys ${c}`),
          ...this.constraints(t.values).map((c) => `values ${c}`),
        ].filter(isString);
      case "union":
        return ["exactly one field set"];
      case "object":
        return t.open ? ["other fields appear too"] : [];
      default:
        return [];
    }
  }

  /**
   * Scalars a field's value is made of, with how the detail lines name them: the value itself, each
   * item of a list, a map's keys and values. Only one level deep: a list of objects shows its items' own
   * details on their fields.
   */
  private parts(t: LogType): { prefix: string; type: LogType }[] {
    if (t.kind === "array") return [{ prefix: "", type: t }, { prefix: "item ", type: t.items }];
    if (t.kind === "map") return [{ prefix: "", type: t }, { prefix: "key ", type: t.keys }, { prefix: "value ", type: t.values }];
    if (t.kind === "ref" && !this.recursive(t)) return [{ prefix: "", type: t }, { prefix: "", type: this.def(t.def) }];
    return [{ prefix: "", type: t }];
  }

  /** Lines under a field's own line: pattern, enum, redaction. */
  private details(t: LogType): string[] {
    const s = this.view.style;
    const lines: string[] = [];
    for (const { prefix, type } of this.parts(t)) {
      if (type.kind === "string" && type.pattern !== undefined) {
        // The strict schema leaves out patterns JavaScript cannot run as Java would (see patterns.ts); say so briefly.
        const why = droppedPatternReason(type.pattern)?.replace(/ \(.*|:.*/, "");
        lines.push(`${prefix}pattern: ${type.pattern}${why ? s.note(` (not enforced: ${why})`) : ""}`);
      }
      if (type.kind === "string" && type.enum?.length) {
        const shown = type.enum.slice(0, this.view.enumLimit);
        const more = type.enum.length - shown.length;
        lines.push(`${prefix}enum: ${shown.join(", ")}${more > 0 ? `, … and ${more} more (--format json lists them all)` : ""}`);
      }
      if (type.redacted?.length) {
        const what = prefix ? `each ${prefix.trim()} ` : "";
        lines.push(s.mark(`sensitive: ${what}may be logged as ${orList(type.redacted.map((r) => JSON.stringify(r)))}`));
      }
    }
    return lines;
  }

  /** One field: its line, details and doc, then what it contains. */
  field(out: string[], indent: number, name: string, t: LogType, info: FieldInfo): void {
    const s = this.view.style;
    const pad = " ".repeat(indent);
    const notes = [
      info.required ? "required" : undefined,
      info.deprecated || t.deprecated ? "deprecated" : undefined,
      ...this.constraints(t.kind === "ref" && !this.recursive(t) ? this.def(t.def) : t),
      info.addedBy ? `added by rule ${info.addedBy}` : undefined,
    ].filter(isString);
    const label = info.heading ? s.heading(name) : s.field(name);
    out.push(`${pad}${label}: ${s.type(this.summary(t))}${notes.length ? `, ${s.note(notes.join(", "))}` : ""}`);
    const detailPad = indent + 4;
    for (const d of this.details(t)) out.push(...wrap(d, this.view.width, detailPad, 2));
    const doc = info.doc ?? (t.kind === "ref" ? this.def(t.def).doc : t.doc);
    if (this.view.docs && doc) out.push(...wrap(doc, this.view.width, detailPad).map(s.doc));
    this.body(out, indent + 2, t);
  }

  /** Whether a type has lines of its own under the field (fields, items, values). */
  private hasBody(t: LogType): boolean {
    switch (t.kind) {
      case "ref":
        return !this.recursive(t) && !this.seen?.has(t.def);
      case "object":
      case "union":
        return true;
      case "array":
        return this.hasBody(t.items);
      case "map":
        return this.hasBody(t.values);
      case "oneOf":
        return t.options.some((o) => this.hasBody(o));
      default:
        return false;
    }
  }

  /** What a type contains, at `indent`: an object's fields, a list's item (`- `), a map's values (`<key>:`). */
  body(out: string[], indent: number, t: LogType): void {
    const s = this.view.style;
    const pad = " ".repeat(indent);
    switch (t.kind) {
      case "ref":
        if (!this.hasBody(t)) return;
        this.seen?.add(t.def);
        this.stack.push(t.def);
        this.body(out, indent, this.def(t.def));
        this.stack.pop();
        return;
      case "object":
      case "union":
        if (!t.fields.length) out.push(pad + s.note("(no fields)"));
        t.fields.forEach((f: LogField, i) => {
          if (i > 0 && this.view.docs) out.push("");
          this.field(out, indent, f.name, f.type, f);
        });
        return;
      case "array": {
        if (!this.hasBody(t.items)) return;
        const start = out.length;
        this.body(out, indent + 2, t.items);
        // YAML's list marker on the item's first line.
        const line = out[start];
        if (line !== undefined) out[start] = `${line.slice(0, indent)}- ${line.slice(indent + 2)}`;
        return;
      }
      case "map":
        if (!this.hasBody(t.values)) return;
        out.push(`${pad}${s.field(`<${this.summary(t.keys)}>`)}:`);
        this.body(out, indent + 2, t.values);
        return;
      case "oneOf": {
        const outermost = this.seen === undefined;
        if (outermost) this.seen = new Set();
        for (const o of t.options) {
          if (!this.hasBody(o)) continue;
          out.push(`${pad}${s.note(`as ${this.summary(o)}:`)}`);
          this.body(out, indent + 2, o);
        }
        if (outermost) this.seen = undefined;
        return;
      }
      default:
        return;
    }
  }
}

const isString = (x: string | undefined): x is string => x !== undefined;

/** `a`, `a or b`, `a, b or c`. */
const orList = (xs: readonly string[]): string => (xs.length < 2 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} or ${xs[xs.length - 1]}`);
