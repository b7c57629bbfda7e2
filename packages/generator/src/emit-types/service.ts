/**
 * One service's module (`dist/services/<service>.d.ts`), printed straight from the log model.
 *
 * Why not json-schema-to-typescript or ts-morph here (numbers from the closing note of issue 3, 2 cores):
 * jstt on the 434 JSON Schema documents takes 40 s with formatting off (ec2 alone 8 s), overflows the stack
 * on 9 services with recursive shapes (ce, budgets…) and names the copies it makes of a `$ref` with its
 * own description `Role1`, `Role2`; ts-morph prints 5,000 interfaces in 4.2 s (ec2 has about that many).
 * Printing from the log model takes 1.5 s for all 438 services (3.3 s more for a whole `generate`, writing
 * included), and the log model still knows each enum's shape name, so `InstanceType` is declared once
 * instead of inlined at each use.
 *
 * The types follow the *compatible* JSON Schema, node for node: what every real record satisfies.
 * - Every payload field is optional (CloudTrail omits and truncates fields the model calls required).
 * - Objects have no index signature: TypeScript object types are open already, and an index signature
 *   would hide a misspelt field. Objects a rule marks `open` do get one.
 * - Enums are open literal unions (`"A" | "B" | (string & {})`): AWS adds values without a new model.
 * - Timestamps are `string | number` (ISO strings, "Oct 16, 2020 9:47:27 AM" strings, epoch numbers).
 * - Redacted values add `"HIDDEN_DUE_TO_SECURITY_REASONS"`, `"****"`, `"<sensitiveDataRemoved>"`.
 * - Where such a string, or a placeholder (EC2's empty list `""`, closed even here), or a plain array stands
 *   in for a structure, it reads the structure's keys as `undefined` (`standIn`): `x?.items?.map(…)` compiles
 *   through the union, `typeof x === "string"` still narrows. Types only: the JSON Schema is unchanged.
 * No global type (`Record`, `Array`, `Date`) is named here: shapes called `Record` exist and would shadow it.
 */
import { ANY_EVENT_SOURCE, type LogField, type LoggedOperation, type LoggedService, type LogType } from "../log-model.js";
import { GeneratorError } from "../errors.js";
import { Namer, operationModule, pascal, propertyKey, UNPORTABLE_FILE_CHARS } from "./names.js";
import { FIELD_SUMMARY_MAX, summarizeDoc, tsdoc } from "./tsdoc.js";
import { INSIGHTS_FIELD, INSIGHTS_RECORD_TYPE } from "./envelope.js";
import { errorDocumentFields, JSON_ERROR_DOCUMENT_RULE } from "../project/rules/rest.js";
import { REDACTION_MARKERS } from "../project/rules/values.js";

export interface ServiceModuleContext {
  botocoreVersion: string;
  /**
   * The model's whole documentation in the TSDoc (`generate --full-docs`). Off by default: each type and
   * field gets its summary (`summarizeDoc`), each event a link to the AWS API reference and the
   * `cloudtrail-schema show` command that prints the rest.
   */
  fullDocs?: boolean;
}

/** The model documentation a declaration carries: whole, or its summary. */
type ModelDoc = (doc: string | undefined) => string | undefined;

/**
 * What the root module exports for service modules, through `import type * as $`: a shape can have any name
 * but `$` (botocore's are alphanumeric), and one short import is all a module needs.
 */
const ROOT = "$";
const RECORD = `${ROOT}.CloudTrailRecord`;
const UNMODELED = `${ROOT}.UnmodeledPayload`;
/** A structure's keys as absent (see `standIn`), declared once in the root. */
const ABSENT = `${ROOT}.AbsentKeys`;
/** The markers CloudTrail writes in place of a sensitive value, declared once in the root (30,000 uses). */
const REDACTION_MARKER = `${ROOT}.RedactionMarker`;
/**
 * The root's interface of the error document's fields (`__type`, `error`, `message`, `Message`): a response
 * that has them all, as the rule added them, extends it instead of declaring them again (15,000 responses).
 */
const JSON_ERROR_DOCUMENT = `${ROOT}.JsonErrorDocument`;
const ERROR_DOCUMENT_FIELDS: ReadonlySet<string> = new Set(errorDocumentFields().map((f) => f.name));

const isRedactionMarkers = (values: readonly string[]): boolean => sameValues(values, REDACTION_MARKERS);

/** An open enum: the known values, then any other string. */
export const openUnion = (values: readonly string[]): string => [...values.map((v) => JSON.stringify(v)), "(string & {})"].join(" | ");

interface EnumAlias {
  name: string;
  values: readonly string[];
  doc?: string;
  deprecated?: boolean;
}

/** The names and enum aliases of one module, fixed before anything is printed. */
interface Scope {
  defs: Map<string, string>;
  /** Definition -> its type, to see through references when merging alternatives. */
  defTypes: ReadonlyMap<string, LogType>;
  /** botocore shape name -> alias, for string enums. */
  enums: Map<string, EnumAlias>;
}

const sameValues = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Visit a type and everything nested in it (not following refs: every def is visited on its own). */
function visit(t: LogType, f: (t: LogType) => void): void {
  f(t);
  switch (t.kind) {
    case "object":
    case "union":
      for (const field of t.fields) visit(field.type, f);
      break;
    case "array":
      visit(t.items, f);
      break;
    case "map":
      visit(t.keys, f);
      visit(t.values, f);
      break;
    case "oneOf":
      for (const o of t.options) visit(o, f);
      break;
    default:
  }
}

/** The names a service module declares for itself: its events map, its event union, its operations' record. */
interface OwnNames {
  events: string;
  event: string;
  record: string;
}

