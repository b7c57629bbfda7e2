/** Small constructors of log-model values, so the rules read as what CloudTrail writes. */
import type { LogField, LogType } from "../../log-model.js";
import type { Shape } from "../../model.js";

export const str = (extra: Partial<Extract<LogType, { kind: "string" }>> = {}): LogType => ({ kind: "string", ...extra });
export const int = (): LogType => ({ kind: "integer" });
export const bool = (): LogType => ({ kind: "boolean" });
export const any = (): LogType => ({ kind: "any" });
export const arrayOf = (items: LogType): LogType => ({ kind: "array", items });
export const mapOf = (values: LogType): LogType => ({ kind: "map", keys: { kind: "string" }, values });
/** A string that can only be these values (strict); any string in compatible mode. */
export const literal = (...values: string[]): LogType => ({ kind: "string", enum: values });

/** A string CloudTrail writes in place of a structure (an empty list or element as `""`): these values only. */
export const placeholder = (...values: string[]): LogType => ({ kind: "string", enum: values, placeholder: true });

/** One of several forms; nested oneOfs are flattened, so rules can stack alternatives. */
export function oneOf(...options: LogType[]): LogType {
  const flat = options.flatMap((o) => (o.kind === "oneOf" && !o.doc && !o.redacted && !o.compatibleOnly ? o.options : [o]));
  return flat.length === 1 ? flat[0]! : { kind: "oneOf", options: flat };
}

/** A field a rule adds beside the model's members. */
export const added = (name: string, type: LogType, addedBy: string, doc?: string): LogField => ({
  name,
  type,
  required: false,
  addedBy,
  ...(doc ? { doc } : {}),
});

export const object = (fields: LogField[], extra: { open?: boolean; doc?: string } = {}): LogType => ({ kind: "object", fields, ...extra });

/** Add fields to an object type (a no-op on other kinds); fields already there by name are kept. */
export function withFields(t: LogType, fields: LogField[]): LogType {
  if (t.kind !== "object") return t;
  const have = new Set(t.fields.map((f) => f.name));
  return { ...t, fields: [...t.fields, ...fields.filter((f) => !have.has(f.name))] };
}

export const isScalarShape = (s: Shape): boolean => s.type !== "structure" && s.type !== "list" && s.type !== "map";

/**
 * An IAM JSON policy document, parsed (IAM User Guide, "IAM JSON policy elements reference"). Open: AWS may
 * add elements.
 */
export function policyDocument(): LogType {
  const strings = () => oneOf(str(), arrayOf(str()));
  const principal = () => oneOf(str(), mapOf(strings()));
  const by = "s3-bucket-policy-object";
  const statement = object(
    [
      added("Sid", str(), by),
      added("Effect", str({ enum: ["Allow", "Deny"] }), by),
      added("Principal", principal(), by),
      added("NotPrincipal", principal(), by),
      added("Action", strings(), by),
      added("NotAction", strings(), by),
      added("Resource", strings(), by),
      added("NotResource", strings(), by),
      added("Condition", mapOf(mapOf(oneOf(str(), arrayOf(oneOf(str(), { kind: "number" }, bool())), { kind: "number" }, bool()))), by),
    ],
    { open: true, doc: "A policy statement." },
  );
  return object(
    [added("Version", str(), by), added("Id", str(), by), added("Statement", oneOf(arrayOf(statement), statement), by)],
    { open: true, doc: "An IAM policy document." },
  );
}
