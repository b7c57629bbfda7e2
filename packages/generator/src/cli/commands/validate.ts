/**
 * `cloudtrail-schema validate PATH… [--mode compatible|strict] [--jobs N]`: validate every record of
 * NDJSON files, CloudTrail log files (`.json`, `.json.gz`) and directories of them, streamed, on all
 * cores, and print a summary per service and operation. Exit 1 when any record fails (invalid, unresolved,
 * or a line that is not JSON), 0 when all pass, 2 for usage errors (no path, a path that cannot be read).
 *
 * The runtime is imported when this command runs (never by the lookup); the machinery is in ../validate/.
 */
import { availableParallelism } from "node:os";
import { GeneratorError } from "../../errors.js";
import { COMMON_ARGS, defineCommand, type Printable } from "../command.js";
import { expand, plan } from "../validate/inputs.js";
import { FatalError, runUnits } from "../validate/pool.js";
import { progressBar } from "../validate/progress.js";
import { renderSummary } from "../validate/render.js";
import { loadRuntime, type Mode } from "../validate/scan.js";
import { mergeInto, newTally, summarize } from "../validate/tally.js";

const MODES = ["compatible", "strict"] as const;

export const validate = defineCommand({
  name: "validate",
  description: "validate the records of NDJSON files, CloudTrail log files and directories of them (all cores)",
  usage: ["PATH... [--mode compatible|strict] [--jobs N] [OPTIONS]"],
  args: {
    paths: {
      type: "positional",
      required: false,
      valueHint: "PATH...",
      description: "files (.json, .json.gz, NDJSON) and directories, searched recursively for .json, .json.gz, .ndjson, .jsonl (and .gz)",
    },
    mode: { type: "string", default: "compatible", valueHint: MODES.join("|"), description: "compatible: what CloudTrail writes passes; strict: exactly the model" },
    jobs: { type: "string", alias: "j", valueHint: "N", description: "worker threads (default: the number of cores)" },
    ...COMMON_ARGS,
  },
  examples: [
    ["validate AWSLogs/", "every log file under AWSLogs/, on all cores"],
    ["validate events.ndjson --mode strict", "one record per line, against the model exactly"],
    ["validate a.json.gz b.json.gz --format json", "the summary as JSON"],
  ],
  notes:
    "A file is a CloudTrail log file when its JSON starts with a Records member (gzip or not, whatever its name), " +
    "otherwise NDJSON: one record a line (a line may also be a log file object or an EventBridge event). " +
    "Exit codes: 0 every record valid, 1 a record failed, 2 usage error. A progress bar is drawn on stderr on a terminal, never when CI is set.",
  async run(args, ctx): Promise<Printable> {
    const paths = args._;
    if (paths.length === 0) throw new GeneratorError("E_USAGE", "validate needs at least one PATH (a file or a directory)");
    const mode = String(args.mode);
    if (!(MODES as readonly string[]).includes(mode)) throw new GeneratorError("E_USAGE", `--mode must be one of ${MODES.join(", ")}, not "${mode}"`);
    const jobs = args.jobs === undefined ? availableParallelism() : Number(args.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new GeneratorError("E_USAGE", `--jobs must be a whole number of at least 1, not "${String(args.jobs)}"`);

    const t0 = performance.now();
    const files = await expand(paths);
    const rt = await loadRuntime();
    try {
      rt.listServices(); // the runtime's schemas are there, or say so before any work
    } catch (e) {
      throw new GeneratorError("E_SNAPSHOT", `@cloudtrail-schema/runtime: ${(e as Error).message}`);
    }
    // The tests cut small files into ranges too (an undocumented knob: bytes).
    const minRange = Number(ctx.env.CLOUDTRAIL_SCHEMA_VALIDATE_MIN_RANGE) || undefined;
    const units = await plan(files, jobs, minRange);
    const progress = progressBar(ctx.stderr, ctx.env, files.reduce((n, f) => n + f.size, 0));
    let tallies;
    try {
      tallies = await runUnits(units, { jobs, mode: mode as Mode, rt, progress });
    } catch (e) {
      if (e instanceof FatalError) throw new GeneratorError("E_SNAPSHOT", `@cloudtrail-schema/runtime: ${e.message}`);
      throw e;
    } finally {
      progress.done();
    }
    // In file order; a range's line numbers continue from the ranges before it in the same file.
    const total = newTally();
    const linesBefore = new Map<string, number>();
    for (const u of units) {
      const offset = linesBefore.get(u.file) ?? 0;
      mergeInto(total, tallies[u.index]!, offset);
      linesBefore.set(u.file, offset + tallies[u.index]!.lines);
    }
    const summary = summarize(total, mode, files.length);
    const seconds = (performance.now() - t0) / 1000;
    return {
      data: () => summary,
      human: (view) => renderSummary(summary, view, seconds),
      exitCode: summary.invalid + summary.unresolved > 0 ? 1 : 0,
    };
  },
});
