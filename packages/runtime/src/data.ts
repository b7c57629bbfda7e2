/**
 * Where the schemas come from, one service at a time and only when first needed.
 *
 * The build writes `generated/index.cjs` (service -> eventSource, apiVersion) and one module per service,
 * `generated/schemas/<service>.cjs`, whose definitions are gzip+base64 and decoded on first use. In Node
 * they are loaded with `require` from the package's own directory. A bundle (a Lambda built with esbuild)
 * cannot see that directory; it imports the services it needs instead and registers them:
 *
 *   import iam from "@cloudtrail-schema/runtime/schemas/iam";
 *   registerSchemas(iam);
 *
 * Importing this module does nothing: no file is read until a function asks for a service.
 */
import { createRequire } from "node:module";
import { brotliDecompressSync } from "node:zlib";
import { type SchemaDoc } from "./compile.js";
import { closeMatches, CloudTrailSchemaError, suggest } from "./errors.js";

const FORMAT = 1;
const ENVELOPE_ID = "https://cloudtrail-schema.dev/schemas/envelope.json";

/** What `@cloudtrail-schema/runtime/schemas/<service>` exports: one service's schemas, ready to register. */
export interface SchemaPack {
  format: number;
  service: string;
  eventSource: string;
  /** Other eventSources some of the service's records carry (s3: s3express.amazonaws.com). Absent when none. */
  otherEventSources?: string[];
  apiVersion: string;
  curated: boolean;
  /** Operation names, sorted. */
  operations: string[];
  /** The eventNames of operations that CloudTrail does not log under their own name. */
  eventNames: { [operation: string]: string[] };
  /** One character per operation of `operations`: "1" where CloudTrail marks its records `readOnly`. Absent in packs built before it. */
  readOnly?: string;
  /** Operations the model marks deprecated; absent when there are none. */
  deprecated?: string[];
  /** The definitions: lines `name<TAB>json`, brotli, base64. */
  defs: string;
  envelope: { format: number; defs: string };
}

interface Index {
  botocoreVersion?: string;
  /** service -> [eventSource, apiVersion, curated?, otherEventSources?] */
  services: { [service: string]: [string, string] | [string, string, 1] | [string, string, 0 | 1, string[]] };
}

/** A loaded service. */
export interface Service {
  name: string;
  eventSource: string;
  apiVersion: string;
  curated: boolean;
  operations: ReadonlySet<string>;
  /** eventName -> operation. */
  byEventName: ReadonlyMap<string, string>;
  /** operation -> its eventNames. */
  eventNamesOf(operation: string): readonly string[];
  /** Whether CloudTrail marks the operation's records `readOnly` (Get*, List*, Describe*, per the model). */
  isReadOnly(operation: string): boolean;
  /** Whether the model marks the operation deprecated. */
  isDeprecated(operation: string): boolean;
  /** Decoded on first call. */
  doc(): SchemaDoc;
}

const registered = new Map<string, SchemaPack>();
const loaded = new Map<string, Service>();
let index: Index | null | undefined;
let envelope: SchemaDoc | undefined;
let bySource: Map<string, string[]> | undefined;

/**
 * Make services' schemas available without reading the package's files (bundles). Registered services
 * take precedence over the package's own.
 */
export function registerSchemas(...packs: SchemaPack[]): void {
  for (const p of packs) {
    if (!p || typeof p !== "object" || p.format !== FORMAT || typeof p.service !== "string" || typeof p.defs !== "string") {
      throw new CloudTrailSchemaError("E_USAGE", "registerSchemas: expects what @cloudtrail-schema/runtime/schemas/<service> exports");
    }
    registered.set(p.service, p);
    loaded.delete(p.service);
  }
  bySource = undefined;
}

// ---------------------------------------------------------------------------------------------------------
// The package's own files

let req: NodeRequire | null | undefined;

/** `require` relative to this module, or null where there is none (a CommonJS bundle, a browser). */
function nodeRequire(): NodeRequire | null {
  if (req === undefined) {
    try {
      req = createRequire(import.meta.url);
    } catch {
      req = null;
    }
  }
  return req;
}

