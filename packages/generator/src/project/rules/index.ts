/**
 * Every CloudTrail convention the project stage applies, in order. Later rules see what earlier ones
 * produced: naming first (the generic rule, then the protocols' and services' own), then structure, then
 * values, then whole requests and responses. `cloudtrail-schema rules` lists them; docs/cloudtrail-conventions.md
 * gives the evidence behind each id.
 */
import type { Rule } from "../rule.js";
import {
  ec2EmptyElementObject,
  ec2LegacyRequestQuirks,
  ec2ListItems,
  ec2NumericStrings,
  ec2OpenResponses,
  ec2RequestForms,
  ec2RequestListSetNames,
  ec2RequestScalarItemObject,
  ec2ResponseExtraFields,
  ec2TagSpecificationTags,
  ec2ResponseForms,
  ec2Timestamps,
  ec2WireNames,
  ec2WrappedRequestStructureItems,
} from "./ec2.js";
import { apigatewayV1BodyInput, apigatewayV1HalLinks, dynamodbDataPlane, modelGapFields, rdsSourceRegion, stsFederationExtras } from "./extras.js";
import { lowerCamelMembers, restUriLabelNames, verbatimMemberAliases, verbatimMemberName } from "./naming.js";
import { queryEmptyListObject, queryUnwrapSingleResult } from "./query.js";
import { jsonErrorDocument, restBoundScalarStrings } from "./rest.js";
import { s3AdditionalEventDataRule, s3BucketPolicyObject, s3Host, s3LegacyListValues, s3LegacyOperationForms, s3SubresourceMarker, s3WireNames, s3XmlBody } from "./s3.js";
import {
  cloudfrontEventNameVersionSuffix,
  eventNameAliases,
  eventSourceAlso,
  eventSourceFromSigningName,
  eventSourceLowerCase,
  eventSourceOverrides,
  lambdaEventNameVersionSuffix,
  readOnlyByVerb,
  s3controlAccountEventNames,
  s3EventNameAliases,
} from "./sources.js";
import { blobByteBufferDump, blobRedacted, sensitiveRedacted, timestampRenderings } from "./values.js";

export const RULES: readonly Rule[] = [
  // Names.
  lowerCamelMembers,
  verbatimMemberName,
  restUriLabelNames,
  verbatimMemberAliases,
  ec2WireNames,
  ec2RequestListSetNames,
  s3WireNames,
  s3BucketPolicyObject,
  // Structure.
  ec2ListItems,
  ec2WrappedRequestStructureItems,
  ec2RequestScalarItemObject,
  ec2TagSpecificationTags,
  ec2EmptyElementObject,
  ec2ResponseExtraFields,
  ec2OpenResponses,
  s3XmlBody,
  s3LegacyListValues,
  queryEmptyListObject,
  dynamodbDataPlane,
  modelGapFields,
  // Values.
  timestampRenderings,
  ec2Timestamps,
  ec2NumericStrings,
  restBoundScalarStrings,
  blobByteBufferDump,
  sensitiveRedacted,
  blobRedacted,
  // Whole requests and responses.
  queryUnwrapSingleResult,
  stsFederationExtras,
  rdsSourceRegion,
  apigatewayV1BodyInput,
  apigatewayV1HalLinks,
  ec2LegacyRequestQuirks,
  ec2RequestForms,
  ec2ResponseForms,
  s3Host,
  s3SubresourceMarker,
  s3LegacyOperationForms,
  s3AdditionalEventDataRule,
  jsonErrorDocument,
  // eventSource, eventName, readOnly.
  eventSourceFromSigningName,
  eventSourceOverrides,
  eventSourceLowerCase,
  eventSourceAlso,
  lambdaEventNameVersionSuffix,
  cloudfrontEventNameVersionSuffix,
  s3EventNameAliases,
  s3controlAccountEventNames,
  eventNameAliases,
  readOnlyByVerb,
];
