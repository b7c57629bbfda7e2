/**
 * `sampleEvent(service, operation)`: a small record of the operation that is valid in both modes, built
 * from the strict schema: the envelope fields a real record has (with realistic values), the event's
 * eventSource and eventName, and in requestParameters and responseElements the members the model requires.
 *
 * The walk follows the schema: `$ref`, `anyOf`/`oneOf` (non-null alternatives first), `if`/`then`/`else`,
 * objects (required members), arrays (minItems), strings (enum, length, pattern: see pattern.ts), numbers
 * (bounds). Every choice is checked with the runtime's own validator, so what comes out is valid or the
 * call throws CloudTrailSchemaError E_USAGE naming the operation.
 */
import { compile, compileDef, type SchemaDoc } from "../compile.js";
import { checkOperation, getService, servicesOfSource } from "../data.js";
import { CloudTrailSchemaError } from "../errors.js";
import { setOwn } from "../keywords.js";
import { sampleString } from "./pattern.js";

type Json = { readonly [k: string]: unknown };
const FAIL: unique symbol = Symbol("no sample");
type Out = unknown | typeof FAIL;

/** Values a real record would have, used wherever the schema accepts them. */
const REALISTIC: { readonly [name: string]: unknown } = {
  eventVersion: "1.11",
  eventTime: "2024-05-01T12:00:00Z",
  awsRegion: "us-east-1",
  sourceIPAddress: "203.0.113.10",
  userAgent: "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.79 exe/x86_64",
  eventID: "6a8f3c2e-1b4d-4e7f-9a0b-2c3d4e5f6a7b",
  requestID: "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9",
  eventType: "AwsApiCall",
  recipientAccountId: "111122223333",
  managementEvent: true,
  eventCategory: "Management",
  readOnly: false,
  userIdentity: {
    type: "IAMUser",
    principalId: "AIDAEXAMPLEEXAMPLE01",
    arn: "arn:aws:iam::111122223333:user/example",
    accountId: "111122223333",
    accessKeyId: "AKIAIOSFODNN7EXAMPLE",
    userName: "example",
  },
};

/** Optional fields filled in anyway: what every API call record carries. */
const ALWAYS = new Set([...Object.keys(REALISTIC), "requestParameters", "responseElements"]);

const MAX_DEPTH = 40;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export function sampleEvent(service: string, operation: string): Record<string, unknown> {
  return sample(service, operation, undefined);
}

/**
 * How much of the optional content a rich sample fills in: members and list items below requestParameters
 * and responseElements, up to a depth and a number of values per record, so that ec2 DescribeInstances
 * stays a record a reader can take in.
 */
export interface Richness {
  /** Object nesting below the record's top level that still gets optional members. */
  depth: number;
  /** Values filled in beyond the required ones, per payload (requestParameters, responseElements). */
  budget: number;
}

/** The record makeEvent starts from: sampleEvent's, with optional members and realistic values filled in. */
export function richSampleEvent(service: string, operation: string, richness: Richness = { depth: 14, budget: 30 }): Record<string, unknown> {
  return sample(service, operation, { ...richness, service });
}

function sample(service: string, operation: string, rich: (Richness & { service: string }) | undefined): Record<string, unknown> {
  const svc = getService(service);
  const op = checkOperation(svc, operation);
  const doc = svc.doc();
  const event = new Sampler(rich).gen(doc.def(`${op}.event`), doc, 0, undefined);
  const check = compileDef(doc, `${op}.event`, "strict");
  // Services sharing an eventSource (rds, docdb, neptune) are told apart by apiVersion, as real records are.
  if (isObject(event) && !svc.curated && servicesOfSource(svc.eventSource).length > 1) (event as { apiVersion?: string }).apiVersion = svc.apiVersion;
  if (event === FAIL || !isObject(event) || !check.check(event, null)) {
    // Filling optional members one by one cannot see constraints across them (if/then on a sibling's
    // value): such an operation gets the plain sample.
    if (rich) return sample(service, operation, undefined);
    throw new CloudTrailSchemaError("E_USAGE", `sampleEvent: cannot build a valid ${svc.name} ${op} record from its schema`);
  }
  return event as Record<string, unknown>;
}

