/**
 * `node dist/generate.js [--out DIR] [--services a,b] [--snapshot DIR] [--schema-docs] [--model-constraints] [--full-docs]`:
 * generate every schema and declaration into the types package (default `packages/types`), and the full
 * schemas the runtime's build reads into its `build/schemas/`. Run by the generator's build.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateAll } from "../pipeline.js";
import { GeneratorError } from "../errors.js";

const USAGE = `Usage: generate [--out DIR] [--services iam,ec2] [--snapshot data/botocore] [--schema-docs] [--model-constraints] [--full-docs]

Writes schemas/ (the published JSON Schemas), dist/ (the declarations) and manifest.json into DIR
(default packages/types), and build/schemas/ (every schema with the model's constraints, \`x-model\`: what
the runtime's build reads for strict mode; not published).

  --schema-docs        JSON Schemas with every description, indented (default: minified, docs in the TSDoc only)
  --model-constraints  keep the model's constraints (\`x-model\`: enums, lengths, patterns, closed objects) in
                       the published JSON Schemas (default: the compatible form only, what real records satisfy)
  --full-docs          the model's whole documentation in the TSDoc (default: a summary of each, with a link to the AWS API reference)
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      services: { type: "string" },
      snapshot: { type: "string" },
      "schema-docs": { type: "boolean" },
      "model-constraints": { type: "boolean" },
      "full-docs": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const out = resolve(values.out ?? new URL("../../types", import.meta.url).pathname);
  const t0 = performance.now();
  const result = await generateAll({
    out,
    ...(values.snapshot ? { snapshotDir: values.snapshot } : {}),
    ...(values.services ? { services: values.services.split(",") } : {}),
    ...(values["schema-docs"] ? { schemaDocs: true } : {}),
    ...(values["model-constraints"] ? { modelConstraints: true } : {}),
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
