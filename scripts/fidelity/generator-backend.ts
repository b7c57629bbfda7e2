/**
 * A stand-in for @cloudtrail-schema/runtime, built in-process from the generator's stages (project, emit)
 * and ajv, so the report runs on the schemas the current rules produce without a build, and before the
 * runtime exists. It follows the runtime's documented contract:
 *
 * - resolve: curated non-API schemas first (the generator's resolveCurated), then (eventSource, eventName)
 *   among the operations' eventNames; several candidates (shared eventSources) are narrowed by the record's
 *   apiVersion (separators ignored), then to operations the model does not mark deprecated (cloudhsm
 *   classic vs cloudhsmv2), then the service named like the eventSource, then the first by name.
 * - getEventSchema: the operation's `.event` definition with every definition it may reach, envelope
 *   included (its definitions prefixed `envelope.`), so the document is self-contained.
 * - validate: ajv (draft 2020-12) on that schema; strict mode through the generator's toStrict.
 */
import { join } from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { createContext } from "../../packages/generator/src/context.js";
import { curatedServices, resolveCurated } from "../../packages/generator/src/curated/index.js";
import { emitServiceSchema, ENVELOPE_ID, VOCABULARY } from "../../packages/generator/src/emit-schema.js";
import { envelopeSchema } from "../../packages/generator/src/envelope.js";
import { logService } from "../../packages/generator/src/generate.js";
import type { LoggedService } from "../../packages/generator/src/log-model.js";
import { openSnapshot } from "../../packages/generator/src/load.js";
import { normalize } from "../../packages/generator/src/normalize.js";
import { project } from "../../packages/generator/src/project/index.js";
import { toStrict } from "../../packages/generator/src/modes.js";
import type { Rule } from "../../packages/generator/src/project/rule.js";
import type { Catalog, FidelityBackend, Mode, Resolved, Validation } from "./backend.js";

type Json = Record<string, unknown>;

export interface GeneratorBackendOptions {
  snapshotDir?: string;
  /** Rules to project with (default: the generator's RULES); the report's "before" figure passes the naive rule alone. */
  rules?: readonly Rule[];
  /** Label for the report header. */
  name?: string;
  /**
   * Project in full only the services logging under these eventSources (plus services named like their
   * prefix); the others are listed in the catalogue without their eventName aliases. Saves most of the
   * start-up time; default: all.
   */
  eventSources?: ReadonlySet<string>;
}

const ENVELOPE_PREFIX = "envelope.";

