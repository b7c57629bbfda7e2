/**
 * The project stage: a botocore service model -> what CloudTrail logs for each of its operations.
 *
 * The walk itself knows nothing of CloudTrail: every convention (names, list wrappers, redaction,
 * eventSource, aliases) is a rule in `rules/`. Structures become named definitions, so recursive shapes
 * are references, never infinite trees. A structure reached from both requests and responses gets one
 * definition when the rules project it the same way in both, and `Name.request` / `Name.response`
 * definitions when they do not (EC2 names request and response members differently).
 */
import type { LogField, LoggedOperation, LoggedService, LogType } from "../log-model.js";
import type { Operation, ServiceModel, Shape } from "../model.js";
import type { Direction, ProjectContext, Rule } from "./rule.js";
import { rulesFor } from "./rule.js";
import { RULES } from "./rules/index.js";

export type { Direction, ProjectContext, Rule } from "./rule.js";
export { RULES } from "./rules/index.js";

export interface ProjectOptions {
  rules?: readonly Rule[];
  /** Project only these operations (the CLI looks up one); all when absent. */
  operations?: readonly string[];
}

const fold = <T, A extends unknown[]>(rules: Rule[], hook: (r: Rule) => ((v: T, ...a: A) => T) | undefined, v: T, ...a: A): T => {
  let out = v;
  for (const r of rules) {
    const f = hook(r);
    if (f) out = f(out, ...a);
  }
  return out;
};


class Projector {
  /** Definitions under a direction-qualified working key `request:Name` / `response:Name`. */
  readonly working = new Map<string, LogType>();
  private readonly rules: Rule[];

  constructor(
    readonly service: ServiceModel,
    rules: readonly Rule[],
  ) {
    this.rules = rulesFor(rules, service);
  }

  shape(name: string): Shape {
    // normalize() guarantees references resolve.
    return this.service.shapes.get(name)!;
  }

  /** The type of a shape as it appears nested inside a record. */
  typeOf(name: string, ctx: ProjectContext): LogType {
    const shape = this.shape(name);
    if (shape.type === "structure" && !shape.document) {
      const key = `${ctx.direction}:${name}`;
      if (!this.working.has(key)) {
        // Reserve the key first: a recursive reference met while building resolves to this definition.
        this.working.set(key, { kind: "any" });
        this.working.set(key, this.structure(shape, ctx));
      }
      return { kind: "ref", def: key };
    }
    return this.inline(shape, ctx);
  }

  /** A structure's body as an object (or union) type, with every rule applied. */
  structure(shape: Shape, ctx: ProjectContext): LogType {
    const fields: LogField[] = [];
    for (const member of shape.members ?? []) {
      const name = fold(this.rules, (r) => r.fieldName, member.name, member, shape, ctx);
      let field: LogField | null = { name, type: this.typeOf(member.shape, ctx), required: member.required, member: member.name };
      if (member.doc) field.doc = member.doc;
      if (member.deprecated) field.deprecated = true;
      for (const r of this.rules) {
        if (field && r.field) field = r.field(field, member, shape, ctx);
      }
      if (field) fields.push(field);
    }
    const body: LogType = { kind: shape.union ? "union" : "object", fields, shape: shape.name };
    if (shape.doc) body.doc = shape.doc;
    if (shape.deprecated) body.deprecated = true;
    return fold(this.rules, (r) => r.shapeType, body, shape, ctx);
  }

  inline(shape: Shape, ctx: ProjectContext): LogType {
    const t = this.base(shape, ctx);
    t.shape = shape.name;
    if (shape.doc) t.doc = shape.doc;
    if (shape.deprecated) t.deprecated = true;
    return fold(this.rules, (r) => r.shapeType, t, shape, ctx);
  }

  base(shape: Shape, ctx: ProjectContext): LogType {
    const bounds = { ...(shape.min !== undefined ? { min: shape.min } : {}), ...(shape.max !== undefined ? { max: shape.max } : {}) };
    switch (shape.type) {
      case "structure":
        return { kind: "any" }; // a `document` structure: any JSON value
      case "list":
        return { kind: "array", items: this.typeOf(shape.member!.shape, ctx), ...bounds };
      case "map":
        return { kind: "map", keys: this.typeOf(shape.key!.shape, ctx), values: this.typeOf(shape.value!.shape, ctx), ...bounds };
      case "string":
        return {
          kind: "string",
          ...(shape.enum ? { enum: [...shape.enum] } : {}),
          ...(shape.pattern !== undefined ? { pattern: shape.pattern } : {}),
          ...bounds,
        };
      case "integer":
      case "long":
        return { kind: "integer", ...bounds };
      case "float":
      case "double":
        return { kind: "number", ...bounds };
      case "boolean":
        return { kind: "boolean" };
      case "timestamp":
        return { kind: "timestamp", ...(shape.timestampFormat ? { modelFormat: shape.timestampFormat } : {}) };
      case "blob":
        return { kind: "blob", ...bounds };
    }
  }

