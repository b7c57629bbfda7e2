/**
 * `node --import tsx scripts/build-data.ts [--types DIR] [--out DIR]`: the runtime's data, from the full
 * schemas the generator wrote beside @cloudtrail-schema/types, in its `build/schemas/` (not published):
 * the published `schemas/` are the compatible form only, and strict mode needs the model's constraints,
 * the `x-model` overlay those full documents keep.
 *
 *   generated/index.cjs             service -> [eventSource, apiVersion, curated?, otherEventSources?] (what resolveEvent reads first)
 *   generated/schemas/envelope.cjs  the record envelope's definitions
 *   generated/schemas/<service>.cjs one service: operations, eventName aliases, definitions
 *
 * Definitions keep only what validates (documentation stays in @cloudtrail-schema/types) and are stored
 * compressed: a service module is a few string literals, cheap to parse, and small inside a bundle. Every schema is checked first: keywords the validator implements, `$ref`s that resolve,
 * patterns that compile; a problem fails the build and names the place. A reference into another document
 * is written relative in the files (`envelope.json#/$defs/Record`) and stored absolute, resolved against the
 * document's `$id`: the runtime serves definitions under other `$id`s (getEventSchema's), where a relative
 * reference would resolve elsewhere.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { brotliCompressSync, constants } from "node:zlib";
import { ANNOTATION_KEYWORDS, mapSchema, setOwn, VALIDATION_KEYWORDS, X_MODEL } from "../src/keywords.js";

const ENVELOPE_ID = "https://cloudtrail-schema.dev/schemas/envelope.json";
/** Where the generator writes the full schemas (with `x-model`), relative to the types package. */
const FULL_SCHEMAS = join("build", "schemas");
const FORMAT = 1;

interface ManifestEntry {
  eventSource: string;
  otherEventSources?: string[];
  apiVersion: string;
  curated?: boolean;
  operations: Record<string, { eventNames: string[]; readOnly?: boolean; deprecated?: boolean }>;
}
interface Manifest {
  botocoreVersion: string;
  services: Record<string, ManifestEntry>;
}
type Json = { readonly [k: string]: unknown };

const STRUCTURE = new Set(["$schema", "$id", "$defs", X_MODEL]);

/** Check one document; returns its definitions without annotations. */
function prepare(file: string, doc: Json, problems: string[], envelopeDefs: ReadonlySet<string> | null): Record<string, unknown> {
  const defs = doc.$defs as Json | undefined;
  if (!defs || typeof defs !== "object") {
    problems.push(`${file}: no $defs`);
    return {};
  }
  const id = typeof doc.$id === "string" ? doc.$id : undefined;
  const absolute = (ref: unknown, loc: string): unknown => {
    if (typeof ref !== "string" || ref.startsWith("#")) return ref;
    try {
      return new URL(ref, id).href;
    } catch {
      problems.push(`${loc}/$ref: ${JSON.stringify(ref)} is not a URI reference resolvable against $id ${JSON.stringify(id)}`);
      return ref;
    }
  };
  const slim = mapSchema({ $defs: defs }, `${file}#`, (node, loc) => {
    const out: { [k: string]: unknown } = {};
    for (let [k, v] of Object.entries(node)) {
      if (ANNOTATION_KEYWORDS.has(k)) continue;
      if (!VALIDATION_KEYWORDS.has(k) && !STRUCTURE.has(k)) problems.push(`${loc}: keyword "${k}" is not implemented by the runtime's validator`);
      if (k === "$ref") v = absolute(v, loc);
      if (k === "$ref") checkRef(v, loc, defs, envelopeDefs, problems);
      if (k === "pattern" || (k === X_MODEL && typeof (v as Json).pattern === "string")) {
        const p = k === "pattern" ? v : (v as Json).pattern;
        try {
          new RegExp(p as string, "u");
        } catch (e) {
          problems.push(`${loc}/${k}: pattern does not compile with the u flag: ${(e as Error).message}`);
        }
      }
      if (k === X_MODEL) {
        for (const mk of Object.keys(v as Json)) {
          if (!VALIDATION_KEYWORDS.has(mk)) problems.push(`${loc}/x-model: keyword "${mk}" is not implemented by the runtime's validator`);
          if (mk === "$ref") {
            v = { ...(v as Json), $ref: absolute((v as Json).$ref, `${loc}/x-model`) };
            checkRef((v as Json).$ref, `${loc}/x-model`, defs, envelopeDefs, problems);
          }
        }
      }
      setOwn(out, k, v);
    }
    return out;
  }) as { $defs: Record<string, unknown> };
  return slim.$defs;
}

function checkRef(ref: unknown, loc: string, defs: Json, envelopeDefs: ReadonlySet<string> | null, problems: string[]): void {
  if (typeof ref !== "string") return void problems.push(`${loc}/$ref: not a string`);
  const hash = ref.indexOf("#");
  const base = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? "" : ref.slice(hash + 1);
  const m = /^\/\$defs\/([^/]+)$/.exec(fragment);
  const name = m ? decodeURIComponent(m[1]!.replace(/~1/g, "/").replace(/~0/g, "~")) : undefined;
  if (base === "" && name !== undefined && Object.prototype.hasOwnProperty.call(defs, name)) return;
  if (base === ENVELOPE_ID && name !== undefined && envelopeDefs?.has(name)) return;
  problems.push(`${loc}/$ref: ${JSON.stringify(ref)} does not resolve to a definition`);
}

