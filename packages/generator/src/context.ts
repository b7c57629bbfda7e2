/**
 * The generation context, built once with every default spelled out, then passed to the pure stages.
 */
import type { Rule } from "./project/rule.js";
import { RULES } from "./project/rules/index.js";

export interface GenerateContext {
  botocoreVersion: string;
  /** The CloudTrail conventions applied by the project stage, in order. */
  rules: readonly Rule[];
  /** Services to generate (sorted); all in the snapshot when not narrowed. */
  services: readonly string[];
  /** Keep model documentation in the output. */
  docs: boolean;
  /** Emit the TypeScript declarations of @cloudtrail-schema/types beside the JSON Schemas. */
  types: boolean;
  /**
   * Write the package's JSON Schemas documented (`description` on every node) and indented. Off by default:
   * the documentation lives once, in the declarations' TSDoc, and the schema files are minified (they
   * were 128 MB of the package's 212, most of it the same text as the TSDoc).
   */
  schemaDocs: boolean;
  /**
   * Keep the model's constraints (the strict overlay, `x-model`: enums, lengths, patterns, closed objects,
   * required members) in the package's JSON Schemas. Off by default: the published schemas are the
   * compatible form, what real records satisfy (`x-model` was 17.6 MB of their 48.5 MB); the full documents
   * are written under `build/schemas/` either way, for the runtime's strict mode.
   */
  modelConstraints: boolean;
  /**
   * Put the model's whole documentation in the declarations' TSDoc. Off by default: each type and field
   * carries its summary (first paragraph, up to ~300 characters, at a sentence end), each event a link to
   * the AWS API reference and the `cloudtrail-schema show` command that prints the rest (the whole text
   * was 54 MB of the 76 MB of declarations).
   */
  fullDocs: boolean;
}

export function createContext(
  snapshot: { botocoreVersion: string; services: readonly string[] },
  options: Partial<Omit<GenerateContext, "botocoreVersion">> = {},
): GenerateContext {
  return {
    botocoreVersion: snapshot.botocoreVersion,
    rules: options.rules ?? RULES,
    services: [...(options.services ?? snapshot.services)].sort(),
    docs: options.docs ?? true,
    types: options.types ?? true,
    schemaDocs: options.schemaDocs ?? false,
    modelConstraints: options.modelConstraints ?? false,
    fullDocs: options.fullDocs ?? false,
  };
}