/** Operation-level names: `CreatePolicyEvent`, `CreatePolicyRequestParameters`, `CreatePolicyResponseElements`. */
const opNames = (op: string) => ({ event: `${op}Event`, request: `${op}RequestParameters`, response: `${op}ResponseElements` });
/**
 * Names of the other payloads an operation types inline (sign-in's `additionalEventData`): `ConsoleLoginAdditionalEventData`.
 * Claimed only where there is one, so no other declaration's name changes.
 */
type OpNames = ReturnType<typeof opNames> & { additionalEventData?: string; serviceEventDetails?: string };
const EXTRA_PAYLOADS = [
  ["additionalEventData", "AdditionalEventData"],
  ["serviceEventDetails", "ServiceEventDetails"],
] as const;

function scopeOf(svc: LoggedService, namer: Namer, own: OwnNames, ops: Map<string, OpNames>): Scope {
  namer.claim(own.events);
  namer.claim(own.event);
  namer.claim(own.record);
  for (const op of svc.operations) {
    const n = opNames(op.name);
    const names: OpNames = { event: namer.claim(n.event), request: namer.claim(n.request), response: namer.claim(n.response) };
    for (const [field, suffix] of EXTRA_PAYLOADS) if (op[field] && op[field].kind !== "ref") names[field] = namer.claim(`${op.name}${suffix}`);
    ops.set(op.name, names);
  }
  // `Instance.request` -> `Instance_request`: `InstanceRequest` could be a botocore shape (`<Op>Request` are).
  // The module's own names are claimed first; 5 shapes of 438 services get a `_2` (kinesis SubscribeToShardEvent…).
  const defs = new Map<string, string>();
  for (const name of Object.keys(svc.defs)) defs.set(name, namer.claim(name.replace(/\.(request|response)$/, (_m, d: string) => `_${d}`)));
  // Enums: the first definition of a shape's value list wins; a shape a rule gave other values stays inline.
  const found = new Map<string, EnumAlias>();
  const collect = (t: LogType) => {
    if (t.kind !== "string" || !t.enum?.length || !t.shape) return;
    if (!found.has(t.shape)) found.set(t.shape, { name: "", values: t.enum, ...(t.doc ? { doc: t.doc } : {}), ...(t.deprecated ? { deprecated: true } : {}) });
  };
  for (const op of svc.operations) {
    if (op.request) visit(op.request, collect);
    if (op.response) visit(op.response, collect);
  }
  for (const t of Object.values(svc.defs)) visit(t, collect);
  const enums = new Map<string, EnumAlias>();
  for (const shape of [...found.keys()].sort()) enums.set(shape, { ...found.get(shape)!, name: namer.claim(shape) });
  return { defs, enums, defTypes: new Map(Object.entries(svc.defs)) };
}

/** A type expression; `union` says whether it needs parentheses inside `T[]`. */
interface Expr {
  text: string;
  union: boolean;
}

type ObjectType = Extract<LogType, { kind: "object" | "union" }>;

const isPlaceholder = (t: LogType): t is Extract<LogType, { kind: "string" }> => t.kind === "string" && t.placeholder === true && !!t.enum?.length && !t.redacted?.length;

/**
 * A string CloudTrail writes in place of a structure (a redaction marker, an empty list `""`), typed so that
 * the structure's keys read as `undefined` on it: `"" & { items?: undefined }`. At run time reading `.items`
 * off a string is `undefined`, so optional chaining through the union compiles without narrowing, and
 * `typeof x === "string"` still narrows to it.
 */
function standIn(values: readonly string[], absent: string | undefined): string {
  const literals = isRedactionMarkers(values) ? REDACTION_MARKER : values.map((v) => JSON.stringify(v)).join(" | ");
  if (!absent) return literals;
  return `${values.length > 1 && !isRedactionMarkers(values) ? `(${literals})` : literals} & ${absent}`;
}

/**
 * `{ items?: undefined; item?: undefined }`: the structure's keys, absent. A key the value has itself
 * (`length` of a string or an array) is left out: `number & undefined` would make the value unassignable.
 */
function absentKeys(keys: readonly string[] | undefined, own: ReadonlySet<string>): string | undefined {
  const absent = (keys ?? []).filter((k) => !own.has(k));
  return absent.length ? `{ ${absent.map((k) => `${propertyKey(k)}?: undefined`).join("; ")} }` : undefined;
}

/** Members of strings and arrays in lib.es2022 (with Object's), fixed here so the output does not depend on the Node version. */
const OBJECT_MEMBERS = ["constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString", "valueOf"];
const STRING_MEMBERS: ReadonlySet<string> = new Set([
  ...OBJECT_MEMBERS,
  ..."anchor at big blink bold charAt charCodeAt codePointAt concat endsWith fixed fontcolor fontsize includes indexOf italics lastIndexOf length link localeCompare match matchAll normalize padEnd padStart repeat replace replaceAll search slice small split startsWith strike sub substr substring sup toLocaleLowerCase toLocaleUpperCase toLowerCase toUpperCase trim trimEnd trimLeft trimRight trimStart".split(" "),
]);
const ARRAY_MEMBERS: ReadonlySet<string> = new Set([
  ...OBJECT_MEMBERS,
  ..."at concat copyWithin entries every fill filter find findIndex flat flatMap forEach includes indexOf join keys lastIndexOf length map pop push reduce reduceRight reverse shift slice some sort splice unshift values".split(" "),
]);

const isObjectType = (t: LogType): t is ObjectType => (t.kind === "object" || t.kind === "union") && !t.redacted?.length;

