/** A tiny hand-written log model for the renderer tests: every kind of type, recursion, a union. */
import type { LogField, LoggedOperation, LoggedService, LogType } from "../../src/log-model.js";

export const DEFS: Record<string, LogType> = {
  Expression: {
    kind: "object",
    shape: "Expression",
    doc: "A filter expression.",
    fields: [
      { name: "and", type: { kind: "array", items: { kind: "ref", def: "Expression" } }, required: false, doc: "All of these." },
      { name: "not", type: { kind: "ref", def: "Expression" }, required: false },
      { name: "value", type: { kind: "string", min: 1, max: 8 }, required: true },
    ],
  },
  Tag: {
    kind: "object",
    shape: "Tag",
    doc: "A label.",
    fields: [
      { name: "key", type: { kind: "string", min: 1, max: 128, pattern: "[a-z]+" }, required: true },
      { name: "value", type: { kind: "string" }, required: false },
    ],
  },
  Choice: {
    kind: "union",
    shape: "Choice",
    fields: [
      { name: "text", type: { kind: "string" }, required: false },
      { name: "number", type: { kind: "integer", min: 0 }, required: false },
    ],
  },
  // Direction-split definitions keep their botocore name for readers.
  "Filter.request": { kind: "object", shape: "Filter", fields: [{ name: "name", type: { kind: "string" }, required: false }] },
};

export function operation(request: LogType | null, response: LogType | null = null, extra: Partial<LoggedOperation> = {}): LoggedOperation {
  return { name: "PutThing", eventNames: ["PutThing"], request, response, readOnly: false, ...extra };
}

export function service(ops: LoggedOperation[], defs: Record<string, LogType> = DEFS): LoggedService {
  return {
    name: "tiny",
    eventSource: "tiny.amazonaws.com",
    apiVersion: "2024-01-01",
    protocol: "json",
    serviceFullName: "Tiny Service",
    serviceId: "Tiny",
    defs,
    operations: ops,
  };
}

/** A request object with one field `x` of the given type. */
export const oneField = (type: LogType, field: Partial<LogField> = {}): LogType => ({
  kind: "object",
  shape: "PutThingRequest",
  fields: [{ name: "x", type, required: false, ...field }],
});
