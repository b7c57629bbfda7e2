/**
 * The project stage: a botocore service model -> what CloudTrail logs for each of its operations.
 *
 * The walk itself knows nothing of CloudTrail: every convention (names, list wrappers, redaction,
 * eventSource, aliases) is a rule in `rules/`. Structures become named definitions, so recursive shapes
 * are references, never infinite trees.
 *
 * A structure is projected once per *view*: a direction (request, response) and, when a rule asks for one
 * through `ctx.project(shape, { variant })`, a variant of it (EC2's wrapped request form names members
 * differently from its legacy form). Views that project a structure the same way share one definition
 * `Name`; when they differ, each gets `Name.<direction>` (plain views) or `Name.<variant>`.
 */
import type { LogField, LoggedOperation, LoggedService, LogType } from "../log-model.js";
import type { Operation, ServiceModel, Shape } from "../model.js";
import type { Direction, ProjectContext, ProjectOptionsForHook, Rule } from "./rule.js";
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

/** A view's working-key prefix: `request`, `response`, `request+ec2-query`. */
const viewOf = (ctx: { direction: Direction; variant?: string }) => (ctx.variant ? `${ctx.direction}+${ctx.variant}` : ctx.direction);
/** The suffix of a split definition's name: the direction for plain views, else the variant. */
const labelOf = (view: string) => view.replace(/^[a-z]+\+/, "");

class Projector {
  /** Definitions under a view-qualified working key `request:Name`, `request+ec2-query:Name`. */
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

  context(direction: Direction, options: { variant?: string | undefined; operation?: Operation | undefined } = {}): ProjectContext {
    const ctx: ProjectContext = {
      service: this.service,
      direction,
      shape: (name) => this.shape(name),
      project: (shape: string, o: ProjectOptionsForHook = {}) =>
        this.top(shape, this.context(o.direction ?? direction, { variant: "variant" in o ? o.variant : ctx.variant, operation: o.operation }))!,
      typeOf: (shape: string, o: Omit<ProjectOptionsForHook, "operation"> = {}) =>
        this.typeOf(shape, this.context(o.direction ?? direction, { variant: "variant" in o ? o.variant : ctx.variant })),
      define: (name: string, build: () => LogType) => {
        const key = `${viewOf(ctx)}:${name}`;
        if (!this.working.has(key)) {
          this.working.set(key, { kind: "any" });
          this.working.set(key, build());
        }
        return { kind: "ref", def: key };
      },
      logged: (name: string) => {
        const op = this.service.operations.find((o) => o.name === name);
        return op && this.operation(op);
      },
    };
    if (options.variant) ctx.variant = options.variant;
    if (options.operation) ctx.operation = options.operation;
    return ctx;
  }

  /** The same view without the operation: what nested (shared) structures see. */
  nested(ctx: ProjectContext): ProjectContext {
    return ctx.operation ? this.context(ctx.direction, { variant: ctx.variant }) : ctx;
  }

  /** The type of a shape as it appears nested inside a record. */
  typeOf(name: string, ctx: ProjectContext): LogType {
    const shape = this.shape(name);
    const inner = this.nested(ctx);
    if (shape.type === "structure" && !shape.document) {
      const key = `${viewOf(inner)}:${name}`;
      if (!this.working.has(key)) {
        // Reserve the key first: a recursive reference met while building resolves to this definition.
        this.working.set(key, { kind: "any" });
        this.working.set(key, this.structure(shape, inner));
      }
      return { kind: "ref", def: key };
    }
    return this.inline(shape, inner);
  }

  /** A structure's body as an object (or union) type, with every rule applied. */
  structure(shape: Shape, ctx: ProjectContext): LogType {
    const fields: LogField[] = [];
    for (const member of shape.members ?? []) {
      const name = fold(this.rules, (r) => r.fieldName, member.name, member, shape, ctx);
      let field: LogField | null = { name, type: this.typeOf(member.shape, ctx), required: member.required, member: member.name };
      // A variant is an alternative form of the plain view, which carries the documentation.
      if (member.doc && !ctx.variant) field.doc = member.doc;
      if (member.deprecated) field.deprecated = true;
      for (const r of this.rules) {
        if (field && r.field) field = r.field(field, member, shape, ctx);
      }
      if (!field) continue;
      fields.push(field);
      const main = field;
      const aliases = fold(this.rules, (r) => r.aliases, [] as string[], main, member, shape, ctx);
      for (const alias of aliases) {
        if (alias === main.name || fields.some((f) => f.name === alias)) continue;
        const { doc: _doc, ...rest } = main;
        fields.push({ ...rest, name: alias, required: false, aliasOf: main.name });
      }
    }
    const body: LogType = { kind: shape.union ? "union" : "object", fields, shape: shape.name };
    if (shape.doc && !ctx.variant) body.doc = shape.doc;
    if (shape.deprecated) body.deprecated = true;
    return fold(this.rules, (r) => r.shapeType, body, shape, ctx);
  }

