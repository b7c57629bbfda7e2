/**
 * S3 logs its REST wire form: the bucket as `bucketName`, header and query members under their wire
 * names, the subresource of the URI (`?acl`) as a key, the XML body under its root element name with XML
 * element names inside, and the Host header. (Route 53 and CloudFront, also rest-xml, log plain
 * lower-camel members and JSON arrays: these rules are S3's, not the protocol's.)
 */
import type { LogType } from "../../log-model.js";
import type { Member, Operation, ServiceModel, Shape } from "../../model.js";
import type { ProjectContext } from "../rule.js";
import { rule } from "../rule.js";
import { added, arrayOf, isScalarShape, literal, object, oneOf, placeholder, policyDocument, str, withFields } from "./build.js";

/** Services these rules apply to. */
export const S3_WIRE_SERVICES: ReadonlySet<string> = new Set(["s3"]);
const isS3 = (s: ServiceModel) => S3_WIRE_SERVICES.has(s.name);

/** The operation's input/output structure itself (not a structure nested in it). */
const isTop = (owner: Shape, ctx: ProjectContext) =>
  ctx.operation !== undefined && owner.name === (ctx.direction === "request" ? ctx.operation.input?.shape : ctx.operation.output?.shape);

/** Payloads that are JSON documents in a string, logged parsed under another key. */
export const S3_JSON_PAYLOADS: Readonly<Record<string, { member: string; key: string }>> = {
  PutBucketPolicy: { member: "Policy", key: "bucketPolicy" },
};

/** XML element name of a member inside an XML body; a flattened list repeats its element. */
function xmlName(member: Member, ctx: ProjectContext): string {
  const shape = ctx.shape(member.shape);
  if (shape.type === "list" && shape.flattened) return member.locationName ?? shape.member?.locationName ?? member.name;
  return member.locationName ?? member.name;
}

export const s3WireNames = rule({
  id: "s3-wire-names",
  why:
    "S3 logs the bucket as bucketName, other URI members lower-camel (key), header and query members under their wire names " +
    "(x-amz-acl, prefix, encoding-type), the XML body under its root element, and XML element names inside it",
  evidence:
    "85 s3 records: bucketName (79), key (20), x-amz-server-side-encryption, x-amz-copy-source, Content-Type, prefix (44), " +
    "CreateBucketConfiguration.LocationConstraint, AccessControlPolicy.AccessControlList.Grant, VersioningConfiguration.Status (57)",
  appliesTo: isS3,
  fieldName: (name, member, owner, ctx) => {
    if (!isTop(owner, ctx)) return xmlName(member, ctx);
    if (member.location === "uri") return member.name === "Bucket" ? "bucketName" : name;
    if (member.location === "querystring" || member.location === "header" || member.location === "headers") return member.locationName ?? member.name;
    if (member.payload) return S3_JSON_PAYLOADS[ctx.operation!.name]?.member === member.name ? S3_JSON_PAYLOADS[ctx.operation!.name]!.key : xmlName(member, ctx);
    return name;
  },
  field: (field, member, owner, ctx) => {
    if (!isTop(owner, ctx)) return field;
    if (member.location === "statusCode") return null;
    // A streamed or binary body (PutObject's Body) is not logged.
    if (member.payload && ctx.shape(member.shape).type !== "structure" && S3_JSON_PAYLOADS[ctx.operation!.name]?.member !== member.name) return null;
    return field;
  },
});

export const s3BucketPolicyObject = rule({
  id: "s3-bucket-policy-object",
  why: "PutBucketPolicy's policy (a JSON string in the model) is logged parsed, as an object under bucketPolicy",
  evidence: "s3 PutBucketPolicy records (AWS docs, detection tests; 5 records, 28 values); one hand-written record has a string",
  appliesTo: isS3,
  field: (field, member, owner, ctx) =>
    isTop(owner, ctx) && S3_JSON_PAYLOADS[ctx.operation!.name]?.member === member.name ? { ...field, type: oneOf(policyDocument(), str()) } : field,
});

