/** Plain-text layout: word wrapping with an indent, as terminal help pages do. */

/**
 * Wrap text to `width` columns, every line prefixed by `indent` spaces and continued lines by `hang`
 * more. Keeps the text's own line breaks and blank lines; a line that starts a list item (`- `)
 * continues under its text, and a word longer than the line (a URL, a pattern) is never broken.
 */
export function wrap(text: string, width: number, indent: number, hang = 0): string[] {
  const pad = " ".repeat(indent);
  const room = Math.max(20, width - indent);
  const out: string[] = [];
  for (const raw of text.split("\n")) {
    let at = 0;
    while (raw.charCodeAt(at) === 32) at++;
    if (at === raw.length) {
      out.push("");
      continue;
    }
    const lead = raw.slice(0, at);
    const cont = lead + " ".repeat(hang) + (raw.startsWith("- ", at) ? "  " : "");
    // Cut at the last space that fits, or after an overlong word; slices, not word-by-word concatenation
    // (ec2's RunInstances prints 170 kB of documentation).
    let prefix = lead;
    let rest = raw.slice(at);
    while (prefix.length + rest.length > room) {
      let cut = rest.lastIndexOf(" ", room - prefix.length);
      if (cut <= 0) cut = rest.indexOf(" ", room - prefix.length);
      if (cut <= 0) break;
      out.push(pad + prefix + rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut + 1).trimStart();
      prefix = cont;
    }
    out.push(pad + prefix + rest);
  }
  // No blank lines at either end.
  while (out.length && !out[0]!.trim()) out.shift();
  while (out.length && !out[out.length - 1]!.trim()) out.pop();
  return out;
}

/** `min..max`, `at least min`, `at most max`, or undefined when neither bound is set. */
export function bounds(min: number | undefined, max: number | undefined, unit = ""): string | undefined {
  const u = unit ? ` ${unit}` : "";
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${min}${u}` : `${min}..${max}${u}`;
  if (min !== undefined) return `at least ${min}${u}`;
  if (max !== undefined) return `at most ${max}${u}`;
  return undefined;
}
