/**
 * `makeEvent(service, operation, overrides?, options?)`: a record of the operation for tests, as CloudTrail
 * would write it, and the same record for the same seed.
 *
 * The body (eventSource, eventName, the members requestParameters and responseElements require) is
 * sampleEvent's, valid in strict mode. Around it, an envelope drawn from the seed: eventTime in 2024,
 * eventID and requestID shaped like UUIDs, an IAM user or an assumed role of one of the documentation
 * accounts (recipientAccountId the same account), a TEST-NET source IP (RFC 5737), an SDK or CLI
 * userAgent, a region, tlsDetails; readOnly from the model, managementEvent and eventCategory from
 * DATA_EVENTS. A field the operation's schema does not accept there (the curated non-API events pin some)
 * keeps sampleEvent's value, so the record before overrides always passes the strict schema.
 *
 * Overrides are merged last, deeply: plain objects merge key by key, anything else (arrays, strings,
 * numbers, null) replaces, and `undefined` removes the field. The overrides object is never changed, and
 * the record shares nothing with it. The result is not checked unless `validate` asks: a test may want an
 * invalid record.
 */
import type { CloudTrailEvent, CloudTrailServices, OperationName } from "@cloudtrail-schema/types";
import { compileDef, runCheck } from "../compile.js";
import { checkOperation, getService, type Service } from "../data.js";
import { CloudTrailSchemaError } from "../errors.js";
import { setOwn } from "../keywords.js";
import type { Mode, ValidateOptions } from "../types.js";
import { assertCloudTrailEvent } from "../validate.js";
import { richSampleEvent } from "./sample.js";

export interface MakeEventOptions {
  /** Same seed (and service, operation, overrides), deep-equal record; default 0. Any finite number. */
  seed?: number;
  /**
   * Check the record after the overrides and throw CloudTrailSchemaError `E_INVALID_EVENT` (with `errors`)
   * when it is not a valid event of the operation: `true` or `"strict"` checks in strict mode,
   * `"compatible"` in compatible mode. Default `false`: return the record whatever the overrides did.
   */
  validate?: boolean | Mode;
}

/** Fields to put into the record: objects merge into the record's, other values replace, undefined removes. */
export type EventOverrides = { readonly [field: string]: unknown };

/**
 * Operations CloudTrail logs as data events (eventCategory "Data", managementEvent false), for the services
 * tests most often fabricate; every other operation is a management event.
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events.html
 */
const DATA_EVENTS: { readonly [service: string]: ReadonlySet<string> } = {
  s3: new Set([
    "AbortMultipartUpload", "CompleteMultipartUpload", "CopyObject", "CreateMultipartUpload", "DeleteObject", "DeleteObjects",
    "DeleteObjectTagging", "GetObject", "GetObjectAcl", "GetObjectAttributes", "GetObjectLegalHold", "GetObjectRetention",
    "GetObjectTagging", "GetObjectTorrent", "HeadObject", "ListMultipartUploads", "ListObjects", "ListObjectsV2", "ListObjectVersions",
    "ListParts", "PutObject", "PutObjectAcl", "PutObjectLegalHold", "PutObjectRetention", "PutObjectTagging", "RestoreObject",
    "SelectObjectContent", "UploadPart", "UploadPartCopy",
  ]),
  lambda: new Set(["Invoke", "InvokeAsync", "InvokeWithResponseStream"]),
  dynamodb: new Set([
    "BatchExecuteStatement", "BatchGetItem", "BatchWriteItem", "DeleteItem", "ExecuteStatement", "ExecuteTransaction", "GetItem",
    "PutItem", "Query", "Scan", "TransactGetItems", "TransactWriteItems", "UpdateItem",
  ]),
};

