/**
 * What the CLI looks up, read from the snapshot as lazily as a lookup allows: the service list from the
 * manifest alone, an operation list from the operations section of one model, and one operation through
 * the real project stage over a service model whose shapes and operations are normalized on first use.
 *
 * The project stage and its rules see a whole `ServiceModel` and may reach anything in it (another
 * operation's parameters, the input shape while projecting the output); they only ever touch a few
 * dozen shapes of the thousands in a big model, and only those are read, parsed and normalized.
 * test/cli/lookup.test.ts checks the result against the generator's whole-service projection.
 */
import { createContext, type GenerateContext } from "../context.js";
import { curatedServices } from "../curated/index.js";
import { GeneratorError } from "../errors.js";
import { openSnapshot, type Snapshot } from "../load.js";
import type { LoggedOperation, LoggedService } from "../log-model.js";
import type { Operation, ServiceModel, Shape } from "../model.js";
import { normalizeMetadata, normalizeOperation, normalizeShape, type NormalizeOptions } from "../normalize.js";
import { eventNamesOf, project } from "../project/index.js";
import { modelIndex, type ModelIndex } from "./model-slice.js";
import { closeMatches } from "./suggest.js";

export interface Lookup {
  botocoreVersion: string;
  /** The botocore services, sorted. */
  services: readonly string[];
  /** The curated non-API services (signin-console, aws-service-events…), sorted; looked up like the rest. */
  curated: readonly string[];
  /** The service's name as the snapshot spells it; throws E_UNKNOWN_SERVICE with close matches. */
  service(name: string): string;
  /** Sorted operation names; throws E_UNKNOWN_SERVICE. */
  operations(service: string): string[];
  /**
   * One operation as CloudTrail logs it, by its name or by an eventName CloudTrail logs it under
   * (lambda's `CreateFunction20150331`, s3's `PutBucketPublicAccessBlock`): what a record shows. The
   * returned service holds that operation and the definitions its projection reached. Throws
   * E_UNKNOWN_SERVICE or E_UNKNOWN_OPERATION with close matches.
   */
  operation(service: string, operation: string): { service: LoggedService; operation: LoggedOperation };
}

export function openLookup(snapshot: Snapshot = openSnapshot(), options: Partial<Pick<GenerateContext, "rules">> = {}): Lookup {
  const ctx = createContext(snapshot, options);
  const indexes = new Map<string, ModelIndex>();
  const where = `(botocore ${snapshot.botocoreVersion})`;
  // The curated services are written by hand as log models: no snapshot to read, nothing to project.
  let curatedByName: Map<string, LoggedService> | undefined;
  const curated = () => (curatedByName ??= new Map(curatedServices().map((s) => [s.name, s])));
  const curatedNames = () => [...curated().keys()].sort();

  const service = (name: string): string => {
    if (snapshot.services.includes(name) || curated().has(name)) return name;
    throw new GeneratorError("E_UNKNOWN_SERVICE", `unknown service "${name}" ${where}`, closeMatches(name, [...snapshot.services, ...curatedNames()]));
  };
  const unknownOperation = (name: string, operation: string, names: readonly string[]) =>
    new GeneratorError("E_UNKNOWN_OPERATION", `unknown operation "${operation}" in ${name} ${where}`, closeMatches(operation, names));
  const index = (name: string): ModelIndex => {
    const s = service(name);
    let i = indexes.get(s);
    if (!i) indexes.set(s, (i = modelIndex(snapshot.readBytes(s))));
    return i;
  };

  return {
    botocoreVersion: snapshot.botocoreVersion,
    services: snapshot.services,
    get curated() {
      return curatedNames();
    },
    service,
    operations: (name) => {
      const c = curated().get(service(name));
      return c ? c.operations.map((o) => o.name).sort() : index(name).operationNames();
    },
    operation(name, operation) {
      const c = curated().get(service(name));
      if (c) {
        const op = c.operations.find((o) => o.name === operation) ?? c.operations.find((o) => o.eventNames.includes(operation));
        if (!op) throw unknownOperation(name, operation, c.operations.map((o) => o.name));
        return { service: c, operation: op };
      }
      const i = index(name);
      const model = lazyModel(name, i, { botocoreVersion: ctx.botocoreVersion, docs: ctx.docs });
      // Not an operation's name: the rules' eventNames are read only then (they touch no shape).
      const wanted = i.operation(operation) ? operation : operationLoggedAs(model, operation, ctx.rules);
      if (!wanted) throw unknownOperation(name, operation, i.operationNames());
      const logged = project(model, { rules: ctx.rules, operations: [wanted] });
      const op = logged.operations.find((o) => o.name === wanted);
      if (!op) throw new Error(`project() dropped ${name}.${wanted}`);
      return { service: logged, operation: op };
    },
  };
}

