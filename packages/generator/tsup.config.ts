import { build, defineConfig, type Options } from "tsup";

type Plugin = NonNullable<Options["esbuildPlugins"]>[number];

/**
 * citty 0.1.6 imports consola (110 kB) at the top of its module for `runMain` and `showUsage`, which the
 * CLI does not use (see src/cli/run.ts). consola declares no `sideEffects`, so esbuild would keep it and
 * every start of the CLI would evaluate it; declaring it side-effect free lets esbuild drop it with the
 * unused citty functions.
 */
const consolaIsPure: Plugin = {
  name: "consola-side-effect-free",
  setup(build) {
    build.onResolve({ filter: /^consola(\/.*)?$/ }, async (args) => {
      if (args.pluginData === "consola-side-effect-free") return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: "consola-side-effect-free",
      });
      return { ...resolved, sideEffects: false };
    });
  },
};

/**
 * yaml's `node` export is CommonJS and calls `require("process")`, which an ES-module bundle cannot do
 * ("Dynamic require of "process" is not supported" on the first `--format yaml`). Bundle its ES-module
 * build (the package's `default` export, same code, no Node built-ins) instead.
 */
const yamlAsEsm: Plugin = {
  name: "yaml-esm",
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, async (args) => {
      if (args.pluginData === "yaml-esm") return undefined;
      const cjs = await build.resolve("yaml/package.json", { kind: args.kind, resolveDir: args.resolveDir, pluginData: "yaml-esm" });
      if (cjs.errors.length) return undefined;
      return { path: cjs.path.replace(/package\.json$/, "browser/index.js") };
    });
  },
};

/** How the CLI's dependencies are bundled, shared by both builds below. */
const bundling = {
  // The CLI must start fast: bundle its few dependencies instead of resolving them at run time.
  noExternal: ["citty", "yaml", "minisearch"],
  // Imported at run time by `example` and `validate` only, and finding its generated/ beside itself: never
  // bundled, whichever package.json tsup reads its dependencies from (the tests build from the root).
  external: [/^@cloudtrail-schema\/runtime(\/.*)?$/],
  esbuildPlugins: [consolaIsPure, yamlAsEsm],
} satisfies Options;

/**
 * The CLI, bundled on its own after the library (see `onSuccess`) and without code splitting, which had
 * a lookup load six chunks shared with the library's entries (each a resolve, a read and a compile at
 * every start). Three files: `cli.js`, a small entry that starts Node's compile cache and the
 * decompression of the model a lookup needs (src/cli/prefetch.ts) before it imports `cli-run.js`, the
 * whole CLI; and `cli-yaml.js`, the YAML printer, loaded only for `--format yaml`. The two are imported by
 * URL (src/cli/main.ts, run.ts), so esbuild does not inline them. `cli-validate-worker.js` is the thread
 * `validate` starts (src/cli/validate/pool.ts). @cloudtrail-schema/runtime, a dependency, stays external:
 * only `example` and `validate` import it, at run time. The end-to-end tests build with these options
 * too (test/cli/build-cli.ts). `cli-lookup.js` is the plain operation lookup alone (src/cli/fast-lookup.ts),
 * which `cli.js` imports instead of `cli-run.js` when it can; `cli-build-lookup.js` precomputes what it
 * prints into dist/lookup/ (src/cli/lookup-slices.ts). `cli-build-search-index.js` writes `search`'s index beside them (the
 * package's build runs it: src/cli/search-files.ts).
 */
export const cliOptions: Options = {
  entry: {
    cli: "src/cli/main.ts",
    "cli-run": "src/cli/run.ts",
    "cli-lookup": "src/cli/fast-lookup.ts",
    "cli-yaml": "src/cli/yaml.ts",
    "cli-validate-worker": "src/cli/validate/worker.ts",
    "cli-build-search-index": "src/cli/build-search-index.ts",
    "cli-build-lookup": "src/cli/build-lookup-slices.ts",
  },
  format: ["esm"],
  target: "node20",
  platform: "node",
  outDir: "dist",
  sourcemap: true,
  clean: false, // the library's build has just cleaned dist/
  splitting: false,
  ...bundling,
};

export default defineConfig({
  entry: { index: "src/index.ts", generate: "src/bin/generate.ts" },
  format: ["esm"],
  target: "node20",
  platform: "node",
  dts: { entry: { index: "src/index.ts" } },
  sourcemap: true,
  clean: true,
  ...bundling,
  splitting: true,
  // After the library, never beside it: this build's `clean` would race the CLI's files.
  // `config: false`, or tsup would load this file again and recurse through onSuccess.
  onSuccess: async () => {
    await build({ ...cliOptions, config: false });
  },
});