  inline(shape: Shape, ctx: ProjectContext): LogType {
    const t = this.base(shape, ctx);
    t.shape = shape.name;
    if (shape.doc && !ctx.variant) t.doc = shape.doc;
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

  private readonly done = new Map<string, LoggedOperation>();
  private readonly running = new Set<string>();

  operation(op: Operation): LoggedOperation {
    const hit = this.done.get(op.name);
    if (hit) return hit;
    if (this.running.has(op.name)) throw new Error(`${this.service.name} ${op.name}: a rule asked for the operation while projecting it`);
    this.running.add(op.name);
    const logged = this.projectOperation(op);
    this.running.delete(op.name);
    this.done.set(op.name, logged);
    return logged;
  }

  private projectOperation(op: Operation): LoggedOperation {
    const req = this.context("request", { operation: op });
    const res = this.context("response", { operation: op });
    const request = fold(this.rules, (r) => r.request, this.top(op.input?.shape, req), op, req);
    const response = fold(this.rules, (r) => r.response, this.top(op.output?.shape, res), op, res);
    const logged: LoggedOperation = {
      name: op.name,
      eventNames: fold(this.rules, (r) => r.eventNames, [op.name], op, this.service),
      request,
      response,
      readOnly: fold(this.rules, (r) => r.readOnly, false, op, this.service),
    };
    const additional = fold(this.rules, (r) => r.additionalEventData, undefined as LogType | undefined, op, req);
    if (additional) logged.additionalEventData = additional;
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

const splitKey = (key: string) => key.split(/:(.*)/s) as [string, string];

/**
 * Turn working keys (`request:Name`) into final definition names: `Name` when every view projects the shape
 * the same way, else `Name.<label>` per view (`Name.request`, `Name.response`, `Name.<variant>`).
 */
function nameDefs(working: Map<string, LogType>): { defs: Record<string, LogType>; rename: (key: string) => string } {
  const byShape = new Map<string, Map<string, LogType>>();
  for (const [key, t] of working) {
    const [view, name] = splitKey(key);
    if (!byShape.has(name)) byShape.set(name, new Map());
    byShape.get(name)!.set(view, t);
  }
  // Compare with view prefixes erased: two definitions that differ only in which view their nested
  // references came from are the same if those nested ones are.
  const erase = (t: LogType) => JSON.stringify(mapRefs(t, (k) => splitKey(k)[1]));
  const split = new Set<string>();
  for (const [name, views] of byShape) {
    const bodies = new Set([...views.values()].map(erase));
    if (bodies.size > 1) split.add(name);
  }
  // A definition that refers to a split one must itself split (its refs now differ); iterate to a fixpoint.
  let changed = true;
  while (changed) {
    changed = false;
    for (const [name, views] of byShape) {
      if (split.has(name) || views.size < 2) continue;
      const refsSplit = [...views.values()].some((t) => {
        let hit = false;
        mapRefs(t, (k) => {
          if (split.has(splitKey(k)[1])) hit = true;
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
    const [view, name] = splitKey(key);
    return split.has(name) ? `${name}.${labelOf(view)}` : name;
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
      ...(op.additionalEventData ? { additionalEventData: mapRefs(op.additionalEventData, rename) } : {}),
    })),
  };
  const others = fold(active, (r) => r.otherEventSources, [] as string[], service).filter((s) => s !== logged.eventSource);
  if (others.length) logged.otherEventSources = [...new Set(others)].sort();
  if (service.metadata.uid) logged.uid = service.metadata.uid;
  if (service.doc) logged.doc = service.doc;
  return logged;
}

/**
 * The eventNames CloudTrail logs each operation under (its own name first, then the rules' aliases:
 * lambda's `CreateFunction20150331`, s3's `PutBucketPublicAccessBlock`), without projecting any payload:
 * what the CLI needs to find the operation behind an eventName read off a record.
 */
export function eventNamesOf(service: ServiceModel, options: Pick<ProjectOptions, "rules"> = {}): Map<string, string[]> {
  const active = rulesFor(options.rules ?? RULES, service);
  return new Map(service.operations.map((op) => [op.name, fold(active, (r) => r.eventNames, [op.name], op, service)]));
}

export { mapRefs };
