/**
 * The CloudTrail log model: what a record's `requestParameters` and `responseElements` hold, after the
 * project stage applied CloudTrail's conventions to a botocore service model. Emitters (JSON Schema, docs,
 * paths, examples) read only this; none of them knows about botocore or about any particular service.
 */

interface Annotated {
  /** Plain-text documentation (HTML already stripped). */
  doc?: string;
  /** Values CloudTrail writes in place of the real one (`HIDDEN_DUE_TO_SECURITY_REASONS`). */
  redacted?: readonly string[];
  /** The botocore shape this type came from, for docs and error messages. */
  shape?: string;
  deprecated?: boolean;
}

export interface LogField {
  /** The key as CloudTrail writes it (`policyName`, `instancesSet`, `bucketName`). */
  name: string;
  type: LogType;
  /** The model marks the member required. CloudTrail may still omit it; emitters decide what that means. */
  required: boolean;
  doc?: string;
  /** botocore's member name, when the field comes from one. */
  member?: string;
  deprecated?: boolean;
  /** Which rule added this field, when it is not from the model (`s3-bucket-name`). */
  addedBy?: string;
}

export type LogType =
  | ({ kind: "object"; fields: LogField[]; /** undeclared keys are known to appear */ open?: boolean } & Annotated)
  | ({ kind: "union"; fields: LogField[] } & Annotated)
  | ({ kind: "array"; items: LogType; min?: number; max?: number } & Annotated)
  | ({ kind: "map"; keys: LogType; values: LogType; min?: number; max?: number } & Annotated)
  | ({ kind: "string"; enum?: readonly string[]; pattern?: string; min?: number; max?: number; format?: string } & Annotated)
  | ({ kind: "integer" | "number"; min?: number; max?: number } & Annotated)
  | ({ kind: "boolean" } & Annotated)
  | ({ kind: "timestamp"; /** botocore's timestampFormat, when set */ modelFormat?: string } & Annotated)
  | ({ kind: "blob" } & Annotated)
  /** Any JSON value: botocore `document` shapes, and places a rule cannot know. */
  | ({ kind: "any" } & Annotated)
  /** One of several forms CloudTrail is seen to write for the same value. */
  | ({ kind: "oneOf"; options: LogType[] } & Annotated)
  /** A named definition in the service's `defs` (structures; required for recursion). */
  | ({ kind: "ref"; def: string } & Annotated);

export type LogKind = LogType["kind"];

export interface LoggedOperation {
  /** botocore's operation name. */
  name: string;
  /** Every `eventName` CloudTrail logs this operation under, the plain name first. */
  eventNames: string[];
  doc?: string;
  deprecated?: boolean;
  /** What `requestParameters` holds; null when CloudTrail logs nothing for it. */
  request: LogType | null;
  /** What `responseElements` holds; null when CloudTrail logs nothing for it. */
  response: LogType | null;
  /** The botocore input and output shape names, for docs. */
  inputShape?: string;
  outputShape?: string;
  /** `Get*`, `List*`, `Describe*`: CloudTrail marks these `readOnly: true`. */
  readOnly: boolean;
}

export interface LoggedService {
  /** botocore's service name. */
  name: string;
  /** `eventSource` CloudTrail writes for this service. */
  eventSource: string;
  apiVersion: string;
  protocol: string;
  serviceFullName: string;
  serviceId: string;
  doc?: string;
  /** Named types referenced by `ref`, sorted by name. */
  defs: Record<string, LogType>;
  /** Sorted by name. */
  operations: LoggedOperation[];
  /** Non-API services (signin, AwsServiceEvent…) are written by hand from AWS's documentation. */
  curated?: boolean;
}
