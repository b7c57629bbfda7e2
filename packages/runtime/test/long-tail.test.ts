/**
 * Issue 10's long tail through the public API: trimmed exports, unmodeled API calls, the curated CodeCommit
 * Git and SSM agent events, JSON error documents and query-string integers logged as text. Every record here
 * is written for the test, modelled on what the records of those kinds hold.
 */
import { describe, expect, it } from "vitest";
import { assertCloudTrailEvent, isCloudTrailEvent, resolveEvent, validateEvent } from "../src/index.js";
import { iamCreatePolicy } from "./fixtures.js";

/** What a SIEM export keeps of a record: no eventVersion, userIdentity, eventType, recipientAccountId... */
const trimmedExport = () => ({
  eventTime: "2025-05-02T10:11:12Z",
  eventID: "6b8d5d1c-2a8e-4cf0-9d3e-1f2a3b4c5d6e",
  eventSource: "iam.amazonaws.com",
  eventName: "CreatePolicy",
  awsRegion: "us-east-1",
  userAgent: "aws-cli/2.15.30",
  requestParameters: { policyName: "deploy-artifacts-read", policyDocument: '{"Version":"2012-10-17","Statement":[]}' },
  responseElements: null,
});

const api = (eventSource: string, eventName: string, extra: Record<string, unknown> = {}) => ({
  eventVersion: "1.09",
  userIdentity: { type: "AssumedRole", principalId: "AROAEXAMPLE:i-0abc1234def567890", arn: "arn:aws:sts::123456789012:assumed-role/ssm-role/i-0abc1234def567890", accountId: "123456789012" },
  eventTime: "2025-05-02T10:11:12Z",
  eventSource,
  eventName,
  awsRegion: "eu-west-1",
  sourceIPAddress: "198.51.100.7",
  userAgent: "amazon-ssm-agent/3.3.0",
  requestParameters: null,
  responseElements: null,
  requestID: "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
  eventID: "1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a",
  readOnly: false,
  eventType: "AwsApiCall",
  managementEvent: true,
  recipientAccountId: "123456789012",
  eventCategory: "Management",
  ...extra,
});

