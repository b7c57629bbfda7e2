/** Field-naming conventions shared by every protocol. */
import { rule } from "../rule.js";

/** `PolicyName` -> `policyName`: the first letter lower-cased, the rest untouched. */
export const lowerFirst = (s: string): string => (s ? s[0]!.toLowerCase() + s.slice(1) : s);

export const lowerCamelMembers = rule({
  id: "lower-camel-members",
  why: "CloudTrail writes a member under its botocore name with the first letter lower-cased",
  evidence: "every json, rest-json and query record, e.g. iam CreatePolicy requestParameters.policyName",
  fieldName: (name) => lowerFirst(name),
});
