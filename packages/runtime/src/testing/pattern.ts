/**
 * A string that matches a regular expression (the botocore patterns the schemas enforce), of a length within
 * bounds. Not a general solver: it parses the usual syntax (classes, groups, alternation, quantifiers,
 * escapes), builds a candidate, and checks it with the real RegExp; it tries a few variants and gives up with
 * undefined. Each character class is matched by asking the RegExp engine itself which characters it accepts,
 * so `\p{L}`, `[^/]` or `[\u0020-\uD7FF]` need no table here.
 */

type Atom = { kind: "char"; chars: readonly string[] } | { kind: "group"; alt: Alt } | { kind: "empty" };
interface Item {
  atom: Atom;
  min: number;
  max: number;
}
type Seq = Item[];
type Alt = Seq[];

/** Characters tried first, so samples read like values: letters, digits, then punctuation, then others. */
const NICE = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:@+= ,;!*()#$%&'~?<>|^`\"\\\t\n[]{}é"];

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Alt {
    const alt = this.alt();
    if (this.i < this.src.length) throw new Error(`unexpected ${this.src[this.i]} at ${this.i}`);
    return alt;
  }

  private alt(): Alt {
    const seqs: Alt = [this.seq()];
    while (this.src[this.i] === "|") {
      this.i++;
      seqs.push(this.seq());
    }
    return seqs;
  }

  private seq(): Seq {
    const items: Seq = [];
    while (this.i < this.src.length && this.src[this.i] !== "|" && this.src[this.i] !== ")") {
      const atom = this.atom();
      const [min, max] = this.quantifier();
      items.push({ atom, min, max });
    }
    return items;
  }

  private atom(): Atom {
    const s = this.src;
    const c = s[this.i]!;
    if (c === "(") {
      this.i++;
      let lookaround = false;
      if (s[this.i] === "?") {
        if (s.startsWith("?:", this.i)) this.i += 2;
        else if (s.startsWith("?=", this.i) || s.startsWith("?!", this.i)) {
          this.i += 2;
          lookaround = true;
        } else if (s.startsWith("?<=", this.i) || s.startsWith("?<!", this.i)) {
          this.i += 3;
          lookaround = true;
        } else if (s.startsWith("?<", this.i)) this.i = s.indexOf(">", this.i) + 1;
      }
      const alt = this.alt();
      if (s[this.i] !== ")") throw new Error("unclosed group");
      this.i++;
      // Lookarounds consume nothing; the final check against the real pattern decides.
      return lookaround ? { kind: "empty" } : { kind: "group", alt };
    }
    if (c === "^" || c === "$") {
      this.i++;
      return { kind: "empty" };
    }
    const start = this.i;
    if (c === "[") {
      this.i++;
      if (s[this.i] === "^") this.i++;
      if (s[this.i] === "]") this.i++;
      while (this.i < s.length && s[this.i] !== "]") this.i += s[this.i] === "\\" ? 2 : 1;
      this.i++;
    } else if (c === "\\") {
      const e = s[this.i + 1];
      if (e === "b" || e === "B") {
        this.i += 2;
        return { kind: "empty" };
      }
      if ((e === "p" || e === "P") && s[this.i + 2] === "{") this.i = s.indexOf("}", this.i) + 1;
      else if (e === "u" && s[this.i + 2] === "{") this.i = s.indexOf("}", this.i) + 1;
      else if (e === "u") this.i += 6;
      else if (e === "x") this.i += 4;
      else if (e === "c") this.i += 3;
      else if (e !== undefined && /[1-9]/.test(e)) {
        this.i += 2;
        return { kind: "empty" };
      } else this.i += 2;
    } else {
      // One code point (a surrogate pair is one character under the u flag).
      this.i += (c.codePointAt(0) ?? 0) > 0xffff ? 2 : 1;
    }
    return { kind: "char", chars: charsOf(s.slice(start, this.i)) };
  }

  private quantifier(): [number, number] {
    const s = this.src;
    let q: [number, number] = [1, 1];
    const c = s[this.i];
    if (c === "*") q = [0, Infinity];
    else if (c === "+") q = [1, Infinity];
    else if (c === "?") q = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d*)(,?)(\d*)\}/.exec(s.slice(this.i));
      if (!m) return q;
      const min = m[1] === "" ? 0 : Number(m[1]);
      q = [min, m[2] ? (m[3] === "" ? Infinity : Number(m[3])) : min];
      this.i += m[0].length - 1;
    } else return q;
    this.i++;
    if (s[this.i] === "?") this.i++;
    return q;
  }
}

