/** `cloudtrail-schema pattern`: EventBridge patterns for CloudTrail records, as JSON. */
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { GLOBAL_SERVICES } from "../../src/cli/global-services.js";
import { DETAIL_TYPE, eventPattern, formatPattern, READ_ONLY_STATE, sourceOf, type PatternResult } from "../../src/cli/commands/pattern.js";
import { openLookup } from "../../src/cli/lookup.js";
import { findOperation } from "../../src/cli/suggesting.js";
import { openSnapshot } from "../../src/load.js";
import { runCli } from "./in-process.js";

const lookup = openLookup(openSnapshot());
const patternOf = (...ops: string[]) =>
  eventPattern(
    ops.map((o) => {
      const [service, operation] = o.split(".") as [string, string];
      return findOperation(lookup, { service, operation });
    }),
    (s) => lookup.operations(s),
  );

/** The pattern the default output prints, parsed, and what went to stderr. */
async function printed(args: string[]): Promise<{ pattern: unknown; notes: string; status: number }> {
  const r = await runCli(["pattern", ...args]);
  return { pattern: r.status === 0 ? JSON.parse(r.stdout) : undefined, notes: r.stderr, status: r.status };
}

describe("eventPattern", () => {
  it("source is aws. and the eventSource's first label", () => {
    expect(sourceOf("iam.amazonaws.com")).toBe("aws.iam");
    expect(sourceOf("monitoring.amazonaws.com")).toBe("aws.monitoring");
    expect(sourceOf("cloudtrail-data.amazonaws.com")).toBe("aws.cloudtrail-data");
  });

  it("iam.CreatePolicy", () => {
    const r = patternOf("iam.CreatePolicy");
    expect(r).toEqual<PatternResult>({
      pattern: {
        source: ["aws.iam"],
        "detail-type": ["AWS API Call via CloudTrail"],
        detail: { eventSource: ["iam.amazonaws.com"], eventName: ["CreatePolicy"] },
      },
      state: "ENABLED",
      globalServices: ["iam"],
      notes: [
        "iam is a global service: its CloudTrail events reach EventBridge in us-east-1 only; put the rule on us-east-1's default event bus (or forward them from there to another Region's bus).",
      ],
    });
  });

  it("global services: a note that their records reach EventBridge in us-east-1 only", () => {
    for (const op of ["iam.CreateUser", "cloudfront.CreateDistribution", "route53.ChangeResourceRecordSets", "organizations.CreateAccount", "signin-console.ConsoleLogin"]) {
      const r = patternOf(op);
      expect(r.globalServices, op).toEqual([op.split(".")[0]]);
      expect(r.notes.join(" "), op).toContain("reach EventBridge in us-east-1 only");
    }
    // STS: only its global endpoint, and the note says so.
    const sts = patternOf("sts.AssumeRole");
    expect(sts.notes.join(" ")).toContain("sts (calls to the global endpoint sts.amazonaws.com) is a global service");
    // Regional services: no such note.
    for (const op of ["s3.PutBucketPolicy", "ec2.RunInstances", "lambda.CreateFunction"]) {
      expect(patternOf(op).globalServices, op).toEqual([]);
      expect(patternOf(op).notes, op).toEqual([]);
    }
    // Several: one note naming the global ones only.
    const mixed = patternOf("s3.PutBucketPolicy", "iam.CreatePolicy", "cloudfront.CreateDistribution");
    expect(mixed.globalServices).toEqual(["iam", "cloudfront"]);
    expect(mixed.notes).toEqual([expect.stringMatching(/^iam, cloudfront are global services: their CloudTrail events/)]);
  });

  it("the global-service list is data with evidence, of services the CLI knows", () => {
    const known = new Set([...lookup.services, ...lookup.curated]);
    for (const g of GLOBAL_SERVICES) {
      expect(known.has(g.service), g.service).toBe(true);
      expect(g.why.length, g.service).toBeGreaterThan(20);
      expect(g.evidence, g.service).toMatch(/https:\/\/|github\.com/);
    }
    expect(GLOBAL_SERVICES.map((g) => g.service)).toEqual([...GLOBAL_SERVICES.map((g) => g.service)].sort());
  });

  it("lambda.CreateFunction: every eventName it is logged under", () => {
    const r = patternOf("lambda.CreateFunction");
    expect(r.pattern.detail).toEqual({ eventSource: ["lambda.amazonaws.com"], eventName: ["CreateFunction", "CreateFunction20150331", "CreateFunction20150331v2"] });
    expect(r.pattern.source).toEqual(["aws.lambda"]);
  });

  it("a read-only operation needs the rule state for read-only management events", () => {
    const r = patternOf("iam.GetPolicy");
    expect(r.state).toBe(READ_ONLY_STATE);
    expect(r.notes).toHaveLength(2); // and iam is global
    expect(r.notes[0]).toContain("iam.GetPolicy is a read-only operation");
    expect(r.notes[0]).toContain("ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS");
  });

  it("operations of one service: one list of names", () => {
    expect(patternOf("iam.CreatePolicy", "iam.DeletePolicy").pattern.detail).toEqual({
      eventSource: ["iam.amazonaws.com"],
      eventName: ["CreatePolicy", "DeletePolicy"],
    });
  });

  it("several services: flat lists when that matches nothing more", () => {
    const r = patternOf("iam.CreatePolicy", "s3.PutBucketAcl");
    expect(r.pattern).toEqual({
      source: ["aws.iam", "aws.s3"],
      "detail-type": ["AWS API Call via CloudTrail"],
      detail: { eventSource: ["iam.amazonaws.com", "s3.amazonaws.com"], eventName: ["CreatePolicy", "PutBucketAcl"] },
    });
    expect(r.notes).toEqual([expect.stringMatching(/^iam is a global service/)]); // no $or note
  });

  it("several services: an $or per eventSource when flat lists would match more", () => {
    // iam has DeletePolicy and organizations has CreatePolicy: a flat pattern would match both.
    const r = patternOf("iam.CreatePolicy", "organizations.DeletePolicy");
    expect(r.pattern).toEqual({
      source: ["aws.iam", "aws.organizations"],
      "detail-type": ["AWS API Call via CloudTrail"],
      detail: {
        $or: [
          { eventSource: ["iam.amazonaws.com"], eventName: ["CreatePolicy"] },
          { eventSource: ["organizations.amazonaws.com"], eventName: ["DeletePolicy"] },
        ],
      },
    });
    expect(r.notes[0]).toContain("would also match iam.amazonaws.com DeletePolicy, organizations.amazonaws.com CreatePolicy");
  });

  it("non-API events: the detail-type of their eventType (console sign-in, service events)", () => {
    expect(patternOf("signin-console.ConsoleLogin").pattern).toEqual({
      source: ["aws.signin"],
      "detail-type": ["AWS Console Sign In via CloudTrail"],
      detail: { eventSource: ["signin.amazonaws.com"], eventName: ["ConsoleLogin"] },
    });
    expect(patternOf("aws-service-events.kms:RotateKey").pattern).toEqual({
      source: ["aws.kms"],
      "detail-type": ["AWS Service Event via CloudTrail"],
      detail: { eventSource: ["kms.amazonaws.com"], eventName: ["RotateKey"] },
    });
    // An API call and a sign-in together: both detail-types.
    expect(patternOf("iam.CreatePolicy", "signin-console.ConsoleLogin").pattern["detail-type"]).toEqual([DETAIL_TYPE, "AWS Console Sign In via CloudTrail"]);
  });

  it("refuses an operation that stands for any eventSource", () => {
    expect(() => patternOf("aws-service-events.AwsServiceEvent")).toThrow(/any eventSource/);
  });

  it("formats lists of strings on one line, still JSON", () => {
    const text = formatPattern(patternOf("lambda.CreateFunction").pattern);
    expect(text).toContain('"eventName": ["CreateFunction", "CreateFunction20150331", "CreateFunction20150331v2"]');
    expect(JSON.parse(text)).toEqual(patternOf("lambda.CreateFunction").pattern);
  });
});

