/**
 * `recordsOf(input)`: the CloudTrail records inside whatever delivered them.
 *
 * | input                                                        | records                          |
 * |--------------------------------------------------------------|----------------------------------|
 * | a CloudTrail log file object `{"Records": [...]}`             | the Records                      |
 * | an array                                                     | its elements                     |
 * | an EventBridge event, detail-type `... via CloudTrail`        | its `detail`                     |
 * | an EventBridge event of another kind                         | none                             |
 * | a CloudWatch Logs subscription payload `{"awslogs": {"data"}}` | each log event's message, parsed |
 * | anything else                                                | the input itself (a raw record)  |
 *
 * Nothing is validated here: a record of the wrong shape comes out as it is and validateEvent says what is
 * wrong with it. Only an envelope that cannot be decoded (CloudWatch data that is not base64 gzip JSON) throws
 * CloudTrailSchemaError E_ENVELOPE. Log files on disk (`.json`, `.json.gz`, streamed): `readLogFile` in
 * `@cloudtrail-schema/runtime/node`.
 */
import { gunzipSync } from "node:zlib";
import { CloudTrailSchemaError } from "./errors.js";

/** A CloudWatch Logs payload decompresses to at most this (the service sends at most 1 MB compressed). */
const MAX_AWSLOGS_BYTES = 64 * 1024 * 1024;

const isObject = (v: unknown): v is { readonly [k: string]: unknown } => typeof v === "object" && v !== null && !Array.isArray(v);

export function recordsOf(input: unknown): unknown[] {
  if (Array.isArray(input)) return [...input];
  if (!isObject(input)) return [input];
  const records = input["Records"];
  if (Array.isArray(records)) return [...records];
  const awslogs = input["awslogs"];
  if (isObject(awslogs) && typeof awslogs["data"] === "string") return cloudWatchLogs(awslogs["data"]);
  const detailType = input["detail-type"];
  if (typeof detailType === "string" && "detail" in input) {
    // EventBridge: "AWS API Call via CloudTrail", "AWS Console Sign In via CloudTrail", "AWS Service Event via
    // CloudTrail"... carry a CloudTrail record as `detail`; other detail-types are not CloudTrail events.
    return detailType.endsWith("via CloudTrail") ? [input["detail"]] : [];
  }
  return [input];
}

/** https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html: base64 of gzip of JSON. */
function cloudWatchLogs(data: string): unknown[] {
  let payload: unknown;
  try {
    const json = gunzipSync(Buffer.from(data, "base64"), { maxOutputLength: MAX_AWSLOGS_BYTES }).toString("utf8");
    payload = JSON.parse(json);
  } catch (e) {
    throw new CloudTrailSchemaError("E_ENVELOPE", `awslogs.data is not base64-encoded gzip JSON: ${(e as Error).message}`);
  }
  if (!isObject(payload)) throw new CloudTrailSchemaError("E_ENVELOPE", "awslogs.data does not hold a JSON object");
  // CONTROL_MESSAGE payloads only check that the destination is reachable.
  if (payload["messageType"] === "CONTROL_MESSAGE") return [];
  const events = payload["logEvents"];
  if (!Array.isArray(events)) throw new CloudTrailSchemaError("E_ENVELOPE", "awslogs.data has no logEvents array");
  return events.map((event, i) => {
    const message = isObject(event) ? event["message"] : undefined;
    if (typeof message !== "string") throw new CloudTrailSchemaError("E_ENVELOPE", `awslogs logEvents[${i}] has no message string`);
    try {
      return JSON.parse(message) as unknown;
    } catch (e) {
      throw new CloudTrailSchemaError("E_ENVELOPE", `awslogs logEvents[${i}].message is not JSON: ${(e as Error).message}`);
    }
  });
}
