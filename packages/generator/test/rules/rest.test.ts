/** rest-bound-scalar-strings, json-error-document and s3-host for s3control, on tiny models. */
import { describe, expect, it } from "vitest";
import { field, names, op, options, service, validator } from "./fixture.js";

/** A REST JSON service with an integer, a boolean and a string bound to the query string, URI and body. */
const restJson = (name: string) =>
  service({
    name,
    protocol: "rest-json",
    operations: {
      ListThings: { http: { method: "GET", requestUri: "/things/{Owner}" }, input: { shape: "ListThingsRequest" }, output: { shape: "ListThingsResponse" } },
      DeleteThing: { http: { method: "DELETE", requestUri: "/things/{Id}" }, input: { shape: "DeleteThingRequest" } },
    },
    shapes: {
      ListThingsRequest: {
        type: "structure",
        members: {
          Owner: { shape: "Integer", location: "uri", locationName: "Owner" },
          MaxResults: { shape: "Integer", location: "querystring", locationName: "maxResults" },
          OnlyActive: { shape: "Boolean", location: "querystring", locationName: "onlyActive" },
          NextToken: { shape: "String", location: "querystring", locationName: "nextToken" },
          Weight: { shape: "Integer" },
        },
      },
      ListThingsResponse: { type: "structure", members: { Things: { shape: "Things" }, Count: { shape: "Integer" } } },
      Things: { type: "list", member: { shape: "String" } },
      DeleteThingRequest: { type: "structure", required: ["Id"], members: { Id: { shape: "String", location: "uri", locationName: "Id" } } },
    },
  });

describe("rest-bound-scalar-strings", () => {
  const plain = restJson("thingsvc");
  const evidenced = restJson("guardduty");
  const list = op(plain, "ListThings");

  const table: [string, { given: string; want: string[] }][] = [
    ["query-string integer: number or text", { given: "maxResults", want: ["integer", "string"] }],
    ["URI integer: number or text", { given: "owner", want: ["integer", "string"] }],
    ["query-string boolean: boolean or text", { given: "onlyActive", want: ["boolean", "string"] }],
    ["query-string string: unchanged", { given: "nextToken", want: ["string"] }],
    ["body integer: unchanged (JSON carries numbers)", { given: "weight", want: ["integer"] }],
  ];
  it.each(table)("%s", (_n, { given, want }) => {
    expect(options(field(plain, list.request, given).type).map((t) => t.kind)).toEqual(want);
  });

  it("does not touch responses", () => {
    expect(options(field(plain, list.response, "count").type).map((t) => t.kind)).toEqual(["integer"]);
  });

  it("accepts text in compatible mode for every REST service", () => {
    expect(validator(plain, "ListThings", "compatible")({ maxResults: "50", owner: "7", onlyActive: "true" })).toBe(true);
    expect(validator(plain, "ListThings", "compatible")({ maxResults: 50, owner: 7, onlyActive: true })).toBe(true);
    // The text must still be the scalar: a word is no integer.
    expect(validator(plain, "ListThings", "strict")({ maxResults: "fifty" })).toBe(false);
  });

  it("strict accepts text only for services with evidence", () => {
    expect(validator(plain, "ListThings", "strict")({ maxResults: "50" })).toBe(false);
    expect(validator(plain, "ListThings", "strict")({ maxResults: 50 })).toBe(true);
    expect(validator(evidenced, "ListThings", "strict")({ maxResults: "50" })).toBe(true);
    expect(validator(evidenced, "ListThings", "strict")({ maxResults: 50 })).toBe(true);
    expect(validator(evidenced, "ListThings", "strict")({ maxResults: "5O" })).toBe(false);
    // Evidence is for integers only: a boolean as text stays compatible-only everywhere.
    expect(validator(evidenced, "ListThings", "strict")({ onlyActive: "true" })).toBe(false);
    expect(validator(evidenced, "ListThings", "compatible")({ onlyActive: "true" })).toBe(true);
  });

  it("leaves JSON RPC services alone (no query string)", () => {
    const rpc = service({
      name: "rpcsvc",
      protocol: "json",
      operations: { ListThings: { input: { shape: "Req" } } },
      shapes: { Req: { type: "structure", members: { MaxResults: { shape: "Integer", location: "querystring" } } } },
    });
    expect(options(field(rpc, op(rpc, "ListThings").request, "maxResults").type).map((t) => t.kind)).toEqual(["integer"]);
  });
});

describe("json-error-document", () => {
  const svc = restJson("thingsvc");
  const error = { message: "Detector not found", __type: "BadRequestException" };

  it("declares the error document's fields beside the output's", () => {
    expect(names(svc, op(svc, "ListThings").response)).toEqual(["things", "count", "__type", "error", "message", "Message"]);
    expect(field(svc, op(svc, "ListThings").response, "message").addedBy).toBe("json-error-document");
  });

  it("compatible accepts an error document, strict follows the model", () => {
    expect(validator(svc, "ListThings", "compatible")(null, error)).toBe(true);
    expect(validator(svc, "ListThings", "strict")(null, error)).toBe(false);
    expect(validator(svc, "ListThings", "strict")(null, { things: ["a"], count: 1 })).toBe(true);
    // Output fields keep their types, error fields theirs.
    expect(validator(svc, "ListThings", "compatible")(null, { count: "many", message: "x" })).toBe(false);
    expect(validator(svc, "ListThings", "compatible")(null, { message: 42 })).toBe(false);
  });

  it("adds nothing to operations without output, or to non-JSON protocols", () => {
    expect(op(svc, "DeleteThing").response).toBeNull();
    const q = service({
      name: "querysvc",
      protocol: "query",
      operations: { GetThing: { input: { shape: "Req" }, output: { shape: "Res" } } },
      shapes: { Req: { type: "structure", members: {} }, Res: { type: "structure", members: { Name: { shape: "String" } } } },
    });
    expect(names(q, op(q, "GetThing").response)).toEqual(["name"]);
  });
});

describe("s3-host for s3control", () => {
  const s3control = service({
    name: "s3control",
    protocol: "rest-xml",
    operations: { GetPublicAccessBlock: { http: { method: "GET", requestUri: "/v20180820/configuration/publicAccessBlock" }, input: { shape: "Req" } } },
    shapes: { Req: { type: "structure", required: ["AccountId"], members: { AccountId: { shape: "String", location: "header", locationName: "x-amz-account-id" } } } },
  });
  it("adds Host and host", () => {
    expect(names(s3control, op(s3control, "GetPublicAccessBlock").request)).toEqual(expect.arrayContaining(["Host", "host"]));
    expect(validator(s3control, "GetPublicAccessBlock", "strict")({ accountId: "111122223333", Host: "111122223333.s3-control.us-east-1.amazonaws.com" })).toBe(true);
  });
  it("is not added to other rest-xml services", () => {
    const other = service({
      name: "route53",
      protocol: "rest-xml",
      operations: { GetThing: { http: { method: "GET", requestUri: "/x" }, input: { shape: "Req" } } },
      shapes: { Req: { type: "structure", members: { Id: { shape: "String", location: "uri", locationName: "Id" } } } },
    });
    expect(names(other, op(other, "GetThing").request)).not.toContain("Host");
  });
});
