/**
 * The Systems Manager agent's channel calls: what CloudTrail logs under `ssmmessages.amazonaws.com` (Session
 * Manager's control and data channels) and `ec2messages.amazonaws.com` (Run Command's message delivery).
 * The SSM Agent makes them from managed nodes; no public API model describes them.
 *
 * Source: AWS Systems Manager User Guide, "Reference: ec2messages, ssmmessages, and other API operations",
 * which lists the operations (ec2messages AcknowledgeMessage, DeleteMessage, FailMessage, GetEndpoint,
 * GetMessages, SendReply; ssmmessages CreateControlChannel, CreateDataChannel, OpenControlChannel,
 * OpenDataChannel) but not their parameters; the Service Authorization Reference lists the same actions.
 * Records (a detection test's ssmmessages CreateControlChannel and ec2messages SendHeartbeat) carry no
 * payloads; the payloads stay open (any) until records show them.
 *
 * Keyed by eventSource per operation (two eventSources), named `<source>:<eventName>` like the service
 * events. `ec2messages:SendHeartbeat` is not in AWS's list but is logged (the record above).
 */
import type { LoggedOperation, LoggedService } from "../log-model.js";
import { ANY_EVENT_SOURCE, byName, NO_API_VERSION, NO_PROTOCOL, sourcedOperationName } from "./shared.js";

export const SSM_AGENT_CHANNELS = "ssm-agent-channels";
export const SSMMESSAGES = "ssmmessages.amazonaws.com";
export const EC2MESSAGES = "ec2messages.amazonaws.com";

/** eventSource -> eventName -> what the call does. */
export const AGENT_CHANNEL_CALLS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  [EC2MESSAGES]: {
    AcknowledgeMessage: "The agent acknowledged a Run Command message it received.",
    DeleteMessage: "The agent deleted a Run Command message it had processed.",
    FailMessage: "The agent reported that it could not process a Run Command message.",
    GetEndpoint: "The agent asked for the endpoint to poll for messages.",
    GetMessages: "The agent long-polled for Run Command messages addressed to its node.",
    SendHeartbeat: "The agent reported that it is alive (not in AWS's list; seen in records).",
    SendReply: "The agent sent the result of a Run Command message.",
  },
  [SSMMESSAGES]: {
    CreateControlChannel: "The agent registered a control channel for Session Manager messages from the service.",
    CreateDataChannel: "The agent registered a data channel for a Session Manager session.",
    OpenControlChannel: "The agent opened the WebSocket of its control channel.",
    OpenDataChannel: "The agent opened the WebSocket of a session's data channel.",
  },
};

export function ssmAgentChannels(): LoggedService {
  const operations: LoggedOperation[] = Object.entries(AGENT_CHANNEL_CALLS).flatMap(([eventSource, calls]) =>
    Object.entries(calls).map(([eventName, doc]) => ({
      name: sourcedOperationName(eventSource, eventName),
      eventNames: [eventName],
      eventSource,
      doc: `${doc} Payloads are not documented; requestParameters and responseElements are open.`,
      request: { kind: "any" },
      response: { kind: "any" },
      readOnly: eventName.startsWith("Get"),
      eventType: "AwsApiCall",
    })),
  );
  return {
    name: SSM_AGENT_CHANNELS,
    eventSource: ANY_EVENT_SOURCE,
    apiVersion: NO_API_VERSION,
    protocol: NO_PROTOCOL,
    serviceFullName: "AWS Systems Manager agent channels (ssmmessages, ec2messages)",
    serviceId: "SSM Agent Channels",
    doc: "Calls the SSM Agent makes to ssmmessages.amazonaws.com (Session Manager channels) and ec2messages.amazonaws.com (Run Command messages).",
    defs: {},
    operations: operations.sort(byName),
    curated: true,
  };
}
