/** Query-protocol conventions (iam, sts, rds, elasticache, sns, elb…): what differs from the botocore output shape. */
import type { LogType } from "../../log-model.js";
import { rule } from "../rule.js";
import { object, oneOf } from "./build.js";

/**
 * Query services that log the members of the output's single result structure at the top of
 * responseElements. The other query services (iam, cloudsearch) keep the botocore output shape.
 */
export const UNWRAPPED_RESULT_SERVICES: ReadonlySet<string> = new Set(["rds", "docdb", "neptune", "elasticache"]);

export const queryUnwrapSingleResult = rule({
  id: "query-unwrap-single-result",
  why:
    "RDS, DocumentDB, Neptune and ElastiCache log the members of the result's only structure at the top of " +
    "responseElements (CreateDBInstance -> {dBInstanceIdentifier, …}, not {dBInstance: {…}})",
  evidence: "39 rds and 2 elasticache responses unwrapped, none wrapped; iam (12 responses) and cloudsearch keep the wrapper",
  appliesTo: (s) => UNWRAPPED_RESULT_SERVICES.has(s.name),
  response: (type, op, ctx) => {
    if (!type || type.kind !== "object" || type.fields.length !== 1 || !op.output) return type;
    const only = ctx.shape(op.output.shape).members?.[0];
    if (!only || ctx.shape(only.shape).type !== "structure") return type;
    const inner: LogType = type.fields[0]!.type;
    return type.doc || only.doc ? { ...inner, doc: only.doc ?? type.doc } : inner;
  },
});

/** Services seen to log an empty list as an empty object. */
export const EMPTY_LIST_OBJECT_SERVICES: ReadonlySet<string> = new Set(["elasticache"]);

export const queryEmptyListObject = rule({
  id: "query-empty-list-object",
  why: "ElastiCache logs an empty list as {}",
  evidence: "elasticache ModifyCacheParameterGroup/RebootCacheCluster responses (AWS docs): cacheNodeIdsToReboot: {}",
  appliesTo: (s) => EMPTY_LIST_OBJECT_SERVICES.has(s.name),
  shapeType: (type, shape) => (shape.type === "list" && type.kind === "array" ? oneOf(type, object([], { doc: "An empty list." })) : type),
});
