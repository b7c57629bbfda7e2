/**
 * What changed between two botocore model snapshots, as users of the generated packages see it: services,
 * operations and CloudTrail fields added or removed, and the type changes that break their code.
 *
 * The diff compares the projected log models (botocore -> CloudTrail conventions, `project()`), not the raw
 * botocore JSON: those are what the schemas and the TypeScript declarations are emitted from, so a path here
 * is a path in the record (`responseElements.policy.tags[].key`) and a type is the type users compile
 * against. Pure: two model sets in, a sorted list of changes out; the I/O is in scripts/update-models.ts.
 *
 * How a change is rated, for the semver proposal:
 * - major: a service, an operation, an eventName or a field removed, or a field's type changed: code that
 *   reads it no longer compiles (every field is optional in the declarations, so a changed type is the
 *   break). Also an enum value removed or a member newly required: the model narrowed, and strict mode
 *   rejects records it accepted.
 * - minor: a service, operation, eventName, field or enum value added; a field deprecated; strict
 *   validation widened; and strict validation tightened by a length, range or pattern. Those follow AWS's
 *   model as it is and botocore retunes them in most releases (a pattern changed in 3,755 places of
 *   sagemaker between 1.29.27 and 1.43.117): rated major they would make every update a major release.
 *   The report lists them under their own heading.
 * - patch: documentation only.
 */
import type { LogField, LoggedOperation, LoggedService, LogType } from "../packages/generator/src/log-model.js";

export type Impact = "major" | "minor" | "patch";
export type Bump = Impact | "none";

export type ChangeKind =
  | "service-added"
  | "service-removed"
  | "operation-added"
  | "operation-removed"
  | "event-name-added"
  | "event-name-removed"
  | "field-added"
  | "field-removed"
  | "type-changed"
  | "enum-added"
  | "enum-removed"
  | "required-added"
  | "required-removed"
  | "constraint-narrowed"
  | "constraint-widened"
  | "deprecated";

export interface ModelChange {
  kind: ChangeKind;
  impact: Impact;
  /** What breaks for a major change: code that compiles against the types, or strict validation. */
  breaks?: "compile" | "strict";
  service: string;
  operation?: string;
  /** The record path (`requestParameters.tags[].key`) for field-level changes. */
  path?: string;
  /** The botocore shape that holds the field: the same change in a shared shape is reported once. */
  owner?: string;
  /** What changed, in words: `string -> integer`, `values: A, B`, `max 128 -> 64`. */
  detail: string;
}

/** One side of the comparison. `fingerprint` lets the diff skip services whose model did not change. */
export interface ModelSet {
  botocoreVersion: string;
  services: ReadonlyMap<string, { fingerprint: string; load: () => LoggedService }>;
}

export interface ModelDiff {
  from: string;
  to: string;
  changes: ModelChange[];
  /** Documentation strings changed, per service (services, operations, fields). */
  docChanges: Record<string, number>;
  /** Services whose model changed but whose log model did not (documentation, unlogged shapes). */
  changedServices: number;
  bump: Bump;
}

/** The kinds rated major, in report order; every other kind is minor. */
const MAJOR_KINDS: readonly ChangeKind[] = [
  "service-removed",
  "operation-removed",
  "event-name-removed",
  "field-removed",
  "type-changed",
  "enum-removed",
  "required-added",
];
const MAJOR: ReadonlySet<ChangeKind> = new Set(MAJOR_KINDS);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const IMPACT_RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export function diffModels(before: ModelSet, after: ModelSet): ModelDiff {
  const changes: ModelChange[] = [];
  const docChanges: Record<string, number> = {};
  let changedServices = 0;
  const names = [...new Set([...before.services.keys(), ...after.services.keys()])].sort();
  for (const name of names) {
    const a = before.services.get(name);
    const b = after.services.get(name);
    if (!a) {
      const svc = b!.load();
      changes.push({ kind: "service-added", impact: "minor", service: name, detail: `${plural(svc.operations.length, "operation")} (${svc.serviceFullName})` });
      continue;
    }
    if (!b) {
      const svc = a.load();
      changes.push({ kind: "service-removed", impact: "major", breaks: "compile", service: name, detail: `${plural(svc.operations.length, "operation")} (${svc.serviceFullName})` });
      continue;
    }
    if (a.fingerprint === b.fingerprint) continue;
    changedServices++;
    const docs = { count: 0 };
    diffService(a.load(), b.load(), changes, docs);
    if (docs.count) docChanges[name] = docs.count;
  }
  changes.sort(compareChanges);
  let bump: Bump = changedServices > 0 ? "patch" : "none";
  for (const c of changes) if (IMPACT_RANK[c.impact] > IMPACT_RANK[bump]) bump = c.impact;
  return { from: before.botocoreVersion, to: after.botocoreVersion, changes, docChanges, changedServices, bump };
}

