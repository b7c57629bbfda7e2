/** The EC2 rules on a tiny `ec2`-protocol model: wire names, list wrappers, both request and response forms. */
import { describe, expect, it } from "vitest";
import type { LogType } from "../../src/log-model.js";
import { deref, field, fieldsOf, names, op, options, service, validator } from "./fixture.js";

const ec2 = service({
  name: "ec2",
  protocol: "ec2",
  metadata: { xmlNamespace: "http://ec2.amazonaws.com/doc/2016-11-15" },
  operations: {
    RunThings: { input: { shape: "RunThingsRequest" }, output: { shape: "Reservation" } },
    DescribeWidgets: { input: { shape: "DescribeWidgetsRequest" }, output: { shape: "DescribeWidgetsResult" } },
    AttachThing: { input: { shape: "AttachThingRequest" } },
  },
  shapes: {
    RunThingsRequest: {
      type: "structure",
      members: {
        DryRun: { shape: "Boolean", locationName: "dryRun" },
        InstanceIds: { shape: "InstanceIdList", locationName: "InstanceId" },
        Filters: { shape: "FilterList", locationName: "Filter" },
        Description: { shape: "String", locationName: "GroupDescription" },
        Size: { shape: "Integer" },
        Mappings: { shape: "MappingList", locationName: "BlockDeviceMapping" },
      },
    },
    InstanceIdList: { type: "list", member: { shape: "String", locationName: "InstanceId" } },
    FilterList: { type: "list", member: { shape: "Filter", locationName: "Filter" } },
    Filter: { type: "structure", members: { Name: { shape: "String" }, Values: { shape: "ValueList", locationName: "Value" } } },
    ValueList: { type: "list", member: { shape: "String", locationName: "item" } },
    MappingList: { type: "list", member: { shape: "Mapping", locationName: "BlockDeviceMapping" } },
    Mapping: { type: "structure", members: { DeviceName: { shape: "String" }, NoDevice: { shape: "String" } } },
    Reservation: {
      type: "structure",
      members: {
        ReservationId: { shape: "String", locationName: "reservationId" },
        Instances: { shape: "InstanceList", locationName: "instancesSet" },
      },
    },
    InstanceList: { type: "list", member: { shape: "Instance", locationName: "item" } },
    Instance: {
      type: "structure",
      members: {
        InstanceId: { shape: "String", locationName: "instanceId" },
        LaunchTime: { shape: "Timestamp", locationName: "launchTime" },
        Return: { shape: "Boolean", locationName: "return" },
      },
    },
    DescribeWidgetsRequest: {
      type: "structure",
      members: {
        MaxResults: { shape: "Integer" },
        WidgetIds: { shape: "WidgetIdList", locationName: "WidgetId" },
        ClientToken: { shape: "String" },
      },
    },
    WidgetIdList: { type: "list", member: { shape: "String", locationName: "item" } },
    DescribeWidgetsResult: { type: "structure", members: { Widgets: { shape: "WidgetList", locationName: "widgetSet" } } },
    WidgetList: { type: "list", member: { shape: "Widget", locationName: "item" } },
    Widget: { type: "structure", members: { WidgetId: { shape: "String", locationName: "widgetId" }, Created: { shape: "Timestamp", locationName: "created" } } },
    AttachThingRequest: { type: "structure", members: { ThingId: { shape: "String", locationName: "thingId" } } },
  },
});

const legacyRequest = (name: string) => options(op(ec2, name).request).find((o) => !names(ec2, o).some((n) => n.endsWith("Request")))!;
const wrappedRequest = (name: string) => options(op(ec2, name).request).find((o) => names(ec2, o).some((n) => n.endsWith("Request")))!;

describe("ec2-request-forms", () => {
  it("offers both forms, the predicted one first (legacy when a member has a lower-case locationName)", () => {
    expect(names(ec2, options(op(ec2, "RunThings").request)[0])).toContain("dryRun");
    expect(names(ec2, options(op(ec2, "RunThings").request)[1])).toEqual(["RunThingsRequest"]);
    expect(names(ec2, options(op(ec2, "DescribeWidgets").request)[0])).toEqual(["DescribeWidgetsRequest"]);
  });
});

