/**
 * ajv's errors in the runtime's format: the path of the field at fault (a missing or unknown property is its
 * own path, as validateEvent reports it), what the schema expects, what the record has (shortened), the
 * keyword, and, when ajv gives the failing schema node (`verbose: true`), where it sits in getEventSchema's
 * document.
 *
 * ajv reports every alternative of a failed anyOf / oneOf; the runtime explains the first alternative that
 * accepts the value's type (the generator puts the real schema first and `null` or a redaction marker after
 * it), or says "must be X or Y" when none does. With the schema node (`verbose`) that is done exactly as
 * compile.ts does it (ExplainAlternatives); without, approximately, from ajv's errors alone.
 */
import { list, preview, TYPE_BITS, typeNames } from "../compile.js";
import { escapeToken } from "../keywords.js";
import type { ValidationError } from "../types.js";
import type { AjvErrorObject } from "./register.js";

const hasOwn = Object.prototype.hasOwnProperty;

/** The value at a JSON Pointer of the record (ajv's instancePath), or undefined. */
function valueAt(record: unknown, pointer: string): unknown {
  if (pointer === "") return record;
  let v = record;
  for (const raw of pointer.slice(1).split("/")) {
    if (typeof v !== "object" || v === null) return undefined;
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (!hasOwn.call(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

const under = (path: string, base: string) => path === base || path.startsWith(base + "/");
const types = (t: unknown): string[] => (Array.isArray(t) ? t.map(String) : String(t).split(","));
const characters = (s: unknown) => (typeof s === "string" ? `${[...s].length} characters` : preview(s));

/**
 * How a failed anyOf / oneOf is explained when ajv gives its schema node (`verbose`): the errors of the
 * alternative that accepts the value's type (instancePaths from the record's root), `[]` when none accepts
 * it, `expected`: the types the alternatives accept, and `count`: how many errors ajv reported for the
 * alternatives together (they are the ones just before the anyOf error). Undefined when it cannot tell.
 */
export type ExplainAlternatives = (e: AjvErrorObject) => { errors: AjvErrorObject[]; expected: string; count: number } | undefined;

/** ajv's errors without the noise of failed alternatives (see the module comment). */
function explainAlternatives(errors: readonly AjvErrorObject[], explain: ExplainAlternatives): AjvErrorObject[] {
  // Each kept error with the number of ajv's errors it stands for (a group's replacements stand for the
  // whole group), so that a group's count of ajv errors can be taken back off the end.
  const out: { e: AjvErrorObject; raw: number }[] = [];
  const replace = (count: number, by: AjvErrorObject[]) => {
    let removed = 0;
    while (removed < count && out.length > 0) removed += out.pop()!.raw;
    by.forEach((e, i) => out.push({ e, raw: i === 0 ? count + 1 : 0 }));
  };
  for (const e of errors) {
    const group = e.keyword === "anyOf" || (e.keyword === "oneOf" && !e.params.passingSchemas);
    if (!group) {
      out.push({ e, raw: 1 });
      continue;
    }
    const known = explain(e);
    if (known !== undefined) {
      replace(known.count, known.errors.length > 0 ? explainAlternatives(known.errors, explain) : [{ ...e, params: { ...e.params, expected: known.expected } }]);
      continue;
    }
    // Without the schema node: the alternatives' errors are the ones just before, at the value's path or
    // under it; keep what got past the type test of some alternative, else say which types were tried.
    let start = out.length;
    while (start > 0 && under(out[start - 1]!.e.instancePath, e.instancePath)) start--;
    const alternatives = out.splice(start).map((a) => a.e);
    const rejections = alternatives.filter((a) => a.instancePath === e.instancePath && (a.keyword === "type" || a.keyword === "const"));
    const deeper = alternatives.filter((a) => !rejections.includes(a));
    if (deeper.length > 0) {
      deeper.forEach((d) => out.push({ e: d, raw: 1 }));
      continue;
    }
    const expected = [...new Set(rejections.flatMap((a) => (a.keyword === "type" ? types(a.params.type) : [JSON.stringify(a.params.allowedValue)])))];
    out.push({ e: { ...e, params: { ...e.params, expected: expected.join(" or ") || "a matching value" } }, raw: 1 });
  }
  // ajv's "must match then schema" follows the errors of the branch that ran; the runtime reports those.
  return out.map((o) => o.e).filter((e) => e.keyword !== "if");
}

/** One ajv error in the runtime's words (the messages of compile.ts). */
function convert(e: AjvErrorObject, record: unknown, locate: (node: unknown) => string | undefined): ValidationError {
  const p = e.params;
  const data = () => ("data" in e && e.parentSchema !== undefined ? e.data : valueAt(record, e.instancePath));
  const base = e.parentSchema === undefined ? undefined : locate(e.parentSchema);
  const schemaPath = base === undefined ? undefined : `${base}/${e.keyword}`;
  const out = (error: Omit<ValidationError, "path" | "keyword" | "schemaPath">, path = e.instancePath): ValidationError => ({
    path,
    ...error,
    keyword: e.keyword,
    ...(schemaPath === undefined ? {} : { schemaPath }),
  });
  const child = (name: unknown) => `${e.instancePath}/${escapeToken(String(name))}`;
  switch (e.keyword) {
    case "type": {
      // In compile.ts's order (null, boolean, object, array, number, string), as it words them.
      const listed = types(p.type);
      const integer = listed.includes("integer") && !listed.includes("number");
      const bits = listed.reduce((b, t) => b | (TYPE_BITS[t] ?? 0), 0);
      const expected = typeNames(bits)
        .map((t) => (t === "number" && integer ? "integer" : t))
        .join(" or ");
      return out({ message: `must be ${expected}`, expected, found: preview(data()) });
    }
    case "anyOf":
    case "oneOf":
      if (p.passingSchemas) return out({ message: "must match exactly one schema in oneOf, matches several", expected: "exactly one match", found: preview(data()) });
      return out({ message: `must be ${String(p.expected ?? "a matching value")}`, expected: String(p.expected ?? "a matching value"), found: preview(data()) });
    case "required":
      return out({ message: `must have the property ${JSON.stringify(p.missingProperty)}`, expected: "present", found: "absent" }, child(p.missingProperty));
    case "dependentRequired":
      return out({ message: `must have the property ${JSON.stringify(p.missingProperty)} when ${JSON.stringify(p.property)} is present`, expected: "present", found: "absent" }, child(p.missingProperty));
    case "additionalProperties":
      return out(
        { message: `unknown property ${JSON.stringify(p.additionalProperty)} (not in the model)`, expected: "no such property", found: preview(valueAt(record, child(p.additionalProperty))) },
        child(p.additionalProperty),
      );
    case "enum": {
      const values = Array.isArray(p.allowedValues) ? p.allowedValues : [];
      return out({ message: `must be one of ${list(values)}`, expected: `one of ${list(values)}`, found: preview(data()) });
    }
    case "const":
      return out({ message: `must be ${JSON.stringify(p.allowedValue)}`, expected: JSON.stringify(p.allowedValue), found: preview(data()) });
    case "maxLength":
    case "minLength": {
      const words = e.keyword === "maxLength" ? "at most" : "at least";
      return out({ message: `must have ${words} ${String(p.limit)} character${p.limit === 1 ? "" : "s"}`, expected: `${words} ${String(p.limit)} characters`, found: characters(data()) });
    }
    case "pattern":
      return out({ message: `must match the pattern ${String(p.pattern)}`, expected: `a string matching ${String(p.pattern)}`, found: preview(data()) });
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return out({ message: `must be ${String(p.comparison)} ${String(p.limit)}`, expected: `${String(p.comparison)} ${String(p.limit)}`, found: preview(data()) });
    case "multipleOf":
      return out({ message: `must be a multiple of ${String(p.multipleOf)}`, expected: `a multiple of ${String(p.multipleOf)}`, found: preview(data()) });
    case "minItems":
    case "maxItems":
    case "minProperties":
    case "maxProperties": {
      const words = e.keyword.startsWith("min") ? "at least" : "at most";
      const items = e.keyword.endsWith("Items");
      const d = data();
      const count = Array.isArray(d) ? d.length : typeof d === "object" && d !== null ? Object.keys(d).length : 0;
      const unit = items ? (p.limit === 1 ? "item" : "items") : p.limit === 1 ? "property" : "properties";
      return out({ message: `must have ${words} ${String(p.limit)} ${unit}`, expected: `${words} ${String(p.limit)} ${items ? "items" : "properties"}`, found: `${count} ${items ? "items" : "properties"}` });
    }
    case "not":
      return out({ message: "must not match the schema in not", found: preview(data()) });
    case "false schema":
      return out({ message: "no value is allowed here", found: preview(data()) });
    default:
      return out({ message: e.message ?? `fails ${e.keyword}`, found: preview(data()) });
  }
}

/** ajv's errors for a record, in the runtime's format, at most `max` of them (never none). */
export function fromAjvErrors(
  errors: readonly AjvErrorObject[],
  record: unknown,
  max: number,
  locate: (node: unknown) => string | undefined,
  explain: ExplainAlternatives,
): ValidationError[] {
  const out = explainAlternatives(errors, explain)
    .slice(0, max)
    .map((e) => convert(e, record, locate));
  return out.length ? out : [{ path: "", message: "the record does not match its operation's schema" }];
}
