import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", generate: "src/bin/generate.ts", cli: "src/cli/main.ts" },
  format: ["esm"],
  target: "node20",
  platform: "node",
  dts: { entry: { index: "src/index.ts" } },
  sourcemap: true,
  clean: true,
  // The CLI must start fast: bundle its few dependencies instead of resolving them at run time.
  noExternal: ["citty", "yaml"],
  splitting: true,
});
