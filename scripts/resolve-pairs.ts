/**
 * `pnpm resolve-pairs FILE.tsv… [--format human|json] [--misses]`
 *
 * How many (eventSource, eventName) pairs the runtime's `resolveEvent` resolves. Each TSV line is
 * `eventSource<TAB>eventName[<TAB>where seen]` (a header line starting with `eventSource` and `#` comments
 * are skipped); each pair becomes a minimal AwsApiCall record. Prints resolved / unmodeled / unresolved by
 * eventSource, and with --misses every unresolved pair with where it was seen.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { RUNTIME_ENTRY, runtimeAvailable } from "./fidelity/runtime-backend.js";

export interface Pair {
  eventSource: string;
  eventName: string;
  where: string;
}

export interface PairOutcome extends Pair {
  outcome: "resolved" | "unmodeled" | "unresolved";
  service?: string;
  operation?: string;
}

type Resolver = (record: unknown) => { service: string; operation: string; unmodeled?: true } | undefined;

/** Parse the TSV; the same pair seen in several places counts once (first place kept, others joined). */
export function parsePairs(text: string): { pairs: Pair[]; problems: string[] } {
  const byKey = new Map<string, Pair>();
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "" || line.startsWith("#") || /^eventSource\t/.test(line)) return;
    const [eventSource, eventName, where = ""] = line.split("\t").map((c) => c.trim());
    if (!eventSource || !eventName) return void problems.push(`line ${i + 1}: wants eventSource<TAB>eventName, got ${JSON.stringify(line.slice(0, 80))}`);
    const key = `${eventSource}\t${eventName}`;
    const seen = byKey.get(key);
    if (seen) {
      if (where && !seen.where.split(", ").includes(where)) seen.where = seen.where ? `${seen.where}, ${where}` : where;
    } else byKey.set(key, { eventSource, eventName, where });
  });
  return { pairs: [...byKey.values()], problems };
}

/** A minimal management-event record for the pair. */
export const recordOf = (p: Pair) => ({
  eventVersion: "1.08",
  eventTime: "2024-01-01T00:00:00Z",
  eventSource: p.eventSource,
  eventName: p.eventName,
  awsRegion: "us-east-1",
  eventType: "AwsApiCall",
  eventID: "00000000-0000-0000-0000-000000000000",
  userIdentity: { type: "IAMUser" },
  requestParameters: null,
  responseElements: null,
});

export function measure(pairs: Pair[], resolveEvent: Resolver): PairOutcome[] {
  return pairs.map((p) => {
    const r = resolveEvent(recordOf(p));
    if (!r) return { ...p, outcome: "unresolved" };
    return { ...p, outcome: r.unmodeled ? "unmodeled" : "resolved", service: r.service, operation: r.operation };
  });
}

export function summarize(outcomes: PairOutcome[]) {
  const bySource = new Map<string, { resolved: number; unmodeled: number; unresolved: number }>();
  for (const o of outcomes) {
    const row = bySource.get(o.eventSource) ?? { resolved: 0, unmodeled: 0, unresolved: 0 };
    row[o.outcome]++;
    bySource.set(o.eventSource, row);
  }
  const count = (k: PairOutcome["outcome"]) => outcomes.filter((o) => o.outcome === k).length;
  return {
    pairs: outcomes.length,
    eventSources: bySource.size,
    resolved: count("resolved"),
    unmodeled: count("unmodeled"),
    unresolved: count("unresolved"),
    bySource: [...bySource.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([eventSource, row]) => ({ eventSource, ...row })),
    misses: outcomes.filter((o) => o.outcome === "unresolved").map(({ eventSource, eventName, where }) => ({ eventSource, eventName, where })),
  };
}

export function formatHuman(s: ReturnType<typeof summarize>, misses: boolean): string {
  const pct = (n: number) => (s.pairs ? ((100 * n) / s.pairs).toFixed(1) : "0.0");
  const lines = [
    `pairs ${s.pairs} (${s.eventSources} eventSources): resolved ${s.resolved} (${pct(s.resolved)} %), unmodeled ${s.unmodeled} (${pct(s.unmodeled)} %), unresolved ${s.unresolved} (${pct(s.unresolved)} %)`,
    "",
    "eventSource\tresolved\tunmodeled\tunresolved",
    ...s.bySource.filter((r) => r.unresolved > 0 || !misses).map((r) => `${r.eventSource}\t${r.resolved}\t${r.unmodeled}\t${r.unresolved}`),
  ];
  if (misses) lines.push("", "unresolved pairs:", ...s.misses.map((m) => `${m.eventSource}\t${m.eventName}\t${m.where}`));
  return lines.join("\n") + "\n";
}

const USAGE = "usage: pnpm resolve-pairs FILE.tsv… [--format human|json] [--misses]\n";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { format: { type: "string", default: "human" }, misses: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) return void process.stdout.write(USAGE), 0;
  if (positionals.length === 0) return void process.stderr.write(USAGE), 2;
  if (!["human", "json"].includes(values.format!)) return void process.stderr.write(`resolve-pairs: unknown --format ${values.format}\n${USAGE}`), 2;
  if (!runtimeAvailable()) return void process.stderr.write("resolve-pairs: the runtime is not built here (run pnpm build)\n"), 2;
  let text = "";
  for (const file of positionals) {
    try {
      text += readFileSync(file, "utf8") + "\n";
    } catch (e) {
      return void process.stderr.write(`resolve-pairs: cannot read ${file}: ${(e as Error).message}\n`), 2;
    }
  }
  const { pairs, problems } = parsePairs(text);
  for (const p of problems) process.stderr.write(`resolve-pairs: ${p}\n`);
  const api = (await import(pathToFileURL(RUNTIME_ENTRY).href)) as { resolveEvent: Resolver };
  const summary = summarize(measure(pairs, api.resolveEvent));
  process.stdout.write(values.format === "json" ? JSON.stringify(summary, null, 2) + "\n" : formatHuman(summary, values.misses!));
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main().then((code) => (process.exitCode = code));
