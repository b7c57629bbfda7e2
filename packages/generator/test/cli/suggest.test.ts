import { describe, expect, it } from "vitest";
import { GeneratorError } from "../../src/errors.js";
import { closeMatches, editDistance } from "../../src/cli/suggest.js";
import { formatTarget, parseTarget } from "../../src/cli/target.js";

const SERVICES = ["iam", "iam-toolbox", "oam", "ram", "lambda", "ec2", "ecs", "s3", "s3control", "sts"];
const OPS = ["CreatePolicy", "CreatePolicyVersion", "CreateRole", "GetPolicy", "DeletePolicy", "ListPolicies"];

describe("closeMatches", () => {
  it.each<[string, { given: [string, string[]]; want: string[] }]>([
    ["the same name in another case, alone", { given: ["Iam", SERVICES], want: ["iam"] }],
    ["an operation in lower case", { given: ["createpolicy", OPS], want: ["CreatePolicy"] }],
    ["a letter missing", { given: ["CreatPolicy", OPS], want: ["CreatePolicy"] }],
    ["two letters swapped", { given: ["lmabda", SERVICES], want: ["lambda"] }],
    ["a prefix", { given: ["CreatePol", OPS], want: ["CreatePolicy", "CreatePolicyVersion"] }],
    ["nothing close", { given: ["zzzzzz", SERVICES], want: [] }],
    ["a short name does not match everything", { given: ["ec", SERVICES], want: ["ec2", "ecs"] }],
    ["empty", { given: ["", SERVICES], want: [] }],
  ])("%s", (_n, { given, want }) => expect(closeMatches(...given)).toEqual(want));

  it.each<[string, string, number]>([
    ["", "abc", 3],
    ["abc", "abc", 0],
    ["abc", "acb", 1],
    ["kitten", "sitting", 3],
  ])("editDistance(%j, %j) = %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe("parseTarget", () => {
  it.each<[string, { given: string[]; want: ReturnType<typeof parseTarget> }]>([
    ["nothing", { given: [], want: {} }],
    ["a service", { given: ["iam"], want: { service: "iam" } }],
    ["an operation", { given: ["iam.CreatePolicy"], want: { service: "iam", operation: "CreatePolicy" } }],
    ["an input", { given: ["iam.CreatePolicy.input"], want: { service: "iam", operation: "CreatePolicy", part: "input" } }],
    ["words", { given: ["iam", "CreatePolicy", "output"], want: { service: "iam", operation: "CreatePolicy", part: "output" } }],
    ["mixed", { given: ["iam.CreatePolicy", "output"], want: { service: "iam", operation: "CreatePolicy", part: "output" } }],
    ["CloudTrail's name for a part", { given: ["iam.CreatePolicy.responseElements"], want: { service: "iam", operation: "CreatePolicy", part: "output" } }],
    ["a part in capitals", { given: ["iam.CreatePolicy.INPUT"], want: { service: "iam", operation: "CreatePolicy", part: "input" } }],
  ])("%s", (_n, { given, want }) => {
    expect(parseTarget(given)).toEqual(want);
    if (want.service) expect(parseTarget([formatTarget(want)])).toEqual(want);
  });

  it.each<[string, string[], RegExp]>([
    ["an empty segment", ["iam..output"], /empty name/],
    ["a trailing dot", ["iam."], /empty name/],
    ["four parts", ["a.b.c.d"], /has 4 parts/],
    ["an unknown part", ["iam.CreatePolicy.outptu"], /not a part of an operation/],
  ])("rejects %s", (_n, given, want) => {
    expect(() => parseTarget(given)).toThrow(want);
    try {
      parseTarget(given);
    } catch (e) {
      expect((e as GeneratorError).code).toBe("E_USAGE");
    }
  });
});
