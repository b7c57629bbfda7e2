/**
 * `node dist/generate.js [--out DIR] [--services a,b] [--snapshot DIR] [--schema-docs] [--full-docs]`: generate every schema and
 * declaration into the types package (default `packages/types`). Run by the generator's build.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateAll } from "../pipeline.js";
import { GeneratorError } from "../errors.js";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      services: { type: "string" },
      snapshot: { type: "string" },
      "schema-docs": { type: "boolean" },
      "full-docs": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write("Usage: generate [--out DIR] [--services iam,ec2] [--snapshot data/botocore] [--schema-docs] [--full-docs]\n\n  --schema-docs  JSON Schemas with every description, indented (default: minified, docs in the TSDoc only)\n  --full-docs    the model's whole documentation in the TSDoc (default: a summary of each, with a link to the AWS API reference)\n");
    return 0;
  }
  const out = resolve(values.out ?? new URL("../../types", import.meta.url).pathname);
  const t0 = performance.now();
  const result = await generateAll({
    out,
    ...(values.snapshot ? { snapshotDir: values.snapshot } : {}),
    ...(values.services ? { services: values.services.split(",") } : {}),
    ...(values["schema-docs"] ? { schemaDocs: true } : {}),
    ...(values["full-docs"] ? { fullDocs: true } : {}),
  });
  const ms = performance.now() - t0;
  process.stdout.write(`generated ${result.services} services, ${result.operations} operations into ${out} in ${(ms / 1000).toFixed(1)} s\n`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (e) {
  if (e instanceof GeneratorError) {
    process.stderr.write(`generate: ${e.message}\n`);
    process.exitCode = 1;
  } else throw e;
}
