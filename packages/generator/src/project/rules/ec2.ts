/**
 * EC2 (`protocol: ec2`) logs its XML wire form, not botocore's member names, in two forms per direction:
 *
 * |                   | legacy form (most classic operations)                   | wrapped form (newer operations)                          |
 * |-------------------|---------------------------------------------------------|----------------------------------------------------------|
 * | requestParameters | lowerFirst(locationName ?? member), lists {items: [...]} | {"<Op>Request": {query names, list items {tag, content}}} |
 * | responseElements  | locationName, lists {items: [...]}, requestId, _return  | {"<Op>Response": {xmlns, requestId, locationNames}}       |
 * | timestamps        | epoch milliseconds                                      | ISO-8601                                                  |
 *
 * Which form an operation uses is a property of the operation, but the model only hints at it, so both
 * are emitted (`oneOf`), the predicted one first. The wrapped request form is projected as the variant
 * `ec2-query` of the input shapes; the two response forms differ only around the output (and in how empty
 * lists and timestamps look), so they share one projection.
 */
import type { LogField, LogType } from "../../log-model.js";
import type { Member, Operation, ServiceModel, Shape } from "../../model.js";
import type { ProjectContext } from "../rule.js";
import { rule } from "../rule.js";
import { added, arrayOf, bool, int, isScalarShape, object, oneOf, placeholder, str, withFields } from "./build.js";
import { lowerFirst, upperFirst } from "./naming.js";
import { withRenderings } from "./values.js";

export const EC2_QUERY = "ec2-query";

const isEc2 = (s: ServiceModel) => s.metadata.protocol === "ec2";
const legacy = (ctx: ProjectContext) => ctx.variant === undefined;

/** Legacy request key of a member: its XSD element name. */
const requestKey = (m: Member) => lowerFirst(m.locationName ?? m.name);

/**
 * Legacy request keys of list members that no rule derives, keyed by operation (top-level members) or
 * structure shape (nested members), `*` for any, then member. All observed in records; the derived keys
 * stay aliases.
 */
export const EC2_REQUEST_LIST_KEYS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "*": { InstanceIds: "instancesSet" },
  RunInstances: { SecurityGroupIds: "groupSet" },
  InstanceNetworkInterfaceSpecification: { Groups: "groupSet" },
  DescribeSecurityGroups: { GroupNames: "securityGroupSet", GroupIds: "securityGroupIdSet" },
  DescribeSnapshots: { OwnerIds: "ownersSet", RestorableByUserIds: "sharedUsersSet" },
  DescribeImages: { Owners: "ownersSet", ExecutableUsers: "executableBySet" },
  DescribeAvailabilityZones: { ZoneNames: "availabilityZoneSet", ZoneIds: "availabilityZoneIdSet" },
  DescribeKeyPairs: { KeyNames: "keySet" },
  DescribePlacementGroups: { GroupNames: "placementGroupSet", GroupIds: "placementGroupIdSet" },
  DescribeAccountAttributes: { AttributeNames: "accountAttributeNameSet" },
};

/** Keys of the one-key objects that wrap scalar list items, where not lowerFirst(locationName). */
export const EC2_REQUEST_ITEM_KEYS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  RunInstances: { SecurityGroupIds: "groupId" },
  InstanceNetworkInterfaceSpecification: { Groups: "groupId" },
  DescribeSnapshots: { RestorableByUserIds: "user" },
};

const tableKey = (table: typeof EC2_REQUEST_LIST_KEYS, ctx: ProjectContext, owner: Shape, member: string) =>
  (ctx.operation ? table[ctx.operation.name]?.[member] : table[owner.name]?.[member]) ?? table["*"]?.[member];

export const ec2WireNames = rule({
  id: "ec2-wire-names",
  why:
    "EC2 logs XML element names: requests lowerFirst(locationName ?? member) (Description -> groupDescription), responses the " +
    "locationName (instancesSet, currentState); the wrapped request form uses the query names (queryName ?? UpperFirst(locationName))",
  evidence: "422 request and 1036 response values of ec2 records (RunInstances, CreateSecurityGroup, DescribeInstances...)",
  appliesTo: isEc2,
  fieldName: (_name, member, owner, ctx) => {
    if (ctx.variant === EC2_QUERY) return member.queryName ?? (member.locationName ? upperFirst(member.locationName) : member.name);
    if (ctx.direction === "response") return member.locationName === "return" ? "_return" : (member.locationName ?? lowerFirst(member.name));
    return tableKey(EC2_REQUEST_LIST_KEYS, ctx, owner, member.name) ?? requestKey(member);
  },
});

