/**
 * `cloudtrail-schema search TEXT`: services, operations and fields ranked by how well their names and
 * documentation match TEXT, by full-text search (search-index.ts: words, stemming, prefixes, typos,
 * names over documentation) over an index built at build time.
 *
 * Fields are botocore's structure members by the name CloudTrail writes (EC2's locationName, else the
 * member's name, in any case); a field hit is one such name in one service (at most the 3 services with
 * the most structures that have it), with the operations whose records hold it and the path CloudTrail
 * writes it at in the first of them, for the first DETAILED_FIELDS field hits printed.
 */
import { curatedServices } from "../../curated/index.js";
import { htmlToText } from "../../docs.js";
import { GeneratorError } from "../../errors.js";
import type { Snapshot } from "../../load.js";
import { COMMON_ARGS, defineCommand, type Printable, type View } from "../command.js";
import { openLookup, type Lookup } from "../lookup.js";
import { modelIndex, type ModelIndex } from "../model-slice.js";
import { firstSentence } from "../render/field-paths.js";
import { wrap } from "../render/text.js";
import { openSearchIndex } from "../search-files.js";
import { fieldName, type SearchIndex } from "../search-index.js";
import { operationPaths } from "./paths.js";

const KINDS = { s: "service", o: "operation", f: "field" } as const;
type Kind = (typeof KINDS)[keyof typeof KINDS];

/** A field found in this many services is shown for the first few (most structures first). */
export const SERVICES_PER_FIELD = 3;

/**
 * Field hits whose operations and example path are looked up (each parses its service's whole model and
 * projects an operation, tens of milliseconds for a big service): the first few, so a search stays fast.
 */
export const DETAILED_FIELDS = 4;

export interface SearchHit {
  kind: Kind;
  /** Relevance, higher is better (MiniSearch's BM25 score with the boosts of search-index.ts), rounded. */
  score: number;
  service: string;
  /** Operations: the operation. */
  operation?: string;
  /** Fields: the member's name (botocore's spelling). */
  field?: string;
  /** Fields: how many structures of the service have the member. */
  shapes?: number;
  /** Fields: how many other services have a member of that name. */
  otherServices?: number;
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
  /** Every match (a field counted once per service shown), of which `hits` are the first `limit`. */
  total: number;
  hits: SearchHit[];
}

type Json = Record<string, any>;

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

/** The ranked hits of a query, fields expanded to their services. */
export function rankedHits(index: SearchIndex, query: string): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const { id, score } of index.search(query)) {
    const d = index.doc(id);
    const rounded = Math.round(score * 100) / 100;
    if (d.kind === "f") {
      const services = d.services ?? [];
      for (const [service, shapes] of services.slice(0, SERVICES_PER_FIELD)) {
        hits.push({ kind: "field", score: rounded, service, field: d.name, shapes, otherServices: services.length - Math.min(services.length, SERVICES_PER_FIELD) });
      }
    } else if (d.kind === "o") hits.push({ kind: "operation", score: rounded, service: d.service, operation: d.name });
    else hits.push({ kind: "service", score: rounded, service: d.service });
  }
  return hits;
}