function loadGenerated(file: string): unknown {
  const r = nodeRequire();
  if (r === null) return undefined;
  try {
    return r(`../generated/${file}`);
  } catch (e) {
    if ((e as { code?: string }).code === "MODULE_NOT_FOUND") return undefined;
    throw e;
  }
}

function loadIndex(): Index | null {
  if (index === undefined) {
    const i = loadGenerated("index.cjs") as Index | undefined;
    index = i && i.services ? i : null;
  }
  return index;
}

function unavailable(what: string): CloudTrailSchemaError {
  return new CloudTrailSchemaError(
    "E_SCHEMAS_UNAVAILABLE",
    `${what}: the runtime's generated schemas are not there (run the runtime's build), and none were registered. ` +
      'In a bundle, import the services you validate: import iam from "@cloudtrail-schema/runtime/schemas/iam"; registerSchemas(iam).',
  );
}

// ---------------------------------------------------------------------------------------------------------
// Lookups

/** Every service that can be loaded: the package's and the registered ones. */
export function serviceNames(): string[] {
  const names = new Set(registered.keys());
  const i = loadIndex();
  if (i) for (const s of Object.keys(i.services)) names.add(s);
  if (names.size === 0) throw unavailable("listing services");
  return [...names].sort();
}

export function isKnownService(name: string): boolean {
  if (registered.has(name)) return true;
  const i = loadIndex();
  return i !== null && Object.prototype.hasOwnProperty.call(i.services, name);
}

/** Services logging under an eventSource (curated ones aside: they are found by resolveCurated). */
export function servicesOfSource(eventSource: string): readonly string[] {
  if (bySource === undefined) {
    const map = new Map<string, string[]>();
    const add = (service: string, source: string, curated: boolean) => {
      if (curated) return;
      const list = map.get(source) ?? [];
      if (!list.includes(service)) list.push(service);
      map.set(source, list);
    };
    const i = loadIndex();
    if (i) {
      for (const [s, [source, , curated, others]] of Object.entries(i.services)) {
        for (const src of [source, ...(others ?? [])]) add(s, src, curated === 1);
      }
    }
    for (const p of registered.values()) for (const src of [p.eventSource, ...(p.otherEventSources ?? [])]) add(p.service, src, p.curated);
    if (!i && registered.size === 0) throw unavailable("resolving a record");
    for (const list of map.values()) list.sort();
    bySource = map;
  }
  return bySource.get(eventSource) ?? [];
}

/** The service, loaded; throws E_UNKNOWN_SERVICE for a name the schemas do not have. */
export function getService(name: string): Service {
  const have = loaded.get(name);
  if (have) return have;
  let pack = registered.get(name);
  if (!pack) {
    const i = loadIndex();
    if (i === null && registered.size === 0) throw unavailable(`loading service "${name}"`);
    if (typeof name !== "string" || !(i && Object.prototype.hasOwnProperty.call(i.services, name))) {
      const suggestions = closeMatches(String(name), serviceNames());
      throw new CloudTrailSchemaError("E_UNKNOWN_SERVICE", `unknown service "${String(name)}".${suggest(suggestions)}`, [], suggestions);
    }
    pack = loadGenerated(`schemas/${name}.cjs`) as SchemaPack | undefined;
    if (!pack) throw unavailable(`loading service "${name}"`);
  }
  const service = fromPack(pack);
  loaded.set(name, service);
  return service;
}

/**
 * The operation's name in the service, given its name or an eventName CloudTrail logs it under (lambda's
 * `CreateFunction20150331`, s3's `PutBucketPublicAccessBlock`: what records and EventBridge rules say);
 * throws E_UNKNOWN_OPERATION.
 */
