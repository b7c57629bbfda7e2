/**
 * Every field path of an operation's `requestParameters` and `responseElements`, read from the same
 * JSON Schema `show --format json` prints (render/schema.ts `operationSchema`), so the names are the ones
 * CloudTrail writes: EC2's `instancesSet.items[]`, S3's `bucketName`, lower-camel members.
 *
 * Notation: JMESPath, as Cloud Custodian's `ids` and `filters` take it, and as EventBridge's dotted
 * field names read (`detail.responseElements.policy.arn`):
 *
 *   - `a.b`      a field of an object;
 *   - `a[]`      each item of a list (a JMESPath flatten projection): `instancesSet.items[].instanceId`;
 *   - `a.*`      each value of a map (a JMESPath object projection): `tags.*.value`;
 *   - `"x-amz-acl"` a name that is not a bare JMESPath identifier, quoted (`requestParameters."x-amz-acl"`).
 *
 * A list or a map of scalars is one path (`requestParameters.instanceIds`, type `array of string`); `[]`
 * and `.*` appear only on the way to the fields of their items. Where a field takes several forms (EC2's
 * lists are `{items: [...]}` or a string, S3's XML lists are one element or an array), the paths of every
 * form are listed once, with the forms' types joined by `or`. A definition met again inside itself is not
 * expanded: its path carries `recursive: Name` and nothing below it is listed.
 *
 * Pure: a schema in, rows out.
 */
import type { JsonSchema, JsonValue } from "../../json-schema.js";

export const PART_KEYS = ["requestParameters", "responseElements"] as const;
export type PartKey = (typeof PART_KEYS)[number];

export interface FieldPath {
  /** JMESPath from the record's root: `responseElements.policy.arn`. */
  path: string;
  part: PartKey;
  /** In a few words: `string`, `array of object (Tag)`, `object or string`. */
  type: string;
  /** The first sentence of the field's documentation. */
  doc?: string;
  /** A name, id or ARN of the operation's resource, by the heuristic of `resourceIdMarks`. */
  resourceId: boolean;
  /** Set where the path's type is a definition already being expanded above it: not expanded again. */
  recursive?: string;
}

const DEFS = "#/$defs/";
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A field name as a JMESPath segment: bare when it is an identifier, else a quoted identifier. */
export const segment = (name: string): string => (IDENTIFIER.test(name) ? name : JSON.stringify(name));

/** The first sentence (or line) of a doc, at most `max` characters. */
export function firstSentence(doc: string | undefined, max = 200): string | undefined {
  if (!doc) return undefined;
  const line = doc.trim().split("\n")[0]!.trim();
  const m = /^(.+?[.!?])(\s|$)/.exec(line);
  let s = m ? m[1]! : line;
  if (s.length > max) s = `${s.slice(0, max - 1).trimEnd()}…`;
  return s || undefined;
}

/** The path rows of one operation's schema (`operationSchema(svc, op, ["input", "output"], ctx)`). */
export function fieldPaths(schema: JsonSchema, operation: string): FieldPath[] {
  const walker = new Walker((schema.$defs ?? {}) as Record<string, JsonSchema>);
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const part of PART_KEYS) {
    const root = props[part];
    if (root) walker.field(part, part, root, []);
  }
  const rows = walker.rows();
  const marks = resourceIdMarks(rows, operation);
  return rows.map((r, i) => ({ ...r, resourceId: marks[i]! }));
}

type Row = Omit<FieldPath, "resourceId">;

/** One form a value takes, after `anyOf` is flattened and references are followed. */
type Form = { schema: JsonSchema; def?: string };

class Walker {
  private readonly byPath = new Map<string, Row>();

  constructor(private readonly defs: Record<string, JsonSchema>) {}

  rows(): Row[] {
    return [...this.byPath.values()];
  }

  /** The forms of a schema: anyOf options (redaction placeholders and `null` left out), references resolved one level. */
  private forms(s: JsonSchema, stack: readonly string[]): (Form & { recursive?: string })[] {
    if (typeof s.$ref === "string" && s.$ref.startsWith(DEFS)) {
      const def = decodeURIComponent(s.$ref.slice(DEFS.length));
      if (stack.includes(def)) return [{ schema: {}, def, recursive: def }];
      const body = this.defs[def];
      return body ? this.forms(body, [...stack, def]).map((f) => ({ ...f, def: f.def ?? def })) : [{ schema: {}, def }];
    }
    if (Array.isArray(s.anyOf) && s["x-type"] === undefined) {
      // A redacted value: the real type, or a placeholder string (`HIDDEN_DUE_TO_SECURITY_REASONS`).
      const options = (s["x-redacted"] ? [s.anyOf[0]] : s.anyOf) as JsonSchema[];
      const out = options.filter((o) => o.type !== "null").flatMap((o) => this.forms(o, stack));
      return out.length ? out : [{ schema: { type: "null" } }];
    }
    return [{ schema: s }];
  }