/**
 * The objects among a `oneOf`'s options as one object with the fields of all (types of a shared name
 * unioned): every field is optional in the compatible form anyway, and a union of objects with different
 * keys would make `request.imageId` a compile error until the reader narrows with `in` (EC2 logs a request
 * in its legacy form or wrapped as `{RunInstancesRequest: …}`). The JSON Schema keeps the exact `anyOf`.
 */
function mergeObjects(options: readonly LogType[]): LogType[] {
  const objects = options.filter(isObjectType);
  if (objects.length < 2) return [...options];
  const fields = new Map<string, LogField>();
  for (const o of objects) {
    for (const f of o.fields) {
      const seen = fields.get(f.name);
      fields.set(f.name, seen ? { ...seen, type: { kind: "oneOf", options: [seen.type, f.type] } } : f);
    }
  }
  const merged: LogType = { kind: "object", fields: [...fields.values()], ...(objects.some((o) => o.kind === "object" && o.open) ? { open: true } : {}) };
  const first = options.findIndex(isObjectType);
  return options.flatMap((o, i): LogType[] => (i === first ? [merged] : isObjectType(o) ? [] : [o]));
}

class Printer {
  /**
   * The names the types printed since the last `take()` refer to: definitions, enum aliases, `$Absent`.
   * Each declaration's references decide which module it goes in and what that module imports.
   */
  private refs = new Set<string>();

  /** The references collected since the last call, and a fresh set. */
  take(): Set<string> {
    const refs = this.refs;
    this.refs = new Set();
    return refs;
  }

  constructor(
    private readonly scope: Scope,
    /** For error messages. */
    private readonly service: string,
    /** The model documentation as declarations carry it (whole or summarized). */
    private readonly modelDoc: ModelDoc = (d) => d,
  ) {}

  /** A type expression; `indent` is the indentation of the line it starts on (nested objects go deeper). */
  expr(t: LogType, indent = ""): Expr {
    const base = this.base(t, indent);
    if (!t.redacted?.length) return base;
    if (isRedactionMarkers(t.redacted)) this.refs.add(REDACTION_MARKER);
    return { text: `${base.text} | ${standIn(t.redacted, this.absent([t], "string"))}`, union: true };
  }

  /**
   * The absent keys of the structure among `options` for a value of kind `own` written in its place:
   * `$Absent<Name, string>` for a definition (its keys are written once, in the definition), the keys inline
   * for an inline object; `undefined` when there is no structure.
   */
  absent(options: readonly LogType[], own: "string" | "array"): string | undefined {
    const structures = options.filter((o) => !isPlaceholder(o) && this.structureKeys(o) !== undefined);
    const only = structures.length === 1 ? structures[0]! : undefined;
    if (only?.kind === "ref") {
      this.refs.add(ABSENT);
      return `${ABSENT}<${this.expr({ ...only, redacted: undefined } as LogType).text}, ${own === "string" ? "string" : "unknown[]"}>`;
    }
    const keys = this.structureKeys({ kind: "oneOf", options: structures });
    return absentKeys(keys, own === "string" ? STRING_MEMBERS : ARRAY_MEMBERS);
  }

  /**
   * The keys of the structure a type is (an object, a reference to one, a `oneOf` holding some), for the
   * strings that stand in for it; `undefined` when it is not a structure (a map's keys are anyone's).
   */
  structureKeys(t: LogType, seen: ReadonlySet<string> = new Set()): string[] | undefined {
    switch (t.kind) {
      case "object":
      case "union":
        return [...new Set(t.fields.map((f) => f.name))];
      case "ref": {
        const target = this.scope.defTypes.get(t.def);
        return target && !seen.has(t.def) ? this.structureKeys(target, new Set([...seen, t.def])) : undefined;
      }
      case "oneOf": {
        const keys = t.options.map((o) => this.structureKeys(o, seen)).filter((k): k is string[] => k !== undefined);
        return keys.length ? [...new Set(keys.flat())] : undefined;
      }
      default:
        return undefined;
    }
  }

  private base(t: LogType, indent: string): Expr {
    switch (t.kind) {
      case "ref": {
        const name = this.scope.defs.get(t.def);
        if (!name) throw new GeneratorError("E_MODEL", `reference to unknown definition "${t.def}" in ${this.service}`);
        this.refs.add(name);
        return { text: name, union: false };
      }
      case "string": {
        if (!t.enum?.length) return { text: "string", union: false };
        if (t.placeholder) return { text: t.enum.map((v) => JSON.stringify(v)).join(" | "), union: t.enum.length > 1 };
        const alias = t.shape ? this.scope.enums.get(t.shape) : undefined;
        if (alias && sameValues(alias.values, t.enum)) {
          this.refs.add(alias.name);
          return { text: alias.name, union: false };
        }
        return { text: openUnion(t.enum), union: true };
      }
      case "integer":
      case "number":
        return { text: "number", union: false };
      case "boolean":
        return { text: "boolean", union: false };
      case "timestamp":
        return { text: "string | number", union: true };
      case "blob":
        return { text: "string", union: false };
      case "any":
        return { text: "unknown", union: false };
      case "array": {
        const item = this.expr(t.items, indent);
        return { text: item.union ? `(${item.text})[]` : `${item.text}[]`, union: false };
      }
      case "map":
        // Keys stay `string` in the compatible form, whatever the model's key shape says.
        return { text: `{ [key: string]: ${this.expr(t.values, indent).text} }`, union: false };
      case "oneOf": {
        const { bases, object, rest } = this.alternatives(t.options);
        const combined = bases.length ? [[...bases, ...(object ? [this.expr(object, indent).text] : [])].join(" & ")] : object ? [this.expr(object, indent).text] : [];
        // Strings that stand in for the structure (EC2's empty list "") read its keys as undefined.
        // So do arrays beside a structure (EC2 requests log a list as {items: [...]} or as a plain array), and
        // plain strings beside one (a legacy EC2 request list element, {"resourceId": "…"} or the bare id):
        // `items.map((r) => r.resourceId)` compiles, and reads undefined on a bare string as it does at run time.
        const text = (o: LogType) => {
          const own = o.redacted?.length ? undefined : o.kind === "array" ? "array" : o.kind === "string" || o.kind === "blob" ? "string" : undefined;
          if (isPlaceholder(o)) return standIn(o.enum!, this.absent(t.options, "string"));
          const e = this.expr(o, indent);
          const absent = own ? this.absent(t.options, own) : undefined;
          return absent ? `${e.union ? `(${e.text})` : e.text} & ${absent}` : e.text;
        };
        const options = [...new Set([...combined, ...rest.map(text)])];
        return { text: options.join(" | "), union: options.length > 1 || bases.length + (object ? 1 : 0) > 1 };
      }
      case "object":
      case "union":
        return { text: `{\n${this.members(t.fields, t.kind === "object" && t.open === true, `${indent}  `)}${indent}}`, union: false };
    }
  }

