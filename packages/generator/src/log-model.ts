/**
 * The CloudTrail log model: what a record's `requestParameters` and `responseElements` hold, after the
 * project stage applied CloudTrail's conventions to a botocore service model. Emitters (JSON Schema, docs,
 * paths, examples) read only this; none of them knows about botocore or about any particular service.
 */

/** `LoggedService.eventSource` of services whose events come from any eventSource (keyed by eventType). */
export const ANY_EVENT_SOURCE = "*";

interface Annotated {
  /** Plain-text documentation (HTML already stripped). */
  doc?: string;
  /** Values CloudTrail writes in place of the real one (`HIDDEN_DUE_TO_SECURITY_REASONS`). */
  redacted?: readonly string[];
  /** The botocore shape this type came from, for docs and error messages. */
  shape?: string;
  deprecated?: boolean;
  /**
   * A form only compatible mode accepts: CloudTrail is seen to write it, strict mode (which follows the model)
   * does not. As an option of a `oneOf` it drops out of strict's options (query-string integers as text where
   * no evidence shows the service doing it); as a field's type the field must be absent in strict (error
   * document fields in responseElements). Types include it.
   */
  compatibleOnly?: boolean;
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
  /**
   * Set when this field is another key the same member is logged under (EC2 writes `InstanceIds` as
   * `instancesSet`): the name of the main field. A record carries at most one of them.
   */
  aliasOf?: string;
}

/**
 * How CloudTrail renders a timestamp (rule `timestamp-renderings`):
 * `java-date` `"Oct 16, 2020 9:47:27 AM"` (with or without the comma after the year), `iso-8601`
 * `"2020-10-16T09:47:27Z"`, `epoch` a number (`1602841647000`: milliseconds in EC2 records).
 */
export type TimestampRendering = "java-date" | "iso-8601" | "epoch";

export type LogType =
  | ({ kind: "object"; fields: LogField[]; /** undeclared keys are known to appear */ open?: boolean } & Annotated)
  | ({ kind: "union"; fields: LogField[] } & Annotated)
  | ({ kind: "array"; items: LogType; min?: number; max?: number } & Annotated)
  | ({ kind: "map"; keys: LogType; values: LogType; min?: number; max?: number } & Annotated)
  | ({
      kind: "string";
      enum?: readonly string[];
      pattern?: string;
      min?: number;
      max?: number;
      format?: string;
      /**
       * The value stands in for the structure beside it in a `oneOf` (an empty list or element logged as `""`):
       * exactly these values, even in compatible types, with the structure's keys readable as `undefined` on them.
       */
      placeholder?: boolean;
    } & Annotated)
  | ({ kind: "integer"; min?: number; max?: number } & Annotated)
  | ({ kind: "number"; min?: number; max?: number } & Annotated)
  | ({ kind: "boolean" } & Annotated)
  | ({
      kind: "timestamp";
      /** botocore's timestampFormat, when set */ modelFormat?: string;
      /** The renderings CloudTrail is seen to write here; any string or number when absent. */ renderings?: readonly TimestampRendering[];
    } & Annotated)
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
  /** The operation's own eventSource, where its service is keyed by something else (AwsServiceEvent). */
  eventSource?: string;
  /**
   * Record fields with a constant value that identify the event besides eventSource and eventName
   * (`eventType: "AwsServiceEvent"`, `insightDetails.insightType: "ApiCallRateInsight"`).
   */
  match?: { path: string[]; value: string }[];
  /**
   * The eventType CloudTrail writes for this non-API event (`AwsConsoleSignIn` for ConsoleLogin): strict mode
   * requires it; compatible mode does not (records without it, or spelled otherwise, have been seen).
   */
  eventType?: string;
  /** What `additionalEventData` holds, where known. */
  additionalEventData?: LogType;
  /** What `serviceEventDetails` holds, where known. */
  serviceEventDetails?: LogType;
}

export interface LoggedService {
  /** botocore's service name. */
  name: string;
  /** `eventSource` CloudTrail writes for this service; `*` when its events come from any (see `match`). */
  eventSource: string;
  /** Other eventSources some of its records carry (s3: `s3express.amazonaws.com`); absent when none. */
  otherEventSources?: string[];
  apiVersion: string;
  protocol: string;
  serviceFullName: string;
  serviceId: string;
  /** botocore's `metadata.uid` (`iam-2010-05-08`): where the AWS API reference lives (`/goto/WebAPI/<uid>/<Operation>`). */
  uid?: string;
  doc?: string;
  /** Named types referenced by `ref`, sorted by name. */
  defs: Record<string, LogType>;
  /** Sorted by name. */
  operations: LoggedOperation[];
  /** Non-API services (signin, AwsServiceEvent…) are written by hand from AWS's documentation. */
  curated?: boolean;
}