/**
 * Definitions as lines `name<TAB>json` (so the runtime parses only those a record reaches), brotli
 * (quality 9: ec2 compresses to 78 KB in 0.2 s; 11 saves 10% for 20x the time), base64.
 */
function pack(defs: Record<string, unknown>): string {
  let text = "";
  for (const name of Object.keys(defs)) {
    if (/[\t\n]/.test(name)) throw new Error(`build-data: definition name ${JSON.stringify(name)} contains a tab or newline`);
    text += `${name}\t${JSON.stringify(defs[name])}\n`;
  }
  const raw = Buffer.from(text, "utf8");
  return brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }).toString("base64");
}

const cjs = (value: unknown): string =>
  `"use strict";\n// Generated by @cloudtrail-schema/runtime's build from @cloudtrail-schema/types. Do not edit.\nmodule.exports = ${JSON.stringify(value)};\n`;

function main(): void {
  const here = new URL("..", import.meta.url).pathname;
  const { values } = parseArgs({ options: { types: { type: "string" }, out: { type: "string" } } });
  const typesDir = resolve(values.types ?? join(here, "../types"));
  const outDir = resolve(values.out ?? join(here, "generated"));
  const t0 = performance.now();

  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(typesDir, "manifest.json"), "utf8")) as Manifest;
  } catch (e) {
    throw new Error(`build-data: cannot read ${join(typesDir, "manifest.json")} (build @cloudtrail-schema/generator first): ${(e as Error).message}`);
  }
  const schemasDir = join(typesDir, FULL_SCHEMAS);
  const read = (name: string): Json => {
    try {
      return JSON.parse(readFileSync(join(schemasDir, `${name}.json`), "utf8")) as Json;
    } catch (e) {
      throw new Error(`build-data: cannot read ${join(schemasDir, `${name}.json`)} (the generator writes it: build @cloudtrail-schema/generator first): ${(e as Error).message}`);
    }
  };
  const problems: string[] = [];

  const envelopeDoc = read("envelope");
  const envelopeDefs = prepare("envelope.json", envelopeDoc, problems, null);

  const files = new Map<string, string>();
  files.set("schemas/envelope.cjs", cjs({ format: FORMAT, defs: pack(envelopeDefs as Record<string, unknown>) }));
  const index: Record<string, [string, string] | [string, string, 1] | [string, string, 0 | 1, string[]]> = {};
  const services = Object.keys(manifest.services).sort();
  const onDisk = new Set(readdirSync(schemasDir).map((f) => f.replace(/\.json$/, "")));
  let operations = 0;
  let bytes = 0;
  for (const service of services) {
    const entry = manifest.services[service]!;
    if (!onDisk.has(service)) {
      problems.push(`manifest.json: service ${service} has no ${FULL_SCHEMAS}/${service}.json`);
      continue;
    }
    if (!/^[a-z0-9][a-z0-9-]*$/.test(service)) problems.push(`manifest.json: service name ${JSON.stringify(service)} cannot be a file name`);
    const defs = prepare(`${service}.json`, read(service), problems, new Set(Object.keys(envelopeDefs)));
    const ops = Object.keys(entry.operations).sort();
    const eventNames: Record<string, string[]> = {};
    for (const op of ops) {
      if (!Object.prototype.hasOwnProperty.call(defs, `${op}.event`)) problems.push(`${service}.json: no definition "${op}.event"`);
      const names = entry.operations[op]!.eventNames;
      if (names.length !== 1 || names[0] !== op) eventNames[op] = names;
    }
    operations += ops.length;
    const data = pack(defs);
    bytes += data.length;
    const others = entry.otherEventSources ?? [];
    index[service] = others.length ? [entry.eventSource, entry.apiVersion, entry.curated ? 1 : 0, others] : entry.curated ? [entry.eventSource, entry.apiVersion, 1] : [entry.eventSource, entry.apiVersion];
    // One character per operation (sorted), "1" where CloudTrail marks its records readOnly: what
    // testing's makeEvent writes, 170 bytes for iam.
    const readOnly = ops.map((op) => (entry.operations[op]!.readOnly ? "1" : "0")).join("");
    // Operations the model marks deprecated, which resolution passes over when another service under the
    // same eventSource has the eventName (cloudhsm classic's CreateHsm against cloudhsmv2's).
    const deprecated = ops.filter((op) => entry.operations[op]!.deprecated === true);
    const body = { format: FORMAT, service, eventSource: entry.eventSource, ...(others.length ? { otherEventSources: others } : {}), apiVersion: entry.apiVersion, curated: entry.curated === true, operations: ops, eventNames, readOnly, ...(deprecated.length ? { deprecated } : {}), defs: data };
    // The envelope comes along by a static require: a bundler that takes a service takes the envelope once.
    files.set(`schemas/${service}.cjs`, `${cjs(body)}module.exports.envelope = require("./envelope.cjs");\n`);
  }
  files.set("index.cjs", cjs({ format: FORMAT, botocoreVersion: manifest.botocoreVersion, services: index }));

  if (problems.length) {
    const shown = problems.slice(0, 30).map((p) => `  ${p}`).join("\n");
    throw new Error(`build-data: ${problems.length} problem(s) in the generated schemas:\n${shown}${problems.length > 30 ? "\n  …" : ""}`);
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, "schemas"), { recursive: true });
  for (const [path, text] of files) writeFileSync(join(outDir, path), text);
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  process.stdout.write(`build-data: ${services.length} services, ${operations} operations, ${(bytes / 1e6).toFixed(1)} MB of packed definitions into ${outDir} in ${s} s\n`);
}

try {
  main();
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 1;
}