/** Report order: breaking kinds first. */
const KIND_ORDER: readonly ChangeKind[] = [
  ...MAJOR_KINDS,
  "service-added",
  "operation-added",
  "event-name-added",
  "field-added",
  "enum-added",
  "deprecated",
  "constraint-narrowed",
  "required-removed",
  "constraint-widened",
];

function compareChanges(x: ModelChange, y: ModelChange): number {
  return (
    cmp(x.service, y.service) ||
    KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) ||
    cmp(x.operation ?? "", y.operation ?? "") ||
    cmp(x.path ?? "", y.path ?? "") ||
    cmp(x.detail, y.detail)
  );
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function diffService(a: LoggedService, b: LoggedService, out: ModelChange[], docs: { count: number }): void {
  const service = a.name;
  if (a.doc !== b.doc) docs.count++;
  const before = new Map(a.operations.map((o) => [o.name, o]));
  const after = new Map(b.operations.map((o) => [o.name, o]));
  for (const [name, op] of after) {
    if (!before.has(name)) out.push({ kind: "operation-added", impact: "minor", service, operation: name, detail: op.readOnly ? "read-only" : "mutating" });
  }
  for (const [name, op] of before) {
    const next = after.get(name);
    if (!next) {
      out.push({ kind: "operation-removed", impact: "major", breaks: "compile", service, operation: name, detail: op.readOnly ? "read-only" : "mutating" });
      continue;
    }
    diffOperation(service, a, b, op, next, out, docs);
  }
}

function diffOperation(
  service: string,
  svcA: LoggedService,
  svcB: LoggedService,
  a: LoggedOperation,
  b: LoggedOperation,
  out: ModelChange[],
  docs: { count: number },
): void {
  const operation = a.name;
  if (a.doc !== b.doc) docs.count++;
  for (const e of b.eventNames) if (!a.eventNames.includes(e)) out.push({ kind: "event-name-added", impact: "minor", service, operation, detail: e });
  for (const e of a.eventNames) {
    if (!b.eventNames.includes(e)) out.push({ kind: "event-name-removed", impact: "major", breaks: "compile", service, operation, detail: e });
  }
  if (!a.deprecated && b.deprecated) out.push({ kind: "deprecated", impact: "minor", service, operation, detail: "operation deprecated" });
  const walker = new Walker(service, operation, svcA, svcB, out, docs);
  walker.compare("requestParameters", a.request, b.request, undefined);
  walker.compare("responseElements", a.response, b.response, undefined);
}

/** A type in words, one level deep: `string`, `array of integer`, `object (Policy)`. */
export function describe(t: LogType | null, defs: Record<string, LogType>): string {
  if (t === null) return "not logged";
  switch (t.kind) {
    case "ref":
      return describe(defs[t.def] ?? { kind: "any" }, defs);
    case "array":
      return `array of ${describe(t.items, defs)}`;
    case "map":
      return `map of ${describe(t.values, defs)}`;
    case "object":
    case "union":
      return t.shape ? `${t.kind} (${t.shape})` : t.kind;
    case "oneOf":
      return t.options.map((o) => describe(o, defs)).join(" | ");
    default:
      return t.kind;
  }
}

/**
 * The shape of a type for "does code that used it still compile": kinds, nested for containers, with the
 * options of a oneOf sorted. integer and number are both `number` in the declarations.
 */
