import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import Ajv2020Module from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ANY_EVENT_SOURCE,
  CURATED_EVENT_TYPES,
  CURATED_RULES,
  curatedServices,
  parseSourcedOperationName,
  resolveCurated,
  sourcedOperationName,
  UNMODELED,
  type CuratedMatch,
} from "../src/curated/index.js";
import { defNames, emitServiceSchema, VOCABULARY } from "../src/emit-schema.js";
import { envelopeSchema } from "../src/envelope.js";
import type { JsonSchema } from "../src/json-schema.js";
import type { LoggedService, LogType } from "../src/log-model.js";
import { toStrict } from "../src/modes.js";

const Ajv2020 = Ajv2020Module.default;

const snapshotDir = join(import.meta.dirname, "..", "..", "..", "data", "botocore");
const botocoreManifest = JSON.parse(readFileSync(join(snapshotDir, "manifest.json"), "utf8")) as { services: Record<string, unknown> };
const botocoreModel = (service: string) =>
  JSON.parse(gunzipSync(readFileSync(join(snapshotDir, `${service}.json.gz`))).toString("utf8")) as {
    metadata: { endpointPrefix: string };
    operations: Record<string, unknown>;
  };

const services = curatedServices();
const byName = new Map(services.map((s) => [s.name, s]));

describe("curatedServices()", () => {
  it("lists the curated services sorted by name, each marked curated", () => {
    expect(services.map((s) => s.name)).toEqual([
      "aws-console-actions",
      "aws-service-events",
      "cloudtrail-insights",
      "codecommit-git",
      "signin-console",
      "ssm-agent-channels",
      "unmodeled-api-calls",
    ]);
    for (const s of services) expect(s.curated, s.name).toBe(true);
  });

  it("never takes a botocore service name", () => {
    const botocore = new Set(Object.keys(botocoreManifest.services));
    expect(botocore.has("signin")).toBe(true); // why the sign-in events are called signin-console
    for (const s of services) expect(botocore.has(s.name), s.name).toBe(false);
  });

  it("sorts operations and defs by name (code-unit order) and documents every operation", () => {
    for (const s of services) {
      const names = s.operations.map((o) => o.name);
      expect(names, s.name).toEqual([...names].sort());
      expect(Object.keys(s.defs)).toEqual(Object.keys(s.defs).sort());
      for (const op of s.operations) expect(op.doc?.length ?? 0, `${s.name} ${op.name}`).toBeGreaterThan(20);
    }
  });

  it("resolves every ref to a def of its service", () => {
    const refs = (t: LogType | null): string[] => {
      if (t === null) return [];
      switch (t.kind) {
        case "ref":
          return [t.def];
        case "object":
        case "union":
          return t.fields.flatMap((f) => refs(f.type));
        case "array":
          return refs(t.items);
        case "map":
          return [...refs(t.keys), ...refs(t.values)];
        case "oneOf":
          return t.options.flatMap(refs);
        default:
          return [];
      }
    };
    for (const s of services) {
      for (const op of s.operations) for (const def of [...refs(op.request), ...refs(op.response)]) expect(s.defs, `${s.name} ${op.name}`).toHaveProperty(def);
    }
  });

  it("is deterministic and returns fresh objects on every call", () => {
    expect(JSON.stringify(curatedServices())).toBe(JSON.stringify(curatedServices()));
    const first = curatedServices();
    first[0]!.operations.length = 0;
    first[4]!.defs["SigninOutcome"] = { kind: "any" };
    expect(curatedServices()).toEqual(services);
  });

  it("keys eventType-keyed services by eventType and names their sourced operations <source>:<eventName>", () => {
    // ssm-agent-channels and unmodeled-api-calls are API calls of several eventSources, found by resolve tables.
    const bySourceTable = new Set(["ssm-agent-channels", "unmodeled-api-calls"]);
    for (const s of services.filter((s) => s.eventSource === ANY_EVENT_SOURCE)) {
      if (bySourceTable.has(s.name)) expect(CURATED_EVENT_TYPES[s.name], s.name).toBeUndefined();
      else expect(CURATED_EVENT_TYPES[s.name], s.name).toMatch(/^Aws/);
      for (const op of s.operations) {
        const parsed = parseSourcedOperationName(op.name);
        if (parsed) {
          expect(op.eventNames).toEqual([parsed.eventName]);
          expect(sourcedOperationName(parsed.eventSource, parsed.eventName)).toBe(op.name);
        } else {
          expect(op.eventNames, `${s.name} ${op.name}: fallback and Insights operations match no eventName`).toEqual([]);
        }
        if (s.name === "ssm-agent-channels") expect(parsed, op.name).toBeDefined();
        if (s.name === "ssm-agent-channels" && parsed) expect(op.eventSource).toBe(parsed.eventSource);
      }
    }
  });
});

