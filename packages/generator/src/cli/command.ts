/**
 * What a command is: citty's argument definitions, a description for `--help`, and a `run` that returns
 * something printable. Commands never write to stdout themselves: `run.ts` formats what they return
 * (human, json or yaml) and writes it, so every command gets `--format` and `--help` the same way.
 */
import type { ArgDef, ArgsDef, ParsedArgs } from "citty";
import type { Snapshot } from "../load.js";
import type { Style } from "./render/style.js";

export const FORMATS = ["human", "json", "yaml"] as const;
export type Format = (typeof FORMATS)[number];

/** How human output is laid out. */
export interface View {
  /** Columns to wrap text at. */
  width: number;
  style: Style;
}

/**
 * A command's result: the same data for `--format json|yaml`, and a human rendering of it. Both are
 * functions so that only the one asked for is computed.
 */
export interface Printable {
  data(): unknown;
  human(view: View): string;
  /** The process's exit code after printing; 0 when left out. (`validate` exits 1 when a record fails.) */
  exitCode?: number;
}

/** A result whose data needs code the human view does not (loaded only for `--format json|yaml`). */
export interface LazyPrintable {
  data(): Promise<unknown>;
  human(view: View): string;
  exitCode?: number;
}

export interface CommandContext {
  env: Readonly<Record<string, string | undefined>>;
  /** The model snapshot, opened on first use (listing commands need not open it). */
  snapshot(): Snapshot;
  /** Every command's name, for suggestions. */
  commands: readonly string[];
  /** For progress only (a command's result goes to stdout through run.ts); `isTTY` says whether to show it. */
  stderr?: { write(s: string): unknown; isTTY?: boolean; columns?: number };
}

export interface Command<A extends ArgsDef = ArgsDef> {
  name: string;
  /** One line for the command list. */
  description: string;
  /** Usage lines after the program name, e.g. `[SERVICE[.OPERATION[.input|.output]]]`. */
  usage: readonly string[];
  args: A;
  /** Example invocations (after the program name) and what they do. */
  examples?: readonly (readonly [string, string])[];
  /** More text for `--help`, after the options. */
  notes?: string;
  run(args: ParsedArgs<A>, ctx: CommandContext): Printable | LazyPrintable | Promise<Printable | LazyPrintable>;
}

/** Options every command takes. */
export const COMMON_ARGS = {
  format: {
    type: "string",
    alias: "f",
    default: "human",
    valueHint: FORMATS.join("|"),
    description: "output format",
  },
  help: { type: "boolean", alias: "h", description: "show this help" },
  version: { type: "boolean", description: "print the version of cloudtrail-schema and of its botocore models" },
} as const satisfies ArgsDef;

/** An option's aliases (`-f` for `--format`); positionals have none. */
export function aliasesOf(def: ArgDef): string[] {
  const a = "alias" in def ? def.alias : undefined;
  return a === undefined ? [] : Array.isArray(a) ? a : [a];
}

export const defineCommand = <A extends ArgsDef>(c: Command<A>): Command<A> => c;
