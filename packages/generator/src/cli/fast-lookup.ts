/**
 * The lookup `cloudtrail-schema SERVICE.OPERATION[.PART]` (or `[show] SERVICE OPERATION [PART]`), and the
 * list of a service's operations (`cloudtrail-schema iam`), with no option, printed for a reader, without loading the rest of the CLI: no argument parser, no other
 * command, none of the Node built-ins they import. Bundled on its own (dist/cli-lookup.js), and imported
 * by main.ts only for such a command line; its output is the `show` command's, byte for byte
 * (test/cli/lookup.test.ts compares them).
 *
 * The operation comes precomputed from dist/lookup/SERVICE.bin (lookup-slices.ts) when that was built
 * from the same model (the manifest's sha256); otherwise (from source, a curated service, another
 * snapshot) it is projected as `show` does.
 *
 * Anything else (an option, another command, no argument, an unknown name, any error) returns false
 * before printing anything, and main.ts runs the whole CLI, which prints the answer or the error as usual.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { LoggedOperation, LoggedService } from "../log-model.js";
import { defaultSnapshotDir, openSnapshot, type SnapshotManifest } from "../load.js";
import { ENUM_LIMIT } from "./commands/show.js";
import { openLookup } from "./lookup.js";
import { readSlice, SLICE_FORMAT } from "./lookup-slices.js";
import { withPrefetched, type Prefetch } from "./prefetch.js";
import { renderNameList } from "./render/lists.js";
import { renderOperation, type Part } from "./render/operation.js";
import { parseTarget } from "./target.js";
import { viewOf } from "./view.js";

/** The CLI's command words (commands/index.ts; a test keeps the two lists equal). A lookup never starts with one but `show`. */
export const COMMAND_WORDS: readonly string[] = ["show", "rules", "example", "validate", "paths", "pattern", "custodian", "search"];

export interface FastIO {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  prefetch?: Prefetch | undefined;
}

/** The words of a plain operation lookup, or undefined. */
export function lookupWords(argv: readonly string[]): string[] | undefined {
  const words = argv[0] === "show" ? argv.slice(1) : [...argv];
  if (words.length === 0 || words.length > 3) return undefined;
  if (words.some((w) => w.startsWith("-") || w === "")) return undefined;
  if (COMMAND_WORDS.includes(words[0]!)) return undefined;
  return words;
}

/** Print the lookup and return true; or return false, having printed nothing. */
export async function fastLookup(io: FastIO): Promise<boolean> {
  const words = lookupWords(io.argv);
  if (!words) return false;
  try {
    const target = parseTarget(words);
    if (target.service === undefined) return false;
    if (target.operation === undefined) {
      // `cloudtrail-schema iam`: the service's operations, as show lists them.
      if (target.part !== undefined) return false;
      const early = io.prefetch && { ...io.prefetch, bytes: await io.prefetch.bytes };
      const lookup = openLookup(withPrefetched(openSnapshot(), early));
      io.stdout.write(renderNameList("Operations", lookup.operations(lookup.service(target.service))));
      return true;
    }
    let found: { service: LoggedService; operation: LoggedOperation } | undefined = precomputed(target.service, target.operation);
    if (!found) {
      const early = io.prefetch && { ...io.prefetch, bytes: await io.prefetch.bytes };
      const lookup = openLookup(withPrefetched(openSnapshot(), early));
      found = lookup.operation(lookup.service(target.service), target.operation);
    }
    const parts: Part[] = target.part ? [target.part] : ["input", "output"];
    const view = viewOf(io.stdout, io.env);
    io.stdout.write(renderOperation(found.service, found.operation, parts, { ...view, docs: true, enumLimit: ENUM_LIMIT }));
    return true;
  } catch {
    return false;
  }
}

/** The operation's precomputed slice, if the build wrote one from this snapshot's model. */
function precomputed(service: string, operation: string): { service: LoggedService; operation: LoggedOperation } | undefined {
  if (import.meta.url.endsWith(".ts") || !/^[a-z0-9-]+$/.test(service)) return undefined;
  try {
    const dir = defaultSnapshotDir();
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as SnapshotManifest;
    const entry = Object.prototype.hasOwnProperty.call(manifest.services, service) ? manifest.services[service] : undefined;
    if (!entry) return undefined;
    const file = readFileSync(new URL(`./lookup/${service}.bin`, import.meta.url));
    const slice = readSlice(file, { format: SLICE_FORMAT, botocoreVersion: manifest.botocoreVersion, modelSha256: entry.sha256 }, operation);
    // renderOperation reads the service's name, eventSource and defs only.
    return slice && { service: slice.service as LoggedService, operation: slice.operation };
  } catch {
    return undefined;
  }
}