/** Compiled schema nodes, per document (a node object belongs to one document). */
const compiled = new WeakMap<SchemaDoc, Map<unknown, (v: unknown) => boolean>>();

class Sampler {
  /** Values still to fill beyond the required ones (rich samples only). */
  private budget = 0;
  /** Whether the walk is inside requestParameters or responseElements. */
  private inPayload = false;
  constructor(private readonly rich?: Richness & { service: string }) {}

  /** Whether `value` is valid under `schema` (strict). */
  private accepts(schema: unknown, doc: SchemaDoc, value: unknown): boolean {
    let checks = compiled.get(doc);
    if (!checks) compiled.set(doc, (checks = new Map()));
    let test = checks.get(schema);
    if (!test) {
      const node = compile(schema, doc, "strict", "#");
      test = (v) => node.check(v, null);
      checks.set(schema, test);
    }
    return test(value);
  }

  /** Whether a rich sample may fill one more optional value at this depth (and spend it). */
  private spend(depth: number): boolean {
    if (!this.rich || !this.inPayload || depth > this.rich.depth || this.budget <= 0) return false;
    this.budget--;
    return true;
  }

  gen(schema: unknown, doc: SchemaDoc, depth: number, name: string | undefined): Out {
    if (depth > MAX_DEPTH) return FAIL;
    if (schema === true) return name !== undefined && name in REALISTIC ? structuredClone(REALISTIC[name]) : "sample";
    if (!isObject(schema)) return FAIL;
    const s: Json = isObject(schema["x-model"]) ? { ...schema, ...schema["x-model"] } : schema;

    if (s.const !== undefined) return structuredClone(s.const);
    if (Array.isArray(s.enum)) return s.enum.length ? structuredClone(s.enum[0]) : FAIL;
    if (name !== undefined && name in REALISTIC && this.accepts(schema, doc, REALISTIC[name])) return structuredClone(REALISTIC[name]);

    let base: Out;
    if (typeof s.$ref === "string") {
      const target = doc.resolve(s.$ref);
      if (!target) return FAIL;
      base = this.gen(target[0].def(target[1]), target[0], depth + 1, name);
      if (base === FAIL) return FAIL;
    }
    const options = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
    // A rich sample tries the value a reader expects first (an ISO timestamp where the model allows three
    // renderings, an IAM role ARN where a pattern allows it).
    if (Array.isArray(options) && this.rich && this.inPayload && name !== undefined && base === undefined) {
      const v = realisticString(name, this.rich.service);
      if (this.accepts(schema, doc, v)) return v;
    }
    if (Array.isArray(options)) {
      // Prefer an alternative with content: a null requestParameters says nothing about the operation.
      const ordered = [...options].sort((a, b) => Number(isNullOnly(a)) - Number(isNullOnly(b)));
      let picked: Out = FAIL;
      for (const o of ordered) {
        const v = this.gen(o, doc, depth + 1, name);
        if (v !== FAIL && this.accepts(o, doc, v)) {
          picked = v;
          break;
        }
      }
      if (picked === FAIL) return FAIL;
      base = base === undefined ? picked : merge(base, picked);
    }
    if (Array.isArray(s.allOf)) {
      for (const part of s.allOf) {
        const v = this.gen(part, doc, depth + 1, name);
        if (v === FAIL) return FAIL;
        base = base === undefined ? v : merge(base, v);
      }
    }

    switch (typeOf(s, base)) {
      case "object":
        return this.object(s, doc, depth, isObject(base) ? { ...base } : {});
      case "array": {
        const n = typeof s.minItems === "number" ? s.minItems : 0;
        const items: unknown[] = [];
        for (let i = 0; i < n; i++) {
          const v = this.gen(s.items ?? true, doc, depth + 1, undefined);
          if (v === FAIL) return FAIL;
          items.push(v);
        }
        // A rich sample shows one item of a list that may be empty (a list of nothing says little).
        if (n === 0 && this.spend(depth) && s.items !== undefined && (typeof s.maxItems !== "number" || s.maxItems > 0)) {
          const v = this.gen(s.items, doc, depth + 1, name);
          if (v !== FAIL && this.accepts(s.items, doc, v)) items.push(v);
        }
        return items;
      }
      case "string": {
        if (base !== undefined && typeof base === "string") return base;
        const min = (s.minLength as number) ?? 0;
        const max = (s.maxLength as number) ?? Infinity;
        if (this.rich && this.inPayload && name !== undefined) {
          const v = realisticString(name, this.rich.service);
          if (v.length >= min && v.length <= max && (s.pattern === undefined || this.accepts(s, doc, v))) return v;
        }
        return sampleString(s.pattern as string | undefined, min, max) ?? FAIL;
      }
      case "integer":
      case "number":
        return number(s, typeOf(s, base) === "integer");
      case "boolean":
        return false;
      case "null":
        return null;
      default:
        return base === undefined ? "sample" : base;
    }
  }

