/**
 * paths, pattern, custodian and search through the built executable (build-cli.ts): the YAML printer
 * custodian loads at run time is found beside the bundle, and pattern's notes reach stderr.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli, SNAPSHOT_DIR } from "./build-cli.js";

let cli: string;
beforeAll(async () => {
  cli = await buildCli();
}, 120_000);
afterAll(() => rmSync(dirname(cli), { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", CLOUDTRAIL_SCHEMA_SNAPSHOT: SNAPSHOT_DIR },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("paths, pattern, custodian, search (built)", () => {
  it("custodian prints YAML through the bundled printer", () => {
    const r = run(["custodian", "iam.CreatePolicy", "--resource", "iam-policy"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const doc = parseYaml(r.stdout) as { policies: { mode: { events: unknown[] } }[] };
    expect(doc.policies[0]!.mode.events).toEqual([{ source: "iam.amazonaws.com", event: "CreatePolicy", ids: "responseElements.policy.arn" }]);
  });

  it("pattern: JSON on stdout, the read-only note on stderr", () => {
    const r = run(["pattern", "iam.GetPolicy"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      source: ["aws.iam"],
      "detail-type": ["AWS API Call via CloudTrail"],
      detail: { eventSource: ["iam.amazonaws.com"], eventName: ["GetPolicy"] },
    });
    expect(r.stderr).toMatch(/^note: iam\.GetPolicy is a read-only operation: .*ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS/);
  });

  it("paths and search run", () => {
    const p = run(["paths", "ec2.RunInstances.output", "--ids", "--format", "json"]);
    expect(p.status).toBe(0);
    expect((JSON.parse(p.stdout) as { paths: { path: string }[] }).paths.map((x) => x.path)).toContain("responseElements.instancesSet.items[].instanceId");
    const s = run(["search", "PutBucketAcl", "--limit", "1"]);
    expect(s.status).toBe(0);
    expect(s.stdout).toMatch(/^operation s3\.PutBucketAcl$/m);
  });

  it("the program's help lists the commands", () => {
    const r = run(["--help"]);
    for (const c of ["paths", "pattern", "custodian", "search"]) expect(r.stdout).toMatch(new RegExp(`^ {2}${c} +\\S`, "m"));
  });
});
