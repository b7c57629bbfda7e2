/** `cloudtrail-schema custodian`: Cloud Custodian policy skeletons, parsed back with the yaml library. */
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { ROLE_PLACEHOLDER, type CustodianPolicy } from "../../src/cli/commands/custodian.js";
import { runCli } from "./in-process.js";

async function policy(args: string[]): Promise<CustodianPolicy> {
  const r = await runCli(["custodian", ...args]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const doc = parseYaml(r.stdout) as { policies: CustodianPolicy[] };
  expect(doc.policies).toHaveLength(1);
  return doc.policies[0]!;
}

describe("cloudtrail-schema custodian (in process)", () => {
  it("iam.CreatePolicy --resource iam-policy: ids from the response's ARN", async () => {
    expect(await policy(["iam.CreatePolicy", "--resource", "iam-policy"])).toEqual({
      name: "iam-policy-create-policy",
      resource: "iam-policy",
      mode: {
        type: "cloudtrail",
        role: ROLE_PLACEHOLDER,
        events: [{ source: "iam.amazonaws.com", event: "CreatePolicy", ids: "responseElements.policy.arn" }],
      },
      filters: [],
      actions: [],
    });
  });

  it("the human output is YAML with comments; --format yaml and json are the same policy", async () => {
    const human = await runCli(["custodian", "iam.CreatePolicy", "--resource", "iam-policy"]);
    expect(human.stdout).toMatch(/^# Cloud Custodian policy for iam\.CreatePolicy/);
    expect(human.stdout).toContain("# Set mode.role");
    const yaml = await runCli(["custodian", "iam.CreatePolicy", "--resource", "iam-policy", "--format", "yaml"]);
    const json = await runCli(["custodian", "iam.CreatePolicy", "--resource", "iam-policy", "--format", "json"]);
    expect(parseYaml(yaml.stdout)).toEqual(parseYaml(human.stdout));
    expect(JSON.parse(json.stdout)).toEqual(parseYaml(human.stdout));
  });

  it("ec2.RunInstances: EC2's items wrapper in ids", async () => {
    const p = await policy(["ec2", "RunInstances", "--resource", "ec2"]);
    expect(p.mode.events).toEqual([{ source: "ec2.amazonaws.com", event: "RunInstances", ids: "responseElements.instancesSet.items[].instanceId" }]);
  });

  it("s3.PutBucketAcl: ids from the request when the response has none", async () => {
    const p = await policy(["s3.PutBucketAcl", "--resource", "s3"]);
    expect(p.mode.events).toEqual([{ source: "s3.amazonaws.com", event: "PutBucketAcl", ids: "requestParameters.bucketName" }]);
  });

  it("lambda.CreateFunction: one event per eventName it is logged under", async () => {
    const p = await policy(["lambda.CreateFunction", "--resource", "lambda", "--role", "arn:aws:iam::123456789012:role/c7n", "--name", "new-functions"]);
    expect(p.name).toBe("new-functions");
    expect(p.mode.role).toBe("arn:aws:iam::123456789012:role/c7n");
    expect(p.mode.events.map((e) => e.event)).toEqual(["CreateFunction", "CreateFunction20150331", "CreateFunction20150331v2"]);
    expect(new Set(p.mode.events.map((e) => e.ids))).toEqual(new Set(["responseElements.functionArn"]));
  });

  it("several operations make one policy with every event", async () => {
    const p = await policy(["iam.CreatePolicy", "iam.DeletePolicy", "--resource", "iam-policy"]);
    expect(p.mode.events).toEqual([
      { source: "iam.amazonaws.com", event: "CreatePolicy", ids: "responseElements.policy.arn" },
      { source: "iam.amazonaws.com", event: "DeletePolicy", ids: "requestParameters.policyArn" },
    ]);
  });

  it("an explicit --ids is kept when it is a path of the operation", async () => {
    const p = await policy(["iam.CreatePolicy", "--resource", "iam-policy", "--ids", "requestParameters.policyName"]);
    expect(p.mode.events[0]!.ids).toBe("requestParameters.policyName");
  });

  it("an unknown --ids path is a usage error naming it and close matches", async () => {
    const r = await runCli(["custodian", "iam.CreatePolicy", "--resource", "iam-policy", "--ids", "requestParameters.policyNam"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("--ids requestParameters.policyNam: iam.CreatePolicy records have no such path");
    expect(r.stderr).toContain("did you mean requestParameters.policyName?");
    const far = await runCli(["custodian", "iam.CreatePolicy", "--resource", "iam-policy", "--ids", "detail.responseElements.policy.arn"]);
    expect(far.status).toBe(2);
    expect(far.stderr).toContain("responseElements.policy.arn");
  });

  it("--resource is required; unknown operations suggest", async () => {
    const r = await runCli(["custodian", "iam.CreatePolicy"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("custodian needs --resource TYPE");
    const op = await runCli(["custodian", "iam.CreatPolicy", "--resource", "iam-policy"]);
    expect(op.status).toBe(2);
    expect(op.stderr).toContain("did you mean iam.CreatePolicy?");
  });

  it("--help", async () => {
    const r = await runCli(["custodian", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^cloudtrail-schema custodian: print a Cloud Custodian policy skeleton/);
    expect(r.stdout).toMatch(/--resource <TYPE>/);
    expect(r.stdout).toMatch(/--ids <PATH>/);
  });
});