export function checkOperation(service: Service, operation: string): string {
  if (typeof operation === "string" && service.operations.has(operation)) return operation;
  const logged = typeof operation === "string" ? service.byEventName.get(operation) : undefined;
  if (logged !== undefined) return logged;
  const suggestions = closeMatches(String(operation), service.operations);
  throw new CloudTrailSchemaError(
    "E_UNKNOWN_OPERATION",
    `unknown operation "${String(operation)}" of service "${service.name}".${suggest(suggestions)}`,
    [],
    suggestions,
  );
}

export function botocoreVersion(): string | undefined {
  return loadIndex()?.botocoreVersion;
}

// ---------------------------------------------------------------------------------------------------------
// Decoding

/**
 * The definitions of a pack: base64 of brotli of lines `name<TAB>json`. Only the line index is built up
 * front; each definition is parsed when the validator first reaches it (ec2 has 3,342 definitions, a
 * RunInstances record reaches 71 of them).
 */
function definitions(packed: string): (name: string) => unknown {
  const text = brotliDecompressSync(Buffer.from(packed, "base64")).toString("utf8");
  const where = new Map<string, number>();
  for (let at = 0; at < text.length; ) {
    const tab = text.indexOf("\t", at);
    const end = text.indexOf("\n", tab);
    if (tab < 0 || end < 0) break;
    where.set(text.slice(at, tab), tab + 1);
    at = end + 1;
  }
  const parsed = new Map<string, unknown>();
  return (name) => {
    if (parsed.has(name)) return parsed.get(name);
    const start = where.get(name);
    const def = start === undefined ? undefined : (JSON.parse(text.slice(start, text.indexOf("\n", start))) as unknown);
    parsed.set(name, def);
    return def;
  };
}

/** `#/$defs/Name` (URI-encoded, JSON Pointer-escaped) -> Name. */
function defName(fragment: string): string | undefined {
  const m = /^\/\$defs\/([^/]+)$/.exec(fragment);
  return m ? decodeURIComponent(m[1]!).replace(/~1/g, "/").replace(/~0/g, "~") : undefined;
}

function splitRef(ref: string): [string, string | undefined] {
  const hash = ref.indexOf("#");
  return hash < 0 ? [ref, undefined] : [ref.slice(0, hash), defName(ref.slice(hash + 1))];
}

function envelopeDoc(pack: SchemaPack): SchemaDoc {
  if (envelope === undefined) {
    const doc: SchemaDoc = {
      prefix: "envelope.",
      def: definitions(pack.envelope.defs),
      resolve: (ref) => {
        const [base, name] = splitRef(ref);
        return (base === "" || base === ENVELOPE_ID) && name !== undefined ? [doc, name] : undefined;
      },
      cache: {},
    };
    envelope = doc;
  }
  return envelope;
}

function fromPack(pack: SchemaPack): Service {
  const byEventName = new Map<string, string>();
  for (const op of pack.operations) {
    for (const name of pack.eventNames[op] ?? [op]) if (!byEventName.has(name)) byEventName.set(name, op);
  }
  let doc: SchemaDoc | undefined;
  let readOnly: ReadonlySet<string> | undefined;
  return {
    name: pack.service,
    eventSource: pack.eventSource,
    apiVersion: pack.apiVersion,
    curated: pack.curated,
    operations: new Set(pack.operations),
    byEventName,
    eventNamesOf: (op) => pack.eventNames[op] ?? [op],
    isReadOnly: (op) => (readOnly ??= new Set(pack.operations.filter((_, i) => pack.readOnly?.[i] === "1"))).has(op),
    isDeprecated: (op) => pack.deprecated?.includes(op) === true,
    doc: () => {
      if (doc === undefined) {
        const env = envelopeDoc(pack);
        const d: SchemaDoc = {
          prefix: "",
          def: definitions(pack.defs),
          resolve: (ref) => {
            const [base, name] = splitRef(ref);
            if (name === undefined) return undefined;
            if (base === "") return [d, name];
            if (base === ENVELOPE_ID) return [env, name];
            return undefined;
          },
          cache: {},
        };
        doc = d;
      }
      return doc;
    },
  };
}