  private object(s: Json, doc: SchemaDoc, depth: number, obj: { [k: string]: unknown }): Out {
    const props = isObject(s.properties) ? s.properties : {};
    const extra = s.additionalProperties === undefined || s.additionalProperties === false ? true : s.additionalProperties;
    const required = Array.isArray(s.required) ? (s.required as string[]) : [];
    const fill = (k: string, schema: unknown): boolean => {
      // Optional content goes only into the payloads, with a budget each; the envelope is makeEvent's.
      const payload = depth === 0 && this.rich !== undefined && (k === "requestParameters" || k === "responseElements");
      if (payload) [this.inPayload, this.budget] = [true, this.rich!.budget];
      const v = this.gen(schema, doc, depth + 1, k);
      if (payload) this.inPayload = false;
      if (v === FAIL) return false;
      setOwn(obj, k, v);
      return true;
    };
    for (const [k, p] of Object.entries(props)) {
      const pinned = isObject(p) && (p.const !== undefined || Array.isArray(p.enum));
      const have = Object.prototype.hasOwnProperty.call(obj, k);
      // A rich sample builds the payloads from the operation's own definitions, not the envelope's `{}`.
      const payload = this.rich !== undefined && depth === 0 && (k === "requestParameters" || k === "responseElements");
      if (have && !payload && this.accepts(p, doc, obj[k])) continue;
      if (have || required.includes(k) || ALWAYS.has(k) || pinned) {
        if (!fill(k, p) && (required.includes(k) || have)) return FAIL;
      }
    }
    // A rich sample fills optional members too, checked one by one: a member that cannot be made valid on
    // its own is left out. Inside requestParameters/responseElements only (depth 0 is the record itself,
    // whose optional envelope fields REALISTIC and makeEvent decide).
    if (this.rich && this.inPayload) {
      for (const [k, p] of Object.entries(props)) {
        if (Object.prototype.hasOwnProperty.call(obj, k) || !this.spend(depth)) continue;
        const v = this.gen(p, doc, depth + 1, k);
        if (v !== FAIL && this.accepts(p, doc, v)) setOwn(obj, k, v);
      }
    }
    for (const k of required) if (!Object.prototype.hasOwnProperty.call(obj, k) && !fill(k, extra)) return FAIL;
    const min = typeof s.minProperties === "number" ? s.minProperties : 0;
    for (const k of Object.keys(props)) {
      if (Object.keys(obj).length >= min) break;
      if (!Object.prototype.hasOwnProperty.call(obj, k)) fill(k, props[k]);
    }
    if (s.if !== undefined) {
      const branch = this.accepts(s.if, doc, obj) ? s.then : s.else;
      if (branch !== undefined) {
        const more = this.gen(branch, doc, depth + 1, undefined);
        if (more === FAIL) return FAIL;
        if (isObject(more)) for (const [k, v] of Object.entries(more)) if (!Object.prototype.hasOwnProperty.call(obj, k)) setOwn(obj, k, v);
      }
    }
    return obj;
  }
}

