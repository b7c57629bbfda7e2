/**
 * A rule is one CloudTrail convention: how a botocore member, shape or operation becomes what a record
 * holds. Each has an id a bug report can name, one line of why, and the kind of record that showed it.
 * The project stage folds every applicable rule, in list order, over each hook's value.
 */
import type { LogField, LogType } from "../log-model.js";
import type { Member, Operation, ServiceModel, Shape } from "../model.js";

export type Direction = "request" | "response";

export interface ProjectContext {
  service: ServiceModel;
  direction: Direction;
}

export interface Rule {
  /** Stable kebab-case id, e.g. `ec2-list-items`. */
  id: string;
  /** What CloudTrail does, in one line. */
  why: string;
  /** The kind of record that showed it (service, operation, source). */
  evidence: string;
  /** Services the rule applies to; all when absent. */
  appliesTo?: (service: ServiceModel) => boolean;
  /** The key CloudTrail writes for a structure member; receives the name so far. */
  fieldName?: (name: string, member: Member, owner: Shape, ctx: ProjectContext) => string;
  /** Rewrite a member's field once projected; return null to drop it (CloudTrail does not log it). */
  field?: (field: LogField, member: Member, owner: Shape, ctx: ProjectContext) => LogField | null;
  /** Rewrite the projected type of a non-structure shape, or of a structure's inline body. */
  shapeType?: (type: LogType, shape: Shape, ctx: ProjectContext) => LogType;
  /** Rewrite what `requestParameters` holds for an operation (null: not logged). */
  request?: (type: LogType | null, op: Operation, ctx: ProjectContext) => LogType | null;
  /** Rewrite what `responseElements` holds for an operation (null: not logged). */
  response?: (type: LogType | null, op: Operation, ctx: ProjectContext) => LogType | null;
  /** Every `eventName` the operation is logged under; receives the names so far. */
  eventNames?: (names: string[], op: Operation, service: ServiceModel) => string[];
  /** The record's `eventSource`; receives the value so far. */
  eventSource?: (source: string, service: ServiceModel) => string;
  /** Whether CloudTrail marks the operation `readOnly`; receives the value so far. */
  readOnly?: (readOnly: boolean, op: Operation, service: ServiceModel) => boolean;
}

/** Declare a rule; the identity function exists so rule files read as a list of declarations. */
export const rule = (r: Rule): Rule => r;

/** Rules that apply to a service, in order. */
export const rulesFor = (rules: readonly Rule[], service: ServiceModel): Rule[] =>
  rules.filter((r) => !r.appliesTo || r.appliesTo(service));
