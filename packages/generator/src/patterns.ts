/**
 * botocore patterns are Java regular expressions; a JSON Schema `pattern` is an ECMA-262 one, unanchored
 * (like Smithy's pattern trait: `\w+` accepts "!a!"), run with the `u` flag by ajv and by the runtime. The
 * strict mode enforces a pattern only when it means the same in JavaScript and cannot make a backtracking
 * engine take more than linear time; every other one is dropped, deliberately, and `droppedPatternReason()`
 * says why (the CLI lists it on the field).
 *
 * Three steps, in `safePattern()`:
 * 1. Java-only syntax is dropped (POSIX classes, possessive quantifiers, atomic groups, \A \Z, inline flags,
 *    anything `new RegExp(p, "u")` refuses).
 * 2. The pattern is simplified without changing which strings it accepts: an unanchored search succeeds
 *    wherever its core succeeds, so a leading or trailing item that may match nothing goes (`.*\S.*` is
 *    `\S`), and a leading or trailing `X+` / `X{m,n}` keeps its minimum (`[\w.-]+@[\w.-]+` is `[\w.-]@[\w.-]`).
 *    A pattern that simplifies to nothing accepts every string and is not enforced. That removes the usual
 *    source of quadratic time, the search restarting at every position and scanning to the end each time.
 * 3. What remains is dropped when it can still backtrack super-linearly (see `superLinearReason()`):
 *    a quantified group containing a quantifier (`(a+)+`); two long quantifiers that can share characters
 *    with only what the first could also eat between them (`.*@.*`, `[A-Za-z]+\w*$`); and, unanchored, a long
 *    quantifier that can eat the pattern's own prefix and is followed by something that can fail
 *    (`arn:aws:.*:x`, where the input "arn:aws:arn:aws:…" restarts the scan at every copy).
 *
 * A test in @cloudtrail-schema/runtime runs every enforced pattern against adversarial 10 KB strings.
 */

const cache = new Map<string, { pattern?: string; reason?: string }>();

/** Quantifiers that can repeat more than this count as unbounded for backtracking. */
const LONG = 32;

/** Why a pattern is not enforced, or undefined when it is (possibly in a simplified, equivalent form). */
export function droppedPatternReason(pattern: string): string | undefined {
  return analyse(pattern).reason;
}

/** The pattern to enforce (equivalent to the botocore one, maybe simpler), or undefined when it is dropped. */
export function safePattern(pattern: string | undefined): string | undefined {
  return pattern === undefined ? undefined : analyse(pattern).pattern;
}

function analyse(pattern: string): { pattern?: string; reason?: string } {
  let result = cache.get(pattern);
  if (!result) {
    const reason = javaOnlyReason(pattern);
    if (reason) result = { reason };
    else {
      const simplified = simplify(pattern);
      if (simplified === undefined) result = { reason: "not parsed by the pattern analyser" };
      else if (simplified === "") result = { reason: "accepts every string" };
      else {
        const slow = superLinearReason(simplified);
        result = slow ? { reason: slow } : { pattern: simplified };
      }
    }
    cache.set(pattern, result);
  }
  return result;
}

