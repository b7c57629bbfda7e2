/** Value conventions: what CloudTrail writes in place of, or besides, the model's value. */
import type { LogType } from "../../log-model.js";
import type { ServiceModel, Shape } from "../../model.js";
import { rule } from "../rule.js";
import { added, arrayOf, bool, int, object, oneOf } from "./build.js";

/** Markers CloudTrail writes instead of a sensitive value. */
export const REDACTION_MARKERS = ["HIDDEN_DUE_TO_SECURITY_REASONS", "****", "<sensitiveDataRemoved>"] as const;

/** Per service: does a shape, or anything below it, hold a sensitive or a binary value? */
const below = new WeakMap<ServiceModel, Map<string, { sensitive: boolean; blob: boolean }>>();

export function holds(service: ServiceModel, shapeName: string): { sensitive: boolean; blob: boolean } {
  let memo = below.get(service);
  if (!memo) below.set(service, (memo = new Map()));
  const visit = (name: string): { sensitive: boolean; blob: boolean } => {
    const hit = memo!.get(name);
    if (hit) return hit;
    const out = { sensitive: false, blob: false };
    memo!.set(name, out); // recursion: a cycle adds nothing
    const s = service.shapes.get(name)!;
    if (s.sensitive) out.sensitive = true;
    if (s.type === "blob") out.blob = true;
    const children = [...(s.members ?? []).map((m) => m.shape), s.member?.shape, s.key?.shape, s.value?.shape].filter(
      (x): x is string => x !== undefined,
    );
    for (const c of children) {
      const h = visit(c);
      out.sensitive ||= h.sensitive;
      out.blob ||= h.blob;
    }
    return out;
  };
  return visit(shapeName);
}

const redact = (t: LogType): LogType => ({ ...t, redacted: [...REDACTION_MARKERS] });

export const sensitiveRedacted = rule({
  id: "sensitive-redacted",
  why:
    "a sensitive value, or a whole map or structure holding one, is logged as HIDDEN_DUE_TO_SECURITY_REASONS, **** or " +
    "<sensitiveDataRemoved>; clear values occur too",
  evidence:
    "sso-oidc CreateToken clientSecret, ssm parameters (a whole map) HIDDEN_DUE_TO_SECURITY_REASONS; rds masterUserPassword, " +
    "organizations email ****; ec2 CreateKeyPair keyMaterial <sensitiveDataRemoved>",
  shapeType: (type, shape) => (shape.sensitive ? redact(type) : type),
  field: (field, member, _owner, ctx) => {
    const h = holds(ctx.service, member.shape);
    if (!h.sensitive) return field;
    // Never required: sensitive members are often dropped (sts secretAccessKey, iam Password).
    return { ...field, type: field.type.redacted ? field.type : redact(field.type), required: false };
  },
});

export const blobRedacted = rule({
  id: "blob-redacted",
  why: "CloudTrail does not log binary data: a member holding a blob is left out, or replaced by a redaction marker",
  evidence:
    "kms CiphertextBlob/Plaintext, lambda ZipFile, ebs BlockData never present; ec2 ModifyInstanceAttribute userData " +
    "(a structure holding a blob) logged as <sensitiveDataRemoved>",
  field: (field, member, _owner, ctx) => {
    if (!holds(ctx.service, member.shape).blob) return field;
    return { ...field, type: field.type.redacted ? field.type : redact(field.type), required: false };
  },
});

/** A `java.nio.ByteBuffer` as Java services serialise it into the record. */
export const BYTE_BUFFER: LogType = object(
  [
    added("hb", arrayOf(int()), "blob-bytebuffer-dump", "The bytes, as signed integers."),
    added("offset", int(), "blob-bytebuffer-dump"),
    added("isReadOnly", bool(), "blob-bytebuffer-dump"),
    added("bigEndian", bool(), "blob-bytebuffer-dump"),
    added("nativeByteOrder", bool(), "blob-bytebuffer-dump"),
    added("mark", int(), "blob-bytebuffer-dump"),
    added("position", int(), "blob-bytebuffer-dump"),
    added("limit", int(), "blob-bytebuffer-dump"),
    added("capacity", int(), "blob-bytebuffer-dump"),
    added("address", int(), "blob-bytebuffer-dump"),
  ],
  { doc: "A binary value as the service's Java code serialised it (java.nio.ByteBuffer)." },
);

/** Services seen to log blobs as serialised ByteBuffers. */
export const BYTE_BUFFER_SERVICES: ReadonlySet<string> = new Set(["acm"]);

export const blobByteBufferDump = rule({
  id: "blob-bytebuffer-dump",
  why: "some Java services log a blob as a serialised java.nio.ByteBuffer object ({hb: [...], offset, limit, capacity, ...})",
  evidence: "acm ImportCertificate records (AWS docs): certificate, privateKey, certificateChain",
  appliesTo: (s) => BYTE_BUFFER_SERVICES.has(s.name),
  shapeType: (type, shape) => (shape.type === "blob" ? oneOf(type, structuredClone(BYTE_BUFFER)) : type),
});

export const timestampRenderings = rule({
  id: "timestamp-renderings",
  why:
    "timestamps are rendered by the service's Java code, not per the model's timestampFormat: \"Mar 24, 2014 9:11:59 PM\" " +
    "(JDK 8), \"Jul 18, 2023, 4:07:39 PM\" (JDK 9+), ISO-8601, or a number",
  evidence:
    "110 timestamp values: iam, sts, rds, kms, config, dynamodb, organizations, stepfunctions, cloudfront, route53 (Java); " +
    "bedrock, rds (ISO-8601); EC2 is in ec2-timestamps",
  shapeType: (type) => (type.kind === "timestamp" ? { ...type, renderings: ["java-date", "iso-8601", "epoch"] } : type),
});

/** A timestamp with other renderings (EC2's rules use it). */
export const withRenderings = (type: LogType, renderings: Extract<LogType, { kind: "timestamp" }>["renderings"]): LogType =>
  type.kind === "timestamp" ? { ...type, renderings: renderings! } : type;

