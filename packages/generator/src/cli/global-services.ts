/**
 * Global services: their CloudTrail records reach EventBridge in us-east-1 only, so a rule for them works
 * only on us-east-1's default event bus (or on a bus that us-east-1 forwards to). `pattern` says so in
 * a note. Data with evidence, as the rules are: each entry says why and where that was seen.
 *
 * Not listed (no evidence that they deliver to us-east-1): services with a single endpoint elsewhere, e.g.
 * Global Accelerator (us-west-2).
 */

export interface GlobalService {
  /** The service as the CLI names it (botocore's name, or a curated non-API service). */
  service: string;
  /** When only some calls are global (STS: the global endpoint). */
  only?: string;
  why: string;
  evidence: string;
}

const CONCEPTS = "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-concepts.html#cloudtrail-concepts-global-service-events";
const IAM_SINGLE_REGION = "https://repost.aws/knowledge-center/eventbridge-rule-triggers-iam-single-region";
const ACROSS_REGIONS = "https://repost.aws/knowledge-center/use-eventbridge-rule-across-regions";
const NOV_2021 = "AWS's notice of 22 November 2021 on global service events (github.com/SummitRoute/aws_breaking_changes issue 51)";

export const GLOBAL_SERVICES: readonly GlobalService[] = [
  {
    service: "account",
    why: "AWS Account Management is global: its events are delivered to us-east-1 only",
    evidence: ACROSS_REGIONS,
  },
  {
    service: "cloudfront",
    why: "CloudFront is a global service: CloudTrail records its events in us-east-1",
    evidence: `${CONCEPTS}; ${NOV_2021}`,
  },
  {
    service: "iam",
    why: "IAM is a global service: CloudTrail records its events in us-east-1, the only Region whose default bus receives them",
    evidence: `${CONCEPTS}; ${IAM_SINGLE_REGION}; ${ACROSS_REGIONS}`,
  },
  {
    service: "organizations",
    why: "AWS Organizations is global: its events are delivered to us-east-1 only",
    evidence: ACROSS_REGIONS,
  },
  {
    service: "route53",
    why: "Route 53 is a global service: its events reach the us-east-1 default bus only",
    evidence: IAM_SINGLE_REGION,
  },
  {
    service: "signin-console",
    why: "console sign-in is a global service event, recorded in us-east-1 (a Region-specific sign-in URL logs in that Region)",
    evidence: NOV_2021,
  },
  {
    service: "sts",
    only: "calls to the global endpoint sts.amazonaws.com",
    why: "STS's global endpoint is a global service: CloudTrail records its calls in us-east-1; calls to a Regional endpoint stay in that Region",
    evidence: `${CONCEPTS}; ${NOV_2021}`,
  },
];

const BY_SERVICE = new Map(GLOBAL_SERVICES.map((g) => [g.service, g]));

export const globalService = (service: string): GlobalService | undefined => BY_SERVICE.get(service);
