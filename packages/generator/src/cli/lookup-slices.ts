/**
 * What a plain lookup prints, precomputed at build time: for every operation, the projected operation and
 * the definitions its request and response reach (the `LoggedService` slice renderOperation reads), so
 * that `cloudtrail-schema iam.CreatePolicy.output` needs neither the model nor the project stage, only
 * a read, an inflate and the renderer (fast-lookup.ts).
 *
 * One file per service (dist/lookup/SERVICE.bin): a first line of JSON {key, operations: {name: [offset,
 * length]}}, then each operation's slice as raw-deflated JSON at its offset after that line. The key
 * (slice format, botocore version, the sha256 the snapshot's manifest gives the service's model) must
 * match the snapshot read, or the lookup projects as usual. test/cli/fast-lookup.test.ts checks that the
 * slices print what the projection prints.
 */
import type { LoggedOperation, LoggedService, LogType } from "../log-model.js";

export interface Slice {
  service: Pick<LoggedService, "name" | "eventSource" | "defs">;
  operation: LoggedOperation;
}

/** The definitions a type reaches, by name. */
export function reachedDefs(defs: Readonly<Record<string, LogType>>, roots: readonly (LogType | null | undefined)[]): Record<string, LogType> {
  const out: Record<string, LogType> = {};
  const todo = roots.filter((t): t is LogType => !!t);
  while (todo.length) {
    const t = todo.pop()!;
    switch (t.kind) {
      case "object":
      case "union":
        for (const f of t.fields) todo.push(f.type);
        break;
      case "array":
        todo.push(t.items);
        break;
      case "map":
        todo.push(t.keys, t.values);
        break;
      case "oneOf":
        todo.push(...t.options);
        break;
      case "ref":
        if (!(t.def in out) && defs[t.def]) {
          out[t.def] = defs[t.def]!;
          todo.push(defs[t.def]!);
        }
        break;
      default:
        break;
    }
  }
  // Sorted, for deterministic bytes.
  return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]!]));
}

export function sliceOf(svc: LoggedService, op: LoggedOperation): Slice {
  return { service: { name: svc.name, eventSource: svc.eventSource, defs: reachedDefs(svc.defs, [op.request, op.response]) }, operation: op };
}

export interface SliceKey {
  format: number;
  botocoreVersion: string;
  /** The service model's sha256, as the snapshot's manifest gives it. */
  modelSha256: string;
}

/** Bumped when the slices' content or layout changes. */
export const SLICE_FORMAT = 1;

/** A service's slices file: a first line of JSON {key, operations: {name: [offset, length]}}, then the slices. */
export function sliceFile(key: SliceKey, svc: LoggedService): Buffer {
  const operations: Record<string, [number, number]> = {};
  const parts: Buffer[] = [];
  let offset = 0;
  for (const op of [...svc.operations].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const bytes = process.getBuiltinModule("node:zlib").deflateRawSync(JSON.stringify(sliceOf(svc, op)));
    operations[op.name] = [offset, bytes.length];
    parts.push(bytes);
    offset += bytes.length;
  }
  return Buffer.concat([Buffer.from(`${JSON.stringify({ key, operations })}\n`), ...parts]);
}

/** One operation's slice from a service's slices file, or undefined (no such operation, another key). */
export function readSlice(file: Buffer, key: SliceKey, operation: string): Slice | undefined {
  const nl = file.indexOf(0x0a);
  if (nl < 0) return undefined;
  const head = JSON.parse(file.subarray(0, nl).toString("utf8")) as { key: SliceKey; operations: Record<string, [number, number]> };
  if (head.key.format !== key.format || head.key.botocoreVersion !== key.botocoreVersion || head.key.modelSha256 !== key.modelSha256) return undefined;
  const where = Object.prototype.hasOwnProperty.call(head.operations, operation) ? head.operations[operation] : undefined;
  if (!where) return undefined;
  const start = nl + 1 + where[0];
  const { inflateRawSync } = process.getBuiltinModule("node:zlib");
  return JSON.parse(inflateRawSync(file.subarray(start, start + where[1])).toString("utf8")) as Slice;
}