const stripId = (s: string) => (s.endsWith("Id") ? s.slice(0, -2) : s);

export const ec2RequestListSetNames = rule({
  id: "ec2-request-list-set-name",
  why:
    "EC2 request list keys are XSD names that usually end in Set but not in one derivable way; every derivation seen is accepted " +
    "(filterSet, publicIpsSet, volumeSet, blockDeviceMapping)",
  evidence:
    "217 list keys of 138 legacy ec2 requests: lowerFirst(locationName)+Set (filterSet, keyPairIdSet), lowerFirst(member)+Set " +
    "(publicIpsSet, allocationIdsSet), locationName without Id + Set (volumeSet, vpcSet), lowerFirst(locationName) (blockDeviceMapping)",
  appliesTo: isEc2,
  // Which of the keys a record uses is not known, so none of them is required.
  field: (field, member, _owner, ctx) =>
    ctx.direction === "request" && legacy(ctx) && ctx.shape(member.shape).type === "list" ? { ...field, required: false } : field,
  aliases: (names, field, member, _owner, ctx) => {
    if (ctx.direction !== "request" || !legacy(ctx) || ctx.shape(member.shape).type !== "list") return names;
    const l = member.locationName ?? member.name;
    const derived = [requestKey(member), lowerFirst(member.name), `${lowerFirst(l)}Set`, `${lowerFirst(member.name)}Set`, `${lowerFirst(stripId(l))}Set`];
    return [...names, ...derived].filter(
      (n) => n !== field.name,
    );
  },
});

/**
 * A legacy list: `{items: [...]}` or `{item: [...]}`, `{}` when empty. Requests may also hold a plain array
 * (RunInstances tagSpecificationSet.items[].tags).
 */
export function itemsList(items: LogType, direction: "request" | "response", doc?: string): LogType {
  const by = "ec2-list-items";
  const wrapper = object([added("items", arrayOf(items), by), added("item", arrayOf(items), by)], {
    doc: doc ?? "A list as EC2 logs it: {\"items\": [...]}, {} when empty.",
  });
  return direction === "request" ? oneOf(wrapper, arrayOf(items)) : wrapper;
}

/** A wrapped-request list element: `{tag: <1-based index>, content: value}`. */
const tagContent = (content: LogType): LogType =>
  object([added("tag", int(), "ec2-wrapped-request", "1-based position in the list."), added("content", content, "ec2-wrapped-request")]);

export const ec2ListItems = rule({
  id: "ec2-list-items",
  why:
    "EC2 logs a list as {\"items\": [...]} ({\"item\": [...]} in a few records) and an empty one as {}; the wrapped request form " +
    "as {\"tag\": n, \"content\": v} elements (one element unwrapped), the wrapped response form an empty list as \"\"",
  evidence:
    "1537 items lists and 78 empty {} in ec2 records; {item: [...]} in RunInstances privateIpAddressesSet and DescribeClassicLinkInstances " +
    "instancesSet (OTRF capture); tagSpecificationSet.items[].tags " +
    "as a plain array; DeleteFlowLogs {FlowLogId: {tag: 1, content: …}}; DeleteFlowLogsResponse unsuccessful: \"\"",
  appliesTo: isEc2,
  // Each list shape becomes one definition per form, so the aliases of a member share it.
  shapeType: (type, shape, ctx) => {
    if (shape.type !== "list" || type.kind !== "array") return type;
    const doc = type.doc ? { doc: type.doc } : {};
    if (ctx.variant === EC2_QUERY) {
      // Structure elements carry their own members beside `tag` (see ec2-wrapped-request-structure-items).
      const element = shape.member && ctx.shape(shape.member.shape).type === "structure" ? type.items : tagContent(type.items);
      return ctx.define(shape.name, () => ({ ...oneOf(element, arrayOf(element)), ...doc }));
    }
    // The wrapped response form writes an empty list as "".
    if (ctx.direction === "response") return ctx.define(shape.name, () => ({ ...oneOf(itemsList(type.items, "response"), placeholder("")), ...doc }));
    return ctx.define(shape.name, () => ({ ...itemsList(type.items, "request"), ...doc }));
  },
});

