/**
 * Console actions (eventType `AwsConsoleAction`): something a user did in the AWS Management Console that
 * is not a call to a public API (billing console pages, account settings). Keyed by eventType; they come
 * from console-only eventSources (billingconsole.amazonaws.com...) that no botocore model describes.
 *
 * AWS documents the event type, not a list of events, and the records seen differ by console: payloads are
 * service-defined (billingconsole logs `requestParameters: {"map": {...}}`), so one fallback operation
 * accepts any payload. Documented console actions can be added beside it as `<source>:<eventName>`
 * operations, as in service-events.ts.
 */
import type { LoggedService } from "../log-model.js";
import { ANY_EVENT_SOURCE, NO_API_VERSION, NO_PROTOCOL } from "./shared.js";

export const AWS_CONSOLE_ACTIONS = "aws-console-actions";
export const CONSOLE_ACTION_TYPE = "AwsConsoleAction";
/** The operation every console action resolves to. */
export const CONSOLE_ACTION_FALLBACK = "AwsConsoleAction";

export function awsConsoleActions(): LoggedService {
  return {
    name: AWS_CONSOLE_ACTIONS,
    eventSource: ANY_EVENT_SOURCE,
    apiVersion: NO_API_VERSION,
    protocol: NO_PROTOCOL,
    serviceFullName: "AWS Management Console actions",
    serviceId: "AWS Console Actions",
    doc: "Actions taken in the AWS Management Console that are not API calls (eventType AwsConsoleAction), from any eventSource.",
    defs: {},
    operations: [
      {
        name: CONSOLE_ACTION_FALLBACK,
        eventNames: [],
        match: [{ path: ["eventType"], value: CONSOLE_ACTION_TYPE }],
        doc:
          "Any console action: matched by eventType AwsConsoleAction whatever its eventSource and eventName. " +
          "requestParameters and responseElements are whatever the console logs, or absent.",
        request: { kind: "any" },
        response: { kind: "any" },
        readOnly: false,
      },
    ],
    curated: true,
  };
}
