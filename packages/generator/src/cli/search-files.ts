/**
 * Where the search index lives and how it is opened (I/O at the edge; search-index.ts is pure). The build
 * writes it beside the CLI (dist/cli-search-index.json and dist/cli-search-terms.json, from
 * dist/cli-build-search-index.js). A search uses it only when it was built from the snapshot being read
 * (same manifest and index format), and otherwise builds one in memory: slower (seconds), never wrong.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Snapshot } from "../load.js";
import { INDEX_FORMAT, indexInMemory, openIndex, searchDocuments, shipIndex, type IndexHeader, type IndexKey, type SearchIndex } from "./search-index.js";

export const HEADER_FILE = "cli-search-index.json";
export const TERMS_FILE = "cli-search-terms.json";

/** The key of the index a snapshot needs. */
export function indexKey(snapshot: Snapshot): IndexKey {
  const manifest = readFileSync(join(snapshot.dir, "manifest.json"));
  // node:crypto on first use only: this module is bundled into the CLI every lookup loads.
  const { createHash } = process.getBuiltinModule("node:crypto");
  return { format: INDEX_FORMAT, botocoreVersion: snapshot.botocoreVersion, manifestSha256: createHash("sha256").update(manifest).digest("hex") };
}

const sameKey = (a: IndexKey, b: IndexKey) => a.format === b.format && a.botocoreVersion === b.botocoreVersion && a.manifestSha256 === b.manifestSha256;

/** Where a built index may be: beside the bundled CLI, or the package's dist/ when running from source. */
export function indexDirs(): string[] {
  const here = fileURLToPath(new URL(".", import.meta.url));
  return import.meta.url.endsWith(".ts") ? [join(here, "..", "..", "dist")] : [here];
}

/** Write the index of a snapshot into a directory (the build step). */
export function writeIndex(snapshot: Snapshot, dir: string): { documents: number; bytes: number } {
  const docs = searchDocuments(snapshot);
  const shipped = shipIndex(indexKey(snapshot), docs);
  writeFileSync(join(dir, HEADER_FILE), shipped.header);
  writeFileSync(join(dir, TERMS_FILE), shipped.terms);
  return { documents: docs.length, bytes: shipped.header.length + shipped.terms.length };
}

const inMemory = new Map<string, SearchIndex>();

/** The index for a snapshot: a shipped one built from it, else one built in memory (once per process). */
export function openSearchIndex(snapshot: Snapshot, dirs: readonly string[] = indexDirs()): SearchIndex {
  const key = indexKey(snapshot);
  for (const dir of dirs) {
    const headerPath = join(dir, HEADER_FILE);
    const termsPath = join(dir, TERMS_FILE);
    if (!existsSync(headerPath) || !existsSync(termsPath)) continue;
    let header: IndexHeader;
    try {
      header = JSON.parse(readFileSync(headerPath, "utf8")) as IndexHeader;
    } catch {
      continue;
    }
    if (!header?.key || !sameKey(header.key, key)) continue;
    return openIndex(header, (offset, length) => {
      const fd = openSync(termsPath, "r");
      try {
        const buf = Buffer.alloc(length);
        readSync(fd, buf, 0, length, offset);
        return buf;
      } finally {
        closeSync(fd);
      }
    });
  }
  let idx = inMemory.get(key.manifestSha256);
  if (!idx) inMemory.set(key.manifestSha256, (idx = indexInMemory(key, searchDocuments(snapshot))));
  return idx;
}