const elements = new WeakMap<ServiceModel, Set<string>>();
/** Names of the service's structures that are list elements. */
function listElements(service: ServiceModel): Set<string> {
  let set = elements.get(service);
  if (!set) elements.set(service, (set = new Set([...service.shapes.values()].flatMap((s) => (s.type === "list" && s.member ? [s.member.shape] : [])))));
  return set;
}

export const ec2WrappedRequestStructureItems = rule({
  id: "ec2-wrapped-request-structure-items",
  why:
    "in the wrapped request form a list of structures logs each element as the structure's own query members plus its 1-based " +
    "\"tag\" (Filter: {Name, Value: {tag, content}, tag}); only scalar elements are {tag, content}",
  evidence:
    "CreateTransitGateway record, Transit Gateway guide: TagSpecification {ResourceType, tag: 1, Tag {Key, Value, tag: 1}}; " +
    "DescribeCapacityReservationsRequest.Filter.Name with Filter.Value.content and TagSpecification.Tag.Key in the held-out records",
  appliesTo: isEc2,
  shapeType: (type, shape, ctx) =>
    ctx.variant === EC2_QUERY && shape.type === "structure" && listElements(ctx.service).has(shape.name) && type.kind === "object" && !type.fields.some((f) => f.name === "tag")
      ? withFields(type, [added("tag", int(), "ec2-wrapped-request-structure-items", "1-based position in the list, when the structure is a list element.")])
      : type,
});

export const ec2RequestScalarItemObject = rule({
  id: "ec2-request-scalar-item-object",
  why: "in legacy EC2 requests each element of a list of scalars is a one-key object: instancesSet.items[] = {\"instanceId\": \"i-…\"}",
  evidence: "83 values: {instanceId}, filterSet.items[].valueSet.items[] {value}, {groupId}, {volumeId}, {owner}, {attributeName}, {user}",
  appliesTo: isEc2,
  field: (field, member, owner, ctx) => {
    if (ctx.direction !== "request" || !legacy(ctx) || field.aliasOf) return field;
    const list = ctx.shape(member.shape);
    if (list.type !== "list" || !isScalarShape(ctx.shape(list.member!.shape))) return field;
    const key = tableKey(EC2_REQUEST_ITEM_KEYS, ctx, owner, member.name) ?? requestKey(member);
    const items = ctx.typeOf(list.member!.shape);
    const type = ctx.define(`${list.name}.${key}`, () => ({
      ...itemsList(oneOf(object([added(key, items, "ec2-request-scalar-item-object")]), items), "request"),
      ...(list.doc ? { doc: list.doc } : {}),
    }));
    return { ...field, type };
  },
});

/**
 * The one list key whose form is known apart from its aliases: a tag specification's `tags`. The other keys
 * of the member (`tag`, `tagSet`, `tagsSet`) keep both forms, as nothing shows which one they take.
 */
export const ec2TagSpecificationTags = rule({
  id: "ec2-tag-specification-tags",
  why:
    "a legacy EC2 request logs a tag specification's tags under `tags` as a plain array, not as {\"items\": [...]}: " +
    "tagSpecificationSet.items[].tags = [{\"key\": …, \"value\": …}]",
  evidence:
    "every ec2 record with tagSpecificationSet in the development corpus (5 RunInstances, panther-analysis), none wrapped; public " +
    "handlers read it as a list: a Python scheduler's {tag[\"key\"]: tag[\"value\"] for tag in tag_spec.get(\"tags\", [])}, a Go " +
    "log processor's item.GetArray(\"tags\"), a test fixture {\"resourceType\": \"instance\", \"tags\": [{\"key\": …}]}",
  appliesTo: isEc2,
  shapeType: (type, shape, ctx) => {
    if (ctx.direction !== "request" || !legacy(ctx) || shape.name !== "TagSpecification" || type.kind !== "object") return type;
    const list = shape.members?.find((m) => m.name === "Tags");
    const listShape = list && ctx.shape(list.shape);
    if (!listShape || listShape.type !== "list" || !listShape.member) return type;
    const tags = arrayOf(ctx.typeOf(listShape.member.shape));
    return { ...type, fields: type.fields.map((f) => (f.name === "tags" ? { ...f, type: tags, doc: "Here a plain array, as RunInstances records log it." } : f)) };
  },
});

