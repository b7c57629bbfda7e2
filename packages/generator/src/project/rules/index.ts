/**
 * Every CloudTrail convention the project stage applies, in order. Later rules see what earlier ones
 * produced. `cloudtrail-schema rules` lists them.
 */
import type { Rule } from "../rule.js";
import { lowerCamelMembers } from "./naming.js";
import { eventSourceFromEndpoint, readOnlyByVerb } from "./sources.js";
import { sensitiveRedacted } from "./values.js";

export const RULES: readonly Rule[] = [lowerCamelMembers, sensitiveRedacted, eventSourceFromEndpoint, readOnlyByVerb];