export function generatorBackend(options: GeneratorBackendOptions = {}): FidelityBackend {
  const snapshot = openSnapshot(options.snapshotDir ?? join(import.meta.dirname, "..", "..", "data", "botocore"));
  const ctx = createContext(snapshot, { docs: false, ...(options.rules ? { rules: options.rules } : {}) });
  const logged = new Map<string, LoggedService>();
  const wanted = options.eventSources;
  const prefixes = new Set([...(wanted ?? [])].map((s) => s.replace(/\.amazonaws\.com$/, "")));
  for (const s of ctx.services) {
    if (!wanted || prefixes.has(s)) {
      logged.set(s, logService(snapshot, s, ctx));
      continue;
    }
    // The eventSource alone first (no operation projected): cheap.
    const model = normalize(s, snapshot.read(s), { botocoreVersion: snapshot.botocoreVersion, docs: false });
    const head = project(model, { rules: ctx.rules, operations: [] });
    logged.set(
      s,
      wanted.has(head.eventSource)
        ? project(model, { rules: ctx.rules })
        : { ...head, operations: model.operations.map((o) => ({ name: o.name, eventNames: [o.name], request: null, response: null, readOnly: false })) },
    );
  }
  for (const s of curatedServices()) logged.set(s.name, s);

  const catalog: Catalog = { services: {} };
  const bySource = new Map<string, string[]>();
  for (const [name, svc] of [...logged].sort(([a], [b]) => (a < b ? -1 : 1))) {
    catalog.services[name] = {
      eventSource: svc.eventSource,
      protocol: svc.protocol,
      ...(svc.curated ? { curated: true } : {}),
      operations: Object.fromEntries(svc.operations.map((o) => [o.name, { eventNames: o.eventNames }])),
    };
    if (svc.curated) continue;
    if (!bySource.has(svc.eventSource)) bySource.set(svc.eventSource, []);
    bySource.get(svc.eventSource)!.push(name);
  }

  // Self-contained documents: envelope definitions copied in under a prefix, references rewritten.
  const envelope = envelopeSchema(snapshot.botocoreVersion) as Json;
  const rewrite = (v: unknown, local: (def: string) => string): unknown => {
    if (Array.isArray(v)) return v.map((x) => rewrite(x, local));
    if (typeof v !== "object" || v === null) return v;
    const out: Json = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === "$ref" && typeof x === "string") {
        const [base, frag = ""] = x.split("#");
        const m = /^\/\$defs\/(.+)$/.exec(frag);
        const name = m ? decodeURIComponent(m[1]!) : undefined;
        if (base === ENVELOPE_ID && name) out[k] = `#/$defs/${encodeURIComponent(ENVELOPE_PREFIX + name)}`;
        else if (base === "" && name) out[k] = `#/$defs/${encodeURIComponent(local(name))}`;
        else out[k] = x;
      } else out[k] = rewrite(x, local);
    }
    return out;
  };
  const envelopeDefs = Object.fromEntries(
    Object.entries(envelope.$defs as Json).map(([k, v]) => [ENVELOPE_PREFIX + k, rewrite(v, (d) => ENVELOPE_PREFIX + d)]),
  );

  const docs = new Map<string, Json>();
  const doc = (service: string): Json => {
    let d = docs.get(service);
    if (!d) {
      const svc = logged.get(service);
      if (!svc) throw new Error(`unknown service "${service}"`);
      const emitted = emitServiceSchema(svc, { botocoreVersion: snapshot.botocoreVersion }) as Json;
      const defs = rewrite(emitted.$defs, (x) => x) as Json;
      d = { $schema: emitted.$schema, $id: `urn:fidelity:${service}`, $defs: { ...defs, ...envelopeDefs } };
      docs.set(service, d);
    }
    return d;
  };

  const ajv: Record<Mode, InstanceType<typeof Ajv2020>> = {
    compatible: makeAjv(),
    strict: makeAjv(),
  };
  const added = new Set<string>();
  const validators = new Map<string, ValidateFunction>();
  const validator = (service: string, operation: string, mode: Mode): ValidateFunction => {
    const key = `${mode} ${service} ${operation}`;
    let v = validators.get(key);
    if (!v) {
      const id = `urn:fidelity:${service}`;
      if (!added.has(`${mode} ${service}`)) {
        ajv[mode].addSchema(mode === "strict" ? toStrict(doc(service) as never) : doc(service), `${id}`);
        added.add(`${mode} ${service}`);
      }
      v = ajv[mode].getSchema(`${id}#/$defs/${encodeURIComponent(`${operation}.event`)}`);
      if (!v) throw new Error(`no event schema for ${service} ${operation}`);
      validators.set(key, v);
    }
    return v;
  };

  const resolveEvent = (record: unknown): Resolved | undefined => {
    const curated = resolveCurated(record);
    if (curated) return curated;
    if (typeof record !== "object" || record === null) return undefined;
    const r = record as Json;
    if (typeof r.eventSource !== "string" || typeof r.eventName !== "string") return undefined;
    const candidates: Resolved[] = [];
    for (const service of bySource.get(r.eventSource) ?? []) {
      for (const op of logged.get(service)!.operations) {
        if (op.eventNames.includes(r.eventName)) candidates.push({ service, operation: op.name });
      }
    }
    if (candidates.length <= 1) return candidates[0];
    let pool = candidates;
    if (typeof r.apiVersion === "string") {
      const want = r.apiVersion.replace(/[-_]/g, "");
      const hit = pool.filter((c) => logged.get(c.service)!.apiVersion.replace(/[-_]/g, "") === want);
      if (hit.length) pool = hit;
    }
    const current = pool.filter((c) => !logged.get(c.service)!.operations.find((o) => o.name === c.operation)!.deprecated);
    if (current.length) pool = current;
    const prefix = r.eventSource.replace(/\.amazonaws\.com$/, "");
    const home = pool.filter((c) => c.service === prefix);
    if (home.length) pool = home;
    const exact = pool.filter((c) => c.operation === r.eventName);
    if (exact.length) pool = exact;
    return pool[0];
  };

  return {
    name: options.name ?? "generator stand-in (in-process project + emit, ajv)",
    catalog,
    resolveEvent,
    getEventSchema(service, operation, { mode }) {
      const d = doc(service);
      const root = { $schema: d.$schema, $ref: `#/$defs/${encodeURIComponent(`${operation}.event`)}`, $defs: d.$defs };
      return mode === "strict" ? (toStrict(root as never) as Json) : root;
    },
    validateEvent(record, { mode }): Validation {
      const r = resolveEvent(record);
      if (!r) return { valid: false, errors: [{ path: "", message: "no operation for this eventSource and eventName" }] };
      // As the runtime: strict needs a model, and an unmodeled call has none.
      if (r.unmodeled && mode === "strict") return { valid: false, service: r.service, operation: r.operation, errors: [{ path: "/eventName", message: "unmodeled" }] };
      const v = validator(r.service, r.operation, mode);
      const valid = v(record) as boolean;
      const missing = trimmedFields(record);
      return {
        valid,
        service: r.service,
        operation: r.operation,
        errors: valid ? [] : (v.errors ?? []).map((e) => ({ path: e.instancePath, message: `${e.keyword}: ${e.message ?? ""}` })),
        ...(missing.length ? { trimmed: true as const, missingFields: missing } : {}),
      };
    },
  };
}

/** As the runtime's trimmed.ts: strict's required envelope fields a record that names its event lacks. */
const STRICT_REQUIRED = (() => {
  const rec = envelopeSchema("").$defs["Record"] as { "x-model"?: { required?: string[] }; else?: { "x-model"?: { required?: string[] } } };
  return { all: rec["x-model"]?.required ?? [], activity: rec.else?.["x-model"]?.required ?? [] };
})();

function trimmedFields(record: unknown): string[] {
  if (typeof record !== "object" || record === null || Array.isArray(record)) return [];
  const r = record as Json;
  const insight = typeof r.insightDetails === "object" && r.insightDetails !== null && !Array.isArray(r.insightDetails);
  const names = insight || (typeof r.eventSource === "string" && typeof r.eventName === "string");
  if (!names || !("eventTime" in r || "eventID" in r || "eventVersion" in r)) return [];
  const want = insight ? STRICT_REQUIRED.all : [...STRICT_REQUIRED.all, ...STRICT_REQUIRED.activity];
  return [...new Set(want.filter((k) => !(k in r)))].sort();
}

function makeAjv() {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
  ajv.addVocabulary([...VOCABULARY]);
  return ajv;
}
