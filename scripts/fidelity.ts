/**
 * `pnpm fidelity FILE.ndjson… [--format human|json|markdown] [--out FILE.md] [--backend runtime|generator]
 *  [--rules id,id…] [--top N]`
 *
 * How well the generated schemas describe real CloudTrail records: resolve, validate (compatible, strict),
 * declared and typed leaf paths, per protocol, service and file, and the worst paths. See fidelity/report.ts.
 *
 * --backend runtime    @cloudtrail-schema/runtime on the last build (default when it exists)
 * --backend generator  an in-process stand-in: the generator's current rules, emitted and checked with ajv
 * --rules a,b          (generator backend) project with only these rule ids, e.g. to measure a baseline
 * --out FILE           also write the report as Markdown to FILE
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { RULES } from "../packages/generator/src/project/rules/index.js";
import type { FidelityBackend } from "./fidelity/backend.js";
import { formatHuman, formatMarkdown } from "./fidelity/format.js";
import { generatorBackend } from "./fidelity/generator-backend.js";
import { parseRecords } from "./fidelity/records.js";
import { buildReport, type InputRecord } from "./fidelity/report.js";
import { runtimeAvailable, runtimeBackend } from "./fidelity/runtime-backend.js";

const USAGE = "usage: pnpm fidelity FILE.ndjson… [--format human|json|markdown] [--out FILE.md] [--backend runtime|generator] [--rules id,…] [--top N]\n";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: "string", default: "human" },
      out: { type: "string" },
      backend: { type: "string" },
      rules: { type: "string" },
      top: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return void process.stdout.write(USAGE), 0;
  if (positionals.length === 0) return void process.stderr.write(USAGE), 2;
  if (!["human", "json", "markdown"].includes(values.format!)) return void process.stderr.write(`fidelity: unknown --format ${values.format}\n${USAGE}`), 2;
  const top = values.top === undefined ? 25 : Number(values.top);
  if (!Number.isInteger(top) || top < 0) return void process.stderr.write(`fidelity: --top wants a number\n`), 2;

  const inputs: InputRecord[] = [];
  for (const file of positionals) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      process.stderr.write(`fidelity: cannot read ${file}: ${(e as Error).message}\n`);
      return 2;
    }
    const parsed = parseRecords(text, file.replace(/^.*\//, ""));
    for (const p of parsed.problems) process.stderr.write(`fidelity: ${p}\n`);
    inputs.push(...parsed.records);
  }

  const kind = values.backend ?? (values.rules ? "generator" : runtimeAvailable() ? "runtime" : "generator");
  let backend: FidelityBackend;
  if (kind === "runtime") {
    if (values.rules) return void process.stderr.write("fidelity: --rules needs --backend generator\n"), 2;
    backend = await runtimeBackend();
  } else if (kind === "generator") {
    let rules = undefined;
    if (values.rules) {
      const ids = values.rules.split(",").filter(Boolean);
      const unknown = ids.filter((id) => !RULES.some((r) => r.id === id));
      if (unknown.length) return void process.stderr.write(`fidelity: unknown rule id(s) ${unknown.join(", ")}\n`), 2;
      rules = RULES.filter((r) => ids.includes(r.id));
    }
    const eventSources = new Set(inputs.flatMap(({ record }) => {
      const es = (record as { eventSource?: unknown } | null)?.eventSource;
      return typeof es === "string" ? [es] : [];
    }));
    backend = generatorBackend({
      eventSources,
      ...(rules ? { rules, name: `generator stand-in, rules: ${values.rules}` } : {}),
    });
    if (!values.backend && !values.rules) process.stderr.write("fidelity: the runtime is not built here; using the generator stand-in\n");
  } else {
    process.stderr.write(`fidelity: unknown --backend ${kind}\n${USAGE}`);
    return 2;
  }

  const report = buildReport(inputs, backend);
  if (values.out) writeFileSync(values.out, formatMarkdown(report, { top }));
  if (values.format === "json") process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (values.format === "markdown") process.stdout.write(formatMarkdown(report, { top }));
  else process.stdout.write(formatHuman(report, { top }));
  return 0;
}

process.exitCode = await main();