  /** A type in a few words. */
  private summary(s: JsonSchema, stack: readonly string[]): string {
    const forms = this.forms(s, stack);
    const words = forms.map((f) => {
      const w = this.word(f.schema, stack);
      const label = f.def && !/\.(requestParameters|responseElements)$/.test(f.def) ? f.def.split(".")[0] : undefined;
      if (f.recursive) return `object -> (recursive: ${label ?? f.recursive})`;
      return label && (w === "object" || w === "union") ? `${w} (${label})` : w;
    });
    return [...new Set(words)].join(" or ");
  }

  private word(s: JsonSchema, stack: readonly string[]): string {
    const xt = s["x-type"];
    if (xt === "timestamp" || xt === "blob") return xt;
    if (s.const !== undefined) return typeof s.const === "string" ? "string" : typeof s.const;
    switch (s.type) {
      case "array":
        return `array of ${s.items ? this.summary(s.items as JsonSchema, stack) : "any"}`;
      case "object":
        if (isSchema(s.additionalProperties)) return `map of string to ${this.summary(s.additionalProperties, stack)}`;
        return "object";
      case undefined:
        return s.enum ? "string" : "any";
      default:
        return String(s.type);
    }
  }

  /** A field: its row (merged with an earlier form's row at the same path), then what it contains. */
  field(path: string, part: PartKey, s: JsonSchema, stack: readonly string[]): void {
    const forms = this.forms(s, stack);
    const type = this.summary(s, stack);
    const doc = firstSentence(typeof s.description === "string" ? s.description : docOf(forms));
    let row = this.byPath.get(path);
    if (row) {
      // Another form of the same field (a one-of): keep one row, with every form's type.
      row.type = [...new Set([...row.type.split(" or "), ...type.split(" or ")])].join(" or ");
      row.doc ??= doc;
    } else {
      row = { path, part, type };
      if (doc) row.doc = doc;
      this.byPath.set(path, row);
    }
    for (const f of forms) this.children(path, part, f, stack, row);
  }

  /**
   * The rows under a value: an object's fields, a list's items' fields (`[]`), a map's values' fields
   * (`.*`). A definition being expanded above is not expanded again: `row` (the field holding it, or the
   * list or map of it) records it as `recursive`.
   */
  private children(path: string, part: PartKey, f: Form & { recursive?: string }, stack: readonly string[], row: Row): void {
    if (f.recursive) {
      row.recursive ??= f.recursive.split(".")[0]!;
      return;
    }
    const inner = f.def ? [...stack, f.def] : stack;
    const s = f.schema;
    if (s.type === "array" && isSchema(s.items)) {
      for (const g of this.forms(s.items, inner)) this.children(`${path}[]`, part, g, inner, row);
      return;
    }
    if (s.type === "object" && isSchema(s.additionalProperties)) {
      for (const g of this.forms(s.additionalProperties, inner)) this.children(`${path}.*`, part, g, inner, row);
      return;
    }
    if (s.properties && typeof s.properties === "object") {
      for (const [name, p] of Object.entries(s.properties as Record<string, JsonSchema>)) this.field(`${path}.${segment(name)}`, part, p, inner);
    }
  }
}