/** The search itself: the index ranks; the snapshot fills in the printed hits' docs and field details. */
export function search(snapshot: Snapshot, query: string, options: { limit: number; index?: SearchIndex }): SearchResult {
  const index = options.index ?? openSearchIndex(snapshot);
  const all = rankedHits(index, query);
  const shown = all.slice(0, options.limit);
  const curated = new Map(curatedServices().map((c) => [c.name, c]));
  const indexes = new Map<string, ModelIndex>();
  const sliced = (s: string) => {
    let i = indexes.get(s);
    if (!i) indexes.set(s, (i = modelIndex(snapshot.readBytes(s))));
    return i;
  };
  const models = new Map<string, Json>();
  const read = (s: string) => {
    let m = models.get(s);
    if (!m) models.set(s, (m = snapshot.read(s) as Json));
    return m;
  };
  const sentence = (html: unknown) => firstSentence(typeof html === "string" ? htmlToText(html) : undefined);
  let lookup: Lookup | undefined;
  let detailed = 0;
  for (const h of shown) {
    const c = curated.get(h.service);
    let doc: string | undefined;
    if (h.kind === "service") doc = c ? firstSentence(c.doc) : sentence(sliced(h.service).documentation());
    else if (h.kind === "operation") doc = c ? firstSentence(c.operations.find((o) => o.name === h.operation)?.doc) : sentence(sliced(h.service).operation(h.operation!)?.documentation);
    else if (detailed++ < DETAILED_FIELDS) {
      const model = read(h.service);
      // The structures of this service with a member written under this name (any case).
      const members: { shape: string; member: string; def: Json }[] = [];
      for (const [shapeName, shape] of Object.entries((model.shapes ?? {}) as Record<string, Json>)) {
        if (shape.type !== "structure" && shape.type !== "union") continue;
        for (const [member, def] of Object.entries((shape.members ?? {}) as Record<string, Json>)) {
          if (fieldName(member, def).toLowerCase() === h.field!.toLowerCase()) members.push({ shape: shapeName, member, def });
        }
      }
      doc = sentence(members.find((m) => m.def.documentation)?.def.documentation);
      const ops = operationsReaching(model, members.map((m) => m.shape));
      h.operationCount = ops.length;
      h.operations = ops.slice(0, 5);
      const first = ops[0];
      if (first) {
        const names = members.flatMap((m) => (typeof m.def.locationName === "string" ? [m.member, m.def.locationName] : [m.member]));
        const ex = examplePath((lookup ??= openLookup(snapshot)), h.service, first, names);
        if (ex) h.example = ex;
      }
    }
    if (doc) h.doc = doc;
  }
  return { query, total: all.length, hits: shown };
}

/** `service iam`, `operation iam.CreatePolicy`, `field iam PolicyName`, then doc and where, indented. */
export function renderSearch(r: SearchResult, view: View): string {
  const s = view.style;
  const out: string[] = [];
  if (!r.hits.length) return `no service, operation or field matches "${r.query}"\n`;
  for (const h of r.hits) {
    const name =
      h.kind === "service" ? h.service : h.kind === "operation" ? `${h.service}.${h.operation}` : `${h.service} ${h.field}`;
    const others = h.otherServices ? `; and ${h.otherServices} other service${h.otherServices === 1 ? "" : "s"}` : "";
    const ops = h.operationCount === undefined ? "" : `, ${h.operationCount} operation${h.operationCount === 1 ? "" : "s"}`;
    const where = h.kind === "field" ? ` ${s.note(`in ${h.shapes} structure${h.shapes === 1 ? "" : "s"}${ops}${others}`)}` : "";
    out.push(`${h.kind.padEnd(9)} ${s.field(name)}${where}`);
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
  description: "find services, operations and fields by their names and documentation (full-text, ranked)",
  usage: ["TEXT [OPTIONS]"],
  args: {
    text: { type: "positional", required: false, valueHint: "TEXT", description: "words to look for (any case, any form: policies finds policy)" },
    limit: { type: "string", default: "20", valueHint: "N", description: "print at most N matches" },
    docs: { type: "boolean", description: "deprecated, does nothing: documentation is always searched" },
    ...COMMON_ARGS,
  },
  examples: [
    ["search 'stop logging trail'", "cloudtrail.StopLogging first"],
    ["search 'managed policy' --limit 5", "IAM's policy operations, by name and documentation"],
    ["search policyName", "fields named policyName, with the operations that log them"],
    ["search 'creat polcy'", "typos are forgiven (from the third letter on)"],
  ],
  notes:
    "Words are matched in any form (stemmed: logging finds StopLogging), by prefix (polic finds policy) and, from " +
    "four letters on, with a typo. A name (an operation, a field, a service) weighs three times its service's name " +
    "and documentation; a name the query spells out (`assume role`: AssumeRole) weighs most. A field is a botocore " +
    "member name; it is shown in the 3 services with the most structures that have it, with the path CloudTrail " +
    "writes it at in the first operation that logs it (`cloudtrail-schema paths` lists them all). The index is " +
    "built with the CLI; for another snapshot (CLOUDTRAIL_SCHEMA_SNAPSHOT) it is built on first use, which takes seconds.",
  run(args, ctx): Printable {
    const text = args._.join(" ").trim();
    if (!text) throw new GeneratorError("E_USAGE", "search needs TEXT to look for");
    const limit = Number(args.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new GeneratorError("E_USAGE", `--limit must be a positive whole number, not "${args.limit}"`);
    if (args.docs) (ctx.stderr ?? process.stderr).write("note: --docs is deprecated and does nothing: search always looks at names and documentation\n");
    const result = search(ctx.snapshot(), text, { limit });
    return { data: () => result, human: (view) => renderSearch(result, view) };
  },
});
