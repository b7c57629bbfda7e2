/**
 * A rule is one CloudTrail convention: how a botocore member, shape or operation becomes what a record
 * holds. Each has an id a bug report can name, one line of why, and the kind of record that showed it.
 * The project stage folds every applicable rule, in list order, over each hook's value.
 */
import type { LogField, LogType } from "../log-model.js";
import type { Member, Operation, ServiceModel, Shape } from "../model.js";

export type Direction = "request" | "response";

export interface ProjectOptionsForHook {
  /** Another projection of the same shapes (default: the plain one). */
  variant?: string;
  /** Default: the direction of the calling context. */
  direction?: Direction;
  /** The operation the top-level structure belongs to (rules keyed by operation see it). */
  operation?: Operation;
}

export interface ProjectContext {
  service: ServiceModel;
  direction: Direction;
  /**
   * A named alternative projection of the same shapes, requested by a rule through `project` (EC2's
   * wrapped request form names members differently from its legacy form). Absent: the plain projection.
   * Structures get one definition per (direction, variant) when the rules project them differently.
   */
  variant?: string;
  /**
   * The operation, at the top level of its input or output only. Nested structures are shared between
   * operations, so their hooks never see one.
   */
  operation?: Operation;
  /** A shape of the service by name (references always resolve). */
  shape(name: string): Shape;
  /** The top-level projection of a structure shape (inline; nested structures as references), rules applied. */
  project(shape: string, options?: ProjectOptionsForHook): LogType;
  /** The type of a shape as it appears nested in a record (structures as references), rules applied. */
  typeOf(shape: string, options?: Omit<ProjectOptionsForHook, "operation">): LogType;
  /**
   * A named definition of this view, built once (`build` runs only the first time): a reference to it. For
   * types a rule builds that would otherwise be copied into every place that uses them (EC2's list wrappers).
   * `name` must not be a structure shape's name.
   */
  define(name: string, build: () => LogType): LogType;
  /**
   * Another operation of the service as CloudTrail logs it (every rule applied), for eventNames that stand for
   * several operations; undefined when the service has no such operation.
   */
  logged(operation: string): { request: LogType | null; response: LogType | null } | undefined;
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
  /**
   * Other keys the same member is seen under (EC2's `…Set` list names): each becomes an optional field of
   * the same type, marked `aliasOf` the main one. Receives the aliases so far.
   */
  aliases?: (names: string[], field: LogField, member: Member, owner: Shape, ctx: ProjectContext) => string[];
  /** Rewrite the projected type of a non-structure shape, or of a structure's inline body. */
  shapeType?: (type: LogType, shape: Shape, ctx: ProjectContext) => LogType;
  /** Rewrite what `requestParameters` holds for an operation (null: not logged). */
  request?: (type: LogType | null, op: Operation, ctx: ProjectContext) => LogType | null;
  /** Rewrite what `responseElements` holds for an operation (null: not logged). */
  response?: (type: LogType | null, op: Operation, ctx: ProjectContext) => LogType | null;
  /** What the record's `additionalEventData` holds for an operation, where known; receives the type so far. */
  additionalEventData?: (type: LogType | undefined, op: Operation, ctx: ProjectContext) => LogType | undefined;
  /** Every `eventName` the operation is logged under; receives the names so far. */
  eventNames?: (names: string[], op: Operation, service: ServiceModel) => string[];
  /** The record's `eventSource`; receives the value so far. */
  eventSource?: (source: string, service: ServiceModel) => string;
  /**
   * Other eventSources some of the service's records carry (S3 directory buckets under s3express.amazonaws.com);
   * receives the list so far.
   */
  otherEventSources?: (sources: string[], service: ServiceModel) => string[];
  /** Whether CloudTrail marks the operation `readOnly`; receives the value so far. */
  readOnly?: (readOnly: boolean, op: Operation, service: ServiceModel) => boolean;
}

/** Declare a rule; the identity function exists so rule files read as a list of declarations. */
export const rule = (r: Rule): Rule => r;

/** Rules that apply to a service, in order. */
export const rulesFor = (rules: readonly Rule[], service: ServiceModel): Rule[] =>
  rules.filter((r) => !r.appliesTo || r.appliesTo(service));
