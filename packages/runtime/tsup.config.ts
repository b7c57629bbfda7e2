import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", node: "src/node/index.ts", testing: "src/testing/index.ts", ajv: "src/ajv/index.ts" },
  format: ["esm", "cjs"],
  target: "node20",
  platform: "node",
  dts: true,
  clean: true,
  // One copy of the shared modules (the registry of loaded schemas) whichever entries a program imports.
  splitting: true,
  // import.meta.url in the CommonJS build, for finding generated/.
  shims: true,
  treeshake: true,
});
