/**
 * Import botocore's service models into the project's pinned snapshot (`data/botocore/`).
 *
 *   pnpm import-botocore <source> [--out data/botocore]
 *
 * <source> is one of:
 *   - an extracted botocore `data` directory (…/botocore/data), or any directory that contains one;
 *   - Debian's `python3-botocore_*.deb` (an `ar` archive; its data.tar.* is unpacked with the system `tar`);
 *   - a botocore wheel (`botocore-*.whl`, a zip archive, read here without extra tools).
 *
 * For each service the latest API version's `service-2.json` is kept, minified (documentation strings are
 * kept: users read them) and gzip-compressed; `manifest.json` names the botocore version and a sha256 of
 * every stored file. The output is deterministic: the same source gives byte-identical files.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { gzipSync, inflateRawSync } from "node:zlib";

class ImportError extends Error {
  override name = "ImportError";
}

/** A virtual file system over the source: paths relative to botocore's package root. */
interface ModelSource {
  version: string;
  /** service -> apiVersion -> service-2.json text */
  models: Map<string, Map<string, string>>;
}

const MODEL_PATH = /(?:^|\/)botocore\/data\/([^/]+)\/(\d{4}-\d{2}-\d{2})\/service-2\.json$/;

function collect(entries: Iterable<[path: string, read: () => Buffer]>, versionText: string | undefined): ModelSource {
  const models = new Map<string, Map<string, string>>();
  for (const [path, read] of entries) {
    const m = MODEL_PATH.exec(path);
    if (!m) continue;
    const [, service, apiVersion] = m as unknown as [string, string, string];
    if (!models.has(service)) models.set(service, new Map());
    models.get(service)!.set(apiVersion, read().toString("utf8"));
  }
  const version = versionText && /__version__\s*=\s*['"]([^'"]+)['"]/.exec(versionText)?.[1];
  if (!version) throw new ImportError("botocore/__init__.py with __version__ not found in the source");
  if (models.size === 0) throw new ImportError("no botocore/data/<service>/<api-version>/service-2.json found in the source");
  return { version, models };
}

function* walk(dir: string, prefix = ""): Generator<[string, () => Buffer]> {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) yield* walk(full, rel);
    else yield [rel, () => readFileSync(full)];
  }
}

function fromDirectory(dir: string): ModelSource {
  // Accept botocore/data itself, botocore/, or any ancestor (e.g. an extracted .deb).
  let root = resolve(dir);
  if (basename(root) === "data" && existsSync(join(root, "..", "__init__.py"))) root = resolve(root, "..", "..");
  else if (basename(root) === "botocore" && existsSync(join(root, "__init__.py"))) root = resolve(root, "..");
  let versionText: string | undefined;
  const entries: [string, () => Buffer][] = [];
  for (const [rel, read] of walk(root)) {
    if (rel.endsWith("botocore/__init__.py")) versionText = read().toString("utf8");
    if (MODEL_PATH.test(rel)) entries.push([rel, read]);
  }
  return collect(entries, versionText);
}

