/**
 * The typed service model: botocore's `service-2.json`, normalised.
 *
 * Only what the CloudTrail projection and the docs need is kept, under botocore's own vocabulary, so a
 * reader of botocore's JSON recognises every field.
 */

export type ShapeType =
  | "structure"
  | "list"
  | "map"
  | "string"
  | "integer"
  | "long"
  | "float"
  | "double"
  | "boolean"
  | "timestamp"
  | "blob";

export const SHAPE_TYPES: readonly ShapeType[] = [
  "structure",
  "list",
  "map",
  "string",
  "integer",
  "long",
  "float",
  "double",
  "boolean",
  "timestamp",
  "blob",
];

/** A member of a structure, in model order. */
export interface Member {
  /** botocore's member name (`PolicyName`). */
  name: string;
  /** The target shape's name. */
  shape: string;
  doc?: string;
  required: boolean;
  /** Serialised name on the wire (`locationName`), if the model gives one. */
  locationName?: string;
  /** EC2 query serialisation name (`queryName`). */
  queryName?: string;
  /** HTTP binding (`uri`, `querystring`, `header`, `headers`, `statusCode`), if any. */
  location?: string;
  flattened?: boolean;
  deprecated?: boolean;
  idempotencyToken?: boolean;
  /** Member-level `jsonvalue` (a JSON document carried in a string header). */
  jsonvalue?: boolean;
  /** The member is the HTTP payload of its structure. */
  payload?: boolean;
  streaming?: boolean;
  hostLabel?: boolean;
}

export interface Shape {
  name: string;
  type: ShapeType;
  doc?: string;
  /** structure */
  members?: Member[];
  /** structure: exactly one member is set. */
  union?: boolean;
  /** structure: a free-form JSON document (`document: true`). */
  document?: boolean;
  /** structure: an error shape. */
  exception?: boolean;
  /** list */
  member?: { shape: string; locationName?: string };
  /** map */
  key?: { shape: string; locationName?: string };
  value?: { shape: string; locationName?: string };
  flattened?: boolean;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  sensitive?: boolean;
  timestampFormat?: string;
  deprecated?: boolean;
  /** structure: the output is wrapped in `<Op>Result` on the wire (query protocol `resultWrapper` lives on the operation). */
  locationName?: string;
  /** Streaming blob (S3 object bodies, Lambda payloads). */
  streaming?: boolean;
  /** A list that may hold nulls. */
  sparse?: boolean;
}

export interface Operation {
  name: string;
  doc?: string;
  input?: { shape: string; locationName?: string };
  output?: { shape: string; resultWrapper?: string };
  http?: { method: string; requestUri: string };
  deprecated?: boolean;
  /** Errors the operation may return (shape names). */
  errors: string[];
}

export type Protocol = "json" | "rest-json" | "query" | "ec2" | "rest-xml" | "smithy-rpc-v2-cbor";

export interface ServiceMetadata {
  apiVersion: string;
  protocol: Protocol;
  /** Every protocol the model says it speaks (`protocols`), first the one in use. */
  protocols: Protocol[];
  endpointPrefix: string;
  signingName?: string;
  serviceId: string;
  serviceFullName: string;
  serviceAbbreviation?: string;
  targetPrefix?: string;
  jsonVersion?: string;
  globalEndpoint?: string;
  uid?: string;
}

export interface ServiceModel {
  /** botocore's service name (the data directory name): `iam`, `elbv2`, `s3`. */
  name: string;
  metadata: ServiceMetadata;
  doc?: string;
  /** Operations sorted by name. */
  operations: Operation[];
  shapes: ReadonlyMap<string, Shape>;
}
