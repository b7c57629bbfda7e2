/**
 * Update the pinned botocore models, regenerate, and record what changed.
 *
 *   pnpm update-models <botocore version | botocore-*.whl | python3-botocore_*.deb | botocore data dir>
 *
 * 1. Find the source: a path as `pnpm import-botocore` takes it, or a version (`1.43.120`), whose wheel is
 *    downloaded from PyPI (its JSON API names the wheel and its sha256, which is checked).
 * 2. Import it into a staging snapshot and diff it against the current one (scripts/model-diff.ts): only
 *    services whose model bytes changed are projected and compared.
 * 3. Replace the snapshot, regenerate the schemas and declarations, and write the report under
 *    `## [Unreleased]` in CHANGELOG.md with the proposed version bump.
 *
 * I/O lives here; the diff and the changelog edit are pure functions.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { openSnapshot } from "../packages/generator/src/load.js";
import { normalize } from "../packages/generator/src/normalize.js";
import { project } from "../packages/generator/src/project/index.js";
import { readSource, writeSnapshot } from "./import-botocore.js";
import { diffModels, renderReport, type ModelDiff, type ModelSet } from "./model-diff.js";

const ROOT = resolve(import.meta.dirname, "..");

export type UpdateErrorCode = "E_USAGE" | "E_SOURCE" | "E_DOWNLOAD" | "E_CHANGELOG";

export class UpdateModelsError extends Error {
  override name = "UpdateModelsError";
  constructor(
    readonly code: UpdateErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const VERSION = /^\d+\.\d+\.\d+$/;
export const PYPI = "https://pypi.org";

/** Every service of a snapshot directory, projected on demand; fingerprinted by the bytes botocore shipped. */
export function modelSetOf(dir: string): ModelSet {
  const snapshot = openSnapshot(dir);
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { services: Record<string, { sha256: string; sourceSha256?: string }> };
  const services = new Map(
    snapshot.services.map((name) => {
      const entry = manifest.services[name]!;
      return [
        name,
        {
          fingerprint: entry.sourceSha256 ?? entry.sha256,
          load: () => project(normalize(name, snapshot.read(name), { botocoreVersion: snapshot.botocoreVersion })),
        },
      ] as const;
    }),
  );
  return { botocoreVersion: snapshot.botocoreVersion, services };
}

/**
 * The report under `## [Unreleased]`, newest first; the heading is added (after the preamble) when the
 * changelog has none.
 */
