/**
 * Field-naming conventions shared by every protocol. EC2 and S3 log wire names instead; their rules
 * (ec2.ts, s3.ts) run after these and replace the name.
 */
import { rule } from "../rule.js";

/** `PolicyName` -> `policyName`: the first letter lower-cased, the rest untouched. */
export const lowerFirst = (s: string): string => (s ? s[0]!.toLowerCase() + s.slice(1) : s);
/** `dryRun` -> `DryRun`. */
export const upperFirst = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

export const lowerCamelMembers = rule({
  id: "lower-camel-members",
  why:
    "CloudTrail writes a member under its botocore name with only the first character lower-cased " +
    "(DBInstanceIdentifier -> dBInstanceIdentifier, not dbInstanceIdentifier), whatever the protocol and HTTP location",
  evidence:
    "json, rest-json, query, cbor and rest-xml (route53, cloudfront) records: 225 of 228 keys whose member starts " +
    "with two capitals (rds dBInstanceIdentifier, kms aWSAccountId, route53 tTL, cloudfront eTag header)",
  fieldName: (name) => lowerFirst(name),
});

/** Services that log member names verbatim (PascalCase). */
export const VERBATIM_MEMBER_SERVICES: ReadonlySet<string> = new Set(["securityhub"]);

export const verbatimMemberName = rule({
  id: "verbatim-member-name",
  why: "a few services log the botocore member name unchanged (PascalCase)",
  evidence: "securityhub CreateInsight, DeleteInsight, UpdateFindings records (AWS docs): Filters, Name, InsightArn",
  appliesTo: (s) => VERBATIM_MEMBER_SERVICES.has(s.name),
  fieldName: (_name, member) => member.name,
});
