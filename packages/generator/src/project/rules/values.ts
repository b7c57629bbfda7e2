/** Value conventions: what CloudTrail writes in place of, or besides, the model's value. */
import type { LogType } from "../../log-model.js";
import { rule } from "../rule.js";

/** Markers CloudTrail writes instead of a sensitive value. */
export const REDACTION_MARKERS = ["HIDDEN_DUE_TO_SECURITY_REASONS"] as const;

export const sensitiveRedacted = rule({
  id: "sensitive-redacted",
  why: "a value of a shape the model marks sensitive is logged as HIDDEN_DUE_TO_SECURITY_REASONS",
  evidence: "iam CreateLoginProfile password, sts AssumeRoleWithSAML SAMLAssertion, secretsmanager secretString",
  shapeType: (type, shape): LogType => (shape.sensitive ? { ...type, redacted: [...REDACTION_MARKERS] } : type),
});
