/**
 * `node dist/cli-build-search-index.js [DIR]`: build `search`'s index of the snapshot into DIR (default:
 * beside this file, the package's dist/). Run by the generator's build, after the CLI is bundled.
 */
import { fileURLToPath } from "node:url";
import { openSnapshot } from "../load.js";
import { writeIndex } from "./search-files.js";

const dir = process.argv[2] ?? fileURLToPath(new URL(".", import.meta.url));
const t0 = performance.now();
const { documents, bytes } = writeIndex(openSnapshot(), dir);
process.stdout.write(`search index: ${documents} documents, ${(bytes / 1e6).toFixed(1)} MB into ${dir} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
