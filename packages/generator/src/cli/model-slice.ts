/**
 * Parts of a botocore model without parsing the whole model.
 *
 * A lookup must finish within 25 ms of Node's bare start, and `JSON.parse` of ec2's 3.4 MB model alone
 * takes about that long. botocore's minified JSON is regular enough to find a shape by its bytes: (almost)
 * every shape is `"Name":{"type":"…`, in name order, and no JSON string can contain that byte sequence
 * unescaped. So a shape is found by bisecting the shapes section with `Buffer.indexOf`, and only its slice
 * is parsed; the operations section, a sixth of the model, is parsed whole. Whatever does not fit the
 * pattern (a shape whose first key is not `type`, unsorted shapes, a slice that does not parse, an
 * unexpected layout) takes a slower search or the whole-model parse, so a surprise costs time, never a
 * wrong answer. test/cli/model-slice.test.ts checks every operation and shape of the snapshot.
 */

type Json = Record<string, any>;

/** The raw botocore JSON of a model's parts, looked up by name. */
export interface ModelIndex {
  metadata(): Json;
  /** Every operation name, sorted. */
  operationNames(): string[];
  /** undefined: no such operation. */
  operation(name: string): Json | undefined;
  /** undefined: no such shape. */
  shape(name: string): Json | undefined;
  /** Every shape name, sorted (parses the whole model: for the rare reader that iterates all shapes). */
  shapeNames(): string[];
  /** The service's documentation (HTML). */
  documentation(): string | undefined;
}

/** The fast index, falling back to the whole-model parse whenever the bytes are not as expected. */
export function modelIndex(bytes: Buffer): ModelIndex {
  let slow: ModelIndex | undefined;
  const parsed = () => (slow ??= parsedIndex(JSON.parse(bytes.toString("utf8"))));
  let fast: FastIndex;
  try {
    fast = indexModel(bytes);
  } catch (e) {
    if (e instanceof Miss) return parsed();
    throw e;
  }
  const attempt = <T>(f: (i: ModelIndex) => T): T => {
    if (slow) return f(slow);
    try {
      return f(fast);
    } catch (e) {
      if (e instanceof Miss || e instanceof SyntaxError) return f(parsed());
      throw e;
    }
  };
  return {
    metadata: () => attempt((i) => i.metadata()),
    operationNames: () => attempt((i) => i.operationNames()),
    operation: (name) => attempt((i) => i.operation(name)),
    shape: (name) => attempt((i) => i.shape(name)),
    shapeNames: () => parsed().shapeNames(),
    documentation: () => parsed().documentation(),
  };
}

/** The reference index: over a model already parsed. */
export function parsedIndex(raw: Json): ModelIndex {
  const ops = (raw.operations ?? {}) as Json;
  const shapes = (raw.shapes ?? {}) as Json;
  const own = (o: Json, k: string) => (Object.prototype.hasOwnProperty.call(o, k) ? (o[k] as Json) : undefined);
  return {
    metadata: () => (raw.metadata ?? {}) as Json,
    operationNames: () => Object.keys(ops).sort(),
    operation: (name) => own(ops, name),
    shape: (name) => own(shapes, name),
    shapeNames: () => Object.keys(shapes).sort(),
    documentation: () => (typeof raw.documentation === "string" ? raw.documentation : undefined),
  };
}

/** A byte pattern did not hold; the caller parses the whole model instead. */
export class Miss extends Error {}

const NAME = /^[A-Za-z0-9_.-]+$/;
const QUOTE = 0x22;
const COMMA = 0x2c;

interface Anchor {
  name: string;
  /** Offset of the key's opening quote. */
  keyAt: number;
  /** Offset of the `{` that opens the value. */
  valueAt: number;
}

/** The keys of a section found by their byte pattern `"Name":{<lead>` (for shapes, `"Name":{"type":"`). */
class Section {
  private readonly needle: Buffer;
  /** The buffer up to the section's end, so searches stop there. */
  private readonly view: Buffer;
  private all?: Map<string, Anchor>;

