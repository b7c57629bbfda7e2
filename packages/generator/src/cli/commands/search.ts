/**
 * `cloudtrail-schema search TEXT`: services, operations and fields whose name (or, with `--docs`, whose
 * documentation) contains TEXT, case-insensitively, best first: an exact name, then a name starting with
 * TEXT, then a name containing it, then a documentation match; services before operations before fields
 * within a tier, shorter names first.
 *
 * Fields are botocore's structure members, found in the raw models (projecting every operation of every
 * service to get CloudTrail's names takes over a minute). A member is matched by its botocore name and its
 * wire name (EC2's `locationName`), which is what CloudTrail writes up to the case of the first letter;
 * each field hit is one member name in one service, with the operations whose records hold it. Only for
 * the hits printed is one operation projected, to show the path CloudTrail really writes.
 */
import { curatedServices } from "../../curated/index.js";
import { htmlToText } from "../../docs.js";
import { GeneratorError } from "../../errors.js";
import type { Snapshot } from "../../load.js";
import { COMMON_ARGS, defineCommand, type Printable, type View } from "../command.js";
import { openLookup, type Lookup } from "../lookup.js";
import { firstSentence } from "../render/field-paths.js";
import { wrap } from "../render/text.js";
import { operationPaths } from "./paths.js";

export type Match = "exact" | "prefix" | "name" | "doc";
const TIER: Record<Match, number> = { exact: 0, prefix: 1, name: 2, doc: 3 };
const KINDS = ["service", "operation", "field"] as const;
type Kind = (typeof KINDS)[number];

export interface SearchHit {
  kind: Kind;
  match: Match;
  service: string;
  /** Operations: the operation. */
  operation?: string;
  /** Fields: the member's name (botocore's spelling). */
  field?: string;
  /** Fields: how many structures of the service have the member. */
  shapes?: number;
  /** Fields: the operations whose requestParameters or responseElements hold it (at most 5), and how many in all. */
  operations?: string[];
  operationCount?: number;
  /** Fields: where CloudTrail writes it in the first of those operations' records (`iam.CreatePolicy requestParameters.policyName`). */
  example?: string;
  /** The first sentence of the documentation. */
  doc?: string;
}

export interface SearchResult {
  query: string;
  docs: boolean;
  /** Every match, of which `hits` are the first `limit`. */
  total: number;
  hits: SearchHit[];
}

type Json = Record<string, any>;

/** How a name matches the query (lower-case), or undefined. */
function nameMatch(name: string, q: string): Match | undefined {
  const n = name.toLowerCase();
  if (n === q) return "exact";
  if (n.startsWith(q)) return "prefix";
  if (n.includes(q)) return "name";
  return undefined;
}

const best = (ms: (Match | undefined)[]): Match | undefined =>
  ms.reduce<Match | undefined>((a, m) => (m && (!a || TIER[m] < TIER[a]) ? m : a), undefined);

/** A cheap tag strip for matching only (printing uses docs.ts htmlToText). */
const docText = (html: unknown) => (typeof html === "string" ? html.replace(/<[^>]*>/g, " ").toLowerCase() : "");

interface Candidate {
  hit: SearchHit;
  /** For tie-breaking: the matched name's length. */
  length: number;
  /** Fields: where to find the member, to fill in operations and the example later. */
  members?: { shape: string; member: string }[];
  docHtml?: unknown;
}

/**
 * Whether the query can match in a model only where it occurs in the model's JSON text: true for names
 * and for documentation (tags replaced by spaces cannot create a match), unless JSON escapes or HTML
 * entities could hide it.
 */