  /** The members of an object type, one TSDoc each. Later fields of the same name replace earlier ones, as in the JSON Schema. */
  members(fields: readonly LogField[], open: boolean, indent: string, owner?: string): string {
    const byName = new Map<string, LogField>();
    for (const f of fields) byName.set(f.name, f);
    let out = "";
    for (const f of byName.values()) {
      out += tsdoc({ text: [fieldDoc(f, owner, this.modelDoc)], ...(f.deprecated ? { deprecated: true } : {}) }, indent);
      out += `${indent}${propertyKey(f.name)}?: ${this.expr(f.type, indent).text};\n`;
    }
    if (open) {
      out += tsdoc({ text: ["CloudTrail logs fields the model does not list here."] }, indent);
      out += `${indent}[field: string]: unknown;\n`;
    }
    return out;
  }

  /**
   * A `oneOf`'s options for reading: its objects merged into one (see `mergeObjects`), references to object
   * definitions as bases to intersect or extend (EC2 logs a response as `Reservation` or wrapped as
   * `{RunInstancesResponse: Reservation}`: `Reservation & {RunInstancesResponse?: …}` reads both), the rest
   * as alternatives. A field typed differently in two of them keeps them alternatives.
   */
  alternatives(options: readonly LogType[]): { bases: string[]; object: ObjectType | undefined; rest: LogType[] } {
    const merged = mergeObjects(options);
    const object = merged.find(isObjectType);
    const refs = merged.filter((o): o is Extract<LogType, { kind: "ref" }> => {
      const target = o.kind === "ref" && !o.redacted?.length ? this.scope.defTypes.get(o.def) : undefined;
      return !!target && isObjectType(target);
    });
    const parts = [...refs.map((r) => this.scope.defTypes.get(r.def) as ObjectType), ...(object ? [object] : [])];
    const seen = new Map<string, string>();
    const compatible =
      parts.length > 1 &&
      parts.every((p) =>
        p.fields.every((f) => {
          const text = this.expr(f.type).text;
          const before = seen.get(f.name);
          seen.set(f.name, text);
          return before === undefined || before === text;
        }),
      );
    if (!compatible) return { bases: [], object, rest: merged.filter((o) => o !== object) };
    return { bases: refs.map((r) => this.expr(r).text), object, rest: merged.filter((o) => o !== object && !refs.includes(o as never)) };
  }

  /** `export interface Name { … }` for objects (extending the definitions it merges), `export type Name = …` for anything else. */
  declaration(name: string, t: LogType, doc: string): string {
    let bases: string[] = [];
    if (t.kind === "oneOf" && !t.redacted?.length) {
      const alt = this.alternatives(t.options);
      if (!alt.rest.length && (alt.object || alt.bases.length)) {
        bases = alt.bases;
        t = alt.object ?? { kind: "object", fields: [] };
      }
    }
    if (t.kind === "object" || t.kind === "union") {
      const owner = t.shape ? `\`${t.shape}\`` : undefined;
      let fields = t.fields;
      if (hasErrorDocument(fields)) {
        fields = fields.filter((f) => !ERROR_DOCUMENT_FIELDS.has(f.name));
        bases = [...bases, JSON_ERROR_DOCUMENT];
        this.refs.add(JSON_ERROR_DOCUMENT);
      }
      const ext = bases.length ? ` extends ${bases.join(", ")}` : "";
      return `${doc}export interface ${name}${ext} {\n${this.members(fields, t.kind === "object" && t.open === true, "  ", owner)}}\n`;
    }
    return `${doc}export type ${name} = ${this.expr(t).text};\n`;
  }
}

/** Whether an object's fields end with the whole error document as its rule added it (no member of the output took a name). */
function hasErrorDocument(fields: readonly LogField[]): boolean {
  const last = new Map(fields.map((f) => [f.name, f]));
  return [...ERROR_DOCUMENT_FIELDS].every((n) => last.get(n)?.addedBy === JSON_ERROR_DOCUMENT_RULE);
}

/**
 * A field's TSDoc: the member's documentation; for another key of the same member (EC2's `instanceIdSet`
 * beside `instanceId`) a pointer to the main key rather than the whole text again (ec2's module was 40%
 * repeated documentation); for a field a rule adds, the rule's id.
 */
/** One type as TypeScript, as a service module prints it; `defs` names the definitions `ref`s point to. */
export function printType(t: LogType, defs: Readonly<Record<string, string>> = {}): string {
  return new Printer({ defs: new Map(Object.entries(defs)), enums: new Map(), defTypes: new Map() }, "printType").expr(t).text;
}