/** The operation CloudTrail logs under `eventName` when that is not an operation's own name. */
function operationLoggedAs(model: ServiceModel, eventName: string, rules: GenerateContext["rules"]): string | undefined {
  for (const [op, names] of eventNamesOf(model, { rules })) if (names.includes(eventName)) return op;
  return undefined;
}

/**
 * A `ServiceModel` that normalizes each shape and operation when first read. It does not check that every
 * reference resolves, as normalize() does for a whole model: the generator does that for every service of
 * the snapshot the CLI reads (and its tests run it).
 */
export function lazyModel(service: string, index: ModelIndex, options: NormalizeOptions): ServiceModel {
  const shape = (name: string): Shape | undefined => {
    const raw = index.shape(name);
    return raw && normalizeShape(service, name, raw, options);
  };
  const shapes = new LazyShapes(shape, () => index.shapeNames());
  // Rules read other operations too (ec2's response forms read every operation's output shape), so an
  // operation is normalized on first read, its documentation (HTML to text, the costly part) only if read.
  const operations = index.operationNames().map((name) => lazyOperation(service, name, index.operation(name)!, options));
  // No service documentation: nothing the CLI prints needs it, and finding it would parse the whole model.
  return { name: service, metadata: normalizeMetadata(service, index.metadata(), options), operations, shapes };
}

/** An operation whose fields are normalized on first read, and its `doc` separately. */
function lazyOperation(service: string, name: string, raw: Record<string, unknown>, options: NormalizeOptions): Operation {
  let base: Operation | undefined;
  let doc: { value: string | undefined } | undefined;
  const fields = () => (base ??= normalizeOperation(service, name, raw, { ...options, docs: false }));
  const docOf = () => (doc ??= { value: normalizeOperation(service, name, { documentation: raw.documentation }, options).doc }).value;
  const whole = () => {
    const d = docOf();
    return d === undefined ? fields() : { ...fields(), doc: d };
  };
  return new Proxy({ name } as Operation, {
    get: (_t, k) => (k === "name" ? name : k === "doc" ? docOf() : Reflect.get(fields(), k)),
    has: (_t, k) => k in whole(),
    ownKeys: () => Reflect.ownKeys(whole()),
    getOwnPropertyDescriptor: (_t, k) => Reflect.getOwnPropertyDescriptor(whole(), k),
  });
}

/** Shapes normalized on first `get`; iterating (or `size`) normalizes them all, in name order. */
class LazyShapes extends Map<string, Shape> {
  private complete = false;

  constructor(
    private readonly load: (name: string) => Shape | undefined,
    private readonly names: () => string[],
  ) {
    super();
  }

  override get(name: string): Shape | undefined {
    let s = super.get(name);
    if (!s && !this.complete) {
      s = this.load(name);
      if (s) super.set(name, s);
    }
    return s;
  }

  override has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  private all(): this {
    if (!this.complete) {
      const entries = this.names().map((n) => [n, super.get(n) ?? this.load(n)!] as const);
      super.clear();
      for (const [n, s] of entries) super.set(n, s);
      this.complete = true;
    }
    return this;
  }

  override get size(): number {
    this.all();
    return super.size;
  }
  override keys() {
    return this.all(), super.keys();
  }
  override values() {
    return this.all(), super.values();
  }
  override entries() {
    return this.all(), super.entries();
  }
  override [Symbol.iterator]() {
    return this.all(), super[Symbol.iterator]();
  }
  override forEach(f: (value: Shape, key: string, map: Map<string, Shape>) => void, thisArg?: unknown): void {
    this.all();
    super.forEach(f, thisArg);
  }
}
