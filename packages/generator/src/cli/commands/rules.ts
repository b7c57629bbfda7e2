/**
 * `cloudtrail-schema rules [ID]`: the project stage's rules, in the order they apply. Each rule is one
 * CloudTrail convention with an id that users and bug reports name.
 */
import { GeneratorError } from "../../errors.js";
import { RULES } from "../../project/rules/index.js";
import { COMMON_ARGS, defineCommand, type Printable } from "../command.js";
import { renderRules, type RuleRow } from "../render/lists.js";
import { closeMatches } from "../suggest.js";

export const rules = defineCommand({
  name: "rules",
  description: "list the CloudTrail conventions the generator applies (id, what CloudTrail does, evidence)",
  usage: ["[ID] [OPTIONS]"],
  args: {
    id: { type: "positional", required: false, valueHint: "ID", description: "print only this rule" },
    ...COMMON_ARGS,
  },
  examples: [
    ["rules", "every rule, in the order the project stage applies them"],
    ["rules sensitive-redacted", "one rule"],
    ["rules --format json", "the same as JSON"],
  ],
  run(args): Printable {
    const all: RuleRow[] = RULES.map((r) => ({ id: r.id, why: r.why, evidence: r.evidence }));
    if (args._.length > 1) throw new GeneratorError("E_USAGE", `rules takes one rule id, not ${args._.length}`);
    const id = args._[0];
    const rows = id === undefined ? all : all.filter((r) => r.id === id);
    if (!rows.length) {
      throw new GeneratorError(
        "E_USAGE",
        `unknown rule "${id}"; \`cloudtrail-schema rules\` lists them`,
        closeMatches(id!, all.map((r) => r.id)).map((r) => `rules ${r}`),
      );
    }
    return { data: () => ({ Rules: rows }), human: (view) => renderRules(rows, view) };
  },
});