function fieldDoc(f: LogField, owner: string | undefined, modelDoc: ModelDoc): string {
  // An alias's own doc is a note a rule added on how this key differs (EC2's `tags`: a plain array).
  if (f.aliasOf) return `Another key CloudTrail logs \`${f.aliasOf}\` under (a record carries one of them); see \`${f.aliasOf}\`.${f.doc ? ` ${f.doc}` : ""}`;
  return modelDoc(f.doc) ?? fallbackFieldDoc(f, owner);
}

function fallbackFieldDoc(f: LogField, owner: string | undefined): string {
  if (f.addedBy) return `Added by rule \`${f.addedBy}\`.`;
  const member = f.member ?? f.name;
  return owner ? `The \`${member}\` member of ${owner}.` : `The \`${member}\` member.`;
}


export interface ServiceModule {
  /** Path under `dist/services/` -> text: `<service>.d.ts`, `<service>/shapes.d.ts`, `<service>/<Operation>.d.ts`. */
  files: Map<string, string>;
  /** Every module's text, one after the other (what tests search). */
  text: string;
  /** Names that clashed and got a `_2` suffix. */
  renamed: number;
}

/** A top-level declaration: its text (TSDoc included) and the names it refers to. */
interface Declaration {
  text: string;
  refs: ReadonlySet<string>;
}

/** How an operation module and the shapes module import the root (they are at `dist/services/<service>/`). */
export const ROOT_FROM_OPERATION = "../../index.js";
/** The module of a service's shared declarations, beside its operation modules. */
export const SHAPES_MODULE = "shapes";

/**
 * The modules of one service, one per operation (issue 9: a program that handles 10 operations should not
 * make the compiler read the 800 of ec2):
 *
 * - `<service>/<Operation>.d.ts`: the operation's event, its payloads and the declarations no other operation
 *   reaches; importing it registers the event with `CloudTrailEvent<"<service>", "<Operation>">`;
 * - `<service>/shapes.d.ts`: the service's events map (which each operation module extends by module
 *   augmentation) and the declarations two operations or more reach, so each is declared once;
 * - `<service>.d.ts`: every operation module and the shapes, re-exported: the whole service.
 *
 * A declaration goes where the operations that reach it are; everything a shared declaration refers to is
 * shared too, so the shapes module never imports an operation module.
 */