function javaOnlyReason(pattern: string): string | undefined {
  // Java-only syntax: POSIX classes, possessive quantifiers, atomic groups, \A \Z \z anchors, inline flags.
  if (/\\p\{(Alpha|Digit|Alnum|Upper|Lower|Punct|Graph|Print|Blank|Cntrl|XDigit|Space|ASCII|javaLowerCase|javaUpperCase|IsAlphabetic)\}/.test(pattern))
    return "Java POSIX character class";
  if (/[*+?}][+]/.test(pattern.replace(/\\./g, ""))) return "possessive quantifier (Java only)";
  if (/\(\?[>imsx]/.test(pattern)) return "atomic group or inline flag (Java only)";
  if (/\\[AZz]/.test(pattern)) return "Java anchor";
  try {
    new RegExp(pattern, "u");
  } catch (e) {
    return `not a JavaScript regular expression: ${(e as Error).message}`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// A small parser for the syntax botocore patterns use: enough to find items, quantifiers and anchors, and to
// write the pattern back. Each character atom keeps its source; its character set is asked of the RegExp
// engine itself over a probe alphabet.

interface Item {
  atom: Atom;
  min: number;
  max: number;
  /** The quantifier as written (`+`, `{1,63}?`), "" for none. */
  quant: string;
}
type Atom =
  | { kind: "char"; src: string }
  | { kind: "group"; open: string; alts: Item[][] }
  /** ^ $ \b \B and lookarounds: match no character, may fail. */
  | { kind: "assert"; src: string }
  | { kind: "backref"; src: string };

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Item[][] {
    const alts = this.alts();
    if (this.i !== this.s.length) throw new Error("unbalanced )");
    return alts;
  }

  private alts(): Item[][] {
    const alts = [this.seq()];
    while (this.s[this.i] === "|") {
      this.i++;
      alts.push(this.seq());
    }
    return alts;
  }

  private seq(): Item[] {
    const items: Item[] = [];
    while (this.i < this.s.length && this.s[this.i] !== "|" && this.s[this.i] !== ")") {
      const atom = this.atom();
      items.push({ atom, ...this.quantifier() });
    }
    return items;
  }

  private atom(): Atom {
    const s = this.s;
    const start = this.i;
    const c = s[this.i]!;
    if (c === "(") {
      const m = /^\((\?(?::|=|!|<=|<!|<[A-Za-z_][A-Za-z0-9_]*>))?/.exec(s.slice(this.i))!;
      this.i += m[0].length;
      const alts = this.alts();
      if (s[this.i] !== ")") throw new Error("unclosed (");
      this.i++;
      if (m[1] && /^\?(=|!|<=|<!)/.test(m[1])) return { kind: "assert", src: s.slice(start, this.i) };
      return { kind: "group", open: m[0], alts };
    }
    if (c === "^" || c === "$") {
      this.i++;
      return { kind: "assert", src: c };
    }
    if (c === "[") {
      this.i++;
      if (s[this.i] === "^") this.i++;
      if (s[this.i] === "]") this.i++;
      while (this.i < s.length && s[this.i] !== "]") this.i += s[this.i] === "\\" ? 2 : 1;
      if (s[this.i] !== "]") throw new Error("unclosed [");
      this.i++;
      return { kind: "char", src: s.slice(start, this.i) };
    }
    if (c === "\\") {
      const e = s[this.i + 1];
      if (e === undefined) throw new Error("trailing \\");
      if (e === "b" || e === "B") {
        this.i += 2;
        return { kind: "assert", src: s.slice(start, this.i) };
      }
      if (/[1-9]/.test(e) || (e === "k" && s[this.i + 2] === "<")) {
        this.i = e === "k" ? s.indexOf(">", this.i) + 1 : this.i + 2;
        while (e !== "k" && /[0-9]/.test(s[this.i] ?? "")) this.i++;
        return { kind: "backref", src: s.slice(start, this.i) };
      }
      if ((e === "p" || e === "P" || e === "u") && s[this.i + 2] === "{") this.i = s.indexOf("}", this.i) + 1;
      else if (e === "u") this.i += 6;
      else if (e === "x") this.i += 4;
      else if (e === "c") this.i += 3;
      else this.i += 2;
      return { kind: "char", src: s.slice(start, this.i) };
    }
    if (c === "*" || c === "+" || c === "?" || c === "{") {
      // A quantifier with nothing to repeat is a syntax error under the u flag; `{` alone is too.
      throw new Error(`nothing to repeat at ${this.i}`);
    }
    this.i += (c.codePointAt(0) ?? 0) > 0xffff ? 2 : 1;
    return { kind: "char", src: s.slice(start, this.i) };
  }

  private quantifier(): { min: number; max: number; quant: string } {
    const s = this.s;
    const start = this.i;
    let min = 1;
    let max = 1;
    const c = s[this.i];
    if (c === "*") [min, max] = [0, Infinity];
    else if (c === "+") [min, max] = [1, Infinity];
    else if (c === "?") [min, max] = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.i));
      if (!m) return { min, max, quant: "" };
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return { min, max, quant: "" };
    this.i++;
    if (s[this.i] === "?") this.i++;
    return { min, max, quant: s.slice(start, this.i) };
  }
}

const write = (alts: Item[][]): string => alts.map((seq) => seq.map(writeItem).join("")).join("|");
const writeItem = (item: Item): string => writeAtom(item.atom) + item.quant;
const writeAtom = (a: Atom): string => (a.kind === "group" ? `${a.open}${write(a.alts)})` : a.src);