function signature(t: LogType, defs: Record<string, LogType>): string {
  switch (t.kind) {
    case "ref":
      return signature(defs[t.def] ?? { kind: "any" }, defs);
    case "array":
      return `array<${signature(t.items, defs)}>`;
    case "map":
      return `map<${signature(t.values, defs)}>`;
    case "integer":
    case "number":
      return "number";
    case "oneOf":
      return `oneOf<${t.options.map((o) => signature(o, defs)).sort().join("|")}>`;
    default:
      return t.kind;
  }
}

class Walker {
  /** Definition pairs already compared in this operation: each shared or recursive shape once. */
  private readonly seen = new Set<string>();

  constructor(
    private readonly service: string,
    private readonly operation: string,
    private readonly svcA: LoggedService,
    private readonly svcB: LoggedService,
    private readonly out: ModelChange[],
    private readonly docs: { count: number },
  ) {}

  private push(kind: ChangeKind, path: string, owner: string | undefined, detail: string): void {
    const impact: Impact = MAJOR.has(kind) ? "major" : "minor";
    const change: ModelChange = { kind, impact, service: this.service, operation: this.operation, path, detail };
    if (impact === "major") change.breaks = kind === "field-removed" || kind === "type-changed" ? "compile" : "strict";
    if (owner) change.owner = owner;
    this.out.push(change);
  }

  compare(path: string, a: LogType | null, b: LogType | null, owner: string | undefined): void {
    if (a === null || b === null) {
      // At the root (requestParameters, responseElements) null means CloudTrail logs nothing there.
      const root = !path.includes(".");
      if (a === null && b !== null) this.push("field-added", path, owner, `${root ? "now logged: " : ""}${describe(b, this.svcB.defs)}`);
      else if (a !== null && b === null) this.push("field-removed", path, owner, `${root ? "no longer logged: " : ""}${describe(a, this.svcA.defs)}`);
      return;
    }
    if (a.kind === "ref" && b.kind === "ref") {
      const key = `${a.def}\u0000${b.def}`;
      if (this.seen.has(key)) return;
      this.seen.add(key);
    }
    const ta = a.kind === "ref" ? (this.svcA.defs[a.def] ?? { kind: "any" as const }) : a;
    const tb = b.kind === "ref" ? (this.svcB.defs[b.def] ?? { kind: "any" as const }) : b;
    if (ta.doc !== tb.doc) this.docs.count++;
    const sa = signature(ta, this.svcA.defs);
    const sb = signature(tb, this.svcB.defs);
    if (ta.kind !== tb.kind && !(sa === sb && sa === "number")) {
      // A kind changed at this level: one change, not one per nested difference.
      if (sa !== sb) this.push("type-changed", path, owner, `${describe(ta, this.svcA.defs)} -> ${describe(tb, this.svcB.defs)}`);
      return;
    }
    if (ta.kind === "integer" && tb.kind === "number") this.push("constraint-widened", path, owner, "integer -> number");
    if (ta.kind === "number" && tb.kind === "integer") this.push("constraint-narrowed", path, owner, "number -> integer");
    this.constraints(path, owner, ta, tb);
    switch (ta.kind) {
      case "object":
      case "union":
        this.fields(path, ta.fields, (tb as typeof ta).fields, tb.shape ?? ta.shape);
        {
          const [oa, ob] = [(ta as { open?: boolean }).open === true, (tb as { open?: boolean }).open === true];
          if (!oa && ob) this.push("constraint-widened", path, owner, "undeclared keys allowed");
          if (oa && !ob) this.push("constraint-narrowed", path, owner, "undeclared keys no longer allowed");
        }
        return;
      case "array":
        this.compare(`${path}[]`, ta.items, (tb as typeof ta).items, owner);
        return;
      case "map":
        this.compare(`${path}.*`, ta.values, (tb as typeof ta).values, owner);
        return;
      case "oneOf":
        if (sa !== sb) this.push("type-changed", path, owner, `${describe(ta, this.svcA.defs)} -> ${describe(tb, this.svcB.defs)}`);
        return;
      default:
        return;
    }
  }

