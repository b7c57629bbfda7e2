/**
 * The CLI's dispatcher: pick the command, parse its arguments with citty, run it, print what it returns in
 * the format asked for, and turn errors into a message on stderr and an exit code.
 *
 * Why not citty's `runMain` with `subCommands`: it takes the first word not starting with `-` as a
 * subcommand and fails on anything else, so the original tool's bare lookup (`cloudtrail-schema
 * iam.CreatePolicy`) cannot be the default; it takes an option's value for that word (`--format json iam`
 * runs a command "json"); and it exits 1 on usage errors and prints through consola. So the first word
 * picks the command here (a command name, else `show`), and citty parses each command's arguments.
 *
 * Exit codes: 0 done, 1 failure (snapshot missing or corrupt, internal error, or what a command's result
 * says: `validate` when a record fails), 2 usage error or unknown name (service, operation, rule, option).
 */
import { parseArgs, type ParsedArgs } from "citty";
import pkg from "../../package.json" with { type: "json" };
import { GeneratorError } from "../errors.js";
import { openSnapshot, type Snapshot } from "../load.js";
import { aliasesOf, FORMATS, type Command, type Format, type LazyPrintable, type Printable, type View } from "./command.js";
import { COMMANDS, DEFAULT_COMMAND } from "./commands/index.js";
import { withPrefetched, type Prefetch } from "./prefetch.js";
import { ansi, plain, wantsColor } from "./render/style.js";
import { viewOf } from "./view.js";

export const PROGRAM = "cloudtrail-schema";
export const VERSION: string = pkg.version;

export interface Stream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface IO {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  stdout: Stream;
  stderr: Stream;
  /** A model main.ts started decompressing (prefetch.ts). */
  prefetch?: Prefetch | undefined;
}

/** Exit code for usage errors and unknown names (as getopt-style tools do). */
export const EXIT_USAGE = 2;

class UsageError extends GeneratorError {
  constructor(message: string, suggestions: readonly string[] = []) {
    super("E_USAGE", message, suggestions);
  }
}

export async function run(io: IO): Promise<number> {
  try {
    return await dispatch(io);
  } catch (e) {
    return report(e, io);
  }
}

/** Options before the command word that take a value, so the value is not taken for the word. */
const VALUE_OPTIONS = new Set(["--format", "-f"]);

/** The command word (if any) and the arguments left for the command. */
export function splitCommand(argv: readonly string[]): { name: string; rest: string[]; named: boolean } {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") break; // after `--` every word is a lookup target, never a command
    if (VALUE_OPTIONS.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith("-")) continue;
    if (Object.prototype.hasOwnProperty.call(COMMANDS, a)) return { name: a, rest: [...argv.slice(0, i), ...argv.slice(i + 1)], named: true };
    break;
  }
  return { name: DEFAULT_COMMAND, rest: [...argv], named: false };
}