export function insertReport(changelog: string, report: string): string {
  const lines = changelog.split("\n");
  const unreleased = lines.findIndex((l) => /^## \[Unreleased\]/i.test(l));
  if (unreleased >= 0) {
    let at = unreleased + 1;
    while (at < lines.length && lines[at]!.trim() === "") at++;
    lines.splice(at, 0, ...report.trimEnd().split("\n"), "");
    return lines.join("\n");
  }
  const firstRelease = lines.findIndex((l) => l.startsWith("## "));
  if (firstRelease < 0) throw new UpdateModelsError("E_CHANGELOG", "CHANGELOG.md has neither `## [Unreleased]` nor a release heading (`## [x.y.z]`) to put the report above");
  lines.splice(firstRelease, 0, "## [Unreleased]", "", ...report.trimEnd().split("\n"), "");
  return lines.join("\n");
}

type Fetch = (url: string) => Promise<{ ok: boolean; status: number; statusText: string; json(): Promise<unknown>; arrayBuffer(): Promise<ArrayBuffer> }>;

/** Download botocore `version`'s wheel from a PyPI-compatible index into `dir`; its sha256 is checked. */
export async function downloadWheel(version: string, dir: string, options: { fetch?: Fetch; index?: string } = {}): Promise<string> {
  const get = options.fetch ?? (globalThis.fetch as unknown as Fetch);
  const meta = `${(options.index ?? PYPI).replace(/\/$/, "")}/pypi/botocore/${version}/json`;
  const request = async (url: string) => {
    try {
      const res = await get(url);
      if (res.status === 404) throw new UpdateModelsError("E_DOWNLOAD", `botocore ${version} is not on the package index (404 from ${url})`);
      if (!res.ok) throw new UpdateModelsError("E_DOWNLOAD", `${url} answered ${res.status} ${res.statusText}`);
      return res;
    } catch (e) {
      if (e instanceof UpdateModelsError) throw e;
      const cause = (e as Error & { cause?: Error }).cause?.message ?? (e as Error).message;
      throw new UpdateModelsError(
        "E_DOWNLOAD",
        `cannot download ${url}: ${cause}. Offline? Pass a botocore wheel, Debian's python3-botocore .deb or an extracted botocore data directory instead of a version.`,
      );
    }
  };
  const info = (await (await request(meta)).json()) as { urls?: { filename: string; url: string; packagetype: string; digests?: { sha256?: string } }[] };
  const wheel = info.urls?.find((u) => u.packagetype === "bdist_wheel" && u.filename.endsWith(".whl"));
  if (!wheel) throw new UpdateModelsError("E_DOWNLOAD", `${meta} lists no wheel for botocore ${version}`);
  const bytes = Buffer.from(await (await request(wheel.url)).arrayBuffer());
  const sum = createHash("sha256").update(bytes).digest("hex");
  if (wheel.digests?.sha256 && wheel.digests.sha256 !== sum) {
    throw new UpdateModelsError("E_DOWNLOAD", `${wheel.url}: sha256 ${sum} does not match the index's ${wheel.digests.sha256}`);
  }
  const file = join(dir, wheel.filename.replace(/[/\\]/g, "_"));
  writeFileSync(file, bytes);
  return file;
}

export interface UpdateOptions {
  /** A botocore version, or a wheel, .deb or data directory. */
  source: string;
  /** The snapshot to update (default data/botocore). */
  data?: string;
  /** The changelog to write the report into (default CHANGELOG.md). */
  changelog?: string;
  /** Where to regenerate schemas and declarations (default packages/types); false: do not regenerate. */
  out?: string | false;
  fetch?: Fetch;
  index?: string;
  log?: (line: string) => void;
}

export async function updateModels(options: UpdateOptions): Promise<ModelDiff> {
  const log = options.log ?? (() => {});
  const data = resolve(options.data ?? join(ROOT, "data", "botocore"));
  const changelogPath = resolve(options.changelog ?? join(ROOT, "CHANGELOG.md"));
  if (!existsSync(changelogPath)) throw new UpdateModelsError("E_CHANGELOG", `${changelogPath}: no such file (the report is written into it)`);
  const work = mkdtempSync(join(tmpdir(), "update-models-"));
  try {
    let path = options.source;
    if (!existsSync(path)) {
      if (!VERSION.test(path)) throw new UpdateModelsError("E_USAGE", `${path}: no such file or directory, and not a botocore version (x.y.z)`);
      log(`downloading botocore ${path} from ${options.index ?? PYPI}`);
      path = await downloadWheel(path, work, options);
    }
    let source: ReturnType<typeof readSource>;
    try {
      source = readSource(path);
    } catch (e) {
      throw new UpdateModelsError("E_SOURCE", (e as Error).message);
    }
    const staging = join(work, "snapshot");
    writeSnapshot(source, staging);
    const diff = diffModels(modelSetOf(data), modelSetOf(staging));
    log(`botocore ${diff.from} -> ${diff.to}: ${diff.changes.length} changes, proposed bump ${diff.bump}`);
    writeSnapshot(source, data);
    if (options.out !== false) {
      // Imported here: the generator's emitters load ts-morph and json-schema-to-typescript.
      const { generateAll } = await import("../packages/generator/src/pipeline.js");
      const out = resolve(options.out ?? join(ROOT, "packages", "types"));
      const r = await generateAll({ out, snapshotDir: data });
      log(`regenerated ${r.services} services, ${r.operations} operations into ${out}`);
    }
    if (diff.bump !== "none") writeFileSync(changelogPath, insertReport(readFileSync(changelogPath, "utf8"), renderReport(diff)));
    return diff;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const USAGE = `Usage: pnpm update-models <botocore version | botocore-*.whl | python3-botocore_*.deb | botocore data dir> [options]

Imports botocore's models into the snapshot, regenerates the schemas and declarations, and writes what
changed (services, operations, fields; breaking type changes) and the proposed semver bump under
"## [Unreleased]" in CHANGELOG.md. A version (1.43.120) is downloaded from PyPI.

Options:
  --data DIR        the snapshot to update (default data/botocore)
  --changelog FILE  the changelog to write into (default CHANGELOG.md)
  --out DIR         regenerate into DIR (default packages/types)
  --no-generate     do not regenerate (run pnpm build later)
  --index URL       a PyPI-compatible index (default ${PYPI})
  -h, --help        this help
`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export async function main(argv: string[], io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: "string" },
        changelog: { type: "string" },
        out: { type: "string" },
        "no-generate": { type: "boolean" },
        index: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    io.err(`update-models: ${(e as Error).message} (see --help)\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    io.err(`update-models: ${positionals.length === 0 ? "missing the botocore version or path" : `one source expected, got ${positionals.length}: ${positionals.join(" ")}`} (see --help)\n`);
    return 2;
  }
  try {
    const diff = await updateModels({
      source: positionals[0]!,
      ...(values.data ? { data: values.data } : {}),
      ...(values.changelog ? { changelog: values.changelog } : {}),
      ...(values["no-generate"] ? { out: false as const } : values.out ? { out: values.out } : {}),
      ...(values.index ? { index: values.index } : {}),
      log: (line) => io.err(`${line}\n`),
    });
    io.out(diff.bump === "none" ? `botocore ${diff.from} -> ${diff.to}: no model changes; CHANGELOG.md untouched\n` : renderReport(diff));
    return 0;
  } catch (e) {
    if (e instanceof UpdateModelsError) {
      io.err(`update-models: ${e.message}\n`);
      return e.code === "E_USAGE" ? 2 : 1;
    }
    throw e;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) process.exitCode = await main(process.argv.slice(2));
