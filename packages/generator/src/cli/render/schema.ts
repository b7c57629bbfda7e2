/**
 * The JSON Schema of one operation's `requestParameters`, `responseElements` or both, as one
 * self-contained document: the service emitter's own definitions, re-rooted, with only the `$defs` the
 * root reaches. Pure: the log model in, a schema out.
 */
import { defNames, emitServiceSchema, SCHEMA_DIALECT, type EmitContext } from "../../emit-schema.js";
import type { JsonSchema, JsonValue } from "../../json-schema.js";
import type { LoggedOperation, LoggedService } from "../../log-model.js";
import { PART_KEY, type Part } from "./operation.js";

const DEFS = "#/$defs/";

export function operationSchema(svc: LoggedService, op: LoggedOperation, parts: readonly Part[], ctx: EmitContext): JsonSchema {
  const doc = emitServiceSchema({ ...svc, operations: [op] }, ctx);
  const defs = doc.$defs as Record<string, JsonSchema>;
  const names = defNames(op.name);
  const event = defs[names.event]!;
  let root: JsonSchema;
  let title: string;
  if (parts.length === 1) {
    const part = parts[0]!;
    const key = PART_KEY[part];
    title = `${svc.name} ${op.name} ${key}`;
    const def = part === "input" ? names.request : names.response;
    // No definition when CloudTrail logs nothing: the event's own schema for the key says what it holds then.
    root = defs[def] ?? ((event.properties as Record<string, JsonSchema>)[key] as JsonSchema);
  } else {
    // The operation's part of the record, without the reference to the envelope (eventTime, userIdentity…).
    const { $ref: _envelope, title: _title, ...rest } = event;
    title = `${svc.name} ${op.name} event (operation-specific fields)`;
    root = rest;
  }
  const out: JsonSchema = {
    $schema: SCHEMA_DIALECT,
    title,
    "x-cloudtrail": {
      service: svc.name,
      operation: op.name,
      eventSource: svc.eventSource,
      eventNames: [...op.eventNames],
      readOnly: op.readOnly,
      ...(parts.length === 1 ? { part: PART_KEY[parts[0]!] } : {}),
      botocoreVersion: ctx.botocoreVersion,
    },
    ...root,
  };
  const reached = reachable(root, defs);
  if (Object.keys(reached).length) out.$defs = reached;
  return out;
}

/** The definitions a schema refers to, directly or through each other, in name order. */
export function reachable(root: JsonValue, defs: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const seen = new Set<string>();
  const visit = (v: JsonValue | undefined): void => {
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "$ref" && typeof x === "string" && x.startsWith(DEFS)) {
          const name = decodeURIComponent(x.slice(DEFS.length));
          if (!seen.has(name) && defs[name]) {
            seen.add(name);
            visit(defs[name]);
          }
        } else visit(x);
      }
    }
  };
  visit(root);
  const out: Record<string, JsonSchema> = {};
  for (const name of [...seen].sort()) out[name] = defs[name]!;
  return out;
}