export const ec2NumericStrings = rule({
  id: "ec2-numeric-strings",
  why: "legacy EC2 records may carry integers as strings (\"size\": \"10\")",
  evidence: "ec2 CreateVolume size \"10\" in request and response (AWS docs 2014, cloud-custodian 2016); fromPort/toPort \"443\"",
  appliesTo: isEc2,
  shapeType: (type, _shape, ctx) =>
    type.kind === "integer" && legacy(ctx) ? oneOf(type, str({ pattern: "^-?[0-9]+$", doc: "The integer, written as a string." })) : type,
});

export const ec2Timestamps = rule({
  id: "ec2-timestamps",
  why: "EC2 logs timestamps as epoch milliseconds in the legacy response form and as ISO-8601 in the wrapped one",
  evidence: "RunInstances launchTime 1415223328000, attachTime; wrapped responses (CreateTrafficMirror*) ISO-8601",
  appliesTo: isEc2,
  shapeType: (type, _shape, ctx) => {
    if (type.kind !== "timestamp") return type;
    if (ctx.direction === "response") return withRenderings(type, ["epoch", "iso-8601"]);
    return withRenderings(type, ["epoch", "iso-8601", "java-date"]);
  },
});

/** String members EC2 logs as {} when empty (an empty XML element). */
export const EC2_EMPTY_ELEMENT_MEMBERS: ReadonlySet<string> = new Set(["NoDevice"]);

export const ec2EmptyElementObject = rule({
  id: "ec2-empty-element-object",
  why: "EC2 logs an empty XML element of a string member as {} (blockDeviceMapping.items[].noDevice: {})",
  evidence: "ec2 RunInstances requests (cloud-custodian, 5 values)",
  appliesTo: isEc2,
  field: (field, member) =>
    EC2_EMPTY_ELEMENT_MEMBERS.has(member.name) && field.type.kind === "string"
      ? { ...field, type: oneOf(field.type, object([], { doc: "An empty element." })) }
      : field,
});

export const ec2OpenResponses = rule({
  id: "ec2-undocumented-response-fields",
  why:
    "EC2 responses carry XML elements the model does not describe (RunInstances networkInterfaceSet interfaceId, tagSet…): objects " +
    "inside responses stay open (the top level stays closed, so strict still tells the two response forms apart)",
  evidence: "ec2 RunInstances responses (cloud-custodian, detection tests): networkInterfaceSet.items[] interfaceId, requesterManaged…",
  appliesTo: isEc2,
  shapeType: (type, shape, ctx) =>
    ctx.direction === "response" && type.kind === "object" && !outputShapes(ctx.service).has(shape.name) ? { ...type, open: true } : type,
});

/** Fields EC2 responses carry beside the model's members, by structure shape (all observed). */
export const EC2_RESPONSE_EXTRA_FIELDS: Readonly<Record<string, readonly [string, () => LogType][]>> = {
  Instance: [["interfaceId", () => str()]],
  InstanceNetworkInterface: [
    ["interfaceId", str],
    ["internalInterfaceId", str],
    ["availabilityZone", str],
    ["requesterManaged", bool],
    ["attachableToInstanceBySet", () => itemsList({ kind: "any" }, "response")],
    ["associableWithElasticIpBySet", () => itemsList({ kind: "any" }, "response")],
    ["tagSet", () => itemsList(object([added("key", str(), "ec2-response-extra-fields"), added("value", str(), "ec2-response-extra-fields")]), "response")],
  ],
  InstanceNetworkInterfaceAttachment: [
    ["instanceId", str],
    ["instanceOwnerId", str],
  ],
  InstanceMetadataOptionsResponse: [["httpProtocolIpv4", str]],
};

export const ec2ResponseExtraFields = rule({
  id: "ec2-response-extra-fields",
  why: "EC2 responses carry a few elements the model lacks; those seen are declared",
  evidence: "RunInstances responses (cloud-custodian 2016, detection tests 2024): networkInterfaceSet.items[] and instancesSet.items[]",
  appliesTo: isEc2,
  shapeType: (type, shape, ctx) => {
    const extra = EC2_RESPONSE_EXTRA_FIELDS[shape.name];
    if (!extra || ctx.direction !== "response") return type;
    return withFields(
      type,
      extra.map(([name, t]) => added(name, t(), "ec2-response-extra-fields")),
    );
  },
});