  private fields(path: string, a: LogField[], b: LogField[], owner: string | undefined): void {
    const before = new Map(a.map((f) => [f.name, f]));
    const after = new Map(b.map((f) => [f.name, f]));
    for (const f of b) if (!before.has(f.name)) this.push("field-added", `${path}.${f.name}`, owner, describe(f.type, this.svcB.defs));
    for (const f of a) {
      const g = after.get(f.name);
      const at = `${path}.${f.name}`;
      if (!g) {
        this.push("field-removed", at, owner, describe(f.type, this.svcA.defs));
        continue;
      }
      if (f.doc !== g.doc) this.docs.count++;
      if (!f.required && g.required) this.push("required-added", at, owner, "");
      if (f.required && !g.required) this.push("required-removed", at, owner, "");
      if (!f.deprecated && g.deprecated) this.push("deprecated", at, owner, "");
      this.compare(at, f.type, g.type, owner);
    }
  }

  /** Lengths, ranges, patterns, enums and timestamp renderings: what strict mode checks. */
  private constraints(path: string, owner: string | undefined, a: LogType, b: LogType): void {
    const ra = a as { min?: number; max?: number; pattern?: string; enum?: readonly string[]; renderings?: readonly string[] };
    const rb = b as typeof ra;
    if (ra.min !== rb.min) {
      const narrowed = rb.min !== undefined && (ra.min === undefined || rb.min > ra.min);
      this.push(narrowed ? "constraint-narrowed" : "constraint-widened", path, owner, `min ${ra.min ?? "none"} -> ${rb.min ?? "none"}`);
    }
    if (ra.max !== rb.max) {
      const narrowed = rb.max !== undefined && (ra.max === undefined || rb.max < ra.max);
      this.push(narrowed ? "constraint-narrowed" : "constraint-widened", path, owner, `max ${ra.max ?? "none"} -> ${rb.max ?? "none"}`);
    }
    if (ra.pattern !== rb.pattern) {
      // Two regular expressions cannot be compared in general: a changed pattern may reject what the old accepted.
      const kind = rb.pattern === undefined ? "constraint-widened" : "constraint-narrowed";
      this.push(kind, path, owner, `pattern ${ra.pattern ?? "none"} -> ${rb.pattern ?? "none"}`);
    }
    if (ra.enum || rb.enum) {
      if (ra.enum && !rb.enum) this.push("constraint-widened", path, owner, "enum dropped: any string");
      else if (!ra.enum && rb.enum) this.push("constraint-narrowed", path, owner, `now an enum: ${rb.enum!.join(", ")}`);
      else {
        const added = rb.enum!.filter((v) => !ra.enum!.includes(v));
        const removed = ra.enum!.filter((v) => !rb.enum!.includes(v));
        if (added.length) this.push("enum-added", path, owner, added.join(", "));
        if (removed.length) this.push("enum-removed", path, owner, removed.join(", "));
      }
    }
    if (ra.renderings || rb.renderings) {
      const list = (r: readonly string[] | undefined) => (r ? r.join(", ") : "any");
      const removed = ra.renderings ? ra.renderings.filter((r) => !rb.renderings || !rb.renderings.includes(r)) : ["any"];
      const added = rb.renderings ? rb.renderings.filter((r) => !ra.renderings || !ra.renderings.includes(r)) : ["any"];
      const detail = `timestamp renderings ${list(ra.renderings)} -> ${list(rb.renderings)}`;
      if (!rb.renderings) this.push("constraint-widened", path, owner, detail);
      else if (!ra.renderings || removed.length) this.push("constraint-narrowed", path, owner, detail);
      else if (added.length) this.push("constraint-widened", path, owner, detail);
    }
  }
}

/** `perService`: at most this many lines a service, then a count (botocore retunes patterns by the thousand). */
const HEADINGS: { title: string; kinds: readonly ChangeKind[]; perService?: number }[] = [
  { title: "Breaking: removed", kinds: ["service-removed", "operation-removed", "event-name-removed", "field-removed"] },
  { title: "Breaking: type changed", kinds: ["type-changed"] },
  { title: "Breaking: narrowed (enum values removed, members newly required)", kinds: ["enum-removed", "required-added"] },
  { title: "Added", kinds: ["service-added", "operation-added", "event-name-added", "field-added", "enum-added"], perService: 40 },
  { title: "Deprecated", kinds: ["deprecated"] },
  { title: "Strict validation tightened (lengths, ranges, patterns)", kinds: ["constraint-narrowed"], perService: 5 },
  { title: "Strict validation widened", kinds: ["required-removed", "constraint-widened"], perService: 5 },
];