describe("ec2-wire-names (legacy request)", () => {
  it("writes lowerFirst(locationName ?? member), the table's list keys first", () => {
    const main = fieldsOf(ec2, legacyRequest("RunThings")).filter((f) => !f.aliasOf && !f.addedBy).map((f) => f.name);
    expect(main).toEqual(["dryRun", "instancesSet", "filter", "groupDescription", "size", "blockDeviceMapping"]);
  });

  it("ec2-request-list-set-name: every derived list key is an alias of the member", () => {
    const aliases = fieldsOf(ec2, legacyRequest("RunThings"))
      .filter((f) => f.aliasOf === "filter")
      .map((f) => f.name);
    expect(aliases).toEqual(["filters", "filterSet", "filtersSet"]);
    expect(fieldsOf(ec2, legacyRequest("RunThings")).filter((f) => f.aliasOf === "instancesSet").map((f) => f.name)).toEqual([
      "instanceId",
      "instanceIds",
      "instanceIdSet",
      "instanceIdsSet",
      "instanceSet",
    ]);
  });
});

describe("required members in legacy requests", () => {
  it("does not require list members, whose key is uncertain", () => {
    const withRequired = service({
      name: "ec2",
      protocol: "ec2",
      operations: { StopThings: { input: { shape: "StopThingsRequest" } } },
      shapes: {
        StopThingsRequest: { type: "structure", required: ["InstanceIds", "Force"], members: { InstanceIds: { shape: "Ids", locationName: "InstanceId" }, Force: { shape: "Boolean", locationName: "force" } } },
        Ids: { type: "list", member: { shape: "String", locationName: "InstanceId" } },
      },
    });
    const legacy = options(op(withRequired, "StopThings").request)[0];
    expect(field(withRequired, legacy, "instancesSet").required).toBe(false);
    expect(field(withRequired, legacy, "force").required).toBe(true);
  });
});

describe("legacy request values", () => {
  const valid = validator(ec2, "RunThings", "strict");
  const compatible = validator(ec2, "RunThings", "compatible");
  it.each([
    ["lists as {items: [...]}, scalar items as one-key objects", { instancesSet: { items: [{ instanceId: "i-1" }] } }, true],
    ["an empty list as {}", { instancesSet: {} }, true],
    ["nested lists too (filterSet.items[].valueSet.items[].value)", { filterSet: { items: [{ name: "n", valueSet: { items: [{ value: "v" }] } }] } }, true],
    ["a plain array", { blockDeviceMapping: [{ deviceName: "/dev/sda1" }] }, true],
    ["ec2-numeric-strings: an integer as a string", { size: "10" }, true],
    ["ec2-empty-element-object: NoDevice as {}", { blockDeviceMapping: { items: [{ deviceName: "/dev/sdc", noDevice: {} }] } }, true],
    ["a number that is not an integer", { size: "ten" }, false],
  ])("strict accepts %s", (_n, request, want) => {
    expect(valid(request)).toBe(want);
    if (want) expect(compatible(request)).toBe(true);
  });
});

describe("ec2 wrapped request", () => {
  const inner = field(ec2, wrappedRequest("DescribeWidgets"), "DescribeWidgetsRequest").type;
  it("uses the query names", () => {
    expect(names(ec2, inner)).toEqual(["MaxResults", "WidgetId", "ClientToken"]);
  });
  it.each([
    ["one list element as {tag, content}", { DescribeWidgetsRequest: { WidgetId: { tag: 1, content: "w-1" }, MaxResults: 5 } }, true],
    ["several as an array", { DescribeWidgetsRequest: { WidgetId: [{ tag: 1, content: "a" }, { content: "b", tag: 2 }] } }, true],
    ["the legacy form of the same operation", { widgetIdSet: { items: [{ widgetId: "a" }] } }, true],
  ])("strict accepts %s", (_n, request, want) => {
    expect(validator(ec2, "DescribeWidgets", "strict")(request)).toBe(want);
  });
});