/** Extra keys of legacy requests, and other names of members, by operation; all observed. */
export const EC2_LEGACY_REQUEST_QUIRKS: Readonly<
  Record<
    string,
    {
      fields?: readonly [string, (ctx: ProjectContext) => LogType, string][];
      aliases?: Readonly<Record<string, string>>;
      /** Members logged elsewhere (inside an added field): never required at their own key. */
      relocated?: readonly string[];
    }
  >
> = {
  RunInstances: {
    relocated: ["ImageId", "MinCount", "MaxCount", "KeyName", "Placement"],
    fields: [
      [
        "instancesSet",
        () =>
          itemsList(
            object([
              added("imageId", str(), "ec2-legacy-request-quirks"),
              added("minCount", oneOf(int(), str({ pattern: "^[0-9]+$" })), "ec2-legacy-request-quirks"),
              added("maxCount", oneOf(int(), str({ pattern: "^[0-9]+$" })), "ec2-legacy-request-quirks"),
              added("keyName", str(), "ec2-legacy-request-quirks"),
            ]),
            "request",
          ),
        "ImageId, MinCount, MaxCount and KeyName, logged as one element of instancesSet.",
      ],
      ["availabilityZone", () => str(), "Placement.AvailabilityZone, logged at the top."],
      ["tenancy", () => str(), "Placement.Tenancy, logged at the top."],
    ],
  },
  CreateVolume: { aliases: { AvailabilityZone: "zone" } },
  // CreateVolume's response is the Volume structure.
  Volume: { aliases: { AvailabilityZone: "zone" } },
  CreateNetworkAclEntry: { aliases: { Protocol: "aclProtocol", IcmpTypeCode: "icmpTypeCode" } },
  ReplaceNetworkAclEntry: { aliases: { Protocol: "aclProtocol", IcmpTypeCode: "icmpTypeCode" } },
  ModifyImageAttribute: { fields: [["attributeType", () => str(), "The attribute modified (launchPermission...)."]] },
  ModifySnapshotAttribute: { fields: [["attributeType", () => str(), "The attribute modified (CREATE_VOLUME_PERMISSION...)."]] },
  DescribeAccountAttributes: {
    fields: [["filterSet", (ctx) => itemsList(ctx.project("Filter", { operation: undefined }), "request"), "Filters, although the model has no Filters member."]],
  },
};

export const ec2LegacyRequestQuirks = rule({
  id: "ec2-legacy-request-quirks",
  why: "some legacy EC2 requests restructure members in ways no rule derives (RunInstances logs ImageId inside instancesSet.items[])",
  evidence:
    "RunInstances (15 records) instancesSet.items[] {imageId, minCount, maxCount, keyName}, top-level availabilityZone/tenancy; " +
    "CreateVolume zone (request and response); CreateNetworkAclEntry aclProtocol, icmpTypeCode; ModifyImage/SnapshotAttribute attributeType",
  appliesTo: isEc2,
  field: (field, member, _owner, ctx) =>
    ctx.operation && ctx.direction === "request" && legacy(ctx) && EC2_LEGACY_REQUEST_QUIRKS[ctx.operation.name]?.relocated?.includes(member.name)
      ? { ...field, required: false }
      : field,
  // Keyed by operation for requests, by structure for responses (CreateVolume logs zone in both).
  aliases: (names, _field, member, owner, ctx) => {
    if (!legacy(ctx)) return names;
    const key = ctx.direction === "request" ? ctx.operation?.name : owner.name;
    const alias = key ? EC2_LEGACY_REQUEST_QUIRKS[key]?.aliases?.[member.name] : undefined;
    return alias ? [...names, alias] : names;
  },
  request: (type, op, ctx) => {
    const q = EC2_LEGACY_REQUEST_QUIRKS[op.name]?.fields;
    if (!q || !type || type.kind !== "object") return type;
    return withFields(
      type,
      q.map(([name, t, doc]) => added(name, t(ctx), "ec2-legacy-request-quirks", doc)),
    );
  },
});