describe("trimmed exports", () => {
  it("compatible validates what is present and flags the record with what is missing", () => {
    const r = validateEvent(trimmedExport());
    expect(r).toMatchObject({ valid: true, service: "iam", operation: "CreatePolicy", trimmed: true });
    expect(r.missingFields).toEqual(["eventType", "eventVersion", "sourceIPAddress", "userIdentity"]);
  });

  it("strict keeps requiring the full envelope, and says the record is trimmed", () => {
    const r = validateEvent(trimmedExport(), { mode: "strict" });
    expect(r.valid).toBe(false);
    expect(r.trimmed).toBe(true);
    expect(r.errors.map((e) => e.keyword)).toContain("required");
  });

  it("a present field of the wrong type is still invalid", () => {
    const r = validateEvent({ ...trimmedExport(), awsRegion: 1 });
    expect(r.valid).toBe(false);
    expect(r.errors[0]?.path).toBe("/awsRegion");
  });

  it("a payload of the wrong type is still invalid", () => {
    const record = trimmedExport();
    record.requestParameters.policyName = 7 as never;
    expect(validateEvent(record).valid).toBe(false);
  });

  it("a bare {eventSource, eventName} fragment is no record", () => {
    const r = validateEvent({ eventSource: "iam.amazonaws.com", eventName: "CreatePolicy" });
    expect(r.valid).toBe(false);
    expect(r.trimmed).toBeUndefined();
  });

  it.each([
    ["only eventTime", { eventTime: "2025-05-02T10:11:12Z" }],
    ["only eventID", { eventID: "6b8d5d1c-2a8e-4cf0-9d3e-1f2a3b4c5d6e" }],
    ["only eventVersion", { eventVersion: "1.08" }],
  ])("a record with %s beside its names is a trimmed export", (_n, extra) => {
    const r = validateEvent({ eventSource: "iam.amazonaws.com", eventName: "CreatePolicy", ...extra });
    expect(r.valid).toBe(true);
    expect(r.trimmed).toBe(true);
  });

  it("a full record is not flagged", () => {
    const r = validateEvent(iamCreatePolicy());
    expect(r.valid).toBe(true);
    expect(r.trimmed).toBeUndefined();
    expect(r.missingFields).toBeUndefined();
  });

  // The guards narrow to types that declare the whole envelope (issue 9), so a trimmed export that
  // validateEvent accepts is not narrowed: `record.userIdentity.arn` would read off undefined.
  it("the type guards do not narrow a trimmed export, in either mode", () => {
    expect(validateEvent(trimmedExport()).valid).toBe(true);
    expect(isCloudTrailEvent(trimmedExport())).toBe(false);
    expect(isCloudTrailEvent(trimmedExport(), "iam", "CreatePolicy")).toBe(false);
    expect(isCloudTrailEvent(trimmedExport(), { mode: "strict" })).toBe(false);
    expect(() => assertCloudTrailEvent(trimmedExport(), "iam")).toThrow(/eventType.*the event types declare it.*and 3 more/);
  });

  it("the type guards do not narrow a format-1.0 record without eventID, which strict mode accepts", () => {
    const old: Record<string, unknown> = { ...iamCreatePolicy(), eventVersion: "1.0" };
    delete old.eventID;
    delete old.eventType;
    expect(validateEvent(old, { mode: "strict" }).valid).toBe(true);
    expect(isCloudTrailEvent(old, { mode: "strict" })).toBe(false);
  });

  it("the type guards narrow a full record", () => {
    expect(isCloudTrailEvent(iamCreatePolicy())).toBe(true);
    expect(isCloudTrailEvent(iamCreatePolicy(), "iam", "CreatePolicy", { mode: "strict" })).toBe(true);
  });

  it("does not change the record", () => {
    const record = trimmedExport();
    const copy = structuredClone(record);
    validateEvent(record);
    validateEvent(record, { mode: "strict" });
    expect(record).toEqual(copy);
  });
});

describe("unmodeled API calls", () => {
  it("resolveEvent returns them as unmodeled, not as unknown", () => {
    expect(resolveEvent(api("cloudshell.amazonaws.com", "createSession"))).toEqual({ service: "unmodeled-api-calls", operation: "UnmodeledApiCall", unmodeled: true });
    expect(resolveEvent(api("ssm.amazonaws.com", "UpdateInstanceInformation"))).toMatchObject({ unmodeled: true });
  });

  it("they validate against the envelope with open bodies, and the result says so", () => {
    const record = api("supportplans.amazonaws.com", "GetSupportPlan", { requestParameters: { anything: ["goes", 1] }, responseElements: { supportPlan: { supportLevel: "BASIC" } } });
    expect(validateEvent(record)).toMatchObject({ valid: true, service: "unmodeled-api-calls", unmodeled: true });
  });

  it("strict mode, which checks against a model, rejects them and says why", () => {
    const record = api("cloudshell.amazonaws.com", "createSession");
    const r = validateEvent(record, { mode: "strict" });
    expect(r).toMatchObject({ valid: false, unmodeled: true, errors: [{ path: "/eventName", keyword: "unmodeled" }] });
    expect(isCloudTrailEvent(record, { mode: "strict" })).toBe(false);
    expect(isCloudTrailEvent(record)).toBe(true);
  });

  it("the envelope is still checked", () => {
    expect(validateEvent(api("cloudshell.amazonaws.com", "createSession", { readOnly: "no" }))).toMatchObject({ valid: false, unmodeled: true });
  });

  it("names outside the table stay unknown", () => {
    expect(resolveEvent(api("iam.amazonaws.com", "NotCreateUser"))).toBeUndefined();
    expect(resolveEvent(api("nosuchservice.amazonaws.com", "DoThing"))).toBeUndefined();
    expect(validateEvent(api("iam.amazonaws.com", "NotCreateUser")).errors[0]?.path).toBe("/eventName");
  });

  it("modelled calls carry no unmodeled flag", () => {
    expect(resolveEvent(iamCreatePolicy())).toEqual({ service: "iam", operation: "CreatePolicy" });
    expect(validateEvent(iamCreatePolicy()).unmodeled).toBeUndefined();
  });
});