export function emitServiceModule(svc: LoggedService, ctx: ServiceModuleContext): ServiceModule {
  const namer = new Namer();
  const prefix = pascal(svc.name);
  const own: OwnNames = { events: `${prefix}Events`, event: `${prefix}Event`, record: `${prefix}Record` };
  const ops = new Map<string, OpNames>();
  const scope = scopeOf(svc, namer, own, ops);
  const modelDoc: ModelDoc = ctx.fullDocs ? (d) => d : (d) => summarizeDoc(d);
  // Fields, 395,000 of them, carry a shorter summary than operations and shapes: their docs were two thirds
  // of the package's declarations (issue 9).
  const memberDoc: ModelDoc = ctx.fullDocs ? (d) => d : (d) => summarizeDoc(d, FIELD_SUMMARY_MAX);
  const p = new Printer(scope, svc.name, memberDoc);
  // The banner heads the service's entry and shapes modules; its 27,000 operation and shared-shape modules go
  // without (2 MB of the package), as generated as the module that lists them.
  const banner = `// Generated by cloudtrail-schema from botocore ${ctx.botocoreVersion}. Do not edit.\n`;
  // Each operation is a file: names that differ only in case would be one file on macOS and Windows, and a
  // name Windows cannot hold would be extracted under another one.
  const fileNames = new Map<string, string>([[SHAPES_MODULE, `the module of ${svc.name}'s events map`]]);
  for (const op of svc.operations) {
    const file = operationModule(op.name);
    if (UNPORTABLE_FILE_CHARS.test(file)) throw new GeneratorError("E_MODEL", `operation ${svc.name}.${op.name} has a character no Windows file name can hold`);
    const seen = fileNames.get(file.toLowerCase());
    if (seen) throw new GeneratorError("E_MODEL", `operation ${svc.name}.${op.name} would be written to the same file as ${seen} where file names are not case-sensitive`);
    fileNames.set(file.toLowerCase(), `operation ${svc.name}.${op.name}`);
  }

  // Every declaration, printed once, in the order the whole-service module used to list them.
  const declarations = new Map<string, Declaration>();
  const declare = (name: string, text: string, refs: ReadonlySet<string> = p.take()) => declarations.set(name, { text, refs });
  p.take();
  const roots = new Map<string, string[]>();
  const record = svc.eventSource === ANY_EVENT_SOURCE ? undefined : own.record;
  for (const op of svc.operations) roots.set(op.name, operation(p, svc, op, ops.get(op.name)!, modelDoc, declare, record));
  for (const [def, name] of scope.defs) {
    const t = svc.defs[def]!;
    const doc = tsdoc({ text: [memberDoc(t.doc) ?? defaultDefDoc(def, t, svc)], ...(t.deprecated ? { deprecated: true } : {}) });
    declare(name, p.declaration(name, t, doc));
  }
  for (const alias of scope.enums.values()) {
    const doc = tsdoc({ text: [`${memberDoc(alias.doc) ?? `The values of \`${alias.name}\`.`} AWS may add values: any other string is accepted too.`], ...(alias.deprecated ? { deprecated: true } : {}) });
    declare(alias.name, `${doc}export type ${alias.name} = ${openUnion(alias.values)};\n`);
  }

  const home = homes(declarations, roots);
  // A module's place: `<svc>/<Op>`, `<svc>/shapes` (the common module) or `<svc>/shapes/<Chunk>`.
  const chunkOf = chunkNames(declarations, home, new Set(svc.operations.map((op) => op.name)));
  const where = (name: string): string => {
    const h = home.get(name)!;
    return chunkOf.has(h) ? `${SHAPES_MODULE}/${chunkOf.get(h)}` : h;
  };
  const files = new Map<string, string>();
  /** The declarations of one module, after what they import; `at` is the module's path under `<svc>/`. */
  const moduleText = (names: readonly string[], at: string) => {
    const refs = new Set(names.flatMap((n) => [...declarations.get(n)!.refs]));
    const up = at.includes("/") ? "../" : "./";
    let out = "";
    if ([...refs].some((r) => r.startsWith(`${ROOT}.`))) out += `import type * as ${ROOT} from "${up === "./" ? "" : "../"}${ROOT_FROM_OPERATION}";\n`;
    const imports = new Map<string, string[]>();
    for (const r of refs) {
      const from = declarations.has(r) ? where(r) : r === record ? SHAPES_MODULE : at;
      if (from !== at) imports.set(from, [...(imports.get(from) ?? []), r]);
    }
    // An operation module extends the events map of the common module: it must be in the program (a module
    // augmentation alone does not bring its module in).
    if (!at.includes("/") && at !== SHAPES_MODULE && !imports.has(SHAPES_MODULE)) imports.set(SHAPES_MODULE, []);
    for (const from of [...imports.keys()].sort()) {
      const file = operationModule(from);
      const path = at.includes("/") ? (file.includes("/") ? `./${file.slice(file.indexOf("/") + 1)}` : `../${file}`) : `./${file}`;
      const named = imports.get(from)!;
      out += `import type ${named.length ? `{ ${named.join(", ")} }` : "{}"} from "${path}.js";\n`;
    }
    for (const n of names) out += `\n${declarations.get(n)!.text}`;
    return out;
  };
  const namesAt = (at: string) => [...declarations.keys()].filter((n) => where(n) === at);

  let shapes = banner;
  shapes += tsdoc({
    text: [
      `The ${svc.serviceFullName} events map, which each operation module (\`@cloudtrail-schema/types/${svc.name}/<Operation>\`) ` +
        "extends. The declarations several operations share are in `./shapes/`, one module for each set of operations that reach them.",
    ],
    tags: ["@packageDocumentation"],
  });
  const shared = moduleText(namesAt(SHAPES_MODULE), SHAPES_MODULE);
  if (record && !shared.startsWith(`import type * as ${ROOT} `)) shapes += `import type * as ${ROOT} from "${ROOT_FROM_OPERATION}";\n`;
  shapes += shared;
  if (record) {
    const sources = [svc.eventSource, ...(svc.otherEventSources ?? [])].map((s) => JSON.stringify(s)).join(" | ");
    shapes += `\n${tsdoc({
      text: [
        `The record of a ${svc.name} operation: the envelope with ${svc.name}'s eventSource, the operation's eventName and its ` +
          "payloads. Each operation's event extends it (`interface CreatePolicyEvent extends …<\"CreatePolicy\", …>`).",
      ],
    })}`;
    shapes += `export interface ${record}<EventName extends string, RequestParameters, ResponseElements> extends ${RECORD} {\n`;
    shapes += `  eventSource: ${sources};\n  eventName: EventName;\n`;
    shapes += `  requestParameters?: RequestParameters | null;\n  responseElements?: ResponseElements | null;\n}\n`;
  }
  const keys = eventKeys(svc);
  const aliased = svc.operations.find((op) => keys.get(op.name)!.length > 1);
  shapes += `\n${tsdoc({
    text: [
      `The ${svc.name} event types in the program, by operation name: each operation module adds its own.` +
        (aliased ? ` An operation's event is also here under each other eventName CloudTrail logs it under (\`${keys.get(aliased.name)![1]}\`).` : ""),
    ],
  })}`;
  shapes += `export interface ${own.events} {}\n\n`;
  shapes += tsdoc({ text: [`Any ${svc.name} event in the program. \`switch (event.eventName)\` narrows it to one operation's event.`] });
  shapes += `export type ${own.event} = ${own.events}[keyof ${own.events}];\n\n`;
  shapes += `declare module "${ROOT_FROM_OPERATION}" {\n  interface CloudTrailServices {\n`;
  shapes += tsdoc({ text: [`${svc.serviceFullName}: its event types, by operation name.`] }, "    ");
  shapes += `    ${propertyKey(svc.name)}: ${own.events};\n  }\n}\n`;
  files.set(`${svc.name}/${SHAPES_MODULE}.d.ts`, shapes);

  for (const chunk of chunkOf.values()) {
    const at = `${SHAPES_MODULE}/${chunk}`;
    files.set(`${svc.name}/${at}.d.ts`, moduleText(namesAt(at), at).replace(/^\n/, ""));
  }

  for (const op of svc.operations) {
    let out = moduleText(namesAt(op.name), op.name).replace(/^\n/, "");
    out += `\ndeclare module "./${SHAPES_MODULE}.js" {\n  interface ${own.events} {\n`;
    for (const key of keys.get(op.name)!) out += `    ${propertyKey(key)}: ${ops.get(op.name)!.event};\n`;
    out += `  }\n}\n`;
    files.set(`${svc.name}/${operationModule(op.name)}.d.ts`, out);
  }

  let entry = banner;
  entry += tsdoc({
    text: [
      `CloudTrail events of ${svc.serviceFullName} (${svc.eventSource === ANY_EVENT_SOURCE ? "from any eventSource" : `eventSource \`${svc.eventSource}\``}` +
        `${svc.apiVersion ? `, API version ${svc.apiVersion}` : ""}).`,
      modelDoc(svc.doc),
      `Importing this module, even as \`import type {} from "@cloudtrail-schema/types/${svc.name}"\`, registers all its events with ` +
        `\`CloudTrailEvent<"${svc.name}", Operation>\` of the package root. A program that handles a few operations imports ` +
        `those instead (\`@cloudtrail-schema/types/${svc.name}/<Operation>\`): the compiler then reads only their declarations.`,
      svc.curated ? undefined : `An operation's full documentation: \`cloudtrail-schema show ${svc.name}.<Operation>\`.`,
    ],
    tags: ["@packageDocumentation"],
  });
  entry += `export * from "./${svc.name}/${SHAPES_MODULE}.js";\n`;
  for (const chunk of chunkOf.values()) entry += `export * from "./${svc.name}/${SHAPES_MODULE}/${chunk}.js";\n`;
  for (const op of svc.operations) entry += `export * from "./${svc.name}/${operationModule(op.name)}.js";\n`;
  files.set(`${svc.name}.d.ts`, entry);

  return { files, text: [...files.values()].join("\n"), renamed: namer.renamed };
}

