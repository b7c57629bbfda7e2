/**
 * Read the pinned botocore model snapshot (`data/botocore/`): a manifest and one gzip-compressed
 * `service-2.json` per service. This is the pipeline's only input; nothing here touches the network.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { GeneratorError } from "./errors.js";

// node:crypto and node:zlib cost milliseconds to load; the CLI lists services without either and never
// verifies hashes, so they are loaded on first use.
const crypto = () => process.getBuiltinModule("node:crypto");
const zlib = () => process.getBuiltinModule("node:zlib");

export interface SnapshotManifest {
  botocoreVersion: string;
  services: Record<string, { apiVersion: string; file: string; sha256: string; sourceSha256?: string }>;
}

export interface Snapshot {
  dir: string;
  botocoreVersion: string;
  /** Service names, sorted. */
  services: readonly string[];
  apiVersion(service: string): string;
  /** The raw botocore JSON of one service. */
  read(service: string): unknown;
  /** The same model as bytes of JSON, not parsed (the CLI parses only the parts one lookup needs). */
  readBytes(service: string): Buffer;
  /** The path of a service's compressed model file. */
  file(service: string): string;
}

/**
 * Where the snapshot lives: `$CLOUDTRAIL_SCHEMA_SNAPSHOT`, the copy shipped inside the package
 * (`<package>/data/botocore`), or the repository's `data/botocore` when running from a checkout.
 */
export function defaultSnapshotDir(): string {
  const env = process.env.CLOUDTRAIL_SCHEMA_SNAPSHOT;
  if (env) return resolve(env);
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, "..", "data", "botocore"), join(here, "..", "..", "..", "data", "botocore")]) {
    if (existsSync(join(candidate, "manifest.json"))) return candidate;
  }
  throw new GeneratorError(
    "E_SNAPSHOT",
    `botocore model snapshot not found next to ${here}; set CLOUDTRAIL_SCHEMA_SNAPSHOT to a data/botocore directory`,
  );
}

export function openSnapshot(dir: string = defaultSnapshotDir(), options: { verify?: boolean } = {}): Snapshot {
  const manifestPath = join(dir, "manifest.json");
  let manifest: SnapshotManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as SnapshotManifest;
  } catch (e) {
    throw new GeneratorError("E_SNAPSHOT", `cannot read snapshot manifest ${manifestPath}: ${(e as Error).message}`);
  }
  if (typeof manifest?.botocoreVersion !== "string" || typeof manifest.services !== "object") {
    throw new GeneratorError("E_SNAPSHOT", `${manifestPath}: not a snapshot manifest (botocoreVersion, services)`);
  }
  const services = Object.keys(manifest.services).sort();
  const entry = (service: string) => {
    const e = manifest.services[service];
    if (!e) throw new GeneratorError("E_UNKNOWN_SERVICE", `unknown service "${service}" (botocore ${manifest.botocoreVersion})`);
    return e;
  };
  return {
    dir,
    botocoreVersion: manifest.botocoreVersion,
    services,
    apiVersion: (service) => entry(service).apiVersion,
    read(service) {
      const path = join(dir, entry(service).file);
      try {
        return JSON.parse(readBytes(service).toString("utf8"));
      } catch (err) {
        if (err instanceof GeneratorError) throw err;
        throw new GeneratorError("E_SNAPSHOT", `${path}: not gzip-compressed JSON: ${(err as Error).message}`);
      }
    },
    readBytes,
    file: (service) => join(dir, entry(service).file),
  };

  function readBytes(service: string): Buffer {
    const e = entry(service);
    const path = join(dir, e.file);
    let gz: Buffer;
    try {
      gz = readFileSync(path);
    } catch (err) {
      throw new GeneratorError("E_SNAPSHOT", `cannot read ${path}: ${(err as Error).message}`);
    }
    if (options.verify) {
      const sum = crypto().createHash("sha256").update(gz).digest("hex");
      if (sum !== e.sha256) throw new GeneratorError("E_SNAPSHOT", `${path}: sha256 ${sum} does not match the manifest (${e.sha256})`);
    }
    try {
      return zlib().gunzipSync(gz, gunzipOptions(gz));
    } catch (err) {
      throw new GeneratorError("E_SNAPSHOT", `${path}: not gzip-compressed JSON: ${(err as Error).message}`);
    }
  }
}

/**
 * One output chunk the size the gzip trailer announces (ISIZE) instead of zlib's 16 KiB default: a third
 * less time on ec2's 3.4 MB, which the CLI's lookup budget notices.
 */
export function gunzipOptions(gz: Buffer): { chunkSize: number } {
  const size = gz.length >= 4 ? gz.readUInt32LE(gz.length - 4) : 0;
  return { chunkSize: Math.min(Math.max(size + 64, 64 * 1024), 256 * 1024 * 1024) };
}