/** The AWS documentation's example accounts. */
const ACCOUNTS = ["111122223333", "444455556666", "123456789012"];
const REGIONS = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "ap-northeast-1"];
const USERS = ["alice", "bob", "ci-deployer", "terraform"];
const ROLES = ["Admin", "ReadOnly", "DeployRole", "lambda-exec"];
const USER_AGENTS = [
  "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.79 exe/x86_64.amzn.2023 prompt/off command/{op}",
  "Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#6.1.79 md/arch#x86_64 lang/python#3.12.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.84",
  "aws-sdk-js/3.556.0 ua/2.0 os/linux#5.10.214 lang/js md/nodejs#20.12.2 api/{service}#3.556.0",
  "APN/1.0 HashiCorp/1.0 Terraform/1.8.2 (+https://www.terraform.io) terraform-provider-aws/5.47.0 aws-sdk-go-v2/1.26.1 os/linux lang/go#1.22.2",
  "AWS Internal",
];
/** TEST-NET-1..3 (RFC 5737): addresses that are never anyone's. */
const NETS = ["192.0.2", "198.51.100", "203.0.113"];
const TIME_FROM = Date.UTC(2024, 0, 1);
const TIME_SPAN = 366 * 24 * 3600; // seconds in 2024

/** Small, fast, good enough for test data (mulberry32), seeded from the seed and the operation. */
function random(seed: number, service: string, operation: string): () => number {
  let h = 0x811c9dc5;
  for (const c of `${seed}\u0000${service}\u0000${operation}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function envelope(svc: Service, operation: string, eventSource: unknown, rnd: () => number): Record<string, unknown> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join("");
  const upper = (n: number) => Array.from({ length: n }, () => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[Math.floor(rnd() * 32)]).join("");
  // Version 4, variant 10xx, as the UUIDs CloudTrail writes.
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[Math.floor(rnd() * 4)]}${hex(3)}-${hex(12)}`;
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  const time = TIME_FROM + Math.floor(rnd() * TIME_SPAN) * 1000;
  const account = pick(ACCOUNTS);
  let userIdentity: Record<string, unknown>;
  if (rnd() < 0.5) {
    const userName = pick(USERS);
    userIdentity = { type: "IAMUser", principalId: `AIDA${upper(16)}`, arn: `arn:aws:iam::${account}:user/${userName}`, accountId: account, accessKeyId: `AKIA${upper(16)}`, userName };
  } else {
    const role = pick(ROLES);
    const roleId = `AROA${upper(17)}`;
    const session = `session-${hex(8)}`;
    userIdentity = {
      type: "AssumedRole",
      principalId: `${roleId}:${session}`,
      arn: `arn:aws:sts::${account}:assumed-role/${role}/${session}`,
      accountId: account,
      accessKeyId: `ASIA${upper(16)}`,
      sessionContext: {
        sessionIssuer: { type: "Role", principalId: roleId, arn: `arn:aws:iam::${account}:role/${role}`, accountId: account, userName: role },
        webIdFederationData: {},
        attributes: { creationDate: iso(time - Math.floor(rnd() * 3600) * 1000), mfaAuthenticated: "false" },
      },
    };
  }
  const data = DATA_EVENTS[svc.name]?.has(operation) === true;
  const host = typeof eventSource === "string" ? eventSource : `${svc.name}.amazonaws.com`;
  return {
    eventTime: iso(time),
    eventID: uuid(),
    requestID: uuid(),
    awsRegion: pick(REGIONS),
    sourceIPAddress: `${pick(NETS)}.${1 + Math.floor(rnd() * 254)}`,
    userAgent: pick(USER_AGENTS).replace("{op}", operation.toLowerCase()).replace("{service}", svc.name),
    userIdentity,
    recipientAccountId: account,
    readOnly: svc.isReadOnly(operation),
    managementEvent: !data,
    eventCategory: data ? "Data" : "Management",
    tlsDetails: { tlsVersion: "TLSv1.3", cipherSuite: "TLS_AES_128_GCM_SHA256", clientProvidedHostHeader: host },
  };
}

/** richSampleEvent's records, kept: building one walks the schema, a copy is cheap. Bounded for loops over every operation. */
const bodies = new Map<string, Record<string, unknown>>();
const MAX_BODIES = 4096;

function body(service: string, operation: string): Record<string, unknown> {
  const key = `${service}\u0000${operation}`;
  let b = bodies.get(key);
  if (!b) {
    b = richSampleEvent(service, operation);
    if (bodies.size >= MAX_BODIES) bodies.clear();
    bodies.set(key, b);
  }
  return structuredClone(b);
}

const isPlain = (v: unknown): v is { [k: string]: unknown } => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** A copy of plain objects and arrays (so the record shares nothing with the overrides); other values as they are. */
function copy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copy);
  if (!isPlain(v)) return v;
  const out: { [k: string]: unknown } = {};
  for (const k of Object.keys(v)) setOwn(out, k, copy(v[k]));
  return out;
}