/** Matches the empty string and cannot fail there (no assertion, no backreference). */
function optional(item: Item): boolean {
  if (item.atom.kind === "assert" || item.atom.kind === "backref") return false;
  if (item.min === 0) return true;
  return item.atom.kind === "group" && item.atom.alts.some((seq) => seq.every(optional));
}

const hasBackref = (alts: Item[][]): boolean =>
  alts.some((seq) => seq.some((i) => i.atom.kind === "backref" || (i.atom.kind === "group" && hasBackref(i.atom.alts))));

/** Keep the minimum repetition count of an item (`X+` -> `X`, `X{2,5}` -> `X{2}`). */
function atMinimum(item: Item): Item {
  const quant = item.min === 1 ? "" : `{${item.min}}`;
  return { ...item, max: item.min, quant };
}

/**
 * The equivalent pattern with the ends of each alternative trimmed (see step 2 in the header); "" when an
 * alternative trims to nothing (the pattern accepts every string); undefined when it cannot be parsed.
 * Alternatives with an anchor at an end keep that end.
 */
export function simplify(pattern: string): string | undefined {
  let alts: Item[][];
  try {
    alts = new Parser(pattern).parse();
  } catch {
    return undefined;
  }
  // Without backreferences, what a group captures changes nothing about which strings match.
  if (hasBackref(alts)) return pattern;
  const out: Item[][] = [];
  for (const original of alts) {
    const seq = [...original];
    while (seq.length && optional(seq[0]!)) seq.shift();
    if (seq.length && seq[0]!.max > seq[0]!.min && seq[0]!.min >= 1) seq[0] = atMinimum(seq[0]!);
    while (seq.length && optional(seq[seq.length - 1]!)) seq.pop();
    const last = seq.length - 1;
    if (last >= 0 && seq[last]!.max > seq[last]!.min && seq[last]!.min >= 1) seq[last] = atMinimum(seq[last]!);
    if (seq.length === 0) return "";
    out.push(seq);
  }
  return write(out);
}

// ---------------------------------------------------------------------------------------------------------
// Super-linear backtracking

/** Characters the analysis asks about: ASCII and a few others (Latin-1, a CJK letter, an emoji, separators). */
const PROBES = [...Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)), "é", "\u00a0", "\u2028", "中", "😀", "\ufffd"];

const setCache = new Map<string, bigint>();

/** The probe characters an atom can match, as a bit set; groups: every character any of their atoms can match. */
function charSet(a: Atom): bigint {
  if (a.kind === "group") return a.alts.reduce((bits, seq) => seq.reduce((b, i) => b | charSet(i.atom), bits), 0n);
  if (a.kind !== "char") return 0n;
  let bits = setCache.get(a.src);
  if (bits === undefined) {
    bits = 0n;
    const re = new RegExp(`^(?:${a.src})$`, "u");
    PROBES.forEach((ch, i) => {
      if (re.test(ch)) bits! |= 1n << BigInt(i);
    });
    setCache.set(a.src, bits);
  }
  return bits;
}

const long = (i: Item): boolean => i.max > LONG;

/** Why the (simplified) pattern may take super-linear time on a backtracking engine, or undefined. */
export function superLinearReason(pattern: string): string | undefined {
  let alts: Item[][];
  try {
    alts = new Parser(pattern).parse();
  } catch {
    return "not parsed by the pattern analyser";
  }
  const nested = structureReason(alts);
  if (nested) return nested;
  for (const seq of alts) {
    const anchored = seq[0]?.atom.kind === "assert" && seq[0].atom.src === "^";
    const flat = expand(seq);
    if (flat === undefined) return "too many alternatives to analyse";
    for (const f of flat) {
      const r = sequenceReason(f, !anchored);
      if (r) return r;
    }
  }
  return undefined;
}

/** Can match strings of different lengths (so a repetition of it can split one input several ways). */
const variable = (alts: Item[][]): boolean =>
  alts.some((seq) => seq.some((i) => i.min !== i.max || (i.atom.kind === "group" && variable(i.atom.alts)))) ||
  new Set(alts.map((seq) => seq.reduce((n, i) => n + (i.atom.kind === "char" ? i.min : 0), 0))).size > 1;

