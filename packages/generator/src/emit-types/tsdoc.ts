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

/** How long a summary may grow, in characters (a hover's worth: two or three lines). */
export const SUMMARY_MAX = 300;
/** How long the summary of a field or a shape may grow: a line, mostly its first sentence. */
export const FIELD_SUMMARY_MAX = 160;
/** How long a later paragraph that states a constraint or the values (`Valid values: …`) may be and still be kept. */
export const NOTE_MAX = 160;

/** A first paragraph this short without a sentence end is a title. */
const TITLE_MAX = 80;

/** Later paragraphs worth keeping in a summary when short: the values or limits a field takes. */
const NOTE = /^(Valid values|Allowed values|Constraints?|Length constraints|Pattern|Default|Minimum|Maximum|Type)\s*:/i;

/** Abbreviations whose period does not end a sentence. */
const ABBREVIATION = /(?:\b(?:e\.g|i\.e|etc|vs|approx|Inc|Ltd|No|U\.S)|\b[A-Z])\.$/;

/** Where each sentence of a paragraph ends (offsets just past `.`, `!`, `?` or a line end). */
function sentenceEnds(paragraph: string): number[] {
  const ends: number[] = [];
  for (const m of paragraph.matchAll(/[.!?][)"'`]?(?=\s)|\n/g)) {
    const end = m.index + m[0].length;
    if (m[0] !== "\n" && ABBREVIATION.test(paragraph.slice(Math.max(0, m.index - 7), m.index + 1))) continue;
    ends.push(m[0] === "\n" ? m.index : end);
  }
  ends.push(paragraph.length);
  return ends;
}

/**
 * The summary of a model documentation text for TSDoc: its first paragraph (after a title), whole sentences up to `max`
 * characters (a first sentence longer than that is cut at a word and ends in `…`), then any later short
 * paragraph that states the values or constraints (`Valid values: …`). The full text stays one command
 * away (`cloudtrail-schema show`) and in the AWS API reference; repeating it in every declaration made the
 * documentation 54 MB of the package's 76 MB of declarations. Pure: the same text gives the same summary.
 */
export function summarizeDoc(doc: string | undefined, max = SUMMARY_MAX): string | undefined {
  if (!doc) return undefined;
  const paragraphs = doc
    .trim()
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  // A title first (a service's `<fullname>`: "Key Management Service") says little alone: the paragraph after it too.
  const titled = paragraphs.length > 1 && paragraphs[0]!.length <= TITLE_MAX && !/[.!?:]$/.test(paragraphs[0]!);
  const first = titled ? paragraphs[1] : paragraphs[0];
  if (!first) return undefined;
  let head = first;
  if (first.length > max) {
    const ends = sentenceEnds(first).filter((e) => e <= max);
    if (ends.length) head = first.slice(0, ends.at(-1)).trimEnd();
    else {
      const cut = first.slice(0, max - 1);
      const space = cut.search(/\s\S*$/);
      head = `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd().replace(/[,;:(\s]+$/, "")}…`;
    }
  }
  const notes = paragraphs.slice(titled ? 2 : 1).filter((p) => p.length <= NOTE_MAX && NOTE.test(p));
  return [...(titled ? [paragraphs[0]!] : []), head, ...notes].join("\n\n");
}