  constructor(
    private readonly buf: Buffer,
    lead: string,
    readonly from: number,
    readonly to: number,
  ) {
    this.needle = Buffer.from(`":{${lead}`, "latin1");
    this.view = buf.subarray(0, to);
  }

  /** The first anchor whose key starts in [at, before). */
  next(at: number, before = this.to): Anchor | undefined {
    // Let the search run a little past `before`: a key that starts before it may end after it.
    const view = before >= this.to ? this.view : this.buf.subarray(0, Math.min(this.to, before + 1024));
    for (let p = view.indexOf(this.needle, at); p >= 0; p = view.indexOf(this.needle, p + 1)) {
      const keyAt = view.lastIndexOf(QUOTE, p - 1);
      if (keyAt < at) continue; // the key began before `at`
      if (keyAt >= before) return undefined;
      const name = view.toString("latin1", keyAt + 1, p);
      if (!NAME.test(name)) throw new Miss();
      return { name, keyAt, valueAt: p + 2 };
    }
    return undefined;
  }

  /**
   * Binary search over byte offsets, about 20 probes. botocore sorts its keys, but a dozen models are not
   * quite sorted: undefined means "not found this way", and the caller tries `scan()`.
   */
  bisect(name: string): Anchor | undefined {
    let lo = this.from;
    let hi = this.to;
    while (lo < hi) {
      const mid = lo + ((hi - lo) >>> 1);
      const a = this.next(mid, hi);
      if (!a) hi = mid;
      else if (a.name === name) return a;
      else if (a.name < name) lo = a.valueAt;
      else hi = mid;
    }
    return undefined;
  }

  /** Every anchor, indexed once. */
  scan(name: string): Anchor | undefined {
    if (!this.all) {
      this.all = new Map();
      for (let a = this.next(this.from); a; a = this.next(a.valueAt)) {
        if (this.all.has(a.name)) throw new Miss();
        this.all.set(a.name, a);
      }
    }
    return this.all.get(name);
  }

  /** The value at an anchor: up to the comma before the next anchor when that parses, else a bracket scan. */
  value(a: Anchor): Json {
    const next = this.next(a.valueAt);
    if (next && this.buf[next.keyAt - 1] === COMMA) {
      try {
        return parseSlice(this.buf, a.valueAt, next.keyAt - 1);
      } catch {
        // A key whose value does not start with the lead sits in between.
      }
    }
    return parseSlice(this.buf, a.valueAt, endOfValue(this.buf, a.valueAt, this.to));
  }
}

/** Offset just past the JSON object or array that opens at `start`. */
function endOfValue(buf: Buffer, start: number, limit: number): number {
  let depth = 0;
  for (let i = start; i < limit; i++) {
    const c = buf[i]!;
    if (c === QUOTE) {
      for (i++; i < limit && buf[i] !== QUOTE; i++) if (buf[i] === 0x5c) i++;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      if (--depth === 0) return i + 1;
    }
  }
  throw new Miss();
}

const parseSlice = (buf: Buffer, start: number, end: number): Json => JSON.parse(buf.toString("utf8", start, end)) as Json;

/** The fast index alone: throws `Miss` where the bytes are not as expected. Exported for tests. */
export interface FastIndex extends ModelIndex {
  /** How each shape was found so far: by bisection, by the full anchor scan, or by the slow search. */
  readonly found: { bisect: number; scan: number; search: string[] };
}

/**
 * Top-level keys that botocore puts after "shapes" with object values (`{"Accelerate":{"type":"boolean",…}}`
 * in s3's clientContextParams looks like a shape): the shapes section ends before the first of them.
 */
const AFTER_SHAPES = ['"clientContextParams":{', '"examples":{'];
const TAIL_BYTES = 1 << 16;

