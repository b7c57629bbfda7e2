/**
 * Leaf paths of a record's `requestParameters` / `responseElements`.
 *
 * A leaf is every scalar, `null`, empty object `{}` and empty array `[]`; array indices collapse to the
 * segment `[]`, so `instancesSet.items[0].instanceId` and `…items[7].instanceId` are one path. Paths are
 * kept as segment arrays (a key may itself contain a dot: `aws:SourceArn`, `Name.Value`) and printed with
 * `formatPath`.
 */

/** The segment that stands for "any element of an array". */
export const ITEM = "[]";

export type Path = readonly string[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Every distinct leaf path under `value`, each prefixed by `prefix`, in first-seen order. */
export function leafPaths(value: unknown, prefix: Path = []): Path[] {
  const out = new Map<string, Path>();
  const visit = (v: unknown, path: string[]) => {
    if (isObject(v)) {
      const keys = Object.keys(v);
      if (keys.length === 0) return void add(path);
      for (const k of keys) visit(v[k], [...path, k]);
    } else if (Array.isArray(v)) {
      if (v.length === 0) return void add(path);
      for (const x of v) visit(x, [...path, ITEM]);
    } else {
      add(path);
    }
  };
  const add = (path: string[]) => {
    const key = pathKey(path);
    if (!out.has(key)) out.set(key, path);
  };
  visit(value, [...prefix]);
  return [...out.values()];
}

/** An unambiguous string key for a path (for maps and sets). */
export const pathKey = (path: Path): string => JSON.stringify(path);

/** `requestParameters.instancesSet.items[].instanceId`; keys that are not identifiers are quoted. */
export function formatPath(path: Path): string {
  let out = "";
  for (const seg of path) {
    if (seg === ITEM) out += "[]";
    else if (/^[A-Za-z_$][\w$:-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
