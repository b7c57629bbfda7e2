/**
 * What `validate PATH…` reads: files named, and under directories (recursively, sorted) the files named like
 * CloudTrail logs or NDJSON. Every file is checked readable before any work starts, so a typo is a usage
 * error naming the path, not a failure halfway. Then the work is cut into units: a file each, and a big
 * plain NDJSON file into byte ranges, so that one file keeps every worker busy.
 */
import { constants } from "node:fs";
import { access, open, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { GeneratorError } from "../../errors.js";
import type { Unit } from "./scan.js";

/** Under a directory: `.json`, `.json.gz` (CloudTrail's log files), `.ndjson`, `.jsonl` (and gzipped). */
const LOG_NAME = /\.(json|jsonl|ndjson)(\.gz)?$/i;

export interface InputFile {
  path: string;
  size: number;
}

const why = (e: unknown): string => {
  const code = (e as { code?: string }).code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return (e as Error).message ?? String(e);
};

const cannotRead = (path: string, e: unknown) => new GeneratorError("E_USAGE", `cannot read ${path}: ${why(e)}`);

export async function expand(paths: readonly string[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  const seen = new Set<string>();
  const add = async (path: string, size: number) => {
    if (seen.has(path)) return;
    seen.add(path);
    try {
      await access(path, constants.R_OK);
    } catch (e) {
      throw cannotRead(path, e);
    }
    out.push({ path, size });
  };
  const walk = async (dir: string): Promise<number> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      throw cannotRead(dir, e);
    }
    let found = 0;
    for (const name of entries.map((e) => e.name).sort()) {
      const path = join(dir, name);
      let s;
      try {
        s = await stat(path); // follows symbolic links
      } catch (e) {
        throw cannotRead(path, e);
      }
      if (s.isDirectory()) found += await walk(path);
      else if (s.isFile() && LOG_NAME.test(name)) {
        await add(path, s.size);
        found++;
      }
    }
    return found;
  };
  for (const path of paths) {
    let s;
    try {
      s = await stat(path);
    } catch (e) {
      throw cannotRead(path, e);
    }
    if (s.isDirectory()) {
      if ((await walk(path)) === 0) throw new GeneratorError("E_USAGE", `no .json, .json.gz, .ndjson or .jsonl files under ${path}`);
    } else if (s.isFile()) await add(path, s.size);
    else throw new GeneratorError("E_USAGE", `cannot read ${path}: not a file or directory`);
  }
  return out;
}

/** A plain NDJSON file at least twice this is cut into ranges (below it, a worker's start-up costs more). */
export const MIN_RANGE = 16 * 1024 * 1024;

/** Whether a file is plain (not gzip) NDJSON, from its first bytes: the only kind that can be cut. */
async function isPlainNdjson(path: string): Promise<boolean> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    if (head[0] === 0x1f && head[1] === 0x8b) return false;
    const text = head.toString("latin1").replace(/^(\u00ef\u00bb\u00bf)?\s*/, "");
    return !/^\{\s*"Records"\s*:/.test(text) && !/^\{\s*$/.test(text);
  } finally {
    await fh.close();
  }
}

/** Units in file order; with several jobs, ranges of about total / (4 × jobs) bytes, at least MIN_RANGE. */
export async function plan(files: readonly InputFile[], jobs: number, minRange = MIN_RANGE): Promise<Unit[]> {
  const units: Unit[] = [];
  const total = files.reduce((n, f) => n + f.size, 0);
  const range = Math.max(minRange, Math.ceil(total / (4 * jobs)));
  for (const f of files) {
    if (jobs > 1 && f.size >= 2 * range && (await isPlainNdjson(f.path))) {
      for (let start = 0; start < f.size; start += range) {
        units.push({ index: units.length, file: f.path, display: f.path, start, end: Math.min(f.size, start + range) });
      }
    } else units.push({ index: units.length, file: f.path, display: f.path });
  }
  return units;
}