describe("signin-console beside botocore's signin", () => {
  const signin = byName.get("signin-console")!;

  it("shares the eventSource of botocore signin", () => {
    const model = botocoreModel("signin");
    expect(`${model.metadata.endpointPrefix}.amazonaws.com`).toBe(signin.eventSource);
  });

  it("never shares an eventName with it", () => {
    const api = new Set(Object.keys(botocoreModel("signin").operations));
    for (const op of signin.operations) for (const name of op.eventNames) expect(api.has(name), name).toBe(false);
  });

  it("models the outcome of console sign-in in responseElements and leaves requestParameters null", () => {
    const login = signin.operations.find((o) => o.name === "ConsoleLogin")!;
    expect(login.request).toBeNull();
    expect(login.response).toMatchObject({ kind: "object", fields: [{ name: "ConsoleLogin", required: true, type: { kind: "ref", def: "SigninOutcome" } }] });
    expect(signin.defs["SigninOutcome"]).toMatchObject({ kind: "string", enum: ["Failure", "Success"] });
    for (const key of ["LoginTo", "MobileVersion", "MFAUsed", "MFAIdentifier", "CredentialType"]) expect(login.doc).toContain(key);
  });

  it("types additionalEventData (open, strings) where the doc names its keys, and the AWS sign-in outcome in serviceEventDetails", () => {
    const keys = (t: LogType | undefined) => (t?.kind === "object" ? t.fields.map((f) => f.name) : undefined);
    const byOp = new Map(signin.operations.map((o) => [o.name, o]));
    expect(keys(byOp.get("ConsoleLogin")!.additionalEventData)).toEqual(["CredentialType", "LoginTo", "MFAIdentifier", "MFAUsed", "MobileVersion", "SamlProviderArn"]);
    expect(keys(byOp.get("UserAuthentication")!.additionalEventData)).toEqual(["AuthWorkflowID", "CredentialType", "DeviceEnrollmentRequired", "LoginTo"]);
    for (const o of signin.operations) {
      const data = o.additionalEventData;
      if (!data) continue;
      expect(data, o.name).toMatchObject({ kind: "object", open: true });
      // Each key it types is one the operation's doc names, so the two never disagree.
      for (const k of keys(data)!) if (k !== "DeviceEnrollmentRequired" && k !== "SamlProviderArn") expect(o.doc, `${o.name} ${k}`).toContain(k);
      for (const f of (data as Extract<LogType, { kind: "object" }>).fields) expect(f.type, `${o.name} ${f.name}`).toEqual({ kind: "string" });
    }
    expect(byOp.get("GetSigninToken")!.additionalEventData).toBeUndefined();
    for (const name of ["CredentialChallenge", "CredentialVerification", "UserAuthentication"]) {
      expect(keys(byOp.get(name)!.serviceEventDetails), name).toEqual([name]);
    }
    expect(byOp.get("ConsoleLogin")!.serviceEventDetails).toBeUndefined();
  });
});

