/**
 * Every command, loaded on demand so that a lookup loads only what it runs.
 *
 * Planned (issue 6), each a file here and a line below, all with the same `--format` and `--help`:
 * `paths`, `pattern`, `custodian`, `example`, `validate`, `search`. A command name shadows a service of
 * the same name in the bare form; `cloudtrail-schema show NAME` still looks the service up.
 */
import type { Command } from "../command.js";
import { show } from "./show.js";

export const COMMANDS: Readonly<Record<string, () => Promise<Command<any>>>> = {
  // The lookup is the command that must start fast: it is in the CLI's main file, the others in chunks.
  show: async () => show,
  rules: () => import("./rules.js").then((m) => m.rules),
  example: () => import("./example.js").then((m) => m.example),
  validate: () => import("./validate.js").then((m) => m.validate),
  paths: () => import("./paths.js").then((m) => m.paths),
  pattern: () => import("./pattern.js").then((m) => m.pattern),
  custodian: () => import("./custodian.js").then((m) => m.custodian),
  search: () => import("./search.js").then((m) => m.searchCommand),
};

/** The command a bare lookup (`cloudtrail-schema iam`) runs. */
export const DEFAULT_COMMAND = "show";
