/**
 * Conventions of the JSON REST and JSON RPC protocols as CloudTrail logs them: values bound to the URI or
 * the query string, and the error document some services log as responseElements when the call failed.
 */
import type { LogField, LogType } from "../../log-model.js";
import type { ServiceModel } from "../../model.js";
import { rule } from "../rule.js";
import { added, oneOf, str, withFields } from "./build.js";

/** Member locations whose value travels as text in the HTTP request (botocore `location`). */
export const TEXT_BOUND_LOCATIONS: ReadonlySet<string> = new Set(["querystring", "uri", "header"]);

/**
 * Services seen to log query-string or URI integers as strings (`"maxResults": "50"`): strict accepts the
 * string form of integers for these only (no record shows a boolean or a float as text: compatible only). Others (ebs: `maxResults: 100` in 16 AWS documentation values) log numbers,
 * and strict keeps the model's number there.
 */
export const REST_SCALAR_STRING_SERVICES: ReadonlySet<string> = new Set(["accessanalyzer", "guardduty", "macie2", "s3control", "securityhub"]);

const SCALAR_PATTERN: Record<string, string> = {
  integer: "^-?[0-9]+$",
  number: "^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$",
  boolean: "^(true|false)$",
};

export const restBoundScalarStrings = rule({
  id: "rest-bound-scalar-strings",
  why:
    "REST services take URI and query-string values as text, and some log them as such: integers bound to the query string " +
    "appear as strings (\"maxResults\": \"50\") as well as numbers",
  evidence:
    "macie2 ListMembers maxResults \"1\" (panther-analysis); guardduty, s3control, accessanalyzer, securityhub and macie2 " +
    "string integers in the issue 10 held-out set; ebs ListSnapshotBlocks/ListChangedBlocks maxResults 100 as numbers (AWS docs)",
  appliesTo: (s) => s.metadata.protocol === "rest-json" || s.metadata.protocol === "rest-xml",
  field: (field, member, _owner, ctx) => {
    if (ctx.direction !== "request" || member.location === undefined || !TEXT_BOUND_LOCATIONS.has(member.location)) return field;
    const t = field.type;
    const pattern = SCALAR_PATTERN[t.kind];
    if (pattern === undefined) return field;
    const asText: LogType = {
      ...str({ pattern, doc: `The ${t.kind} as the request's ${member.location} carried it, as text.` }),
      // Strict: only what was seen, integers of the services listed; booleans and floats as text are compatible only.
      ...(t.kind === "integer" && REST_SCALAR_STRING_SERVICES.has(ctx.service.name) ? {} : { compatibleOnly: true }),
    };
    return { ...field, type: oneOf(t, asText) };
  },
});

/** Protocols whose errors are JSON documents (`{"__type": "...", "message": "..."}`). */
const JSON_ERROR_PROTOCOLS: ReadonlySet<string> = new Set(["json", "rest-json"]);
const hasJsonErrors = (s: ServiceModel): boolean => JSON_ERROR_PROTOCOLS.has(s.metadata.protocol);

/** The rule that adds the error document's fields (the types print them once, as the root's `JsonErrorDocument`). */
export const JSON_ERROR_DOCUMENT_RULE = "json-error-document";

/**
 * The fields of the error document a failed call's responseElements may hold, added beside the output's own
 * (an output member of the same name wins). Compatible only: strict follows the model, which has no error
 * document, and wants them absent.
 */
export function errorDocumentFields(): LogField[] {
  const by = JSON_ERROR_DOCUMENT_RULE;
  const text = (): LogType => ({ ...str(), compatibleOnly: true });
  return [
    // Short: these four are declared in every response of 15,000 operations (4 MB of the declarations at twice the length).
    added("__type", text(), by, "Failed calls: the error's type."),
    added("error", text(), by, "Failed calls: the error."),
    added("message", text(), by, "Failed calls: the error message."),
    added("Message", text(), by, "Failed calls: the error message."),
  ];
}

export const jsonErrorDocument = rule({
  id: JSON_ERROR_DOCUMENT_RULE,
  why:
    "when a call fails (errorCode set), some JSON services log the error document in responseElements ({\"message\": …}, " +
    "{\"__type\": …}, {\"error\": …}) instead of the operation's output; compatible mode declares it, strict follows the model",
  evidence:
    "greengrass AssociateServiceRoleToAccount errorCode BadRequestException, responseElements {\"Message\": …} (AWS docs); kafka " +
    "UpdateBrokerStorage responseElements.message on failures (EventBridge handler reading detail.responseElements.message); " +
    "guardduty, eks, appsync error bodies in the issue 10 held-out set",
  appliesTo: hasJsonErrors,
  response: (type) => (type?.kind === "object" ? withFields(type, errorDocumentFields()) : type),
});
