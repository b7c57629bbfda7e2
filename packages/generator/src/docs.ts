/**
 * botocore documentation is HTML (`<p>`, `<code>`, `<a>`, `<ul>`, `<note>`…). Users read it in a terminal,
 * in JSON Schema `description`s and in TSDoc, so it becomes plain text once, in the normalize stage.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const cp = e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Convert botocore's HTML documentation to plain text with paragraphs and `- ` list items. */
export function htmlToText(html: string | undefined): string | undefined {
  if (!html) return undefined;
  let s = html
    .replace(/\r\n?/g, "\n")
    .replace(/<\/?(p|div|note|important|para|ul|ol|dl|section|fullname|h\d)\b[^>]*>/gi, "\n\n")
    .replace(/<li\b[^>]*>/gi, "\n- ")
    .replace(/<\/li>/gi, "\n")
    .replace(/<(dt)\b[^>]*>/gi, "\n")
    .replace(/<(dd)\b[^>]*>/gi, "\n  ")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<a\b[^>]*\bhref\s*=\s*"([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_m, href: string, text: string) => {
      const t = text.trim();
      return t && t !== href ? `${t} (${href})` : href;
    })
    .replace(/<\/?code\b[^>]*>/gi, "`")
    .replace(/<[^>]+>/g, "");
  s = decodeEntities(s);
  // Collapse runs of spaces inside lines, then trim lines and squeeze blank lines.
  s = s
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trimEnd())
    .map((line) => (line.startsWith(" ") && !line.startsWith("  ") ? line.trimStart() : line))
    .join("\n")
    .replace(/``/g, "")
    .replace(/\n{3,}/g, "\n\n")
    // `<li><p>text</p></li>` leaves the bullet on a line of its own; rejoin it, and keep list items together.
    .replace(/^- *\n+/gm, "- ")
    .replace(/^(- .*)\n\n(?=- )/gm, "$1\n")
    .trim();
  return s === "" ? undefined : s;
}

/** The first sentence (or line) of a doc, for one-line listings. */
export function summary(doc: string | undefined, max = 160): string | undefined {
  if (!doc) return undefined;
  const first = doc.split("\n")[0]!;
  const m = /^(.*?[.!?])(\s|$)/.exec(first);
  const s = m ? m[1]! : first;
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