async function dispatch(io: IO): Promise<number> {
  const { name, rest, named } = splitCommand(io.argv);
  const flags = rest.slice(0, rest.includes("--") ? rest.indexOf("--") : rest.length);
  const view = viewOf(io.stdout, io.env);
  if (flags.includes("--help") || flags.includes("-h")) {
    io.stdout.write(await help(name, named, view));
    return 0;
  }
  if (flags.includes("--version")) {
    io.stdout.write(`${versionLine()}\n`);
    return 0;
  }
  const cmd = await COMMANDS[name]!();
  const args = parse(cmd, rest);
  const format = String(args.format);
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not "${format}"`);
  }
  const early = io.prefetch && { ...io.prefetch, bytes: await io.prefetch.bytes };
  let snapshot: Snapshot | undefined;
  const printable = await cmd.run(args as never, {
    env: io.env,
    snapshot: () => (snapshot ??= withPrefetched(openSnapshot(), early)),
    commands: Object.keys(COMMANDS),
    stderr: io.stderr,
  });
  io.stdout.write(await print(printable, format as Format, view));
  return printable.exitCode ?? 0;
}

/** citty's parse, plus what it leaves to the caller: unknown options, and `-f` without a value. */
function parse(cmd: Command, argv: string[]): ParsedArgs {
  const args = parseArgs(argv, cmd.args);
  const known = new Set(["_"]);
  for (const [name, def] of Object.entries(cmd.args)) {
    known.add(name);
    for (const a of aliasesOf(def)) known.add(a);
  }
  for (const key of Object.keys(args)) {
    if (!known.has(key)) {
      throw new UsageError(`unknown option ${key.length === 1 ? "-" : "--"}${key} for ${PROGRAM} ${cmd.name}`);
    }
  }
  for (const [name, def] of Object.entries(cmd.args)) {
    // `--format` at the end of the line parses as `true`, or as "" (a string option without a value).
    if (def.type === "string" && (args[name] === true || args[name] === "")) throw new UsageError(`--${name} needs a value`);
  }
  return args;
}

async function print(p: Printable | LazyPrintable, format: Format, view: View): Promise<string> {
  if (format === "human") return p.human(view);
  const data = await p.data();
  if (format === "json") return `${JSON.stringify(data, null, 2)}\n`;
  const { stringify } = await loadYaml();
  return stringify(data, { aliasDuplicateObjects: false, indentSeq: false });
}

/**
 * yaml.ts from the file the build puts beside this one (dist/cli-yaml.js), or from source when run by
 * tsx. The specifier is computed so that esbuild leaves the import alone instead of inlining yaml here.
 */
async function loadYaml(): Promise<typeof import("./yaml.js")> {
  const file = import.meta.url.endsWith(".ts") ? "./yaml.ts" : "./cli-yaml.js";
  return (await import(new URL(file, import.meta.url).href)) as typeof import("./yaml.js");
}

function versionLine(): string {
  let botocore: string;
  try {
    botocore = `botocore ${openSnapshot().botocoreVersion}`;
  } catch (e) {
    botocore = `botocore snapshot not found: ${(e as Error).message}`;
  }
  return `${PROGRAM} ${VERSION} (${botocore})`;
}

async function help(name: string, named: boolean, view: View): Promise<string> {
  const { renderUsage } = await import("./render/usage.js");
  const cmd = await COMMANDS[name]!();
  if (named && name !== DEFAULT_COMMAND) {
    return renderUsage({ ...cmd, command: `${PROGRAM} ${cmd.name}` }, view);
  }
  // The program's help is the default command's, with the list of commands.
  const commands: [string, string][] = [];
  for (const [n, load] of Object.entries(COMMANDS)) commands.push([n, (await load()).description]);
  return renderUsage(
    {
      ...cmd,
      command: PROGRAM,
      description: "what CloudTrail logs for every AWS API operation, from botocore's service models",
      commands,
      notes: `${cmd.notes ?? ""} Run \`${PROGRAM} COMMAND --help\` for a command's options.`.trim(),
    },
    view,
  );
}

function report(e: unknown, io: IO): number {
  const s = wantsColor(io.stderr, io.env) ? ansi : plain;
  const say = (line: string) => io.stderr.write(`${s.error(`${PROGRAM}:`)} ${line}\n`);
  if (e instanceof GeneratorError) {
    say(e.message);
    if (e.suggestions.length === 1) io.stderr.write(`did you mean ${e.suggestions[0]}?\n`);
    else if (e.suggestions.length > 1) io.stderr.write(`did you mean one of: ${e.suggestions.join(", ")}?\n`);
    if (e.code === "E_USAGE") io.stderr.write(`Run \`${PROGRAM} --help\` for usage.\n`);
    return e.code === "E_USAGE" || e.code === "E_UNKNOWN_SERVICE" || e.code === "E_UNKNOWN_OPERATION" ? EXIT_USAGE : 1;
  }
  // citty's own argument errors (a missing required positional); citty does not export the class.
  if (e instanceof Error && e.name === "CLIError") {
    say(e.message);
    io.stderr.write(`Run \`${PROGRAM} --help\` for usage.\n`);
    return EXIT_USAGE;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  say(`internal error: ${err.message}`);
  if (io.env.CLOUDTRAIL_SCHEMA_DEBUG) io.stderr.write(`${err.stack ?? ""}\n`);
  else io.stderr.write("This is a bug; please report it. Set CLOUDTRAIL_SCHEMA_DEBUG=1 to see where it happened.\n");
  return 1;
}
