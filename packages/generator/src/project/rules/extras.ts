/**
 * What some services log that their model lacks or shapes differently: fields added by CloudTrail, and
 * service-specific restructurings. Each table entry names the kind of record that showed it.
 */
import type { LogType } from "../../log-model.js";
import { rule } from "../rule.js";
import { added, any, arrayOf, bool, mapOf, object, oneOf, str, withFields } from "./build.js";
import { lowerFirst } from "./naming.js";

/** Request fields of STS federation calls that the model lacks (derived from the SAML assertion or token). */
export const STS_REQUEST_EXTRAS: Readonly<Record<string, readonly [string, () => LogType, string][]>> = {
  AssumeRole: [["incomingTransitiveTags", () => mapOf(str()), "Session tags passed on from the calling role session."]],
  AssumeRoleWithSAML: [
    ["roleSessionName", str, "The session name, from the assertion's RoleSessionName attribute."],
    ["sAMLAssertionID", str, "The ID of the SAML assertion."],
    ["principalTags", () => mapOf(str()), "Session tags from the assertion's PrincipalTag attributes."],
    ["transitiveTagKeys", () => arrayOf(str()), "Session tag keys marked transitive in the assertion."],
    ["sourceIdentity", str, "The assertion's SourceIdentity attribute."],
  ],
  AssumeRoleWithWebIdentity: [
    ["principalTags", () => mapOf(str()), "Session tags from the token's claims."],
    ["transitiveTagKeys", () => arrayOf(str()), "Session tag keys marked transitive in the token."],
    ["sourceIdentity", str, "The token's source identity claim."],
  ],
};

export const stsFederationExtras = rule({
  id: "sts-federation-extras",
  why: "STS logs what it read from the SAML assertion or web identity token as request fields the model lacks (roleSessionName, principalTags…)",
  evidence: "sts AssumeRoleWithSAML, AssumeRoleWithWebIdentity and AssumeRole records (AWS docs, 3 records, 14 values)",
  appliesTo: (s) => s.name === "sts",
  request: (type, op) => {
    const extra = STS_REQUEST_EXTRAS[op.name];
    return extra && type ? withFields(type, extra.map(([n, t, doc]) => added(n, t(), "sts-federation-extras", doc))) : type;
  },
});

/** An attribute value as DynamoDB data events log it: the plain value, without its type descriptor. */
const plainValue = (): LogType => oneOf(str(), { kind: "number" }, bool(), arrayOf(any()), mapOf(any()));

/** One element of DynamoDB's `requestItems` in transaction and PartiQL batch records. */
const DYNAMODB_REQUEST_ITEM: () => LogType = () =>
  object(
    [
      added("operation", str(), "dynamodb-data-plane", "Put, Update, Delete or ConditionCheck."),
      added("tableName", str(), "dynamodb-data-plane"),
      added("key", mapOf(plainValue()), "dynamodb-data-plane", "The item's key attributes, values without type descriptors."),
      added("items", arrayOf(str()), "dynamodb-data-plane", "Names of the item's attributes (values are not logged)."),
      added("conditionExpression", str(), "dynamodb-data-plane"),
      added("updateExpression", str(), "dynamodb-data-plane"),
      added("expressionAttributeNames", mapOf(str()), "dynamodb-data-plane"),
      added("returnValuesOnConditionCheckFailure", str(), "dynamodb-data-plane"),
      added("statement", str(), "dynamodb-data-plane", "A PartiQL statement, literals replaced by ***(Redacted)."),
    ],
    { open: true },
  );

/** Operations whose items CloudTrail logs as `requestItems: [...]` instead of their model member. */
export const DYNAMODB_REQUEST_ITEMS_OPERATIONS: ReadonlySet<string> = new Set([
  "TransactWriteItems",
  "TransactGetItems",
  "ExecuteTransaction",
  "BatchExecuteStatement",
]);

