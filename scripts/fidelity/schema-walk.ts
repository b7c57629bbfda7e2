/**
 * Does a self-contained JSON Schema declare a record path by name, and does it say what sits there?
 *
 * - **declared**: walking the schema segment by segment reaches a declared property for every segment:
 *   `properties[name]` (or a matching `patternProperties`), `additionalProperties` when it is a schema (a
 *   map: its keys are data, its values declared), `items`/`prefixItems` for the `[]` segment. `$ref`,
 *   `allOf`, `anyOf` and `oneOf` are followed; a path is declared when any branch declares it. An object
 *   that merely allows unknown keys (no `additionalProperties: false`) does not declare them.
 * - **typed**: a declared path whose schema node (in at least one declaring branch) says what kind of value
 *   sits there: it has `type`, `enum` or `const`, or is an `anyOf`/`oneOf` whose branches are all typed.
 *
 * Only local references (`#`, `#/$defs/<name>`, JSON Pointers into the document) are followed: the
 * runtime's `getEventSchema` returns self-contained documents.
 */
import { ITEM, type Path } from "./paths.js";

type Node = { readonly [k: string]: unknown };

export interface PathVerdict {
  declared: boolean;
  typed: boolean;
  /** Index of the first segment no branch declares (when not declared). */
  stoppedAt?: number;
}

const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);

export class SchemaWalker {
  private readonly typedCache = new Map<Node, boolean>();
  private readonly patterns = new Map<string, RegExp | null>();

  constructor(private readonly root: Node) {}

  /** Resolve a local `$ref`; undefined when it does not point into this document. */
  deref(ref: string): Node | undefined {
    if (!ref.startsWith("#")) return undefined;
    const pointer = ref.slice(1);
    if (pointer === "") return this.root;
    if (!pointer.startsWith("/")) return undefined;
    let cur: unknown = this.root;
    for (const raw of pointer.slice(1).split("/")) {
      const token = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
      if (!isNode(cur) && !Array.isArray(cur)) return undefined;
      cur = (cur as Record<string, unknown>)[token];
    }
    return isNode(cur) ? cur : undefined;
  }

  /** The node and every node it stands for through `$ref`/`allOf`/`anyOf`/`oneOf`. */
  expand(node: Node): Node[] {
    const out: Node[] = [];
    const seen = new Set<Node>();
    const visit = (n: Node) => {
      if (seen.has(n)) return;
      seen.add(n);
      out.push(n);
      if (typeof n.$ref === "string") {
        const t = this.deref(n.$ref);
        if (t) visit(t);
      }
      for (const k of ["allOf", "anyOf", "oneOf"]) {
        const list = n[k];
        if (Array.isArray(list)) for (const s of list) if (isNode(s)) visit(s);
      }
    };
    visit(node);
    return out;
  }

  /** The nodes one segment down from `node` (empty: the segment is not declared there). */
  step(node: Node, segment: string): Node[] {
    const out: Node[] = [];
    for (const n of this.expand(node)) {
      if (segment === ITEM) {
        if (isNode(n.items)) out.push(n.items);
        if (Array.isArray(n.prefixItems)) for (const s of n.prefixItems) if (isNode(s)) out.push(s);
        continue;
      }
      const props = n.properties;
      if (isNode(props) && Object.prototype.hasOwnProperty.call(props, segment) && isNode(props[segment])) {
        out.push(props[segment] as Node);
        continue;
      }
      let matched = false;
      if (isNode(n.patternProperties)) {
        for (const [p, s] of Object.entries(n.patternProperties)) {
          if (isNode(s) && this.regex(p)?.test(segment)) {
            out.push(s);
            matched = true;
          }
        }
      }
      // A map: additionalProperties is a schema for the values (true/false/absent declare nothing).
      if (!matched && isNode(n.additionalProperties)) out.push(n.additionalProperties);
    }
    return out;
  }

  /** Whether a node says what kind of value it holds. */
  typed(node: Node): boolean {
    const hit = this.typedCache.get(node);
    if (hit !== undefined) return hit;
    this.typedCache.set(node, false); // a reference cycle is not a type
    let t = "type" in node || "enum" in node || "const" in node;
    if (!t && typeof node.$ref === "string") {
      const target = this.deref(node.$ref);
      t = target !== undefined && this.typed(target);
    }
    for (const k of ["anyOf", "oneOf"]) {
      const list = node[k];
      if (!t && Array.isArray(list) && list.length > 0) t = list.every((s) => isNode(s) && this.typed(s));
    }
    if (!t && Array.isArray(node.allOf)) t = node.allOf.some((s) => isNode(s) && this.typed(s));
    this.typedCache.set(node, t);
    return t;
  }

  /** Walk `path` from the document root. */
  verdict(path: Path): PathVerdict {
    let frontier: Node[] = [this.root];
    for (let i = 0; i < path.length; i++) {
      const next: Node[] = [];
      const seen = new Set<Node>();
      for (const n of frontier) for (const s of this.step(n, path[i]!)) if (!seen.has(s)) (seen.add(s), next.push(s));
      if (next.length === 0) return { declared: false, typed: false, stoppedAt: i };
      frontier = next;
    }
    return { declared: true, typed: frontier.some((n) => this.typed(n)) };
  }

  private regex(p: string): RegExp | null {
    if (!this.patterns.has(p)) {
      let r: RegExp | null = null;
      try {
        r = new RegExp(p, "u");
      } catch {
        r = null;
      }
      this.patterns.set(p, r);
    }
    return this.patterns.get(p)!;
  }
}
