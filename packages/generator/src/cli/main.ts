#!/usr/bin/env node
/**
 * The `cloudtrail-schema` executable, kept small so that two things start before the rest of the CLI
 * (dist/cli-run.js) is loaded and compiled: Node's compile cache, which keeps the compiled CLI between
 * runs (Node 22.1 and later; a no-op before), and the decompression of the model the lookup will read
 * (prefetch.ts). Everything else is in run.ts (dispatch), commands/ and render/.
 */
import module from "node:module";
import { prefetch } from "./prefetch.js";

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const early = prefetch(process.argv.slice(2));

// `cloudtrail-schema ec2 | head` closes the pipe early; that is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

// The built entry imports the bundle beside it; from source (tsx), run.ts itself. Computed, so that
// esbuild leaves the import alone instead of inlining run.ts here.
const file = import.meta.url.endsWith(".ts") ? "./run.ts" : "./cli-run.js";
const { run } = (await import(new URL(file, import.meta.url).href)) as typeof import("./run.js");
process.exitCode = await run({ argv: process.argv.slice(2), env: process.env, stdout: process.stdout, stderr: process.stderr, prefetch: early });