  /** The top-level object of an operation's input or output: inline, so rules can add or unwrap fields. */
  top(shapeName: string | undefined, ctx: ProjectContext): LogType | null {
    if (!shapeName) return null;
    const shape = this.shape(shapeName);
    if (shape.type !== "structure" || shape.document) return this.typeOf(shapeName, ctx);
    return this.structure(shape, ctx);
  }

  operation(op: Operation): LoggedOperation {
    const req: ProjectContext = { service: this.service, direction: "request" };
    const res: ProjectContext = { service: this.service, direction: "response" };
    const request = fold(this.rules, (r) => r.request, this.top(op.input?.shape, req), op, req);
    const response = fold(this.rules, (r) => r.response, this.top(op.output?.shape, res), op, res);
    const logged: LoggedOperation = {
      name: op.name,
      eventNames: fold(this.rules, (r) => r.eventNames, [op.name], op, this.service),
      request,
      response,
      readOnly: fold(this.rules, (r) => r.readOnly, false, op, this.service),
    };
    if (op.doc) logged.doc = op.doc;
    if (op.deprecated) logged.deprecated = true;
    if (op.input) logged.inputShape = op.input.shape;
    if (op.output) logged.outputShape = op.output.shape;
    return logged;
  }
}

/** Visit every `ref` in a type, replacing its def key. */
function mapRefs(t: LogType, f: (def: string) => string): LogType {
  switch (t.kind) {
    case "ref":
      return { ...t, def: f(t.def) };
    case "object":
    case "union":
      return { ...t, fields: t.fields.map((x) => ({ ...x, type: mapRefs(x.type, f) })) };
    case "array":
      return { ...t, items: mapRefs(t.items, f) };
    case "map":
      return { ...t, keys: mapRefs(t.keys, f), values: mapRefs(t.values, f) };
    case "oneOf":
      return { ...t, options: t.options.map((o) => mapRefs(o, f)) };
    default:
      return t;
  }
}

/**
 * Turn working keys (`request:Name`) into final definition names: `Name` when the shape is only reached
 * in one direction or both directions agree, else `Name.request` and `Name.response`.
 */
function nameDefs(working: Map<string, LogType>): { defs: Record<string, LogType>; rename: (key: string) => string } {
  const byShape = new Map<string, Map<Direction, LogType>>();
  for (const [key, t] of working) {
    const [dir, name] = key.split(/:(.*)/s) as [Direction, string];
    if (!byShape.has(name)) byShape.set(name, new Map());
    byShape.get(name)!.set(dir, t);
  }
  // Compare with direction prefixes erased: two definitions that differ only in which direction their
  // nested references came from are the same if those nested ones are.
  const erase = (t: LogType) => JSON.stringify(mapRefs(t, (k) => k.replace(/^[a-z]+:/, "")));
  const split = new Set<string>();
  let changed = true;
  const same = (name: string) => {
    const v = byShape.get(name)!;
    const a = v.get("request");
    const b = v.get("response");
    return !a || !b || erase(a) === erase(b);
  };
  for (const name of byShape.keys()) if (!same(name)) split.add(name);
  // A definition that refers to a split one must itself split (its refs now differ); iterate to a fixpoint.
  while (changed) {
    changed = false;
    for (const [name, v] of byShape) {
      if (split.has(name) || v.size < 2) continue;
      const refsSplit = [...v.values()].some((t) => {
        let hit = false;
        mapRefs(t, (k) => {
          if (split.has(k.replace(/^[a-z]+:/, ""))) hit = true;
          return k;
        });
        return hit;
      });
      if (refsSplit) {
        split.add(name);
        changed = true;
      }
    }
  }
  const rename = (key: string) => {
    const [dir, name] = key.split(/:(.*)/s) as [Direction, string];
    return split.has(name) ? `${name}.${dir}` : name;
  };
  const defs: Record<string, LogType> = {};
  for (const key of [...working.keys()].sort()) {
    const final = rename(key);
    if (!(final in defs)) defs[final] = mapRefs(working.get(key)!, rename);
  }
  const sorted: Record<string, LogType> = {};
  for (const k of Object.keys(defs).sort()) sorted[k] = defs[k]!;
  return { defs: sorted, rename };
}

export function project(service: ServiceModel, options: ProjectOptions = {}): LoggedService {
  const rules = options.rules ?? RULES;
  const projector = new Projector(service, rules);
  const wanted = options.operations ? new Set(options.operations) : undefined;
  const ops = service.operations.filter((op) => !wanted || wanted.has(op.name)).map((op) => projector.operation(op));
  const { defs, rename } = nameDefs(projector.working);
  const active = rulesFor(rules, service);
  const logged: LoggedService = {
    name: service.name,
    eventSource: fold(active, (r) => r.eventSource, `${service.metadata.endpointPrefix}.amazonaws.com`, service),
    apiVersion: service.metadata.apiVersion,
    protocol: service.metadata.protocol,
    serviceFullName: service.metadata.serviceFullName,
    serviceId: service.metadata.serviceId,
    defs,
    operations: ops.map((op) => ({
      ...op,
      request: op.request && mapRefs(op.request, rename),
      response: op.response && mapRefs(op.response, rename),
    })),
  };
  if (service.doc) logged.doc = service.doc;
  return logged;
}

export { mapRefs };