/** Rules on the nesting: repeated groups that can match one input in many ways; scanning lookarounds. */
function structureReason(alts: Item[][], unanchored = true): string | undefined {
  for (const seq of alts) {
    const anchoredHere = seq[0]?.atom.kind === "assert" && seq[0].atom.src === "^";
    for (const item of seq) {
      const a = item.atom;
      if (a.kind === "assert" && a.src.startsWith("(")) {
        // A lookaround scans ahead from where it is tried; unanchored, it is tried at every position.
        const inner = new Parser(a.src.replace(/^\(\?<?[=!]/, "").slice(0, -1)).parse();
        if (unanchored && !anchoredHere && inner.some(hasLong)) return "lookaround with a long quantifier in an unanchored pattern (may take quadratic time)";
        const r = structureReason(inner, false);
        if (r) return r;
      }
      if (a.kind !== "group") continue;
      if (item.max > 1 && item.max !== item.min) {
        // (a+)+, ([A-Za-z].?)+ : the repetitions can divide the input in exponentially many ways.
        if (variable(a.alts)) return "nested quantifier (may backtrack catastrophically)";
        // (\w|\d)+ : two alternatives that can start alike.
        const firsts = a.alts.map((alt) => (alt[0] ? charSet(alt[0].atom) : 0n));
        if (firsts.some((x, i) => firsts.some((y, j) => i < j && (x & y) !== 0n))) return "repeated alternatives that overlap (may backtrack catastrophically)";
      }
      const r = structureReason(a.alts, unanchored && !anchoredHere);
      if (r) return r;
    }
  }
  return undefined;
}

const hasLong = (seq: Item[]): boolean => seq.some((i) => long(i) || (i.atom.kind === "group" && i.atom.alts.some(hasLong)));

/**
 * The flat sequences a sequence can take: groups matched at most once are opened (each alternative, and
 * for an optional group also its absence), groups repeated an exact small number of times are written out.
 * Groups repeated a variable number of times stay whole. Undefined past 256 sequences.
 */
function expand(seq: Item[]): Item[][] | undefined {
  let out: Item[][] = [[]];
  for (const item of seq) {
    const a = item.atom;
    let choices: Item[][];
    if (a.kind === "group" && item.max <= 1) {
      choices = a.alts.flatMap((alt) => expand(alt) ?? [alt]);
      if (item.min === 0) choices.push([]);
    } else if (a.kind === "group" && item.min === item.max && item.max <= 4) {
      const once = a.alts.flatMap((alt) => expand(alt) ?? [alt]);
      choices = [[]];
      for (let k = 0; k < item.max; k++) choices = choices.flatMap((c) => once.map((o) => [...c, ...o]));
    } else choices = [[item]];
    out = out.flatMap((prefix) => choices.map((c) => [...prefix, ...c]));
    if (out.length > 256) return undefined;
  }
  return out;
}

function sequenceReason(seq: Item[], unanchored: boolean): string | undefined {
  for (let a = 0; a < seq.length; a++) {
    const first = seq[a]!;
    if (!long(first)) continue;
    const set = charSet(first.atom);
    // Two long quantifiers that can trade characters, the first able to eat everything between them.
    for (let b = a + 1; b < seq.length; b++) {
      const next = seq[b]!;
      if (long(next) && (charSet(next.atom) & set) !== 0n) return "overlapping quantifiers (may backtrack in quadratic time)";
      if (next.atom.kind === "assert" || (charSet(next.atom) & set) === 0n) break;
    }
    // Unanchored: the scan restarts at every position; if the long quantifier can eat the prefix before it,
    // a string of repeated prefixes makes every restart scan to the end.
    if (unanchored) {
      const eatsPrefix = seq.slice(0, a).every((p) => p.atom.kind === "assert" || (charSet(p.atom) & set) !== 0n);
      const canFailAfter = seq.slice(a + 1).some((i) => !optional(i));
      if (eatsPrefix && canFailAfter) return "unanchored search with a long quantifier (may take quadratic time)";
    }
  }
  return undefined;
}

/** Kept for callers that only ask about nesting. */
export function hasNestedQuantifier(pattern: string): boolean {
  return superLinearReason(pattern)?.startsWith("nested") ?? false;
}