/** Wrapper keys that are not `<Op>Request` (EC2's internal abbreviations); observed. */
export const EC2_WRAPPED_REQUEST_KEYS: Readonly<Record<string, string>> = {
  DeleteTransitGatewayVpcAttachment: "DelTGwVpcAttachReq",
};

/**
 * The legacy form is predicted when a member of the input has a lower-case locationName (`dryRun`): the
 * operation predates the wrapped form. 35 of 35 observed legacy operations and 13 of 14 wrapped ones fit.
 */
export function predictsLegacyRequest(op: Operation, ctx: ProjectContext): boolean {
  if (!op.input) return true;
  return (ctx.shape(op.input.shape).members ?? []).some((m) => /^[a-z]/.test(m.locationName ?? ""));
}

export const ec2RequestForms = rule({
  id: "ec2-request-forms",
  why:
    "an EC2 request is logged in the legacy form or wrapped as {\"<Op>Request\": {…query names…}}; both are accepted, the " +
    "predicted one (legacy when an input member has a lower-case locationName) first",
  evidence:
    "35 operations only legacy (138 records), 14 only wrapped (21 records: DescribeInstanceTypes, CreateTrafficMirrorTarget, " +
    "DeleteFlowLogs, DescribeHosts…)",
  appliesTo: isEc2,
  request: (type, op, ctx) => {
    if (!op.input) return type;
    const legacyForm = type && type.kind === "object" ? { ...type, open: true } : type;
    const inner = ctx.typeOf(op.input.shape, { variant: EC2_QUERY });
    const key = `${op.name}Request`;
    const fields: LogField[] = [added(key, inner, "ec2-request-forms", `The request in EC2's wrapped form.`)];
    const alt = EC2_WRAPPED_REQUEST_KEYS[op.name];
    if (alt) fields.push({ ...added(alt, inner, "ec2-request-forms"), aliasOf: key });
    const wrapped = object(fields, { doc: `${op.name} in EC2's wrapped request form.` });
    if (!legacyForm) return wrapped;
    return predictsLegacyRequest(op, ctx) ? oneOf(legacyForm, wrapped) : oneOf(wrapped, legacyForm);
  },
});

const legacyCommon = () => [
  added("requestId", str(), "ec2-response-forms", "The request's ID."),
  added("_return", bool(), "ec2-response-forms", "Whether the action succeeded (XML element `return`)."),
];
const wrappedCommon = () => [
  added("xmlns", str(), "ec2-response-forms", "The EC2 XML namespace (http://ec2.amazonaws.com/doc/2016-11-15/)."),
  ...legacyCommon(),
];

const outputs = new WeakMap<ServiceModel, Set<string>>();
/** Names of the service's output shapes. */
function outputShapes(service: ServiceModel): Set<string> {
  let set = outputs.get(service);
  if (!set) outputs.set(service, (set = new Set(service.operations.flatMap((o) => (o.output ? [o.output.shape] : [])))));
  return set;
}

export const ec2ResponseForms = rule({
  id: "ec2-response-forms",
  why:
    "an EC2 response carries requestId and, for actions, _return (also when the model has no output); newer operations wrap it " +
    "as {\"<Op>Response\": {xmlns, requestId, …}}; both forms are accepted",
  evidence:
    "33 requestId and 27 _return values (CreateSecurityGroup; AttachInternetGateway, ModifyInstanceAttribute have no output " +
    "shape); 7 wrapped responses (CreateTrafficMirrorTarget, DeleteFlowLogs…)",
  appliesTo: isEc2,
  // Both forms refer to the output shape's definition, which carries requestId, _return and (wrapped) xmlns.
  shapeType: (type, shape, ctx) =>
    ctx.direction === "response" && outputShapes(ctx.service).has(shape.name) ? withFields(type, wrappedCommon()) : type,
  response: (type, op, ctx) => {
    const body = op.output ? ctx.typeOf(op.output.shape) : object(wrappedCommon());
    const legacyForm = op.output ? body : object(legacyCommon());
    const wrapped = object([added(`${op.name}Response`, body, "ec2-response-forms", "The response in EC2's wrapped form.")], {
      doc: `${op.name} in EC2's wrapped response form.`,
    });
    return predictsLegacyRequest(op, ctx) ? oneOf(legacyForm, wrapped) : oneOf(wrapped, legacyForm);
  },
});
