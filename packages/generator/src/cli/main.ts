#!/usr/bin/env node
/**
 * The `cloudtrail-schema` executable, kept small so that two things start before the rest of the CLI
 * (dist/cli-run.js) is loaded and compiled: Node's compile cache, which keeps the compiled CLI between
 * runs (Node 22.1 and later; a no-op before), and the decompression of the model the lookup will read
 * (prefetch.ts). A plain operation lookup then loads only dist/cli-lookup.js (fast-lookup.ts); everything
 * else is in run.ts (dispatch), commands/ and render/.
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

// The built entry imports the bundles beside it; from source (tsx), the modules themselves. Computed, so
// that esbuild leaves the imports alone instead of inlining them here.
const fromSource = import.meta.url.endsWith(".ts");
const argv = process.argv.slice(2);
// A plain lookup (`iam.CreatePolicy.output`, no option) loads only what it needs (fast-lookup.ts); it
// prints nothing and says false for whatever it does not handle, which the whole CLI then runs.
const plainLookup = argv.length > 0 && argv.length <= 4 && !argv.some((a) => a.startsWith("-"));
let done = false;
if (plainLookup) {
  const { fastLookup } = (await import(new URL(fromSource ? "./fast-lookup.ts" : "./cli-lookup.js", import.meta.url).href)) as typeof import("./fast-lookup.js");
  done = await fastLookup({ argv, env: process.env, stdout: process.stdout, prefetch: early });
}
if (!done) {
  const { run } = (await import(new URL(fromSource ? "./run.ts" : "./cli-run.js", import.meta.url).href)) as typeof import("./run.js");
  process.exitCode = await run({ argv, env: process.env, stdout: process.stdout, stderr: process.stderr, prefetch: early });
}
