/**
 * The full-text index `cloudtrail-schema search` queries: one document per service, per operation and per
 * field name (a botocore member name, with the services that have it), built with MiniSearch at build
 * time from the snapshot and shipped serialized beside the CLI (dist/cli-search-index.json and
 * dist/cli-search-terms.json), so that a search only loads it.
 *
 * Text is cut into words at non-letters and at camel-case humps (`PutBucketAcl` -> put, bucket, acl),
 * stop words are dropped and the rest Porter-stemmed (`logging` -> log, `policies` -> polici), so "stop
 * logging trail" finds StopLogging. A name is also indexed whole (putbucketacl), so a query written as
 * one word (`policyname`, `putbucket`) finds it too. Documentation is indexed with its pairs of adjacent
 * words (`manag polici`), so a document that has the query's words side by side ("a managed policy")
 * ranks above one that has them apart. Names weigh more than the service's name, which weighs more than
 * documentation; a query word matches by prefix (`polic` finds policy) and, from four letters on, with a
 * typo (`polcy`).
 *
 * Load time: MiniSearch's serialized index of the whole snapshot is over 10 MB, and JSON.parse plus
 * `MiniSearch.loadJS` of it take half a second. So the terms are shipped in shards by their first two
 * letters, and a search loads the index without terms (document ids and lengths) plus the shards of its
 * words' first two letters: a typo in a word's first two letters is not forgiven.
 */
import MiniSearch, { type Options, type SearchOptions } from "minisearch";
import { curatedServices } from "../curated/index.js";
import type { Snapshot } from "../load.js";

/** s: service, o: operation, f: field. */
export type DocKind = "s" | "o" | "f";

export interface SearchDoc {
  id: number;
  kind: DocKind;
  service: string;
  /** The operation or field; the service for a service. */
  name: string;
  /** Every name the document is known by, separated by `|`: botocore's, the wire name (EC2's locationName), eventNames; a service's serviceId. */
  names: string;
  /** The service's name and full name (operations and fields are found by their service's name too). */
  serviceNames: string;
  /** Plain text of the documentation's opening. */
  doc: string;
  /** Fields: the services that have a member of this name, and in how many structures, most first. */
  services?: [string, number][];
}

/** Bumped when the documents or the text processing change: an index of another version is rebuilt. */
export const INDEX_FORMAT = 4;

/** Words too common in AWS documentation to tell documents apart. */
const STOP_WORDS = new Set(
  "a an and are as at be by can for from has have if in into is it its of on or that the their this to was were when which will with you your".split(" "),
);

const WORD = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;

/** The words of a text, lower-case: split at non-letters and camel-case humps. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const chunk of text.split(/[^A-Za-z0-9]+/)) {
    if (!chunk) continue;
    const parts = chunk.match(WORD) ?? [];
    for (const p of parts) out.push(p.toLowerCase());
  }
  return out;
}

/**
 * Each name whole, lower-case, letters and digits only (`PutBucketAcl` -> putbucketacl, `iam-toolbox` ->
 * iamtoolbox), for queries that spell a name out. A document's names are separated by `|`.
 */
export function wholeNames(text: string): string[] {
  return text
    .split("|")
    .map((n) => n.toLowerCase().replace(/[^a-z0-9]/g, ""))
    .filter(Boolean);
}

/** A query's words, and each camel-case word also whole (`StopLogging`: stop, logging, stoplogging). */
export function queryWords(text: string): string[] {
  const out: string[] = [];
  for (const chunk of text.split(/[^A-Za-z0-9]+/)) {
    if (!chunk) continue;
    const parts = (chunk.match(WORD) ?? []).map((p) => p.toLowerCase());
    out.push(...parts);
    if (parts.length > 1) out.push(chunk.toLowerCase());
  }
  return out;
}

/** A word as indexed: stop words dropped, the rest stemmed. Pairs (`manag polici`) are already terms. */
export function term(word: string): string | null {
  if (word.includes(" ")) return word;
  const w = word.toLowerCase();
  if (STOP_WORDS.has(w)) return null;
  return w.length > 3 && /^[a-z]+$/.test(w) ? stem(w) : w;
}