export const dynamodbDataPlane = rule({
  id: "dynamodb-data-plane",
  why:
    "DynamoDB data events leave item contents out: attribute values without type descriptors ({\"Artist\": \"…\"} not {S: …}), " +
    "an item as its attribute names, transaction and PartiQL batch items as requestItems: [{operation, tableName, key…}]",
  evidence: "dynamodb PutItem, UpdateItem, TransactWriteItems (2), BatchExecuteStatement records (AWS docs, 71 values)",
  appliesTo: (s) => s.name === "dynamodb",
  shapeType: (type, shape) => {
    if (shape.name === "AttributeValue") return oneOf(type, plainValue());
    // An item map logged as the list of its attribute names (PutItem item).
    if (shape.type === "map" && type.kind === "map" && shape.value?.shape === "AttributeValue") return oneOf(type, arrayOf(str()));
    return type;
  },
  request: (type, op) => {
    if (!type || type.kind !== "object") return type;
    const fields = [];
    if (op.name === "PutItem") fields.push(added("key", mapOf(plainValue()), "dynamodb-data-plane", "The item's key attributes, values without type descriptors."));
    if (DYNAMODB_REQUEST_ITEMS_OPERATIONS.has(op.name)) fields.push(added("requestItems", arrayOf(DYNAMODB_REQUEST_ITEM()), "dynamodb-data-plane"));
    return withFields(type, fields);
  },
});

/**
 * Keys a HAL link object may hold besides the identifiers of its URI: other resources' identifiers (a method's
 * links name its resource and HTTP method) and the link's query options.
 */
const HAL_LINK_FIELDS: readonly [string, () => LogType][] = [
  ["resourceId", str],
  ["parentId", str],
  ["httpMethod", str],
  ["authorizerId", str],
  ["deploymentId", str],
  ["name", str],
  ["title", str],
  ["flatten", bool],
  ["failOnWarnings", bool],
];

/** API Gateway (v1) HAL link object: the identifiers of the linked resource's URI and `template: false`. */
const halLink = (identifiers: string[]): LogType =>
  object(
    [
      ...identifiers.map((n) => added(n, str(), "apigateway-v1-hal-links")),
      ...HAL_LINK_FIELDS.filter(([n]) => !identifiers.includes(n)).map(([n, t]) => added(n, t(), "apigateway-v1-hal-links")),
      added("template", bool(), "apigateway-v1-hal-links", "Whether the link is a URI template."),
      added("templateSkipList", arrayOf(str()), "apigateway-v1-hal-links", "Query parameters the link leaves out (position)."),
    ],
    { open: true, doc: "A HAL link to a related resource: the identifiers of its URI." },
  );

/**
 * HAL links beyond self, <resource>Update and <resource>Delete, by output shape. A key is the linked resource's
 * name in lower case and the relation (`restapi:deployments` -> restapiDeployments, `stage:create` -> stageCreate).
 * Only links seen in records, or in an emulator calibrated on captured records, are listed.
 */
export const APIGATEWAY_V1_LINKS: Readonly<Record<string, { links: readonly string[]; evidence: string }>> = {
  Deployment: { links: ["deploymentStages"], evidence: "CreateDeployment responses (LookupEvents export, 2024)" },
  Stage: { links: ["stageFlushAuthorizerCache"], evidence: "CreateStage responses (cloud-custodian; LookupEvents export, 2024)" },
  RestApi: {
    links: [
      "restapiAuthorizers",
      "restapiDeployments",
      "restapiDocumentationParts",
      "restapiDocumentationVersions",
      "restapiGatewayResponses",
      "restapiModels",
      "restapiRequestValidators",
      "restapiResources",
      "restapiStages",
      "authorizerById",
      "authorizerCreate",
      "deploymentById",
      "deploymentCreate",
      "documentationpartById",
      "documentationpartCreate",
      "documentationpartImport",
      "documentationversionByVersion",
      "documentationversionCreate",
      "gatewayresponseByType",
      "gatewayresponsePut",
      "modelByName",
      "modelCreate",
      "requestvalidatorById",
      "requestvalidatorCreate",
      "resourceById",
      "resourceCreate",
      "stageByName",
      "stageCreate",
    ],
    evidence:
      "CreateRestApi responses: restapiUpdate.restApiId read by EventBridge handlers (two public projects); the full link set of an " +
      "API Gateway emulator calibrated on captured management events (its CreateDeployment links match the 2024 export exactly)",
  },
  Resource: { links: ["methodByHttpMethod", "methodPut", "resourceCreateChild"], evidence: "CreateResource responses (emulator calibrated on captured events)" },
  Method: { links: ["integrationPut", "methodresponsePut"], evidence: "PutMethod responses (emulator calibrated on captured events)" },
  Integration: { links: ["integrationresponsePut"], evidence: "PutIntegration responses (emulator calibrated on captured events)" },
};