/** EC2's TagSpecification (`ResourceType`, `Tags` with locationName `Tag`) and the tag list it holds. */
const TAG_SPECIFICATION_SHAPES = {
  TagSpecificationList: { type: "list", member: { shape: "TagSpecification", locationName: "item" } },
  TagSpecification: { type: "structure", members: { ResourceType: { shape: "String", locationName: "resourceType" }, Tags: { shape: "TagList", locationName: "Tag" } } },
  TagList: { type: "list", member: { shape: "Tag", locationName: "item" } },
  Tag: { type: "structure", members: { Key: { shape: "String", locationName: "key" }, Value: { shape: "String", locationName: "value" } } },
};

/** An ec2 model of one operation whose input has `members`, beside the shapes they reach. */
const oneRequest = (operation: string, members: Record<string, unknown>, shapes: Record<string, Record<string, unknown>>, metadata?: Record<string, unknown>) =>
  service({
    name: "ec2",
    protocol: "ec2",
    ...(metadata ? { metadata } : {}),
    operations: { [operation]: { input: { shape: `${operation}Request` } } },
    shapes: { [`${operation}Request`]: { type: "structure", members }, ...shapes },
  });

describe("ec2-wrapped-request-structure-items", () => {
  const svc = oneRequest(
    "DescribeReservations",
    {
      Filters: { shape: "FilterList", locationName: "Filter" },
      TagSpecifications: { shape: "TagSpecificationList", locationName: "TagSpecification" },
      MaxResults: { shape: "Integer" },
    },
    {
      FilterList: { type: "list", member: { shape: "Filter", locationName: "Filter" } },
      Filter: { type: "structure", members: { Name: { shape: "String" }, Values: { shape: "ValueList", locationName: "Value" } } },
      ValueList: { type: "list", member: { shape: "String", locationName: "item" } },
      ...TAG_SPECIFICATION_SHAPES,
    },
  );
  const strict = validator(svc, "DescribeReservations", "strict");
  it.each([
    ["one filter: its members beside tag, values as {tag, content}", { DescribeReservationsRequest: { Filter: { Name: "state", Value: { content: "active", tag: 1 }, tag: 1 } } }, true],
    ["several filters and values as arrays", { DescribeReservationsRequest: { Filter: [{ Name: "a", Value: [{ content: "x", tag: 1 }, { content: "y", tag: 2 }], tag: 1 }, { Name: "b", tag: 2 }] } }, true],
    ["TagSpecification.Tag.Key (transit gateway record's shape)", { DescribeReservationsRequest: { TagSpecification: { ResourceType: "transit-gateway", tag: 1, Tag: { Value: "my-tgw", tag: 1, Key: "Name" } } } }, true],
  ])("strict: %s", (_n, request, want) => {
    expect(strict(request)).toBe(want);
  });
  it("declares structure elements bare (plus tag) and scalar elements as {tag, content}", () => {
    const one = (def: string) => options(svc.defs[def])[0]!;
    expect(one("FilterList.ec2-query")).toEqual({ kind: "ref", def: "Filter.ec2-query" });
    expect(names(svc, svc.defs["Filter.ec2-query"])).toEqual(["Name", "Value", "tag"]);
    expect(names(svc, one("ValueList.ec2-query"))).toEqual(["tag", "content"]);
  });
  it("adds tag only to structures that are list elements", () => {
    const wrapped = options(op(svc, "DescribeReservations").request).find((o) => names(svc, o).includes("DescribeReservationsRequest"));
    expect(names(svc, field(svc, wrapped, "DescribeReservationsRequest").type)).toEqual(["Filter", "TagSpecification", "MaxResults"]);
  });
});