/**
 * The keys an operation's event is registered under in the service's events map: its name, then each
 * other eventName CloudTrail logs it under (lambda's `CreateFunction20150331`, s3's
 * `PutBucketPublicAccessBlock`), so `CloudTrailEvent<"lambda", "CreateFunction20150331">` names what a
 * record or an EventBridge rule says. An eventName that is another operation's name, or that two
 * operations share, stays out: its key would declare two event types.
 */
export function eventKeys(svc: LoggedService): Map<string, string[]> {
  const owners = new Map<string, Set<string>>();
  for (const op of svc.operations) for (const n of op.eventNames) (owners.get(n) ?? owners.set(n, new Set()).get(n)!).add(op.name);
  const names = new Set(svc.operations.map((op) => op.name));
  return new Map(
    svc.operations.map((op) => [op.name, [op.name, ...op.eventNames.filter((n) => n !== op.name && !names.has(n) && owners.get(n)!.size === 1)]]),
  );
}

/** The home of the declarations no operation reaches (shapes only errors use) and of what they refer to. */
const UNREACHED = "";

/**
 * Each declaration's home: the operation whose event alone reaches it; for one that several reach, the
 * list of those operations (`RunInstances,StartInstances`), so a program that imports a few operations
 * reads the declarations they reach and no others; `UNREACHED` for the declarations no event reaches and
 * everything they refer to. A declaration's references are reached by every operation
 * that reaches it, so a home only ever imports from homes of more operations, or from `UNREACHED`: no cycles.
 */
function homes(declarations: ReadonlyMap<string, Declaration>, roots: ReadonlyMap<string, readonly string[]>): Map<string, string> {
  const reachedBy = new Map<string, string[]>();
  for (const [op, names] of roots) {
    const seen = new Set<string>();
    const queue = [...names];
    while (queue.length) {
      const n = queue.pop()!;
      if (seen.has(n) || !declarations.has(n)) continue;
      seen.add(n);
      queue.push(...declarations.get(n)!.refs);
    }
    for (const n of seen) reachedBy.set(n, [...(reachedBy.get(n) ?? []), op]);
  }
  const home = new Map([...reachedBy].map(([n, ops]) => [n, ops.join(",")]));
  const queue = [...declarations.keys()].filter((n) => !home.has(n));
  while (queue.length) {
    const n = queue.pop()!;
    home.set(n, UNREACHED);
    for (const r of declarations.get(n)!.refs) if (declarations.has(r) && home.get(r) !== UNREACHED) queue.push(r);
  }
  return home;
}

/**
 * A file name for each home several operations share: its first declaration's name, unique in the
 * service even where file names are not case-sensitive (`_2` after a clash).
 */
function chunkNames(declarations: ReadonlyMap<string, Declaration>, home: ReadonlyMap<string, string>, operations: ReadonlySet<string>): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set([...operations].map((o) => o.toLowerCase()));
  for (const n of declarations.keys()) {
    const h = home.get(n)!;
    if (operations.has(h) || names.has(h)) continue;
    let name = n.replace(/^\$/, "_");
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${n}_${i}`;
    taken.add(name.toLowerCase());
    names.set(h, name);
  }
  return names;
}

function defaultDefDoc(def: string, t: LogType, svc: LoggedService): string {
  const m = /^(.*)\.(request|response)$/.exec(def);
  const shape = t.shape ?? m?.[1] ?? def;
  return m
    ? `The \`${shape}\` structure as ${svc.name} logs it in ${m[2] === "request" ? "requestParameters" : "responseElements"}.`
    : `The \`${shape}\` structure of ${svc.serviceFullName}.`;
}

/**
 * An operation's event: the envelope with the fields that identify the operation narrowed to literals and
 * its payloads typed. Members carry no TSDoc of their own: editors show the envelope's (`CloudTrailRecord`
 * declares every one of them), which keeps 19,000 events from repeating the same four comments.
 * Declares the event and its payloads; returns their names.
 */
