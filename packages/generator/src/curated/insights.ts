/**
 * CloudTrail Insights events (eventType `AwsCloudTrailInsight`, eventCategory `Insight`): CloudTrail's own
 * records of unusual API call or error rates, delivered to trails that enable Insights.
 *
 * They have no top-level eventSource, eventName, userIdentity, requestParameters or responseElements: the
 * API they are about is named inside `insightDetails` (see the envelope's InsightDetails). So the service is
 * keyed by eventType and its operations by `insightDetails.insightType`; both payload slots are null.
 * Source: AWS CloudTrail User Guide, "CloudTrail record contents for Insights events for trails" and
 * "CloudTrail Insights insightDetails element".
 */
import type { LoggedOperation, LoggedService } from "../log-model.js";
import { ANY_EVENT_SOURCE, NO_API_VERSION, NO_PROTOCOL } from "./shared.js";

export const CLOUDTRAIL_INSIGHTS = "cloudtrail-insights";
export const INSIGHT_EVENT_TYPE = "AwsCloudTrailInsight";

function insight(name: string, doc: string): LoggedOperation {
  // eventNames is empty: an Insights record has no top-level eventName; insightDetails.insightType names it.
  return {
    name,
    eventNames: [],
    match: [
      { path: ["eventType"], value: INSIGHT_EVENT_TYPE },
      { path: ["insightDetails", "insightType"], value: name },
    ],
    doc,
    request: null,
    response: null,
    readOnly: false,
  };
}

export function cloudtrailInsights(): LoggedService {
  return {
    name: CLOUDTRAIL_INSIGHTS,
    eventSource: ANY_EVENT_SOURCE,
    apiVersion: NO_API_VERSION,
    protocol: NO_PROTOCOL,
    serviceFullName: "AWS CloudTrail Insights",
    serviceId: "CloudTrail Insights",
    doc:
      "Insights events: the start and the end of unusual API call or error rates on one API, compared with a " +
      "baseline of at least the preceding seven days. Each pair shares a sharedEventID.",
    defs: {},
    operations: [
      insight(
        "ApiCallRateInsight",
        "Unusual rate of calls to one API (write management API calls, or data API calls on trails logging data " +
          "events). insightDetails: state Start/End, eventSource, eventName, insightContext {statistics, attributions}.",
      ),
      insight(
        "ApiErrorRateInsight",
        "Unusual rate of one error on one API. insightDetails: state Start/End, eventSource, eventName, errorCode, " +
          "insightContext {statistics, attributions}.",
      ),
    ],
    curated: true,
  };
}
