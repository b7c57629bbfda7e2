/** The only place the generator writes files. */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Write every file under `outDir`; `clean` first removes the listed top-level folders. */
export function write(files: ReadonlyMap<string, string>, outDir: string, clean: readonly string[] = []): void {
  for (const dir of clean) rmSync(join(outDir, dir), { recursive: true, force: true });
  const made = new Set<string>();
  for (const [path, contents] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const full = join(outDir, path);
    const dir = dirname(full);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(full, contents);
  }
}