describe("cloudtrail-schema pattern (in process)", () => {
  it("prints the pattern alone as JSON", async () => {
    const r = await printed(["s3.PutBucketPolicy"]);
    expect(r.status).toBe(0);
    expect(r.pattern).toEqual({
      source: ["aws.s3"],
      "detail-type": ["AWS API Call via CloudTrail"],
      detail: { eventSource: ["s3.amazonaws.com"], eventName: ["PutBucketPolicy"] },
    });
    expect(r.notes).toBe("");
  });

  it("--format json and yaml print the bare pattern too, the notes on stderr", async () => {
    const human = await printed(["iam.CreatePolicy"]);
    expect(human.notes).toMatch(/^note: iam is a global service: .*us-east-1 only/);
    const j = await runCli(["pattern", "iam.CreatePolicy", "--format", "json"]);
    expect(j.status).toBe(0);
    expect(JSON.parse(j.stdout)).toEqual(human.pattern);
    expect(Object.keys(JSON.parse(j.stdout))).toEqual(["source", "detail-type", "detail"]);
    expect(j.stderr).toBe(human.notes);
    const y = await runCli(["pattern", "iam.CreatePolicy", "--format", "yaml"]);
    expect(parseYaml(y.stdout)).toEqual(human.pattern);
    expect(y.stderr).toBe(human.notes);
  });

  it("a read-only operation: the pattern on stdout, the note on stderr", async () => {
    const r = await printed(["iam", "GetPolicy"]);
    expect((r.pattern as { detail: unknown }).detail).toEqual({ eventSource: ["iam.amazonaws.com"], eventName: ["GetPolicy"] });
    expect(r.notes).toMatch(/^note: iam\.GetPolicy is a read-only operation.*ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS/);
  });

  it("several services and aliases; --explain --format json has pattern, state, globalServices and notes", async () => {
    const r = await printed(["lambda.CreateFunction", "s3.PutBucketAcl", "iam.ListPolicies"]);
    expect(r.pattern).toEqual({
      source: ["aws.lambda", "aws.s3", "aws.iam"],
      "detail-type": ["AWS API Call via CloudTrail"],
      detail: {
        eventSource: ["lambda.amazonaws.com", "s3.amazonaws.com", "iam.amazonaws.com"],
        eventName: ["CreateFunction", "CreateFunction20150331", "CreateFunction20150331v2", "PutBucketAcl", "ListPolicies"],
      },
    });
    const j = await runCli(["pattern", "lambda.CreateFunction", "s3.PutBucketAcl", "iam.ListPolicies", "--explain", "--format", "json"]);
    const data = JSON.parse(j.stdout) as PatternResult;
    expect(data.pattern).toEqual(r.pattern);
    expect(data.state).toBe(READ_ONLY_STATE);
    expect(data.globalServices).toEqual(["iam"]);
    expect(data.notes.join(" ")).toContain("iam.ListPolicies is a read-only operation");
    expect(j.stderr).toBe("");
  });

  it("unknown names exit 2 with suggestions; no operation is a usage error", async () => {
    const r = await runCli(["pattern", "iam.CreatePolicy", "lamda.CreateFunction"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown service "lamda"');
    expect(r.stderr).toContain("lambda.CreateFunction");
    const none = await runCli(["pattern"]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("name an operation");
    const dangling = await runCli(["pattern", "iam"]);
    expect(dangling.status).toBe(2);
    expect(dangling.stderr).toContain('service "iam" is not followed by an operation');
  });

  it("--help", async () => {
    const r = await runCli(["pattern", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^cloudtrail-schema pattern: print the EventBridge event pattern/);
    expect(r.stdout).toContain("ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS");
  });
});