/** Debian packages are `ar` archives; the payload is data.tar.{xz,zst,gz}, unpacked with the system tar. */
function fromDeb(file: string): ModelSource {
  const buf = readFileSync(file);
  if (buf.subarray(0, 8).toString("latin1") !== "!<arch>\n") throw new ImportError(`${file}: not an ar archive (.deb)`);
  let off = 8;
  while (off + 60 <= buf.length) {
    const name = buf.subarray(off, off + 16).toString("latin1").trim().replace(/\/$/, "");
    const size = Number.parseInt(buf.subarray(off + 48, off + 58).toString("latin1").trim(), 10);
    const body = buf.subarray(off + 60, off + 60 + size);
    if (name.startsWith("data.tar")) {
      const tmp = mkdtempSync(join(tmpdir(), "botocore-deb-"));
      try {
        const archive = join(tmp, name);
        writeFileSync(archive, body);
        mkdirSync(join(tmp, "x"));
        execFileSync("tar", ["-xf", archive, "-C", join(tmp, "x")], { stdio: "pipe" });
        return fromDirectory(join(tmp, "x"));
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    }
    off += 60 + size + (size % 2);
  }
  throw new ImportError(`${file}: no data.tar.* member in the .deb`);
}

/** A wheel is a zip; read its central directory and inflate the entries we need. */
function fromWheel(file: string): ModelSource {
  const buf = readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ImportError(`${file}: not a zip archive (.whl)`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: [string, () => Buffer][] = [];
  let versionText: string | undefined;
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new ImportError(`${file}: corrupt zip central directory`);
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nlen = buf.readUInt16LE(p + 28);
    const elen = buf.readUInt16LE(p + 30);
    const clen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nlen).toString("utf8");
    p += 46 + nlen + elen + clen;
    const read = (): Buffer => {
      const lnlen = buf.readUInt16LE(local + 26);
      const lelen = buf.readUInt16LE(local + 28);
      const data = buf.subarray(local + 30 + lnlen + lelen, local + 30 + lnlen + lelen + csize);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new ImportError(`${file}: ${name} uses unsupported zip method ${method}`);
    };
    if (name === "botocore/__init__.py") versionText = read().toString("utf8");
    else if (MODEL_PATH.test(name)) entries.push([name, read]);
  }
  return collect(entries, versionText);
}

export function readSource(path: string): ModelSource {
  if (!existsSync(path)) throw new ImportError(`${path}: no such file or directory`);
  if (statSync(path).isDirectory()) return fromDirectory(path);
  if (path.endsWith(".deb")) return fromDeb(path);
  if (path.endsWith(".whl") || path.endsWith(".zip")) return fromWheel(path);
  throw new ImportError(`${path}: expected a botocore data directory, a .deb or a .whl`);
}

const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");

export function writeSnapshot(source: ModelSource, outDir: string): { services: number; bytes: number } {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const services: Record<string, { apiVersion: string; file: string; sha256: string; sourceSha256: string }> = {};
  let bytes = 0;
  for (const service of [...source.models.keys()].sort()) {
    const versions = source.models.get(service)!;
    // botocore loads the newest API version of a service: API versions are ISO dates, so they sort.
    const apiVersion = [...versions.keys()].sort().at(-1)!;
    const text = versions.get(apiVersion)!;
    const minified = JSON.stringify(JSON.parse(text));
    const gz = gzipSync(minified, { level: 9 });
    const file = `${service}.json.gz`;
    writeFileSync(join(outDir, file), gz);
    bytes += gz.length;
    services[service] = { apiVersion, file, sha256: sha256(gz), sourceSha256: sha256(text) };
  }
  const manifest = {
    botocoreVersion: source.version,
    note: "Generated by scripts/import-botocore.ts; do not edit. Each file is botocore's service-2.json (latest API version), minified and gzip-compressed.",
    services,
  };
  writeFileSync(join(outDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return { services: Object.keys(services).length, bytes };
}

function main(argv: string[]): number {
  const args = argv.slice(2);
  if (args.length === 0 || args.includes("--help") || args.includes("-h")) {
    process.stdout.write(
      "Usage: pnpm import-botocore <botocore data dir | python3-botocore_*.deb | botocore-*.whl> [--out DIR]\n" +
        "Writes the pinned model snapshot (default: data/botocore).\n",
    );
    return args.length === 0 ? 2 : 0;
  }
  const outIdx = args.indexOf("--out");
  const out = outIdx >= 0 ? args[outIdx + 1] : resolve(import.meta.dirname, "..", "data", "botocore");
  const src = args.find((a, i) => !a.startsWith("--") && (outIdx < 0 || i !== outIdx + 1));
  if (!src || !out) {
    process.stderr.write("import-botocore: missing source path (see --help)\n");
    return 2;
  }
  try {
    const source = readSource(src);
    const { services, bytes } = writeSnapshot(source, out);
    process.stdout.write(`botocore ${source.version}: ${services} services, ${(bytes / 1e6).toFixed(1)} MB -> ${out}\n`);
    return 0;
  } catch (e) {
    if (e instanceof ImportError) {
      process.stderr.write(`import-botocore: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) process.exitCode = main(process.argv);
