/**
 * How printed text is decorated. Renderers take a `Style` and never look at the terminal themselves:
 * `plain` for pipes, files, `NO_COLOR` and tests; `ansi` for a colour terminal.
 */
export interface Style {
  /** A heading: the operation, `requestParameters:`. */
  heading(s: string): string;
  /** A field name as CloudTrail writes it. */
  field(s: string): string;
  /** A type: `string`, `object (Tag)`. */
  type(s: string): string;
  /** Notes beside a type: `required`, constraints. */
  note(s: string): string;
  /** A marker a reader must not miss: recursion, redaction. */
  mark(s: string): string;
  /** Documentation text. */
  doc(s: string): string;
  /** Errors and warnings. */
  error(s: string): string;
}

const same = (s: string) => s;

export const plain: Style = { heading: same, field: same, type: same, note: same, mark: same, doc: same, error: same };

const sgr = (open: number, close: number) => (s: string) => (s ? `\x1b[${open}m${s}\x1b[${close}m` : s);

export const ansi: Style = {
  heading: sgr(1, 22),
  field: sgr(1, 22),
  type: sgr(36, 39),
  note: sgr(33, 39),
  mark: sgr(35, 39),
  doc: same,
  error: sgr(31, 39),
};

/**
 * Colour only on a terminal: never with `NO_COLOR` (https://no-color.org) or `TERM=dumb`; always with
 * `FORCE_COLOR` set to anything but `0`.
 */
export function wantsColor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false") return true;
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
}