export function indexModel(buf: Buffer): FastIndex {
  // Layout of the snapshot's minified models, with "documentation" (a string) anywhere among the keys:
  // {"version":…,"metadata":{…},"operations":{…},"shapes":{…},"clientContextParams":{…}}
  const metaKey = buf.indexOf('"metadata":{', 0, "latin1");
  const opsKey = buf.indexOf('"operations":{', 0, "latin1");
  const shapesKey = buf.indexOf('"shapes":{', opsKey, "latin1");
  if (metaKey < 0 || opsKey < 0 || shapesKey < opsKey) throw new Miss();
  // Operations directly followed by shapes: `…},"shapes":{`.
  if (buf[shapesKey - 1] !== COMMA || buf[shapesKey - 2] !== 0x7d) throw new Miss();
  const opsStart = opsKey + '"operations":'.length;
  const opsEnd = shapesKey - 1; // just past the `}` that closes "operations"
  const shapesStart = shapesKey + '"shapes":'.length;
  let shapesEnd = buf.length;
  // Looked for in the last 64 KiB only (they are small and last), so a model without them is not scanned
  // end to end. The last occurrence is the top-level key if there is one; a member of that name inside
  // shapes is told apart by the rest of the file not parsing as the end of the top-level object.
  const tailFrom = Math.max(shapesStart, buf.length - TAIL_BYTES);
  const tail = buf.subarray(tailFrom);
  for (const key of AFTER_SHAPES) {
    const found = tail.lastIndexOf(key, undefined, "latin1");
    const at = found < 0 ? -1 : tailFrom + found;
    if (at > shapesStart && at < shapesEnd && isTail(buf, at)) shapesEnd = at;
  }
  const shapes = new Section(buf, `"type":"`, shapesStart, shapesEnd);
  const found = { bisect: 0, scan: 0, search: [] as string[] };

  let metadata: Json | undefined;
  let ops: Json | undefined;
  const operations = () => (ops ??= parseSlice(buf, opsStart, opsEnd));

  return {
    metadata: () => (metadata ??= parseSlice(buf, metaKey + '"metadata":'.length, endOfValue(buf, metaKey + '"metadata":'.length, opsKey))),
    operationNames: () => Object.keys(operations()).sort(),
    operation: (name) => (Object.prototype.hasOwnProperty.call(operations(), name) ? (operations()[name] as Json) : undefined),
    shape(name) {
      let a = NAME.test(name) ? shapes.bisect(name) : undefined;
      if (a) found.bisect++;
      else if ((a = shapes.scan(name))) found.scan++;
      let s: Json | undefined;
      if (a) s = shapes.value(a);
      else {
        found.search.push(name);
        s = search(buf, name, shapesStart, shapesEnd, isShape);
      }
      // Not found by its bytes is not proof of absence: only the whole-model parse may say "none".
      if (!s || !isShape(s)) throw new Miss();
      return s;
    },
    shapeNames: () => {
      throw new Miss();
    },
    documentation: () => {
      throw new Miss();
    },
    found,
  };
}

/** Whether `buf` from `at` to the end is the rest of a JSON object (`"key":…}`). */
function isTail(buf: Buffer, at: number): boolean {
  try {
    JSON.parse(`{${buf.toString("utf8", at)}`);
    return true;
  } catch {
    return false;
  }
}

const isShape = (v: Json) => typeof v.type === "string" && !("shape" in v);

/**
 * The value of the first `"Name":{` in [from, to) that passes `test`: the slow way, for entries whose first
 * key is not the anchor's (a few hundred shapes of 123,000).
 * A member of the same name as a shape is skipped because its value has `shape`, not `type`.
 */
function search(buf: Buffer, name: string, from: number, to: number, test: (v: Json) => boolean): Json | undefined {
  const needle = `"${name}":{`;
  const view = buf.subarray(0, to);
  for (let p = view.indexOf(needle, from, "latin1"); p >= 0; p = view.indexOf(needle, p + needle.length, "latin1")) {
    const start = p + needle.length - 1;
    const v = parseSlice(buf, start, endOfValue(buf, start, to));
    if (test(v)) return v;
  }
  return undefined;
}
