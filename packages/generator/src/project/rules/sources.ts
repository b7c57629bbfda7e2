/** eventSource and eventName conventions. */
import { rule } from "../rule.js";

export const eventSourceFromEndpoint = rule({
  id: "event-source-endpoint-prefix",
  why: "eventSource is normally <endpointPrefix>.amazonaws.com",
  evidence: "iam, ec2, s3, kms, lambda, sts records",
  eventSource: (_source, service) => `${service.metadata.endpointPrefix}.amazonaws.com`,
});

export const readOnlyByVerb = rule({
  id: "read-only-by-verb",
  why: "CloudTrail marks Get*, List*, Describe*, Head*, Lookup*, Search*, BatchGet* calls readOnly",
  evidence: "readOnly: true on DescribeInstances, GetObject, ListBuckets, LookupEvents records",
  readOnly: (_ro, op) => /^(Get|List|Describe|Head|Lookup|Search|BatchGet|Query|Scan|Select|View|Check|Preview|Validate|Estimate|Simulate|Test)[A-Z0-9]?/.test(op.name),
});