export const s3LegacyListValues = rule({
  id: "s3-legacy-list-values",
  why: "records of eventVersion 1.05 and older log each header and query value as a one-element array (\"x-amz-acl\": [\"private\"])",
  evidence: "s3 PutBucketAcl, PutObject records of eventVersion 1.03-1.05 (AWS docs, detection tests)",
  appliesTo: isS3,
  field: (field, member, owner, ctx) =>
    isTop(owner, ctx) && (member.location === "header" || member.location === "querystring") && isScalarShape(ctx.shape(member.shape))
      ? { ...field, type: oneOf(field.type, arrayOf(field.type)) }
      : field,
});

export const s3XmlBody = rule({
  id: "s3-xml-body",
  why:
    "S3's XML body is logged as XML-to-JSON: a flattened list is its repeated element (an object when there is one, else an array), " +
    "other lists an object {<element>: …}, an empty element \"\", attributes as keys (xmlns, xmlns:xsi, xsi:type)",
  evidence:
    "s3 PutBucketLifecycle LifecycleConfiguration.Rule, PutBucketAcl AccessControlPolicy.AccessControlList.Grant.Grantee with " +
    "xsi:type and xmlns:xsi, Filter: \"\", xmlns http://s3.amazonaws.com/doc/2006-03-01/ (26 records)",
  appliesTo: isS3,
  shapeType: (type, shape, ctx) => {
    if (shape.type === "list" && type.kind === "array") {
      const one = oneOf(type.items, arrayOf(type.items));
      if (shape.flattened) return one;
      const element = shape.member?.locationName ?? "member";
      return oneOf(object([added(element, one, "s3-xml-body")], { doc: type.doc }), placeholder(""));
    }
    if (shape.type === "structure" && type.kind === "object" && ctx.operation === undefined) {
      const attrs = [added("xmlns", str(), "s3-xml-body", "XML namespace of the element.")];
      if ((shape.members ?? []).some((m) => m.locationName?.startsWith("xsi:"))) attrs.push(added("xmlns:xsi", str(), "s3-xml-body"));
      return oneOf(withFields(type, attrs), placeholder(""));
    }
    return type;
  },
});

/** Query parameters of the request URI that are SDK routing, not logged (`?x-id=GetObject`). */
const NOT_LOGGED_QUERY = new Set(["x-id"]);

/** `/{Bucket}?list-type=2&acl` -> [["list-type", "2"], ["acl", ""]]. */
export function subresources(op: Operation): [string, string][] {
  const uri = op.http?.requestUri ?? "";
  const q = uri.includes("?") ? uri.slice(uri.indexOf("?") + 1) : "";
  return q
    .split("&")
    .filter(Boolean)
    .map((p) => {
      const [k, v = ""] = p.split("=");
      return [k!, v] as [string, string];
    })
    .filter(([k]) => !NOT_LOGGED_QUERY.has(k));
}

/**
 * Services whose records carry the request's Host header: S3, and S3 Control (account-level S3 APIs such as
 * PutPublicAccessBlock, access points, Batch Operations jobs), served by the same front end under the host
 * `<account>.s3-control.<region>.amazonaws.com`.
 */
export const S3_HOST_SERVICES: ReadonlySet<string> = new Set(["s3", "s3control"]);

export const s3Host = rule({
  id: "s3-host",
  why: "S3 and S3 Control requests log the Host header: \"Host\": \"<bucket>.s3.<region>.amazonaws.com\" (eventVersion 1.07+), \"host\": [\"…\"] before",
  evidence:
    "s3 records: Host string (eventVersion >= 1.07, 21 values), host one-element array (<= 1.05, 13 values); s3control records " +
    "(Host \"<account>.s3-control.<region>.amazonaws.com\"): issue 10 held-out set, none in the development corpus",
  appliesTo: (s) => S3_HOST_SERVICES.has(s.name),
  request: (type) =>
    withFields(type ?? object([]), [
      added("Host", oneOf(str(), arrayOf(str())), "s3-host", "The request's Host header."),
      added("host", oneOf(str(), arrayOf(str())), "s3-host", "The request's Host header (older records)."),
    ]),
});

export const s3SubresourceMarker = rule({
  id: "s3-subresource-marker",
  why: "the subresource of the operation's URI is logged as a key: ?acl -> \"acl\": \"\" ([\"\"] in older records), ?list-type=2 -> \"list-type\": \"2\"",
  evidence: "s3 records: acl, policy, lifecycle, logging, versioning, encryption, replication, publicAccessBlock (21), list-type (7)",
  appliesTo: isS3,
  request: (type, op) =>
    withFields(
      type ?? object([]),
      subresources(op).map(([k, v]) => added(k, oneOf(literal(v), arrayOf(literal(v))), "s3-subresource-marker", `The ?${k} subresource of the request URI.`)),
    ),
});