describe("ec2-response-forms", () => {
  it("legacy: locationNames, _return, requestId", () => {
    const legacy = options(op(ec2, "RunThings").response)[0];
    expect(names(ec2, legacy)).toEqual(["reservationId", "instancesSet", "xmlns", "requestId", "_return"]);
    // The top level is closed (strict tells the forms apart); objects inside stay open.
    expect(deref(ec2, legacy)).not.toHaveProperty("open");
    expect(ec2.defs.Instance).toMatchObject({ open: true });
  });

  it.each([
    ["RunThings", { requestId: "r", reservationId: "r-1", instancesSet: { items: [{ instanceId: "i-1", launchTime: 1415223328000, _return: true }] } }, true],
    ["RunThings", { RunThingsResponse: { xmlns: "http://ec2.amazonaws.com/doc/2016-11-15/", requestId: "r", instancesSet: "" } }, true],
    ["DescribeWidgets", { DescribeWidgetsResponse: { requestId: "r", widgetSet: { item: [{ widgetId: "w", created: "2022-11-09T09:23:12.000Z" }] } } }, true],
    ["DescribeWidgets", { DescribeWidgetsResponse: { requestId: "r", widgetSet: { item: [{ created: "yesterday" }] } } }, false],
    ["DescribeWidgets", { requestId: "r", widgetSet: { items: [{ widgetId: "w", undocumented: 1 }] } }, true],
    ["DescribeWidgets", { requestId: "r", undocumented: 1 }, false],
    ["AttachThing", { requestId: "r", _return: true }, true],
    ["AttachThing", { AttachThingResponse: { xmlns: "x", requestId: "r", _return: true } }, true],
    ["RunThings", { instancesSet: { items: [{ launchTime: "Mar 24, 2014 9:11:59 PM" }] } }, false],
  ])("strict: %s %j", (name, response, want) => {
    expect(validator(ec2, name, "strict")(null, response)).toBe(want);
  });
});

describe("ec2-tag-specification-tags", () => {
  const tagged = oneRequest(
    "RunThings",
    {
      DryRun: { shape: "Boolean", locationName: "dryRun" },
      TagSpecifications: { shape: "TagSpecificationList", locationName: "TagSpecification" },
      Labels: { shape: "TagList", locationName: "Label" },
    },
    TAG_SPECIFICATION_SHAPES,
    { xmlNamespace: "http://ec2.amazonaws.com/doc/2016-11-15" },
  );
  const legacy = options(op(tagged, "RunThings").request).find((o) => names(tagged, o).includes("dryRun"))!;
  /** The list forms of a field's type: `object` ({items: [...]}) and/or `array`. */
  const forms = (owner: LogType | undefined, key: string) => options(deref(tagged, field(tagged, owner, key).type)).map((o) => o.kind);
  const list = deref(tagged, field(tagged, legacy, "tagSpecification").type)!;
  const items = field(tagged, options(list).find((o) => o.kind === "object"), "items").type;
  const element = items?.kind === "array" ? items.items : undefined;

  it("types a tag specification's `tags` as a plain array; its other keys, and other tag lists, keep both forms", () => {
    expect(field(tagged, element, "tags")).toMatchObject({ aliasOf: "tag", type: { kind: "array" } });
    for (const key of ["tag", "tagSet", "tagsSet"]) expect(forms(element, key)).toEqual(["object", "array"]);
    expect(forms(legacy, "label")).toEqual(["object", "array"]);
  });

  it.each([
    ["tags as a plain array (RunInstances records)", { resourceType: "instance", tags: [{ key: "Name", value: "web" }] }, true],
    ["tag as {items: [...]}", { resourceType: "instance", tag: { items: [{ key: "Name", value: "web" }] } }, true],
    ["tags wrapped, which no record shows", { resourceType: "instance", tags: { items: [{ key: "Name", value: "web" }] } }, false],
  ])("strict: %s", (_n, spec, want) => {
    expect(validator(tagged, "RunThings", "strict")({ tagSpecificationSet: { items: [spec] } })).toBe(want);
  });
});