export const apigatewayV1BodyInput = rule({
  id: "apigateway-v1-body-input",
  why: "API Gateway (v1) logs the body members of a request under <operation>Input (createStageInput) beside the URI members, and adds template: false",
  evidence: "apigateway CreateStage and TagResource records (cloud-custodian, 2022)",
  appliesTo: (s) => s.name === "apigateway",
  request: (type, op, ctx) => {
    if (!type || type.kind !== "object" || !op.input) return type;
    const body = new Set((ctx.shape(op.input.shape).members ?? []).filter((m) => !m.location).map((m) => m.name));
    const bodyFields = type.fields.filter((f) => f.member !== undefined && body.has(f.member));
    const fields = [added("template", bool(), "apigateway-v1-body-input", "Always false.")];
    if (bodyFields.length) fields.push(added(`${lowerFirst(op.name)}Input`, object(bodyFields), "apigateway-v1-body-input", "The request body."));
    // The body members may be logged at the top or nested, so they are required at neither place.
    const optional = (f: (typeof type.fields)[number]) => (f.member !== undefined && body.has(f.member) ? { ...f, required: false } : f);
    return withFields({ ...type, fields: type.fields.map(optional) }, fields.map((f) => (f.type.kind === "object" ? { ...f, type: { ...f.type, fields: f.type.fields.map(optional) } } : f)));
  },
});

export const apigatewayV1HalLinks = rule({
  id: "apigateway-v1-hal-links",
  why:
    "API Gateway (v1) responses carry HAL links next to the members: self, <resource>Update, <resource>Delete and others, keyed by the " +
    "resource's name in lower case (restapiUpdate), each an object of URI identifiers",
  evidence:
    "apigateway CreateStage response (cloud-custodian): self, stageUpdate, stageDelete, stageFlushAuthorizerCache; CreateDeployment " +
    "responses (LookupEvents export, 2024): self, deploymentUpdate, deploymentDelete, deploymentStages, each with deploymentId for the " +
    "resource's own id and templateSkipList; " +
    Object.entries(APIGATEWAY_V1_LINKS)
      .map(([shape, e]) => `${shape}: ${e.evidence}`)
      .join("; "),
  appliesTo: (s) => s.name === "apigateway",
  response: (type, op, ctx) => {
    if (!type || type.kind !== "object" || !op.output) return type;
    const resource = op.output.shape.toLowerCase();
    // The linked URI's identifiers: the request's URI members, the resource's own *Id / *Name members, and its
    // `id` under the resource's name (a deployment's id is deploymentId in its links, a REST API's restApiId).
    const uri = (op.input ? (ctx.shape(op.input.shape).members ?? []) : []).filter((m) => m.location === "uri").map((m) => lowerFirst(m.name));
    const own = type.fields.filter((f) => /(Id|Name)$/.test(f.name) && f.type.kind === "string").map((f) => f.name);
    const self = type.fields.some((f) => f.name === "id") ? [`${lowerFirst(op.output.shape)}Id`] : [];
    const ids = [...new Set([...uri, ...own, ...self])].sort();
    const links = ["self", `${resource}Update`, `${resource}Delete`, ...(APIGATEWAY_V1_LINKS[op.output.shape]?.links ?? [])];
    return withFields({ ...type, open: true }, links.map((l) => added(l, halLink(ids), "apigateway-v1-hal-links")));
  },
});

