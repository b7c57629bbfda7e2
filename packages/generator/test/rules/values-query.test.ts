/** Value rules (redaction, blobs, timestamps) and query-protocol rules on tiny models. */
import { describe, expect, it } from "vitest";
import { REDACTION_MARKERS } from "../../src/project/rules/values.js";
import { deref, field, names, op, options, service, validator } from "./fixture.js";

const secrets = (name = "svc") =>
  service({
    name,
    protocol: "json",
    operations: { Put: { input: { shape: "PutRequest" } } },
    shapes: {
      PutRequest: {
        type: "structure",
        required: ["Password", "Parameters", "Login", "Name"],
        members: {
          Name: { shape: "String" },
          Password: { shape: "Secret" },
          Parameters: { shape: "SecretMap" },
          Login: { shape: "Login" },
          Body: { shape: "Blob" },
          UserData: { shape: "BlobHolder" },
          Created: { shape: "Timestamp" },
        },
      },
      Secret: { type: "string", sensitive: true },
      SecretMap: { type: "map", key: { shape: "String" }, value: { shape: "StringList" }, sensitive: true },
      StringList: { type: "list", member: { shape: "String" } },
      Login: { type: "structure", members: { User: { shape: "String" }, Token: { shape: "Secret" } } },
      Blob: { type: "blob" },
      BlobHolder: { type: "structure", members: { Value: { shape: "Blob" } } },
    },
  });

describe("sensitive-redacted and blob-redacted", () => {
  const svc = secrets();
  const req = op(svc, "Put").request;
  it.each([
    ["a sensitive string", "Password"],
    ["a sensitive map, replaced whole", "Parameters"],
    ["a structure holding a sensitive member", "Login"],
    ["a blob", "Body"],
    ["a structure holding a blob", "UserData"],
  ])("%s accepts the markers and is never required", (_n, member) => {
    const f = field(svc, req, member[0]!.toLowerCase() + member.slice(1));
    expect(f.type.redacted).toEqual([...REDACTION_MARKERS]);
    expect(f.required).toBe(false);
  });

  it("leaves other members alone", () => {
    expect(field(svc, req, "name")).toMatchObject({ required: true, type: { kind: "string" } });
    expect(field(svc, req, "name").type.redacted).toBeUndefined();
  });

  it.each([
    ["HIDDEN_DUE_TO_SECURITY_REASONS for a whole map", { name: "n", parameters: "HIDDEN_DUE_TO_SECURITY_REASONS" }, true],
    ["**** for a string", { name: "n", password: "****" }, true],
    ["<sensitiveDataRemoved> for a structure", { name: "n", userData: "<sensitiveDataRemoved>" }, true],
    ["the clear value", { name: "n", login: { user: "u", token: "t" }, parameters: { a: ["b"] } }, true],
    ["another string in place of a map", { name: "n", parameters: "secret" }, false],
  ])("strict accepts %s", (_n, request, want) => {
    expect(validator(svc, "Put", "strict")(request)).toBe(want);
  });
});

describe("blob-bytebuffer-dump", () => {
  it("lets acm blobs be a serialised ByteBuffer, not other services'", () => {
    const acm = secrets("acm");
    const body = field(acm, op(acm, "Put").request, "body");
    expect(options(body.type).map((o) => o.kind)).toEqual(["blob", "object"]);
    const buffer = { hb: [45, 45], offset: 0, isReadOnly: false, bigEndian: true, nativeByteOrder: false, mark: -1, position: 0, limit: 2, capacity: 2, address: 0 };
    expect(validator(acm, "Put", "strict")({ name: "n", body: buffer })).toBe(true);
    expect(validator(secrets(), "Put", "compatible")({ name: "n", body: buffer })).toBe(false);
  });
});

describe("timestamp-renderings", () => {
  const svc = secrets();
  it.each([
    ["Java, JDK 8", "Mar 24, 2014 9:11:59 PM", true],
    ["Java, JDK 9+ (comma after the year)", "Jul 18, 2023, 4:07:39 PM", true],
    ["Java, JDK 20+ (narrow no-break space)", "Jul 18, 2023, 4:07:39\u202fPM", true],
    ["ISO-8601", "2022-11-09T09:23:12.000Z", true],
    ["a number", 1415223328000, true],
    ["anything else", "yesterday", false],
  ])("strict: %s", (_n, value, want) => {
    expect(validator(svc, "Put", "strict")({ name: "n", created: value })).toBe(want);
    expect(validator(svc, "Put", "compatible")({ name: "n", created: value })).toBe(true);
  });
});

const queryService = (name: string) =>
  service({
    name,
    protocol: "query",
    operations: {
      CreateThing: { input: { shape: "CreateThingMessage" }, output: { shape: "CreateThingResult", resultWrapper: "CreateThingResult" } },
      DescribeThings: { output: { shape: "ThingsMessage" } },
      ListIds: { output: { shape: "IdsMessage" } },
    },
    shapes: {
      CreateThingMessage: { type: "structure", members: { ThingName: { shape: "String" } } },
      CreateThingResult: { type: "structure", members: { Thing: { shape: "Thing" } } },
      ThingsMessage: { type: "structure", members: { Marker: { shape: "String" }, Things: { shape: "ThingList" } } },
      IdsMessage: { type: "structure", members: { Ids: { shape: "IdList" } } },
      Thing: { type: "structure", members: { ThingName: { shape: "String" }, NodeIds: { shape: "IdList" } } },
      ThingList: { type: "list", member: { shape: "Thing" } },
      IdList: { type: "list", member: { shape: "String" } },
    },
  });

describe("query-unwrap-single-result", () => {
  it.each([
    ["rds", ["thingName", "nodeIds"]],
    ["docdb", ["thingName", "nodeIds"]],
    ["neptune", ["thingName", "nodeIds"]],
    ["elasticache", ["thingName", "nodeIds"]],
    ["iam", ["thing"]],
    ["redshift", ["thing"]],
  ])("%s: CreateThing responseElements holds %j", (name, want) => {
    const svc = queryService(name);
    expect(names(svc, op(svc, "CreateThing").response)).toEqual(want);
  });

  it("keeps outputs with several members or a single non-structure member", () => {
    const rds = queryService("rds");
    expect(names(rds, op(rds, "DescribeThings").response)).toEqual(["marker", "things"]);
    expect(names(rds, op(rds, "ListIds").response)).toEqual(["ids"]);
  });
});

describe("query-empty-list-object", () => {
  it("lets elasticache lists be {}, not rds lists", () => {
    const ec = queryService("elasticache");
    expect(validator(ec, "CreateThing", "strict")(null, { thingName: "t", nodeIds: {} })).toBe(true);
    expect(validator(ec, "CreateThing", "strict")(null, { thingName: "t", nodeIds: { a: 1 } })).toBe(false);
    const rds = queryService("rds");
    expect(validator(rds, "CreateThing", "compatible")(null, { thingName: "t", nodeIds: {} })).toBe(false);
    expect(deref(rds, op(rds, "CreateThing").response)?.kind).toBe("object");
  });
});