describe("aws-service-events beside the botocore services", () => {
  it("names no operation that the same eventSource's API already has", () => {
    const sourced = byName
      .get("aws-service-events")!
      .operations.map((o) => parseSourcedOperationName(o.name))
      .filter((p) => p !== undefined);
    const sources = new Set(sourced.map((p) => p.eventSource));
    const apiBySource = new Map<string, Set<string>>();
    for (const file of readdirSync(snapshotDir).filter((f) => f.endsWith(".json.gz"))) {
      const model = botocoreModel(file.replace(/\.json\.gz$/, ""));
      const source = `${model.metadata.endpointPrefix}.amazonaws.com`;
      if (!sources.has(source)) continue;
      const ops = apiBySource.get(source) ?? new Set<string>();
      for (const op of Object.keys(model.operations)) ops.add(op);
      apiBySource.set(source, ops);
    }
    expect([...apiBySource.keys()].sort()).toEqual([...sources].sort()); // every source is a botocore service's
    for (const { eventSource, eventName } of sourced) expect(apiBySource.get(eventSource)?.has(eventName), `${eventSource} ${eventName}`).toBe(false);
  });
});

describe("codecommit-git, ssm-agent-channels and the unmodeled table beside botocore", () => {
  const botocore = Object.keys(botocoreManifest.services);
  /** eventSource (endpointPrefix.amazonaws.com, the default rule) -> operation names of the services under it. */
  const operationsBySource = new Map<string, Set<string>>();
  for (const name of botocore) {
    const model = botocoreModel(name);
    const source = `${model.metadata.endpointPrefix}.amazonaws.com`;
    const ops = operationsBySource.get(source) ?? new Set<string>();
    for (const op of Object.keys(model.operations)) ops.add(op);
    operationsBySource.set(source, ops);
  }

  it("Git events share codecommit's eventSource and none of its operation names", () => {
    const git = byName.get("codecommit-git")!;
    expect(git.eventSource).toBe(`${botocoreModel("codecommit").metadata.endpointPrefix}.amazonaws.com`);
    for (const op of git.operations) expect(operationsBySource.get(git.eventSource)!.has(op.name), op.name).toBe(false);
  });

  it("agent channel sources have no botocore model", () => {
    for (const op of byName.get("ssm-agent-channels")!.operations) expect(operationsBySource.has(op.eventSource!), op.name).toBe(false);
  });

  it("unmodeled sources (*) have no botocore model; listed eventNames are no operation of their source", () => {
    for (const [source, entry] of Object.entries(UNMODELED)) {
      if (entry.eventNames === "*") expect(operationsBySource.has(source), source).toBe(false);
      else for (const name of entry.eventNames) expect(operationsBySource.get(source)?.has(name), `${source} ${name}`).toBe(false);
      expect(entry.why.length, source).toBeGreaterThan(20);
      expect(entry.evidence.length, source).toBeGreaterThan(20);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// resolveCurated. Records are cut to the fields resolution reads, plus enough to recognise them.

const base = { eventVersion: "1.08", awsRegion: "us-east-1", eventTime: "2025-04-01T07:58:03Z", eventID: "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e" };

const resolveCases: [string, { given: unknown; want: CuratedMatch | undefined }][] = [
  ["console sign-in", { given: { ...base, eventSource: "signin.amazonaws.com", eventName: "ConsoleLogin", eventType: "AwsConsoleSignIn" }, want: { service: "signin-console", operation: "ConsoleLogin" } }],
  ["console sign-in with the old eventType spelling", { given: { ...base, eventSource: "signin.amazonaws.com", eventName: "ConsoleLogin", eventType: "AwsConsoleSignin" }, want: { service: "signin-console", operation: "ConsoleLogin" } }],
  ["console sign-in from a 1.0x record without eventType", { given: { eventVersion: "1.05", eventSource: "signin.amazonaws.com", eventName: "ConsoleLogin" }, want: { service: "signin-console", operation: "ConsoleLogin" } }],
  ["MFA check", { given: { ...base, eventSource: "signin.amazonaws.com", eventName: "CheckMfa", eventType: "AwsConsoleSignIn" }, want: { service: "signin-console", operation: "CheckMfa" } }],
  ["role switch", { given: { ...base, eventSource: "signin.amazonaws.com", eventName: "SwitchRole", eventType: "AwsConsoleSignIn" }, want: { service: "signin-console", operation: "SwitchRole" } }],
  ["AWS sign-in credential step is a service event of signin", { given: { ...base, eventSource: "signin.amazonaws.com", eventName: "CredentialChallenge", eventType: "AwsServiceEvent" }, want: { service: "signin-console", operation: "CredentialChallenge" } }],
  ["federation token logged as an API call", { given: { ...base, eventSource: "signin.amazonaws.com", eventName: "GetSigninToken", eventType: "AwsApiCall" }, want: { service: "signin-console", operation: "GetSigninToken" } }],
  ["botocore signin API call is not curated", { given: { ...base, eventSource: "signin.amazonaws.com", eventName: "CreateOAuth2Token", eventType: "AwsApiCall" }, want: undefined }],
  ["documented service event", { given: { ...base, eventSource: "kms.amazonaws.com", eventName: "RotateKey", eventType: "AwsServiceEvent" }, want: { service: "aws-service-events", operation: "kms:RotateKey" } }],
  ["service event of a service with a dash", { given: { ...base, eventSource: "cognito-idp.amazonaws.com", eventName: "Token_POST", eventType: "AwsServiceEvent" }, want: { service: "aws-service-events", operation: "cognito-idp:Token_POST" } }],
  ["same eventName from another source falls back", { given: { ...base, eventSource: "s3.amazonaws.com", eventName: "RotateKey", eventType: "AwsServiceEvent" }, want: { service: "aws-service-events", operation: "AwsServiceEvent" } }],
  ["undocumented service event falls back", { given: { ...base, eventSource: "health.amazonaws.com", eventName: "SomethingHappened", eventType: "AwsServiceEvent" }, want: { service: "aws-service-events", operation: "AwsServiceEvent" } }],
  ["API call logged as a service event (format 1.03) falls back", { given: { ...base, eventVersion: "1.03", eventSource: "kms.amazonaws.com", eventName: "Decrypt", eventType: "AwsServiceEvent" }, want: { service: "aws-service-events", operation: "AwsServiceEvent" } }],
  ["console action", { given: { ...base, eventSource: "billingconsole.amazonaws.com", eventName: "GetContactInformation", eventType: "AwsConsoleAction" }, want: { service: "aws-console-actions", operation: "AwsConsoleAction" } }],
  ["call-rate Insights event", { given: { ...base, eventType: "AwsCloudTrailInsight", insightDetails: { state: "Start", insightType: "ApiCallRateInsight" } }, want: { service: "cloudtrail-insights", operation: "ApiCallRateInsight" } }],
  ["error-rate Insights event", { given: { ...base, eventType: "AwsCloudTrailInsight", insightDetails: { state: "End", insightType: "ApiErrorRateInsight", errorCode: "AccessDenied" } }, want: { service: "cloudtrail-insights", operation: "ApiErrorRateInsight" } }],
  ["Insights event without eventType", { given: { ...base, insightDetails: { insightType: "ApiCallRateInsight" } }, want: { service: "cloudtrail-insights", operation: "ApiCallRateInsight" } }],
  ["Insights event of an unknown kind", { given: { ...base, eventType: "AwsCloudTrailInsight", insightDetails: { insightType: "ApiLatencyInsight" } }, want: undefined }],
  ["insightDetails on an API call is not an Insights event", { given: { ...base, eventType: "AwsApiCall", eventSource: "ec2.amazonaws.com", eventName: "RunInstances", insightDetails: { insightType: "ApiCallRateInsight" } }, want: undefined }],
  ["API call", { given: { ...base, eventSource: "ec2.amazonaws.com", eventName: "RunInstances", eventType: "AwsApiCall" }, want: undefined }],
  ["network activity event resolves to its API", { given: { ...base, eventSource: "s3.amazonaws.com", eventName: "GetObject", eventType: "AwsVpceEvent" }, want: undefined }],
  ["sign-in eventType on another source", { given: { ...base, eventSource: "billingconsole.amazonaws.com", eventName: "SetContactAddress", eventType: "AwsConsoleSignIn" }, want: undefined }],
  ["service event without eventSource or eventName", { given: { ...base, eventType: "AwsServiceEvent" }, want: { service: "aws-service-events", operation: "AwsServiceEvent" } }],
  ["eventName of the wrong type", { given: { ...base, eventSource: "signin.amazonaws.com", eventName: ["ConsoleLogin"] }, want: undefined }],
  ["CodeCommit git pull", { given: { ...base, eventSource: "codecommit.amazonaws.com", eventName: "GitPull", eventType: "AwsApiCall" }, want: { service: "codecommit-git", operation: "GitPull" } }],
  ["CodeCommit git push without eventType (trimmed)", { given: { eventTime: base.eventTime, eventSource: "codecommit.amazonaws.com", eventName: "GitPush" }, want: { service: "codecommit-git", operation: "GitPush" } }],
  ["CodeCommit API call is not curated", { given: { ...base, eventSource: "codecommit.amazonaws.com", eventName: "CreateRepository", eventType: "AwsApiCall" }, want: undefined }],
  ["GitPull under another eventSource is not a Git event", { given: { ...base, eventSource: "codebuild.amazonaws.com", eventName: "GitPull", eventType: "AwsApiCall" }, want: undefined }],
  ["Session Manager control channel", { given: { ...base, eventSource: "ssmmessages.amazonaws.com", eventName: "CreateControlChannel", eventType: "AwsApiCall" }, want: { service: "ssm-agent-channels", operation: "ssmmessages:CreateControlChannel" } }],
  ["Run Command message poll", { given: { ...base, eventSource: "ec2messages.amazonaws.com", eventName: "GetMessages", eventType: "AwsApiCall" }, want: { service: "ssm-agent-channels", operation: "ec2messages:GetMessages" } }],
  ["an ec2messages name under ssmmessages is not an agent call", { given: { ...base, eventSource: "ssmmessages.amazonaws.com", eventName: "GetMessages", eventType: "AwsApiCall" }, want: undefined }],
  ["CloudShell console call is unmodeled", { given: { ...base, eventSource: "cloudshell.amazonaws.com", eventName: "createSession", eventType: "AwsApiCall" }, want: { service: "unmodeled-api-calls", operation: "UnmodeledApiCall", unmodeled: true } }],
  ["SSM agent call under ssm is unmodeled", { given: { ...base, eventSource: "ssm.amazonaws.com", eventName: "UpdateInstanceInformation", eventType: "AwsApiCall" }, want: { service: "unmodeled-api-calls", operation: "UnmodeledApiCall", unmodeled: true } }],
  ["an ssm API call is not unmodeled", { given: { ...base, eventSource: "ssm.amazonaws.com", eventName: "SendCommand", eventType: "AwsApiCall" }, want: undefined }],
  ["a detection test's negative stays unknown", { given: { ...base, eventSource: "iam.amazonaws.com", eventName: "NotCreateUser", eventType: "AwsApiCall" }, want: undefined }],
  ["an unmodeled source's service event is a service event", { given: { ...base, eventSource: "cloudshell.amazonaws.com", eventName: "createSession", eventType: "AwsServiceEvent" }, want: { service: "aws-service-events", operation: "AwsServiceEvent" } }],
  ["not a record", { given: "ConsoleLogin", want: undefined }],
  ["null", { given: null, want: undefined }],
  ["an array", { given: [{ eventType: "AwsServiceEvent" }], want: undefined }],
];

describe("resolveCurated", () => {
  it.each(resolveCases)("%s", (_name, { given, want }) => {
    expect(resolveCurated(given)).toEqual(want);
  });

  it("applies its rules in a documented order", () => {
    expect(CURATED_RULES.map((r) => r.id)).toEqual([
      "insights-by-insight-type",
      "signin-by-event-name",
      "service-event-by-source-and-name",
      "console-action-by-source-and-name",
      "codecommit-git-by-event-name",
      "agent-channel-by-source-and-name",
      "unmodeled-by-source-and-name",
    ]);
    for (const rule of CURATED_RULES) expect(rule.why.length).toBeGreaterThan(20);
  });

  it("never throws, is deterministic, and names only operations that exist", () => {
    const eventType = fc.constantFrom("AwsApiCall", "AwsServiceEvent", "AwsConsoleAction", "AwsConsoleSignIn", "AwsCloudTrailInsight", "AwsVpceEvent");
    const record = fc.record(
      {
        eventType: fc.oneof(eventType, fc.jsonValue()),
        eventSource: fc.oneof(fc.constantFrom("signin.amazonaws.com", "kms.amazonaws.com", "x.amazonaws.com"), fc.jsonValue()),
        eventName: fc.oneof(fc.constantFrom("ConsoleLogin", "RotateKey", "CreateOAuth2Token"), fc.jsonValue()),
        insightDetails: fc.oneof(fc.record({ insightType: fc.oneof(fc.constantFrom("ApiCallRateInsight", "ApiErrorRateInsight"), fc.jsonValue()) }), fc.jsonValue()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(record, fc.jsonValue()), (r) => {
        const got = resolveCurated(r);
        expect(resolveCurated(structuredClone(r))).toEqual(got);
        if (got) expect(byName.get(got.service)?.operations.some((o) => o.name === got.operation), JSON.stringify(got)).toBe(true);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// signin-console through the JSON Schema emitter and the envelope: the records validate as modelled.

describe("signin-console records against the emitted schema", () => {
  const signin = byName.get("signin-console") as LoggedService;
  const doc = emitServiceSchema(signin, { botocoreVersion: "1.43.117" });

  const validate = (mode: "compatible" | "strict", operation: string) => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: false });
    ajv.addVocabulary([...VOCABULARY]);
    const envelope = envelopeSchema("1.43.117");
    ajv.addSchema(mode === "strict" ? toStrict(envelope) : envelope);
    ajv.addSchema(mode === "strict" ? toStrict(doc) : doc);
    const v = ajv.getSchema(`${doc["$id"] as string}#/$defs/${defNames(operation).event}`)!;
    return (record: unknown) => v(record);
  };

  const consoleLogin = {
    eventVersion: "1.08",
    userIdentity: { type: "Root", principalId: "111122223333", arn: "arn:aws:iam::111122223333:root", accountId: "111122223333", accessKeyId: "" },
    eventTime: "2025-04-02T06:11:45Z",
    eventSource: "signin.amazonaws.com",
    eventName: "ConsoleLogin",
    awsRegion: "us-east-1",
    sourceIPAddress: "203.0.113.9",
    userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
    requestParameters: null,
    responseElements: { ConsoleLogin: "Failure" },
    additionalEventData: { LoginTo: "https://console.aws.amazon.com/console/home", MobileVersion: "No", MFAUsed: "No" },
    errorMessage: "Failed authentication",
    eventID: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
    readOnly: false,
    eventType: "AwsConsoleSignIn",
    managementEvent: true,
    recipientAccountId: "111122223333",
    eventCategory: "Management",
  };

  const credentialChallenge = {
    eventVersion: "1.08",
    userIdentity: { type: "Unknown", principalId: "111122223333", arn: "", accountId: "111122223333", accessKeyId: "", userName: "ines@example.com" },
    eventTime: "2025-04-02T06:20:01Z",
    eventSource: "signin.amazonaws.com",
    eventName: "CredentialChallenge",
    awsRegion: "us-east-1",
    sourceIPAddress: "203.0.113.9",
    userAgent: "Mozilla/5.0",
    requestParameters: null,
    responseElements: null,
    additionalEventData: { AuthWorkflowID: "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", CredentialType: "PASSWORD" },
    eventID: "3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b",
    readOnly: false,
    eventType: "AwsServiceEvent",
    managementEvent: true,
    recipientAccountId: "111122223333",
    serviceEventDetails: { CredentialChallenge: "Success" },
    eventCategory: "Management",
  };

  const cases: [string, { operation: string; given: JsonSchema | Record<string, unknown>; want: { compatible: boolean; strict: boolean } }][] = [
    ["failed console sign-in", { operation: "ConsoleLogin", given: consoleLogin, want: { compatible: true, strict: true } }],
    ["successful console sign-in", { operation: "ConsoleLogin", given: { ...consoleLogin, responseElements: { ConsoleLogin: "Success" } }, want: { compatible: true, strict: true } }],
    ["an outcome the model does not know", { operation: "ConsoleLogin", given: { ...consoleLogin, responseElements: { ConsoleLogin: "Pending" } }, want: { compatible: true, strict: false } }],
    ["outcome missing", { operation: "ConsoleLogin", given: { ...consoleLogin, responseElements: {} }, want: { compatible: true, strict: false } }],
    ["outcome of the wrong type", { operation: "ConsoleLogin", given: { ...consoleLogin, responseElements: { ConsoleLogin: true } }, want: { compatible: false, strict: false } }],
    ["another event's name", { operation: "ConsoleLogin", given: { ...consoleLogin, eventName: "CheckMfa" }, want: { compatible: false, strict: false } }],
    // Strict pins the eventType the sign-in records agree on; compatible takes the variants seen too.
    ["console sign-in logged as an API call", { operation: "ConsoleLogin", given: { ...consoleLogin, eventType: "AwsApiCall" }, want: { compatible: true, strict: false } }],
    ["console sign-in with the eventType misspelt", { operation: "ConsoleLogin", given: { ...consoleLogin, eventType: "AwsConsoleSignin" }, want: { compatible: true, strict: false } }],
    ["credential challenge as a console sign-in", { operation: "CredentialChallenge", given: { ...credentialChallenge, eventType: "AwsConsoleSignIn" }, want: { compatible: true, strict: false } }],
    ["credential challenge, outcome in serviceEventDetails", { operation: "CredentialChallenge", given: credentialChallenge, want: { compatible: true, strict: true } }],
    ["credential challenge with responseElements", { operation: "CredentialChallenge", given: { ...credentialChallenge, responseElements: { CredentialChallenge: "Success" } }, want: { compatible: true, strict: false } }],
  ];

  const validators = new Map<string, (r: unknown) => boolean>();
  const get = (mode: "compatible" | "strict", op: string) => {
    const key = `${mode} ${op}`;
    if (!validators.has(key)) validators.set(key, validate(mode, op) as (r: unknown) => boolean);
    return validators.get(key)!;
  };

  it.each(cases)("%s", (_name, { operation, given, want }) => {
    expect({ compatible: get("compatible", operation)(given), strict: get("strict", operation)(given) }).toEqual(want);
  });

  it("resolves each of these records to the operation it was checked against", () => {
    for (const [, { operation, given }] of cases.slice(0, 2)) expect(resolveCurated(given)).toEqual({ service: "signin-console", operation });
    expect(resolveCurated(credentialChallenge)).toEqual({ service: "signin-console", operation: "CredentialChallenge" });
  });
});