/** Merge `overrides` into `target` (the record's own objects, so changing them is safe). */
function mergeInto(target: { [k: string]: unknown }, overrides: { readonly [k: string]: unknown }): void {
  for (const k of Object.keys(overrides)) {
    const v = overrides[k];
    if (v === undefined) {
      delete target[k];
      continue;
    }
    const have = Object.prototype.hasOwnProperty.call(target, k) ? target[k] : undefined;
    if (isPlain(v) && isPlain(have)) mergeInto(have, v);
    else setOwn(target, k, copy(v));
  }
}

/** assertCloudTrailEvent without its type parameters (the names here are plain strings). */
const assertEvent = assertCloudTrailEvent as (record: unknown, service: string, operation: string, options: ValidateOptions) => void;

/** Services whose types are in the program (`import type {} from "@cloudtrail-schema/types/iam"`). */
type TypedService = keyof CloudTrailServices;

/**
 * A realistic record of the operation: valid in strict mode before `overrides`, deterministic for
 * `options.seed`. Throws CloudTrailSchemaError for an unknown service or operation, a seed that is not a
 * finite number, and (with `validate`) a record the overrides made invalid (`E_INVALID_EVENT`).
 */
export function makeEvent<S extends TypedService, O extends OperationName<S>>(
  service: S,
  operation: O,
  overrides?: EventOverrides,
  options?: MakeEventOptions,
): CloudTrailEvent<S, O>;
export function makeEvent(service: string, operation: string, overrides?: EventOverrides, options?: MakeEventOptions): Record<string, unknown>;
export function makeEvent(service: string, operation: string, overrides?: EventOverrides, options: MakeEventOptions = {}): unknown {
  const seed = options.seed ?? 0;
  if (typeof seed !== "number" || !Number.isFinite(seed)) throw new CloudTrailSchemaError("E_USAGE", `makeEvent: seed must be a finite number, not ${String(seed)}`);
  const validate = options.validate ?? false;
  if (validate !== true && validate !== false && validate !== "strict" && validate !== "compatible") {
    throw new CloudTrailSchemaError("E_USAGE", `makeEvent: validate must be true, false, "strict" or "compatible", not ${JSON.stringify(validate)}`);
  }
  if (overrides !== undefined && !isPlain(overrides)) throw new CloudTrailSchemaError("E_USAGE", "makeEvent: overrides must be a plain object");
  const svc = getService(service);
  const op = checkOperation(svc, operation);
  const record = body(svc.name, op);
  // Asked by an eventName the operation is logged under (`CreateFunction20150331`): the record says so.
  if (op !== operation) record.eventName = operation;
  const fields = envelope(svc, op, record.eventSource, random(seed, svc.name, op));
  const node = compileDef(svc.doc(), `${op}.event`, "strict");
  const valid = (r: unknown) => runCheck(node.check, r, null);
  const keep = { ...record };
  Object.assign(record, fields);
  if (!valid(record)) {
    // The operation's schema pins some of these (a curated event's userIdentity): keep each field only if
    // the record stays valid with it.
    for (const k of Object.keys(record)) delete record[k];
    Object.assign(record, keep);
    for (const [k, v] of Object.entries(fields)) {
      const before = Object.prototype.hasOwnProperty.call(record, k) ? record[k] : undefined;
      record[k] = v;
      if (valid(record)) continue;
      if (before === undefined) delete record[k];
      else record[k] = before;
    }
  }
  if (overrides !== undefined) mergeInto(record, overrides);
  if (validate !== false) assertEvent(record, svc.name, op, { mode: validate === true ? "strict" : validate });
  return record;
}