/**
 * A value a reader recognises for a string member without a pattern, from the member's name: ARNs, ids,
 * names, policy documents, Regions, accounts. Lengths are checked by the caller.
 */
export function realisticString(name: string, service: string): string {
  const words = name
    .replace(/^_+/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const last = words.at(-1) ?? "";
  const stem = (words.length > 1 ? words.slice(0, -1) : []).join("-") || "resource";
  if (last === "role" || (last === "arn" && stem === "role")) return "arn:aws:iam::111122223333:role/example-role";
  if (last === "arn" || last === "arns") return `arn:aws:${service}:us-east-1:111122223333:${stem}/example-${stem}`;
  if (last === "date" || last === "time" || last === "timestamp" || /[a-z]At$/.test(name)) return "2024-06-11T14:03:27Z";
  if (last === "id" || last === "ids" || last === "identifier") return `${stem}-0a1b2c3d4e5f67890`;
  if (last === "name" || last === "names") return `example-${stem}`;
  if (last === "region") return "us-east-1";
  if (last === "account" || (last === "id" && stem === "account")) return "111122223333";
  if (last === "document" || last === "policy") {
    return '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::amzn-s3-demo-bucket/*"}]}';
  }
  if (last === "description" || last === "comment" || last === "message") return `Example ${words.join(" ")}`;
  if (last === "url" || last === "uri" || last === "endpoint") return `https://example.com/${stem}`;
  if (last === "email") return "user@example.com";
  if (last === "path") return "/";
  if (last === "token") return "AQoDYXdzEJr...EXAMPLE";
  return `example-${words.join("-") || "value"}`;
}

function isNullOnly(s: unknown): boolean {
  if (!isObject(s)) return false;
  const m = isObject(s["x-model"]) ? { ...s, ...s["x-model"] } : s;
  return m.type === "null" || (Array.isArray(m.anyOf) && m.anyOf.every(isNullOnly));
}

function typeOf(s: Json, base: unknown): string | undefined {
  const t = s.type;
  if (typeof t === "string") return t;
  if (Array.isArray(t)) return (t.find((x) => x !== "null") ?? t[0]) as string;
  if (base !== undefined) return base === null ? "null" : Array.isArray(base) ? "array" : typeof base === "object" ? "object" : undefined;
  if (s.properties !== undefined || s.required !== undefined || s.additionalProperties !== undefined) return "object";
  if (s.items !== undefined || s.minItems !== undefined) return "array";
  if (s.pattern !== undefined || s.minLength !== undefined || s.maxLength !== undefined) return "string";
  if (s.minimum !== undefined || s.maximum !== undefined) return "number";
  return undefined;
}

function number(s: Json, integer: boolean): Out {
  let lo = typeof s.minimum === "number" ? s.minimum : typeof s.exclusiveMinimum === "number" ? s.exclusiveMinimum + (integer ? 1 : 0.5) : 0;
  const hi = typeof s.maximum === "number" ? s.maximum : typeof s.exclusiveMaximum === "number" ? s.exclusiveMaximum - (integer ? 1 : 0.5) : Infinity;
  if (lo < 0 && hi >= 0) lo = 0;
  if (integer) lo = Math.ceil(lo);
  if (typeof s.multipleOf === "number") lo = Math.ceil(lo / s.multipleOf) * s.multipleOf;
  return lo <= hi ? lo : FAIL;
}

function merge(a: unknown, b: unknown): unknown {
  if (isObject(a) && isObject(b)) {
    const out: { [k: string]: unknown } = { ...a };
    for (const [k, v] of Object.entries(b)) if (!Object.prototype.hasOwnProperty.call(out, k)) setOwn(out, k, v);
    return out;
  }
  return a;
}