function isSchema(v: JsonValue | undefined): v is JsonSchema {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function docOf(forms: readonly Form[]): string | undefined {
  for (const f of forms) if (typeof f.schema.description === "string") return f.schema.description;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Which paths are the operation's resource's name, id or ARN.
//
// The heuristic, from member names first and documentation last:
//   1. The operation's resource is its name without the leading verb, split into words:
//      CreateDBInstance -> DB Instance; RunInstances -> Instances; PutBucketAcl -> Bucket Acl. Every run of
//      consecutive words, joined, singular or plural, is a resource stem (`dbinstance`, `instance`, `bucket`,
//      `bucketacl`); runs do not cross a joining word (AddRoleToInstanceProfile: role, instanceprofile…).
//   2. An id-like field is a string (or a list of strings) whose name ends in Arn, Id, Name or Identifier,
//      singular or plural (`policyName`, `instanceIds`, `arn`).
//   3. Marked: an id-like field whose stem (the name before that ending) is a resource stem
//      (`policyName`, `instanceId`, `bucketName`, `dBInstanceIdentifier`); or a bare `arn`, `id`, `name`,
//      `identifier` directly under a field named after the resource (`policy.arn`, `policies[].arn`) or at
//      the top of requestParameters/responseElements (`name` in sns CreateTopic).
//   4. Only when 3 marks nothing for the operation: id-like fields whose doc's first sentence names the
//      resource (`The name of the topic`).
// ---------------------------------------------------------------------------------------------------

const JOINING = new Set(["to", "from", "for", "with", "and", "by", "of", "in", "on", "or", "as", "at", "batch"]);

/** `CreateDBInstance` -> `["Create", "DB", "Instance"]`; digits (lambda's 20150331) are dropped. */
export function words(name: string): string[] {
  return name.match(/[A-Z]+(?![a-z])|[A-Z][a-z]*|[a-z]+/g) ?? [];
}

/** A word and its singular spellings: `policies` -> policy, `addresses` -> address, `instances` -> instance. */
function variants(w: string): string[] {
  const out = [w];
  if (w.endsWith("ies")) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith("es")) out.push(w.slice(0, -2));
  if (w.endsWith("s")) out.push(w.slice(0, -1));
  return out;
}

/** The operation's resource stems (see the heuristic above), lower-case. */
export function resourceStems(operation: string): Set<string> {
  const ws = words(operation)
    .slice(1)
    .map((w) => w.toLowerCase());
  const stems = new Set<string>();
  for (let i = 0; i < ws.length; i++) {
    if (JOINING.has(ws[i]!)) continue;
    for (let j = i; j < ws.length && !JOINING.has(ws[j]!); j++) {
      for (const v of variants(ws.slice(i, j + 1).join(""))) stems.add(v);
    }
  }
  return stems;
}

const ID_LIKE = /^(?:(.*[a-z0-9])(Arn|ARN|Id|ID|Name|Identifier)|(arn|id|name|identifier))s?$/;

/** `policyName` -> { stem: "policy", kind: "name" }; `arn` -> { stem: "", kind: "arn" }; not id-like -> undefined. */
export function idLike(field: string): { stem: string; kind: "arn" | "id" | "name" } | undefined {
  const m = ID_LIKE.exec(field);
  if (!m) return undefined;
  const end = (m[2] ?? m[3]!).toLowerCase();
  return { stem: (m[1] ?? "").toLowerCase(), kind: end === "arn" ? "arn" : end === "name" ? "name" : "id" };
}

/** The last field name of a path and the one before it (`[]`, `.*` and quotes left out). */
function lastNames(path: string): { leaf: string; parent: string | undefined; depth: number } {
  const names = (path.match(/"(?:[^"\\]|\\.)*"|[^."[\]*]+/g) ?? []).map((n) => (n.startsWith('"') ? (JSON.parse(n) as string) : n));
  return { leaf: names[names.length - 1]!, parent: names.length > 1 ? names[names.length - 2] : undefined, depth: names.length };
}

const stringish = (type: string) => /^(array of )?string( or |$)/.test(type) || type === "string";

/** One boolean a row: whether the row is likely the resource's name, id or ARN. */
export function resourceIdMarks(rows: readonly Pick<FieldPath, "path" | "part" | "type" | "doc">[], operation: string): boolean[] {
  const stems = resourceStems(operation);
  const strong = rows.map((r) => {
    const { leaf, parent } = lastNames(r.path);
    const id = parent === undefined ? undefined : idLike(leaf);
    if (!id || !stringish(r.type)) return false;
    if (id.stem) return stems.has(id.stem);
    if (parent === r.part) return true;
    const p = parent!.toLowerCase().replace(/(set|list)$/, "");
    return variants(p).some((v) => stems.has(v));
  });
  if (strong.some(Boolean)) return strong;
  const nouns = [...stems].filter((s) => s.length >= 3);
  return rows.map((r) => {
    const { leaf, parent } = lastNames(r.path);
    if (parent === undefined || !idLike(leaf) || !stringish(r.type) || !r.doc) return false;
    const doc = r.doc.toLowerCase();
    return nouns.some((n) => new RegExp(`\\b${n}\\b`).test(doc));
  });
}

/**
 * The marked path a Cloud Custodian policy should take its resource ids from, best first: response before
 * request (a create's response has the id the request lacks), ARN before id before name, the strongest
 * mark, the shallowest path, then schema order (EC2's `items` before its `item` alias).
 */
export function rankResourceIds(rows: readonly FieldPath[]): FieldPath[] {
  const KIND = { arn: 0, id: 1, name: 2 } as const;
  return rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.resourceId)
    .sort((a, b) => {
      const pa = a.r.part === "responseElements" ? 0 : 1;
      const pb = b.r.part === "responseElements" ? 0 : 1;
      const la = lastNames(a.r.path);
      const lb = lastNames(b.r.path);
      return (
        pa - pb ||
        KIND[idLike(la.leaf)!.kind] - KIND[idLike(lb.leaf)!.kind] ||
        la.depth - lb.depth ||
        a.i - b.i
      );
    })
    .map(({ r }) => r);
}