const textFilterable = (q: string) => /^[\x20-\x7e]*$/.test(q) && !/["\\<>&]/.test(q);

/**
 * Tests on a model's JSON text (read as latin1, which is cheap, and exact for the ASCII queries filtered):
 * whether it has the query anywhere, and whether it has it in a name: a key (operation, shape or member
 * name) or a locationName, serviceFullName or serviceId value. Most models whose text has the query have
 * it only in documentation.
 */
function textFilters(q: string): { anywhere: RegExp; name: RegExp } {
  const e = q.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return {
    anywhere: new RegExp(e, "i"),
    name: new RegExp(`"[^"\\\\]*${e}[^"\\\\]*":|"(?:locationName|serviceFullName|serviceId)":"[^"\\\\]*${e}`, "i"),
  };
}

/** Every match in the snapshot, unranked. */
function candidates(snapshot: Snapshot, q: string, docs: boolean): Candidate[] {
  const out: Candidate[] = [];
  const filter = textFilterable(q) ? textFilters(q) : undefined;
  for (const service of snapshot.services) {
    const bytes = snapshot.readBytes(service);
    // Most models do not have the text, or not in a name: skip parsing them (parsing is most of a search's time).
    if (filter && !service.includes(q)) {
      const text = bytes.toString("latin1");
      if (!filter.anywhere.test(text) || (!docs && !filter.name.test(text))) continue;
    }
    const model = JSON.parse(bytes.toString("utf8")) as Json;
    const meta = (model.metadata ?? {}) as Json;
    const sm = best([nameMatch(service, q), nameMatch(String(meta.serviceFullName ?? ""), q), nameMatch(String(meta.serviceId ?? ""), q)]) ??
      (docs && docText(model.documentation).includes(q) ? "doc" : undefined);
    if (sm) out.push({ hit: { kind: "service", match: sm, service }, length: service.length, docHtml: model.documentation });
    for (const [name, op] of Object.entries((model.operations ?? {}) as Record<string, Json>)) {
      const m = nameMatch(name, q) ?? (docs && docText(op.documentation).includes(q) ? "doc" : undefined);
      if (m) out.push({ hit: { kind: "operation", match: m, service, operation: name }, length: name.length, docHtml: op.documentation });
    }
    // Field hits: one per member name in the service.
    const fields = new Map<string, Candidate>();
    for (const [shapeName, shape] of Object.entries((model.shapes ?? {}) as Record<string, Json>)) {
      if (shape.type !== "structure" && shape.type !== "union") continue;
      for (const [member, def] of Object.entries((shape.members ?? {}) as Record<string, Json>)) {
        const m =
          best([nameMatch(member, q), typeof def.locationName === "string" ? nameMatch(def.locationName, q) : undefined]) ??
          (docs && docText(def.documentation).includes(q) ? "doc" : undefined);
        if (!m) continue;
        const c = fields.get(member);
        if (!c) {
          fields.set(member, {
            hit: { kind: "field", match: m, service, field: member },
            length: member.length,
            members: [{ shape: shapeName, member }],
            docHtml: def.documentation,
          });
        } else {
          c.members!.push({ shape: shapeName, member });
          if (TIER[m] < TIER[c.hit.match]) c.hit.match = m;
          c.docHtml ??= def.documentation;
        }
      }
    }
    out.push(...fields.values());
  }
  // The curated non-API services (signin-console…) by service and operation name, and doc with --docs;
  // their fields are few and written by hand, so they are not searched as fields.
  for (const svc of curatedServices()) {
    const sm = best([nameMatch(svc.name, q), nameMatch(svc.serviceFullName, q)]) ?? (docs && (svc.doc ?? "").toLowerCase().includes(q) ? "doc" : undefined);
    if (sm) out.push({ hit: { kind: "service", match: sm, service: svc.name }, length: svc.name.length, docHtml: svc.doc });
    for (const op of svc.operations) {
      const m = best(op.eventNames.map((n) => nameMatch(n, q)).concat(nameMatch(op.name, q))) ?? (docs && (op.doc ?? "").toLowerCase().includes(q) ? "doc" : undefined);
      if (m) out.push({ hit: { kind: "operation", match: m, service: svc.name, operation: op.name }, length: op.name.length, docHtml: op.doc });
    }
  }
  return out;
}

const compare = (a: Candidate, b: Candidate) =>
  TIER[a.hit.match] - TIER[b.hit.match] ||
  KINDS.indexOf(a.hit.kind) - KINDS.indexOf(b.hit.kind) ||
  // A member in many structures of a service (iam's PolicyName) before one in a few.
  (b.members?.length ?? 0) - (a.members?.length ?? 0) ||
  a.length - b.length ||
  (a.hit.service < b.hit.service ? -1 : a.hit.service > b.hit.service ? 1 : 0) ||
  ((a.hit.operation ?? a.hit.field ?? "") < (b.hit.operation ?? b.hit.field ?? "") ? -1 : 1);

/** The operations whose input or output shape reaches any of `shapes`, sorted. */
function operationsReaching(model: Json, shapes: readonly string[]): string[] {
  const raw = (model.shapes ?? {}) as Record<string, Json>;
  const parents = new Map<string, string[]>();
  const link = (child: unknown, parent: string) => {
    if (typeof child !== "string") return;
    let p = parents.get(child);
    if (!p) parents.set(child, (p = []));
    p.push(parent);
  };
  for (const [name, s] of Object.entries(raw)) {
    for (const m of Object.values((s.members ?? {}) as Record<string, Json>)) link(m.shape, name);
    link(s.member?.shape, name);
    link(s.key?.shape, name);
    link(s.value?.shape, name);
  }
  const reached = new Set<string>();
  const todo = [...shapes];
  while (todo.length) {
    const s = todo.pop()!;
    if (reached.has(s)) continue;
    reached.add(s);
    todo.push(...(parents.get(s) ?? []));
  }
  const ops: string[] = [];
  for (const [name, op] of Object.entries((model.operations ?? {}) as Record<string, Json>)) {
    if (reached.has(op.input?.shape) || reached.has(op.output?.shape)) ops.push(name);
  }
  return ops.sort();
}

/** Where CloudTrail writes a member in one operation's record, by the projected paths' last names. */
function examplePath(lookup: Lookup, service: string, operation: string, names: readonly string[]): string | undefined {
  const want = new Set(names.map((n) => n.toLowerCase()));
  try {
    const op = operationPaths(lookup.operation(service, operation), lookup.botocoreVersion);
    const hit = op.paths.find((p) => want.has(p.path.replace(/\[\]|\.\*|"/g, "").split(".").pop()!.toLowerCase()));
    return hit && `${service}.${operation} ${hit.path}`;
  } catch {
    return undefined;
  }
}

/** The search itself. Pure but for reading the snapshot. */
export function search(snapshot: Snapshot, query: string, options: { limit: number; docs: boolean }): SearchResult {
  const q = query.toLowerCase();
  // Each model is parsed, searched and dropped (all of them parsed are over a gigabyte); the few printed
  // field hits read theirs again.
  const all = candidates(snapshot, q, options.docs).sort(compare);
  const shown = all.slice(0, options.limit);
  const models = new Map<string, Json>();
  const read = (s: string) => {
    let m = models.get(s);
    if (!m) models.set(s, (m = snapshot.read(s) as Json));
    return m;
  };
  let lookup: Lookup | undefined;
  for (const c of shown) {
    const doc = firstSentence(typeof c.docHtml === "string" ? htmlToText(c.docHtml) : undefined);
    if (doc) c.hit.doc = doc;
    if (c.hit.kind !== "field") continue;
    const model = read(c.hit.service);
    const ops = operationsReaching(model, c.members!.map((m) => m.shape));
    c.hit.shapes = c.members!.length;
    c.hit.operationCount = ops.length;
    c.hit.operations = ops.slice(0, 5);
    const first = ops[0];
    if (first) {
      const names = c.members!.flatMap((m) => {
        const def = (model.shapes[m.shape]?.members?.[m.member] ?? {}) as Json;
        return typeof def.locationName === "string" ? [m.member, def.locationName] : [m.member];
      });
      const ex = examplePath((lookup ??= openLookup(snapshot)), c.hit.service, first, names);
      if (ex) c.hit.example = ex;
    }
  }
  return { query, docs: options.docs, total: all.length, hits: shown.map((c) => c.hit) };
}

/** `service iam`, `operation iam.CreatePolicy`, `field iam PolicyName`, then doc and where, indented. */
export function renderSearch(r: SearchResult, view: View): string {
  const s = view.style;
  const out: string[] = [];
  if (!r.hits.length) {
    out.push(`no service, operation or field ${r.docs ? "name or documentation " : "name "}contains "${r.query}"`);
    if (!r.docs) out.push(s.note("(--docs searches documentation too)"));
    return `${out.join("\n")}\n`;
  }
  for (const h of r.hits) {
    const name =
      h.kind === "service" ? h.service : h.kind === "operation" ? `${h.service}.${h.operation}` : `${h.service} ${h.field}`;
    const where =
      h.kind === "field"
        ? ` ${s.note(`in ${h.shapes} structure${h.shapes === 1 ? "" : "s"}, ${h.operationCount} operation${h.operationCount === 1 ? "" : "s"}`)}`
        : "";
    out.push(`${h.kind.padEnd(9)} ${s.field(name)}${where}${h.match === "doc" ? ` ${s.note("(documentation)")}` : ""}`);
    if (h.example) out.push(`          ${s.type(h.example)}`);
    if (h.doc) out.push(...wrap(h.doc, view.width, 10).map(s.doc));
  }
  out.push(
    s.note(
      r.total > r.hits.length
        ? `${r.hits.length} of ${r.total} matches; --limit N shows more`
        : `${r.total} match${r.total === 1 ? "" : "es"}`,
    ),
  );
  return `${out.join("\n")}\n`;
}

export const searchCommand = defineCommand({
  name: "search",
  description: "find services, operations and fields by name (or documentation, with --docs)",
  usage: ["TEXT [OPTIONS]"],
  args: {
    text: { type: "positional", required: false, valueHint: "TEXT", description: "what to look for, case-insensitively" },
    limit: { type: "string", default: "20", valueHint: "N", description: "print at most N matches" },
    docs: { type: "boolean", description: "search documentation too (slower)" },
    ...COMMON_ARGS,
  },
  examples: [
    ["search policyName", "fields named policyName, with the operations that log them"],
    ["search bucketacl", "operations and fields with BucketAcl in their name"],
    ["search 'customer managed policy' --docs --limit 5", "documentation too"],
  ],
  notes:
    "Ranked: exact name, then name prefix, then name substring, then documentation; services before operations " +
    "before fields. A field is a botocore member name in one service; the path shown is where CloudTrail writes " +
    "it in the first operation that logs it (`cloudtrail-schema paths` lists them all).",
  run(args, ctx): Printable {
    const text = args._.join(" ").trim();
    if (!text) throw new GeneratorError("E_USAGE", "search needs TEXT to look for");
    const limit = Number(args.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new GeneratorError("E_USAGE", `--limit must be a positive whole number, not "${args.limit}"`);
    const result = search(ctx.snapshot(), text, { limit, docs: Boolean(args.docs) });
    return { data: () => result, human: (view) => renderSearch(result, view) };
  },
});
