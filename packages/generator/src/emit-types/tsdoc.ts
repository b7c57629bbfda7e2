/**
 * TSDoc comments from the model's plain-text documentation (docs.ts already turned botocore's HTML into
 * text). Editors show these on hover, so every generated type and property gets one.
 */

export interface DocParts {
  /** Paragraphs, already plain text; empty ones are skipped. */
  text: readonly (string | undefined)[];
  deprecated?: boolean;
  /** Block tags written as they are, after the text (`@packageDocumentation`). */
  tags?: readonly string[];
}

/**
 * Escape what would end the comment (`*\/`) or start a tag: a line that begins with `@` in AWS's prose
 * (`@aws.region`) would otherwise become an unknown TSDoc block tag.
 */
const escapeLine = (line: string) => line.replace(/\*\//g, "*\\/").replace(/^(\s*)@/, "$1\\@");

/** A `/** … *\/` block at `indent`, ending in a newline; the one-line form when the text is one line. */
export function tsdoc(parts: DocParts, indent = ""): string {
  const lines = parts.text
    .filter((p): p is string => !!p && p.trim() !== "")
    .join("\n\n")
    .split("\n")
    .map((l) => escapeLine(l.trimEnd()));
  const tags = [...(parts.deprecated ? ["@deprecated"] : []), ...(parts.tags ?? [])];
  if (tags.length) lines.push(...(lines.length ? [""] : []), ...tags);
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => (l ? `${indent} * ${l}` : `${indent} *`)).join("\n")}\n${indent} */\n`;
}