describe("curated CodeCommit Git events and SSM agent channel calls", () => {
  const gitDetails = { protocol: "HTTP", capabilities: ["report-status", "side-band-64k"], dataTransferred: true, repositoryName: "web-app", repositoryId: "3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b" };

  it("resolves and validates GitPush with its references and additionalEventData", () => {
    const push = api("codecommit.amazonaws.com", "GitPush", {
      userAgent: "git/2.43.0",
      requestParameters: { references: [{ commit: "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432", ref: "refs/heads/main" }] },
      additionalEventData: gitDetails,
    });
    expect(resolveEvent(push)).toEqual({ service: "codecommit-git", operation: "GitPush" });
    expect(validateEvent(push, { mode: "strict" })).toMatchObject({ valid: true });
    expect(validateEvent({ ...push, additionalEventData: { ...gitDetails, dataTransferred: "yes" } }).valid).toBe(false);
  });

  it("GitPull has no requestParameters", () => {
    const pull = api("codecommit.amazonaws.com", "GitPull", { readOnly: true, additionalEventData: { ...gitDetails, dataTransferred: false, shallow: false } });
    expect(validateEvent(pull, { mode: "strict" }).valid).toBe(true);
  });

  it("resolves the agent's channel calls by eventSource", () => {
    expect(resolveEvent(api("ssmmessages.amazonaws.com", "OpenDataChannel"))).toEqual({ service: "ssm-agent-channels", operation: "ssmmessages:OpenDataChannel" });
    expect(resolveEvent(api("ec2messages.amazonaws.com", "AcknowledgeMessage"))).toEqual({ service: "ssm-agent-channels", operation: "ec2messages:AcknowledgeMessage" });
    expect(validateEvent(api("ec2messages.amazonaws.com", "GetMessages", { readOnly: true })).valid).toBe(true);
  });
});

describe("JSON error documents and query-string integers", () => {
  const failed = api("guardduty.amazonaws.com", "GetDetector", {
    userAgent: "aws-cli/2.15.30",
    requestParameters: { detectorId: "12abc34d567e8fa901bc2d34e56789f0" },
    errorCode: "BadRequestException",
    errorMessage: "The request is rejected because the input detectorId is not owned by the current account.",
    responseElements: { message: "The request is rejected because the input detectorId is not owned by the current account.", __type: "InvalidInputException" },
  });

  it("compatible accepts the error document; strict follows the model", () => {
    expect(validateEvent(failed).valid).toBe(true);
    expect(validateEvent(failed, { mode: "strict" }).valid).toBe(false);
  });

  const list = (maxResults: unknown) =>
    api("guardduty.amazonaws.com", "ListDetectors", { userAgent: "aws-cli/2.15.30", readOnly: true, requestParameters: { maxResults }, responseElements: null });
  const ebs = (maxResults: unknown) =>
    api("ebs.amazonaws.com", "ListSnapshotBlocks", {
      userAgent: "aws-cli/2.15.30",
      readOnly: true,
      requestParameters: { snapshotId: "snap-0123456789abcdef0", maxResults },
      responseElements: null,
      eventCategory: "Data",
      managementEvent: false,
    });

  it.each([
    ["guardduty text, compatible", list("50"), "compatible", true],
    ["guardduty text, strict (evidence)", list("50"), "strict", true],
    ["guardduty number, strict", list(50), "strict", true],
    ["guardduty word, strict (the text must be an integer)", list("fifty"), "strict", false],
    ["ebs text, compatible", ebs("100"), "compatible", true],
    ["ebs text, strict (ebs logs numbers)", ebs("100"), "strict", false],
    ["ebs number, strict", ebs(100), "strict", true],
  ] as const)("%s", (_n, record, mode, want) => {
    expect(validateEvent(record, { mode }).valid).toBe(want);
  });
});
