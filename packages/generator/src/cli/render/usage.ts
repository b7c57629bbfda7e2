/**
 * `--help` text from a command's citty argument definitions. (citty's own `renderUsage` prints through
 * consola with Markdown backticks and its own colour rules; ours follows the CLI's.)
 */
import type { ArgsDef } from "citty";
import { aliasesOf } from "../command.js";
import type { Style } from "./style.js";
import { wrap } from "./text.js";

export interface UsageSpec {
  /** `cloudtrail-schema` or `cloudtrail-schema rules`. */
  command: string;
  description: string;
  usage: readonly string[];
  args: ArgsDef;
  examples?: readonly (readonly [string, string])[];
  notes?: string;
  /** Other commands, for the program's main help. */
  commands?: readonly (readonly [string, string])[];
}

/** Two aligned columns, the second wrapped under itself. */
function table(rows: readonly (readonly [string, string])[], width: number, style: Style, left: (s: string) => string): string[] {
  const col = Math.min(Math.max(...rows.map(([a]) => a.length)), 40) + 2;
  const out: string[] = [];
  for (const [a, b] of rows) {
    const text = wrap(b, width, 2 + col);
    const first = (text[0] ?? "").slice(2 + col);
    if (a.length + 2 > col) {
      out.push(`  ${left(a)}`);
      out.push(...text);
    } else {
      out.push(`  ${left(a)}${" ".repeat(col - a.length)}${first}`);
      out.push(...text.slice(1));
    }
  }
  return out;
}

export function renderUsage(spec: UsageSpec, view: { width: number; style: Style }): string {
  const s = view.style;
  const out: string[] = [];
  out.push(...wrap(`${spec.command}: ${spec.description}`, view.width, 0));
  out.push("", s.heading("USAGE"));
  for (const u of spec.usage) out.push(`  ${spec.command}${u ? ` ${u}` : ""}`);

  const positionals = Object.entries(spec.args).filter(([, a]) => a.type === "positional");
  if (positionals.length) {
    out.push("", s.heading("ARGUMENTS"));
    out.push(...table(positionals.map(([name, a]) => [a.valueHint ?? name.toUpperCase(), a.description ?? ""]), view.width, s, s.field));
  }

  const options = Object.entries(spec.args).filter(([, a]) => a.type !== "positional");
  if (options.length) {
    out.push("", s.heading("OPTIONS"));
    const rows = options.map(([name, a]): [string, string] => {
      const short = aliasesOf(a).filter((x) => x.length === 1).map((x) => `-${x}, `)[0] ?? "    ";
      // A boolean that defaults to true is turned off with --no-NAME.
      const flag = a.type === "boolean" && a.default === true ? `--no-${name}` : `--${name}`;
      const value = a.type === "string" ? ` <${a.valueHint ?? "value"}>` : "";
      const dflt = a.type === "string" && a.default !== undefined ? ` (default: ${a.default})` : "";
      return [`${short}${flag}${value}`, `${a.description ?? ""}${dflt}`];
    });
    out.push(...table(rows, view.width, s, s.field));
  }

  if (spec.commands?.length) {
    out.push("", s.heading("COMMANDS"));
    out.push(...table(spec.commands, view.width, s, s.field));
  }
  if (spec.examples?.length) {
    out.push("", s.heading("EXAMPLES"));
    const program = spec.command.split(" ")[0]!;
    out.push(...table(spec.examples.map(([cmd, what]) => [`${program}${cmd ? ` ${cmd}` : ""}`, what]), view.width, s, (x) => x));
  }
  if (spec.notes) out.push("", ...wrap(spec.notes, view.width, 0));
  return `${out.join("\n")}\n`;
}