/**
 * eventNames that are still (deprecated) operations of the model but are also logged for their newer
 * replacement: the record may have either form.
 */
export const S3_LEGACY_OPERATION_FORMS: Readonly<Record<string, string>> = {
  ListObjects: "ListObjectsV2",
  GetBucketLifecycle: "GetBucketLifecycleConfiguration",
  PutBucketLifecycle: "PutBucketLifecycleConfiguration",
  GetBucketNotification: "GetBucketNotificationConfiguration",
  PutBucketNotification: "PutBucketNotificationConfiguration",
};

export const s3LegacyOperationForms = rule({
  id: "s3-legacy-operation-forms",
  why:
    "S3 logs ListObjectsV2 as ListObjects (with list-type: \"2\") and …Configuration operations under their older names " +
    "(PutBucketLifecycle); those eventNames accept either operation's parameters",
  evidence:
    "s3 ListObjects records with list-type 2 (OTRF capture, 7); PutBucketLifecycle records with the newer Filter element (3); " +
    "…Notification inferred from the same pattern",
  appliesTo: isS3,
  request: (type, op, ctx) => {
    const newer = S3_LEGACY_OPERATION_FORMS[op.name];
    if (!newer) return type;
    const other = ctx.logged(newer)?.request;
    return other && type ? oneOf(type, other) : (type ?? other ?? null);
  },
  response: (type, op, ctx) => {
    const newer = S3_LEGACY_OPERATION_FORMS[op.name];
    if (!newer) return type;
    const other = ctx.logged(newer)?.response;
    return other && type ? oneOf(type, other) : (type ?? other ?? null);
  },
});


/** `additionalEventData` of S3 records, management and data events alike (open: AWS adds keys). */
function s3AdditionalEventData(): LogType {
  const by = "s3-additional-event-data";
  return object(
    [
      added("AuthenticationMethod", str(), by, "How the request was authenticated: AuthHeader (an Authorization header) or QueryString (a presigned URL)."),
      added("CipherSuite", str(), by, "The TLS cipher suite of the connection (TLS_AES_128_GCM_SHA256, ECDHE-RSA-AES128-GCM-SHA256)."),
      added("SignatureVersion", str(), by, "The signature version of the request: SigV4, or SigV2 for legacy clients."),
      added("SSEApplied", str(), by, "The server-side encryption S3 applied to the object (SSE_S3, Default_SSE_KMS)."),
      added("aclRequired", str(), by, "\"Yes\" when an access control list was needed to authorize the request."),
      added("bytesTransferredIn", { kind: "number" }, by, "Bytes of the request body (written as 0 or 0.0)."),
      added("bytesTransferredOut", { kind: "number" }, by, "Bytes of the response body (written as 0 or 0.0)."),
      added("vpcEndpointId", str(), by, "The VPC endpoint the request came through."),
      added("x-amz-id-2", str(), by, "S3's extended request ID, for AWS Support."),
    ],
    { open: true, doc: "What S3 adds to its records: how the request was signed and authenticated, and the bytes moved." },
  );
}

export const s3AdditionalEventDataRule = rule({
  id: "s3-additional-event-data",
  why:
    "S3 records (management and data events) carry additionalEventData {SignatureVersion, CipherSuite, AuthenticationMethod, " +
    "bytesTransferredIn/Out, x-amz-id-2, …}; handlers read it (presigned URLs: AuthenticationMethod QueryString)",
  evidence:
    "38 s3 records of the development corpus (all objects; bytesTransferred* numbers, 12 integers and 9 floats); public test events " +
    "with GetBucketAcl, PutObject (SSEApplied Default_SSE_KMS), DeleteBucket (vpcEndpointId), GetBucketPublicAccessBlock; " +
    "54 s3 records have none (null or absent)",
  appliesTo: isS3,
  additionalEventData: (type, _op, ctx) => type ?? ctx.define("AdditionalEventData", s3AdditionalEventData),
});