const VOWEL = /[aeiouy]/;

/**
 * A light English suffix stemmer: plurals, -ed, -ing and a final e (policies -> polici, logging -> log,
 * created/creating/create -> creat, stopped -> stop). Lighter than Porter's on purpose: Porter's makes
 * one word of manager and managed (manag), so "managed policy" found every "Firewall Manager policy".
 */
export function stem(w: string): string {
  let s = w;
  if (s.endsWith("ies") && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (/(ss|us|is)$/.test(s)) {
    // address, status, analysis: not plurals
  } else if (/(sses|xes|zes|ches|shes)$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith("s") && s.length > 3) s = s.slice(0, -1);
  for (const suffix of ["ing", "ed"]) {
    if (s.endsWith(suffix) && VOWEL.test(s.slice(0, -suffix.length)) && s.length - suffix.length >= 3) {
      s = s.slice(0, -suffix.length);
      // stopped -> stop, logging -> log; but not add, fill, pass.
      if (/([bdfgmnprt])\1$/.test(s)) s = s.slice(0, -1);
      break;
    }
  }
  if (s.endsWith("e") && s.length > 3) s = s.slice(0, -1);
  if (s.endsWith("y") && s.length > 3) s = `${s.slice(0, -1)}i`;
  return s;
}

/** Each pair of adjacent terms of a text (stop words left out), as one term: "a managed policy" -> ~manag polici. */
export function pairs(text: string): string[] {
  const terms = words(text).map(term).filter((t): t is string => t !== null);
  const out: string[] = [];
  // Marked with "~", so a word's prefix search (polici*) never expands into pairs that start with it.
  for (let i = 0; i + 1 < terms.length; i++) out.push(`~${terms[i]} ${terms[i + 1]}`);
  return out;
}

/**
 * A query's terms: its words (processed by `term` later); the pairs of adjacent ones, for the phrases
 * field; and runs of up to four adjacent words joined, for names written as one (`assume role` ->
 * assumerole, the whole-name term of AssumeRole).
 */
export function queryTerms(text: string): string[] {
  const typed = words(text).filter((w) => !STOP_WORDS.has(w));
  // A name typed with its punctuation (iam-toolbox, kms:RotateKey), whole.
  const whole = text.split(/\s+/).flatMap((w) => wholeNames(w));
  const joined: string[] = [];
  for (let i = 0; i < typed.length; i++) {
    for (let j = i + 2; j <= Math.min(typed.length, i + 4); j++) joined.push(typed.slice(i, j).join(""));
  }
  return [...new Set([...queryWords(text), ...whole, ...joined, ...pairs(text)])];
}

/** How documents are cut into terms; the same options build the index and load it. */
export const INDEX_OPTIONS: Options<SearchDoc> = {
  fields: ["names", "fullName", "serviceNames", "doc", "phrases"],
  // Nothing stored: the shipped index carries its own compact table of what each document is.
  storeFields: [],
  // `fullName` is the names again, each whole; `phrases` the documentation again, as pairs of adjacent words.
  extractField: (d, field) => (field === "phrases" ? d.doc : field === "fullName" ? d.names : (d as unknown as Record<string, string>)[field]) ?? "",
  tokenize: (text, field) => (field === "fullName" ? wholeNames(text) : field === "phrases" ? pairs(text) : words(text)),
  processTerm: (t) => term(t),
};

/** Kinds before others at equal relevance: a service, then an operation, then a field. */
const KIND_BOOST: Record<DocKind, number> = { s: 2, o: 1.15, f: 1 };

/**
 * How much of a document's name the query covers, from 0 to 1: the share of the name's words that a query
 * word matches (equal or as a prefix). An operation's first word is its verb (Create, Delete…) and is
 * left out: "managed policy" covers all of CreatePolicy's resource (Policy), a fifth of
 * AttachManagedPolicyToPermissionSet's... more (managed, policy of managed, policy, to, permission, set).
 */
export function coverage(kind: DocKind, name: string, queryStems: readonly string[]): number {
  let ws = words(name)
    .map(term)
    .filter((t): t is string => t !== null);
  if (kind === "o" && ws.length > 1) ws = ws.slice(1);
  if (!ws.length) return 0;
  const hit = ws.filter((w) => queryStems.some((q) => w === q || (q.length >= 3 && w.startsWith(q)))).length;
  return hit / ws.length;
}

/** How a query is run, given each document's kind and name (by id). */
export function searchOptions(query: string, docOf: (id: number) => { kind: DocKind; name: string }): SearchOptions {
  const stems = words(query)
    .map(term)
    .filter((t): t is string => t !== null);
  return {
    tokenize: queryTerms,
    processTerm: (t) => term(t),
    boost: { names: 3, fullName: 6, serviceNames: 1.5, doc: 1, phrases: 3 },
    prefix: (t) => t.length >= 3 && !t.includes(" "),
    fuzzy: (t) => (t.length >= 4 && !t.includes(" ") ? 0.2 : false),
    combineWith: "OR",
    // A document named by the query's words (CreatePolicy for "managed policy") before one that only
    // mentions them, at up to twice the score.
    boostDocument: (id) => {
      const d = docOf(id as number);
      return KIND_BOOST[d.kind] * (1 + coverage(d.kind, d.name, stems));
    },
  };
}

/** The shard a term is in: its first two characters (a pair's first three, `~ma`). */
export const shardOf = (t: string): string => (t.startsWith("~") ? t.slice(0, 3) : t.slice(0, 2));

type Json = Record<string, any>;

/** botocore's HTML as plain text (tags out, entities decoded), cut to about `max` characters. */
export function plainDoc(html: unknown, max: number): string {
  if (typeof html !== "string" || !html) return "";
  const text = html
    .replace(/<[^>]*>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
  // The first sentence (or two, when the first is short) says what a thing is; the rest is detail and noise.
  const end = /[.!?] /g;
  for (let m = end.exec(text); m; m = end.exec(text)) {
    if (m.index >= 60 || m.index + 1 >= max) {
      if (m.index + 1 <= max) return text.slice(0, m.index + 1);
      break;
    }
  }
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(" ", max);
  return text.slice(0, cut > max / 2 ? cut : max);
}

/** How much documentation is indexed: the opening says what a thing is; the rest is detail and noise. */
const DOC_CHARS = { s: 300, o: 250 } as const;

/**
 * Every document of the snapshot and the curated services, in a stable order: services sorted, then in
 * each the service, its operations (sorted) and its fields (by member name).
 */
export function searchDocuments(snapshot: Snapshot): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const add = (d: Omit<SearchDoc, "id">) => docs.push({ id: docs.length, ...d });
  // One field document per member name across the snapshot (PolicyName is in 60 services): the services
  // that have it are listed with the document, and the printed hits are one per service.
  const fields = new Map<string, { names: Set<string>; spellings: Map<string, number>; services: Map<string, number> }>();
  for (const service of snapshot.services) {
    const model = snapshot.read(service) as Json;
    const meta = (model.metadata ?? {}) as Json;
    const ids = [service, meta.serviceId].filter((x): x is string => typeof x === "string" && x !== "");
    const fullName = typeof meta.serviceFullName === "string" ? meta.serviceFullName : "";
    add({ kind: "s", service, name: service, names: [...new Set(ids)].join("|"), serviceNames: fullName, doc: plainDoc(model.documentation, DOC_CHARS.s) });
    const opServiceNames = service;
    const ops = (model.operations ?? {}) as Record<string, Json>;
    for (const name of Object.keys(ops).sort()) {
      add({ kind: "o", service, name, names: name, serviceNames: opServiceNames, doc: plainDoc(ops[name]!.documentation, DOC_CHARS.o) });
    }
    // Fields: members by name, with the number of structures of this service that have one.
    for (const shape of Object.values((model.shapes ?? {}) as Record<string, Json>)) {
      if (shape.type !== "structure" && shape.type !== "union") continue;
      for (const [member, def] of Object.entries((shape.members ?? {}) as Record<string, Json>)) {
        // A field is what CloudTrail writes: the wire name (EC2's locationName) if any, in any case
        // (PolicyName and policyName are one field: CloudTrail writes both as policyName).
        const wire = fieldName(member, def);
        const key = wire.toLowerCase();
        let f = fields.get(key);
        if (!f) fields.set(key, (f = { names: new Set(), spellings: new Map(), services: new Map() }));
        f.names.add(member).add(wire);
        f.spellings.set(wire, (f.spellings.get(wire) ?? 0) + 1);
        f.services.set(service, (f.services.get(service) ?? 0) + 1);
      }
    }
  }
  // The curated non-API services (signin-console…): services and operations; their few fields are written by hand.
  for (const svc of curatedServices()) {
    const serviceNames = `${svc.name} ${svc.serviceFullName}`;
    add({ kind: "s", service: svc.name, name: svc.name, names: svc.name, serviceNames: svc.serviceFullName, doc: plainDoc(svc.doc, DOC_CHARS.s) });
    for (const op of [...svc.operations].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const names = [...new Set([op.name, ...op.eventNames])].join("|");
      add({ kind: "o", service: svc.name, name: op.name, names, serviceNames, doc: plainDoc(op.doc, DOC_CHARS.o) });
    }
  }
  for (const key of [...fields.keys()].sort()) {
    const f = fields.get(key)!;
    const services = [...f.services].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    // The name shown: the most frequent spelling, then the first in code-point order.
    const name = [...f.spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    add({ kind: "f", service: "", name, names: [...f.names].sort().join("|"), serviceNames: "", doc: "", services });
  }
  return docs;
}

/** The name a member is written under: EC2's wire name (locationName) if it has one, else its own. */
export const fieldName = (member: string, def: { locationName?: unknown }): string =>
  typeof def.locationName === "string" && def.locationName ? def.locationName : member;

/** What a snapshot is, for telling whether a shipped index was built from it. */
export interface IndexKey {
  format: number;
  botocoreVersion: string;
  /** sha256 of the snapshot's manifest.json (which holds every model file's sha256). */
  manifestSha256: string;
}

/**
 * What each document is, compactly: `kind|service|name`, and for a field `f||name|svc:n,svc:n` (the
 * services that have the member and in how many structures, most first).
 */
export type DocRow = string;

export const docRow = (d: SearchDoc): DocRow =>
  d.kind === "f" ? `f||${d.name}|${(d.services ?? []).map(([s, n]) => `${s}:${n}`).join(",")}` : `${d.kind}|${d.service}|${d.name}`;

export interface DocEntry {
  kind: DocKind;
  service: string;
  name: string;
  services?: [string, number][];
}

export function parseDocRow(row: DocRow): DocEntry {
  const [kind, service, name, services] = row.split("|") as [DocKind, string, string, string | undefined];
  if (kind !== "f") return { kind, service, name };
  return { kind, service, name, services: (services ? services.split(",") : []).map((p) => { const i = p.lastIndexOf(":"); return [p.slice(0, i), Number(p.slice(i + 1))]; }) };
}

/** The header file: the key, the documents, MiniSearch's index without its terms, and where each shard is. */
export interface IndexHeader {
  key: IndexKey;
  counts: Record<DocKind, number>;
  docs: DocRow[];
  /** MiniSearch's `toJSON()` with `index: []`. */
  head: Record<string, unknown>;
  /** Shard -> [offset, length] in the terms file (bytes). */
  shards: Record<string, [number, number]>;
}

/** The two files shipped: the header (JSON) and the terms (shards of JSON arrays, concatenated). */
export interface ShippedIndex {
  header: string;
  terms: Buffer;
}

export function buildIndex(docs: readonly SearchDoc[]): MiniSearch<SearchDoc> {
  const ms = new MiniSearch<SearchDoc>(INDEX_OPTIONS);
  ms.addAll(docs);
  return ms;
}

/** The index of these documents, serialized as it is shipped. Deterministic: same documents, same bytes. */
export function shipIndex(key: IndexKey, docs: readonly SearchDoc[]): ShippedIndex {
  const counts: Record<DocKind, number> = { s: 0, o: 0, f: 0 };
  for (const d of docs) counts[d.kind]++;
  const json = buildIndex(docs).toJSON() as unknown as { index: [string, unknown][] } & Record<string, unknown>;
  const byShard = new Map<string, [string, unknown][]>();
  for (const entry of json.index) {
    const k = shardOf(entry[0]);
    let list = byShard.get(k);
    if (!list) byShard.set(k, (list = []));
    list.push(entry);
  }
  const shards: Record<string, [number, number]> = {};
  const parts: Buffer[] = [];
  let offset = 0;
  for (const k of [...byShard.keys()].sort()) {
    const bytes = Buffer.from(JSON.stringify(byShard.get(k)), "utf8");
    shards[k] = [offset, bytes.length];
    parts.push(bytes, Buffer.from("\n"));
    offset += bytes.length + 1;
  }
  const header: IndexHeader = { key, counts, docs: docs.map(docRow), head: { ...json, index: [] }, shards };
  return { header: `${JSON.stringify(header)}\n`, terms: Buffer.concat(parts) };
}

/** A loaded index: MiniSearch over the shards a query needs, and the document table. */
export interface SearchIndex {
  key: IndexKey;
  counts: Record<DocKind, number>;
  doc(id: number): DocEntry;
  /** Ranked ids and scores. */
  search(query: string): { id: number; score: number }[];
}

/**
 * An index from its header and a reader of the terms file's byte ranges: each query loads MiniSearch
 * with the shards of its terms' first letters.
 */
export function openIndex(header: IndexHeader, readRange: (offset: number, length: number) => Buffer): SearchIndex {
  const brief = (id: number) => {
    const row = header.docs[id]!;
    const a = row.indexOf("|", 2);
    const b = row.indexOf("|", a + 1);
    return { kind: row[0] as DocKind, name: row.slice(a + 1, b < 0 ? undefined : b) };
  };
  const shards = new Map<string, [string, unknown][]>();
  const shard = (k: string) => {
    let s = shards.get(k);
    if (!s) {
      const where = header.shards[k];
      s = where ? (JSON.parse(readRange(where[0], where[1]).toString("utf8")) as [string, unknown][]) : [];
      shards.set(k, s);
    }
    return s;
  };
  return {
    key: header.key,
    counts: header.counts,
    doc: (id) => parseDocRow(header.docs[id]!),
    search(query) {
      const needed = new Set<string>();
      for (const w of queryTerms(query)) {
        const t = term(w);
        if (t) needed.add(shardOf(t));
      }
      const index = [...needed].sort().flatMap(shard);
      const ms = MiniSearch.loadJS({ ...header.head, index } as unknown as Parameters<typeof MiniSearch.loadJS>[0], INDEX_OPTIONS);
      // Ties in document order (services sorted, then each service's operations, then fields), whatever
      // order MiniSearch met them in.
      return ms
        .search(query, searchOptions(query, brief))
        .map((r) => ({ id: r.id as number, score: r.score }))
        .sort((a, b) => b.score - a.score || a.id - b.id);
    },
  };
}

/** An index built in memory (a snapshot with no shipped index: a test's, or CLOUDTRAIL_SCHEMA_SNAPSHOT's). */
export function indexInMemory(key: IndexKey, docs: readonly SearchDoc[]): SearchIndex {
  const shipped = shipIndex(key, docs);
  return openIndex(JSON.parse(shipped.header) as IndexHeader, (o, l) => shipped.terms.subarray(o, o + l));
}
