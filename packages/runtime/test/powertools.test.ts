/**
 * getEventSchema's documents as Powertools for AWS Lambda's Validation `inboundSchema`: its `validate()`
 * and its middy middleware, on raw records and on EventBridge events (envelope `detail`). Powertools
 * compiles with draft-07 ajv unless given an instance: the schemas are draft 2020-12, so pass an Ajv2020.
 */
import middy from "@middy/core";
import { validate } from "@aws-lambda-powertools/validation";
import { SchemaCompilationError, SchemaValidationError } from "@aws-lambda-powertools/validation/errors";
import { validator } from "@aws-lambda-powertools/validation/middleware";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { Context } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { addCloudTrailSchemas, getEventSchemaId } from "../src/ajv/index.js";
import { getEventSchema } from "../src/index.js";
import { eventBridge, iamCreatePolicy, stsAssumeRole } from "./fixtures.js";

const strictSchema = getEventSchema("iam", "CreatePolicy", { mode: "strict" });
const unknownMember = () => ({ ...iamCreatePolicy(), requestParameters: { ...(iamCreatePolicy().requestParameters as object), notInTheModel: 1 } });
// Powertools' option is typed as ajv's draft-07 class; Ajv2020 shares its core.
const ajv2020 = () => new Ajv2020({ allErrors: true }) as never;

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
};

describe("Powertools validate()", () => {
  it("accepts a valid record and returns it; rejects an invalid one with ajv's errors", () => {
    const record = iamCreatePolicy();
    expect(validate({ payload: record, schema: strictSchema, ajv: ajv2020() })).toEqual(record);
    const error = thrown(() => validate({ payload: unknownMember(), schema: strictSchema, ajv: ajv2020() }));
    expect(error).toBeInstanceOf(SchemaValidationError);
    expect((error as Error).cause).toContainEqual(expect.objectContaining({ instancePath: "/requestParameters", keyword: "additionalProperties", params: { additionalProperty: "notInTheModel" } }));
    // Compatible mode lets the unknown member through, as CloudTrail's new fields must.
    expect(validate({ payload: unknownMember(), schema: getEventSchema("iam", "CreatePolicy"), ajv: ajv2020() })).toBeTruthy();
  });

  it("validates the record inside an EventBridge event with envelope detail", () => {
    const event = eventBridge(iamCreatePolicy());
    expect(validate({ payload: event, schema: strictSchema, envelope: "detail", ajv: ajv2020() })).toEqual(iamCreatePolicy());
    expect(thrown(() => validate({ payload: eventBridge(stsAssumeRole()), schema: strictSchema, envelope: "detail", ajv: ajv2020() }))).toBeInstanceOf(SchemaValidationError);
  });

  it("needs an Ajv2020 instance: its default draft-07 ajv cannot compile a 2020-12 schema", () => {
    expect(thrown(() => validate({ payload: iamCreatePolicy(), schema: strictSchema }))).toBeInstanceOf(SchemaCompilationError);
  });

  it("works with an instance that already has the schemas (addCloudTrailSchemas), by $ref", () => {
    const ajv = new Ajv2020();
    addCloudTrailSchemas(ajv, ["iam"], { mode: "strict" });
    const schema = { $ref: getEventSchemaId("iam", "CreatePolicy", { mode: "strict" }) };
    expect(validate({ payload: iamCreatePolicy(), schema, ajv: ajv as never })).toEqual(iamCreatePolicy());
    expect(thrown(() => validate({ payload: unknownMember(), schema, ajv: ajv as never }))).toBeInstanceOf(SchemaValidationError);
  });
});

describe("Powertools validator middleware (middy)", () => {
  const handlerFor = () =>
    middy(async (event: { detail: unknown }) => (event as unknown as { requestParameters: { policyName: string } }).requestParameters.policyName).use(
      validator({ inboundSchema: strictSchema, envelope: "detail", ajv: ajv2020() }),
    );
  const context = {} as Context;

  it("hands the handler the validated record of an EventBridge event", async () => {
    await expect(handlerFor()(eventBridge(iamCreatePolicy()) as never, context)).resolves.toBe((iamCreatePolicy().requestParameters as { policyName: string }).policyName);
  });

  it("rejects an event whose record does not match, before the handler runs", async () => {
    await expect(handlerFor()(eventBridge(unknownMember()) as never, context)).rejects.toBeInstanceOf(SchemaValidationError);
  });
});