const LABEL: Record<ChangeKind, string> = {
  "service-added": "service added",
  "service-removed": "service removed",
  "operation-added": "operation added",
  "operation-removed": "operation removed",
  "event-name-added": "eventName added",
  "event-name-removed": "eventName removed",
  "field-added": "field added",
  "field-removed": "field removed",
  "type-changed": "type changed",
  "enum-added": "enum values added",
  "enum-removed": "enum values removed",
  "required-added": "now required",
  "required-removed": "now optional",
  "constraint-narrowed": "narrowed",
  "constraint-widened": "widened",
  deprecated: "deprecated",
};

const MAX_OPERATIONS_LISTED = 5;

/**
 * The report as a Keep a Changelog section body (level-3 headings and below). A change to a field of a
 * shared shape is one line that names the operations it reaches, with the first one's record path.
 */
export function renderReport(diff: ModelDiff): string {
  const lines: string[] = [];
  const count = (impact: Impact) => diff.changes.filter((c) => c.impact === impact).length;
  lines.push(`### Models: botocore ${diff.from} -> ${diff.to}`, "");
  lines.push(
    `Proposed version bump: **${diff.bump}** (${count("major")} breaking, ${count("minor")} minor changes; ` +
      `${diff.changedServices} services changed, ${Object.values(diff.docChanges).reduce((a, b) => a + b, 0)} documentation strings).`,
  );
  for (const { title, kinds, perService } of HEADINGS) {
    const changes = diff.changes.filter((c) => kinds.includes(c.kind));
    const items: string[] = [];
    for (const service of [...new Set(changes.map((c) => c.service))]) {
      const lines = group(changes.filter((c) => c.service === service));
      if (perService && lines.length > perService) items.push(...lines.slice(0, perService), `- \`${service}\`: ${lines.length - perService} more`);
      else items.push(...lines);
    }
    if (items.length === 0) continue;
    lines.push("", `#### ${title}`, "");
    lines.push(...items);
  }
  const docs = Object.entries(diff.docChanges);
  if (docs.length) {
    lines.push("", "#### Documentation", "");
    lines.push(`- ${docs.map(([s, n]) => `\`${s}\` (${n})`).join(", ")}`);
  }
  return `${lines.join("\n")}\n`;
}

function group(changes: ModelChange[]): string[] {
  const groups = new Map<string, ModelChange[]>();
  for (const c of changes) {
    // A field change is keyed by its owning shape and field name, so a shared shape's change is one line.
    const field = c.path?.slice(c.path.lastIndexOf(".") + 1);
    const key = c.path && c.owner ? `${c.service}|${c.kind}|${c.owner}.${field}|${c.detail}` : `${c.service}|${c.kind}|${c.operation ?? ""}|${c.path ?? ""}|${c.detail}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(c);
  }
  return [...groups.values()].map((cs) => {
    const c = cs[0]!;
    const label = LABEL[c.kind];
    if (c.kind === "service-added" || c.kind === "service-removed") return `- \`${c.service}\`: ${label}, ${c.detail}`;
    if (!c.path) return `- \`${c.service}.${c.operation}\`: ${label}${c.kind.startsWith("operation") ? ` (${c.detail})` : `: \`${c.detail}\``}`;
    const ops = [...new Set(cs.map((x) => x.operation!))];
    const where =
      ops.length === 1
        ? `\`${c.service}.${c.operation}\` \`${c.path}\``
        : `\`${c.service}\` \`${c.path}\` in ${ops.slice(0, MAX_OPERATIONS_LISTED).join(", ")}${ops.length > MAX_OPERATIONS_LISTED ? ` and ${ops.length - MAX_OPERATIONS_LISTED} more` : ""}`;
    return `- ${where}: ${label}${c.detail ? ` (${c.detail})` : ""}`;
  });
}
