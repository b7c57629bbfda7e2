/**
 * `node dist/cli-build-lookup.js [DIR]`: precompute every operation's lookup slice (lookup-slices.ts) into
 * DIR (default: `lookup/` beside this file, in the package's dist/). Run by the generator's build.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createContext } from "../context.js";
import { logService } from "../generate.js";
import { openSnapshot, type SnapshotManifest } from "../load.js";
import { SLICE_FORMAT, sliceFile } from "./lookup-slices.js";

const dir = process.argv[2] ?? fileURLToPath(new URL("./lookup/", import.meta.url));
const t0 = performance.now();
const snapshot = openSnapshot();
const manifest = JSON.parse(readFileSync(join(snapshot.dir, "manifest.json"), "utf8")) as SnapshotManifest;
const ctx = createContext(snapshot, {});
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
let bytes = 0;
let operations = 0;
for (const service of snapshot.services) {
  const svc = logService(snapshot, service, ctx);
  const file = sliceFile({ format: SLICE_FORMAT, botocoreVersion: snapshot.botocoreVersion, modelSha256: manifest.services[service]!.sha256 }, svc);
  writeFileSync(join(dir, `${service}.bin`), file);
  bytes += file.length;
  operations += svc.operations.length;
}
process.stdout.write(`lookup slices: ${operations} operations, ${(bytes / 1e6).toFixed(1)} MB into ${dir} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