/**
 * Fields real records carry that the model lacks, by service and structure shape (the input or output
 * shape for top-level fields). Only fields seen in real or AWS-documented records are listed.
 */
export const MODEL_GAP_FIELDS: Readonly<Record<string, Readonly<Record<string, readonly [string, () => LogType, string][]>>>> = {
  cloudwatch: { DescribeAlarmsInput: [["excludeManagedAlarms", bool, "DescribeAlarms from the console (OTRF capture)"]] },
  dax: { SSEDescription: [["kMSMasterKeyArn", str, "CreateCluster response (AWS docs)"]] },
  cloudfront: {
    Origin: [["oacSigningBehavior", str, "CreateDistribution/UpdateDistribution responses (cloud-custodian)"]],
    UpdateDistributionResult: [["location", str, "UpdateDistribution response (cloud-custodian): the Location header"]],
  },
  securityhub: {
    CreateInsightRequest: [["ResultField", str, "CreateInsight request (AWS docs): the older name of GroupByAttribute"]],
  },
  ssm: {
    // Run Command from the console and Session Manager: set by the service, not the caller's SDK.
    SendCommandRequest: [["interactive", bool, "SendCommand requests (detection tests, real event ids)"]],
    Command: [
      ["clientName", str, "SendCommand responses (detection tests, real event ids)"],
      ["clientSourceId", str, "SendCommand responses (detection tests, real event ids)"],
      ["hasCancelCommandSignature", bool, "SendCommand responses (detection tests, real event ids)"],
      ["hasSendCommandSignature", bool, "SendCommand responses (detection tests, real event ids)"],
      ["interactive", bool, "SendCommand responses (detection tests, real event ids)"],
    ],
  },
  kms: {
    CreateCustomKeyStoreRequest: [["clusterId", str, "CreateCustomKeyStore request (AWS docs); the model's CloudHsmClusterId"]],
    UpdateCustomKeyStoreRequest: [["clusterId", str, "UpdateCustomKeyStore request (AWS docs); the model's CloudHsmClusterId"]],
  },
};

export const modelGapFields = rule({
  id: "model-gap-fields",
  why: "some records carry fields the public model lacks (console-only parameters, internal names); those seen in real records are declared",
  evidence: Object.entries(MODEL_GAP_FIELDS)
    .flatMap(([svc, shapes]) => Object.entries(shapes).flatMap(([shape, fields]) => fields.map(([f, , e]) => `${svc} ${shape}.${f}: ${e}`)))
    .join("; "),
  appliesTo: (s) => s.name in MODEL_GAP_FIELDS,
  shapeType: (type, shape, ctx) => {
    const extra = MODEL_GAP_FIELDS[ctx.service.name]?.[shape.name];
    return extra ? withFields(type, extra.map(([n, t, e]) => added(n, t(), "model-gap-fields", `Not in the model; seen in ${e}.`))) : type;
  },
});

/** Services whose SDKs take a SourceRegion parameter to presign PreSignedUrl (botocore's RDS customisation). */
export const SOURCE_REGION_SERVICES: ReadonlySet<string> = new Set(["rds", "docdb", "neptune"]);

export const rdsSourceRegion = rule({
  id: "rds-source-region",
  why: "cross-region RDS calls (operations with a PreSignedUrl member) log the SDK's SourceRegion parameter as sourceRegion",
  evidence: "rds CopyDBSnapshot and CopyDBClusterSnapshot records (detection tests) with sourceRegion; botocore presigns PreSignedUrl from SourceRegion",
  appliesTo: (s) => SOURCE_REGION_SERVICES.has(s.name),
  request: (type, op, ctx) =>
    type && op.input && (ctx.shape(op.input.shape).members ?? []).some((m) => m.name === "PreSignedUrl")
      ? withFields(type, [added("sourceRegion", str(), "rds-source-region", "The Region the source is copied from (SDK parameter SourceRegion).")])
      : type,
});