function operation(
  p: Printer,
  svc: LoggedService,
  op: LoggedOperation,
  names: OpNames,
  modelDoc: ModelDoc,
  declare: (name: string, text: string, refs?: ReadonlySet<string>) => void,
  /** The service's generic operation record (`IamRecord`), declared in its shapes module; none for a service of any eventSource. */
  record: string | undefined,
): string[] {
  const eventSource = op.eventSource ?? (svc.eventSource === ANY_EVENT_SOURCE ? undefined : svc.eventSource);
  const where = [
    eventSource ? `eventSource ${[eventSource, ...(op.eventSource ? [] : (svc.otherEventSources ?? []))].map((s) => `\`${s}\``).join(" or ")}` : undefined,
    op.eventNames.length ? `eventName ${op.eventNames.map((n) => `\`${n}\``).join(" or ")}` : undefined,
    ...(op.match ?? []).map((m) => `${m.path.join(".")} \`${m.value}\``),
  ].filter(Boolean);
  let out = tsdoc({
    text: [modelDoc(op.doc) ?? `The CloudTrail record of ${svc.name} \`${op.name}\`${where.length ? `: ${where.join(", ")}` : ""}.`],
    ...(op.deprecated ? { deprecated: true } : {}),
    tags: svc.uid && !svc.curated ? [`@see {@link ${apiReference(svc.uid, op.name)} | ${op.name} in the AWS API reference}`] : [],
  });
  // Read here, not at load: envelope.ts imports this module, so its constants are not set yet when this one loads.
  const base = isInsights(op) ? `${ROOT}.${INSIGHTS_RECORD_TYPE}` : RECORD;
  const request = op.request ? names.request : UNMODELED;
  const response = op.response ? names.response : UNMODELED;
  const eventNames = op.eventNames.map((n) => JSON.stringify(n)).join(" | ");
  // Most events are the service's record with a name and two payloads (19,000 of them: 2.5 MB as members).
  const plain = record !== undefined && base === RECORD && !op.eventSource && op.eventNames.length > 0 && !op.match?.length && !op.additionalEventData && !op.serviceEventDetails;
  if (plain) out += `export interface ${names.event} extends ${record}<${eventNames}, ${request}, ${response}> {}\n`;
  else {
    const members: string[] = [];
    const eventSources = eventSource ? [eventSource, ...(op.eventSource ? [] : (svc.otherEventSources ?? []))] : [];
    if (eventSource) members.push(`eventSource: ${eventSources.map((s) => JSON.stringify(s)).join(" | ")};`);
    if (op.eventNames.length) members.push(`eventName: ${eventNames};`);
    for (const [field, value] of matchMembers(op.match ?? [], base)) members.push(`${propertyKey(field)}: ${value};`);
    members.push(`requestParameters?: ${request} | null;`);
    members.push(`responseElements?: ${response} | null;`);
    for (const [field] of EXTRA_PAYLOADS) {
      const t = op[field];
      if (t) members.push(`${field}?: ${names[field] ?? p.expr(t).text} | null;`);
    }
    out += `export interface ${names.event} extends ${base} {\n${members.map((m) => `  ${m}\n`).join("")}}\n`;
  }
  // The event refers to its payloads by name (declared next) and to the root's types, beside what it printed.
  const refs = p.take();
  for (const n of [plain ? record! : base, request, response, names.additionalEventData, names.serviceEventDetails]) if (n) refs.add(n);
  declare(names.event, out, refs);
  const declared: string[] = [names.event];
  const part = (t: LogType | null, name: string, field: string, shape: string | undefined) => {
    if (!t) return;
    // The shape's own documentation says little here ("Contains the response to a successful CreatePolicy request").
    // The shape is named only where botocore's name is not the operation's own (`<Op>Request`, `<Op>Output`…).
    const conventional = shape?.startsWith(op.name) === true && /^(Request|Input|Response|Output|Result)$/.test(shape.slice(op.name.length));
    const what = `\`${field}\` of ${svc.name} \`${op.name}\`${shape && !conventional ? ` (botocore shape \`${shape}\`)` : ""}.`;
    declare(name, p.declaration(name, t, tsdoc({ text: [what] })));
    declared.push(name);
  };
  part(op.request, names.request, "requestParameters", op.inputShape);
  part(op.response, names.response, "responseElements", op.outputShape);
  for (const [field] of EXTRA_PAYLOADS) if (names[field]) part(op[field] ?? null, names[field], field, undefined);
  return declared;
}

/** The operation's page in the AWS API reference (AWS's redirect by the model's `metadata.uid`). */
export const apiReference = (uid: string, operation: string): string => `https://docs.aws.amazon.com/goto/WebAPI/${uid}/${operation}`;

/** An operation matched on `insightDetails` is an Insights record: it extends the envelope's Insights record type. */
const isInsights = (op: LoggedOperation): boolean => (op.match ?? []).some((m) => m.path[0] === INSIGHTS_FIELD);

/**
 * Record fields with a constant value (`eventType: "AwsServiceEvent"`), as members. A nested path narrows
 * the envelope's own type of its first field: `insightDetails: $Record["insightDetails"] & { insightType: "…" }`.
 */
function matchMembers(match: readonly { path: string[]; value: string }[], base: string): [string, string][] {
  type Tree = { [key: string]: Tree | string };
  const tree: Tree = {};
  for (const { path, value } of match) {
    let node = tree;
    path.forEach((key, i) => {
      if (i === path.length - 1) node[key] = value;
      else node = (typeof node[key] === "object" ? node[key] : (node[key] = {})) as Tree;
    });
  }
  const literal = (t: Tree | string): string =>
    typeof t === "string"
      ? JSON.stringify(t)
      : `{ ${Object.entries(t)
          .map(([k, v]) => `${propertyKey(k)}: ${literal(v)}`)
          .join("; ")} }`;
  return Object.entries(tree).map(([field, t]) => [field, typeof t === "string" ? literal(t) : `${base}[${JSON.stringify(field)}] & ${literal(t)}`]);
}
