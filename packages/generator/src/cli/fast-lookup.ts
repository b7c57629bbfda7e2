/**
 * The lookup `cloudtrail-schema SERVICE.OPERATION[.PART]` (or `[show] SERVICE OPERATION [PART]`), with
 * no option, printed for a reader, without loading the rest of the CLI: no argument parser, no other
 * command, none of the Node built-ins they import. Bundled on its own (dist/cli-lookup.js), and imported
 * by main.ts only for such a command line; its output is the `show` command's, byte for byte
 * (test/cli/lookup.test.ts compares them).
 *
 * Anything else (an option, another command, a service alone, an unknown name, any error) returns false
 * before printing anything, and main.ts runs the whole CLI, which prints the answer or the error as usual.
 */
import { openSnapshot } from "../load.js";
import { ENUM_LIMIT } from "./commands/show.js";
import { openLookup } from "./lookup.js";
import { withPrefetched, type Prefetch } from "./prefetch.js";
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
    if (target.service === undefined || target.operation === undefined) return false;
    const early = io.prefetch && { ...io.prefetch, bytes: await io.prefetch.bytes };
    const lookup = openLookup(withPrefetched(openSnapshot(), early));
    const found = lookup.operation(lookup.service(target.service), target.operation);
    const parts: Part[] = target.part ? [target.part] : ["input", "output"];
    const view = viewOf(io.stdout, io.env);
    io.stdout.write(renderOperation(found.service, found.operation, parts, { ...view, docs: true, enumLimit: ENUM_LIMIT }));
    return true;
  } catch {
    return false;
  }
}
