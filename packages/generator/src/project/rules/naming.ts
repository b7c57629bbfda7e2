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

/**
 * Services that log every request and response member under its wire JSON name, which for these models is the
 * botocore member name (PascalCase), URI members included. Each with the records that showed it; lower-camel
 * records of the same services seen in blog posts were hand-written, not captured.
 */
export const WIRE_NAME_SERVICES: Readonly<Record<string, { evidence: string }>> = {
  ce: { evidence: "GetCostandUsage record, Cost Management user guide (2022): TimePeriod {Start, End}, Metrics, Granularity, GroupBy [{Type, Key}]" },
  connect: {
    evidence:
      "GetContactAttributes record, Connect admin guide (2019): InitialContactId, InstanceId (a URI member); captured GetMetricDataV2 " +
      "(ResourceArn, Filters [{FilterKey, FilterValues}], Metrics [{Name}]) and CreateContactFlowModule (InstanceId, Content, ClientToken, Tags, Name; " +
      "responseElements Problems) records (2024)",
  },
  "devops-guru": { evidence: "UpdateResourceCollection record, DevOps Guru user guide (2020): Action, ResourceCollection {CloudFormation {StackNames}}" },
  "resource-explorer-2": { evidence: "CreateIndex record, Resource Explorer user guide (2022): ClientToken; responseElements Arn, State, CreatedAt; Search {QueryString} (incident write-up)" },
  "resource-groups": {
    evidence: "CreateGroup record (2022): Description, Name, ResourceQuery {Type, Query}; responseElements Group {GroupArn}; captured DeleteGroup (2024): GroupName, Group {GroupArn, Name, OwnerId}",
  },
  securityhub: { evidence: "securityhub CreateInsight, DeleteInsight, UpdateFindings records (AWS docs): Filters, Name, InsightArn" },
};

export const verbatimMemberName = rule({
  id: "verbatim-member-name",
  why: "a few services log members under their wire JSON names, which are the botocore names (PascalCase), nested and URI members too",
  evidence: Object.entries(WIRE_NAME_SERVICES)
    .map(([s, e]) => `${s}: ${e.evidence}`)
    .join("; "),
  appliesTo: (s) => s.name in WIRE_NAME_SERVICES,
  fieldName: (_name, member) => member.name,
});

/**
 * REST JSON services that log a URI-bound member under its URI label (the model's `locationName`) where the label
 * is another word than the member (eks `ClusterName` bound to `/clusters/{name}` is logged as `name`). Others keep
 * the member name (apigateway `restApiId`, not its label `restapi_id`; lambda `functionName`), so this is per service.
 */
export const URI_LABEL_NAME_SERVICES: Readonly<Record<string, { evidence: string }>> = {
  eks: {
    evidence:
      "CreateAccessEntry and AssociateAccessPolicy records (DataDog stratus-red-team, eks.lateral-movement.create-access-entry " +
      "detection notes, 2024): requestParameters.name holds the cluster (model ClusterName, URI label {name}) beside principalArn, " +
      "URL-encoded as the URI carried it",
  },
};

/** A URI member's label when it is another word than the member name (case aside), else undefined. */
export const uriLabelOf = (member: { name: string; location?: string; locationName?: string }): string | undefined =>
  member.location === "uri" && member.locationName && member.locationName.toLowerCase() !== member.name.toLowerCase()
    ? member.locationName
    : undefined;

export const restUriLabelNames = rule({
  id: "rest-uri-label-names",
  why: "some REST JSON services log a URI-bound member under its URI label, not its member name (eks ClusterName bound to {name}: name)",
  evidence: Object.entries(URI_LABEL_NAME_SERVICES)
    .map(([s, e]) => `${s}: ${e.evidence}`)
    .join("; "),
  appliesTo: (s) => s.metadata.protocol === "rest-json" && s.name in URI_LABEL_NAME_SERVICES,
  fieldName: (name, member) => uriLabelOf(member) ?? name,
});

/**
 * Single members some operations log under their botocore name while the rest of the service is lower-camel:
 * service -> operation -> members. The lower-camel key stays (other records of the operation use it).
 */
export const VERBATIM_MEMBER_ALIASES: Readonly<Record<string, Readonly<Record<string, { members: readonly string[]; evidence: string }>>>> = {
  mediaconvert: {
    TagResource: { members: ["Tags"], evidence: "TagResource record, MediaConvert user guide (2018): arn, Tags {CostCenter} (CreateQueue of the same page logs tags)" },
  },
};

export const verbatimMemberAliases = rule({
  id: "verbatim-member-aliases",
  why: "some operations log one member under its botocore name (mediaconvert TagResource: Tags beside arn)",
  evidence: Object.entries(VERBATIM_MEMBER_ALIASES)
    .flatMap(([s, ops]) => Object.entries(ops).map(([o, e]) => `${s} ${o}: ${e.evidence}`))
    .join("; "),
  appliesTo: (s) => s.name in VERBATIM_MEMBER_ALIASES,
  aliases: (names, field, member, _owner, ctx) => {
    const entry = ctx.operation ? VERBATIM_MEMBER_ALIASES[ctx.service.name]?.[ctx.operation.name] : undefined;
    return entry?.members.includes(member.name) && field.name !== member.name ? [...names, member.name] : names;
  },
});