const charCache = new Map<string, string[]>();

/** The characters a one-character atom (`a`, `\\d`, `[^/]`, `\\p{L}`) accepts: nice ones first, at most a few. */
function charsOf(atom: string): string[] {
  let chars = charCache.get(atom);
  if (!chars) {
    const test = new RegExp(`^(?:${atom})$`, "u");
    chars = NICE.filter((ch) => test.test(ch)).slice(0, 4);
    for (let cp = 0x20; chars.length === 0 && cp < 0x3000; cp++) {
      const ch = String.fromCodePoint(cp);
      if (test.test(ch)) chars.push(ch);
    }
    charCache.set(atom, chars);
  }
  return chars;
}

/** Build one string; `extra` is how many characters to add beyond the minimum, in the first stretchy places. */
function build(alt: Alt, variant: number, budget: { extra: number }): string | undefined {
  const seq = alt[variant % alt.length]!;
  let out = "";
  for (const item of seq) {
    const one = (k: number): string | undefined => {
      if (item.atom.kind === "empty") return "";
      if (item.atom.kind === "group") return build(item.atom.alt, variant + k, budget);
      const chars = item.atom.chars;
      return chars.length ? chars[(variant + k) % chars.length] : undefined;
    };
    let reps = 0;
    for (; reps < item.min; reps++) {
      const s = one(reps);
      if (s === undefined) return undefined;
      out += s;
    }
    while (budget.extra > 0 && reps < item.max) {
      const s = one(reps);
      if (s === undefined || s.length === 0) break;
      out += s;
      budget.extra -= [...s].length;
      reps++;
    }
  }
  return out;
}

/** A string matching `pattern` (with the `u` flag) whose length is within [min, max], or undefined. */
const samples = new Map<string, string | undefined>();

export function sampleString(pattern: string | undefined, min = 0, max = Infinity): string | undefined {
  const key = `${min}\u0000${max}\u0000${pattern ?? ""}\u0000${pattern === undefined}`;
  if (samples.has(key)) return samples.get(key);
  const s = findString(pattern, min, max);
  samples.set(key, s);
  return s;
}

function findString(pattern: string | undefined, min: number, max: number): string | undefined {
  const fits = (s: string) => {
    const n = [...s].length;
    return n >= min && n <= max;
  };
  if (pattern === undefined) {
    const s = "sample".padEnd(min, "x").slice(0, Math.max(min, Math.min(6, max)));
    return fits(s) ? s : undefined;
  }
  let alt: Alt;
  let re: RegExp;
  try {
    alt = new Parser(pattern).parse();
    re = new RegExp(pattern, "u");
  } catch {
    return undefined;
  }
  for (let variant = 0; variant < 12; variant++) {
    const shortest = build(alt, variant, { extra: 0 });
    if (shortest === undefined) continue;
    const need = Math.max(0, min - [...shortest].length);
    const s = need ? build(alt, variant, { extra: need }) : shortest;
    if (s !== undefined && fits(s) && re.test(s)) return s;
  }
  return undefined;
}

/**
 * The characters the pattern's atoms accept (a few per atom, in order of appearance, no repeats): the
 * alphabet to build test strings from, hostile ones included.
 */
export function patternAlphabet(pattern: string): string[] {
  let alt: Alt;
  try {
    alt = new Parser(pattern).parse();
  } catch {
    return [];
  }
  const out = new Set<string>();
  const walk = (a: Alt) => {
    for (const seq of a)
      for (const item of seq) {
        if (item.atom.kind === "char") for (const c of item.atom.chars) out.add(c);
        else if (item.atom.kind === "group") walk(item.atom.alt);
      }
  };
  walk(alt);
  return [...out];
}
