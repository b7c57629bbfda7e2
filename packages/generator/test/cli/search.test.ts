/** `cloudtrail-schema search`: services, operations and fields by name or documentation, ranked and bounded. */
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { search, type Match, type SearchResult } from "../../src/cli/commands/search.js";
import { openSnapshot } from "../../src/load.js";
import { runCli } from "./in-process.js";

const snapshot = openSnapshot();
const TIER: Record<Match, number> = { exact: 0, prefix: 1, name: 2, doc: 3 };
const ranked = (r: SearchResult) => r.hits.every((h, i) => i === 0 || TIER[r.hits[i - 1]!.match] <= TIER[h.match]);

describe("search", () => {
  it("an exact service name comes first", () => {
    const r = search(snapshot, "IAM", { limit: 5, docs: false });
    expect(r.hits[0]).toMatchObject({ kind: "service", service: "iam", match: "exact" });
    expect(ranked(r)).toBe(true);
  });

  it("exact operation names before prefixes before substrings", () => {
    const r = search(snapshot, "createpolicy", { limit: 200, docs: false });
    const names = r.hits.filter((h) => h.kind === "operation").map((h) => `${h.service}.${h.operation}`);
    expect(names).toContain("iam.CreatePolicy");
    expect(names).toContain("organizations.CreatePolicy");
    expect(names.indexOf("iam.CreatePolicy")).toBeLessThan(names.indexOf("iam.CreatePolicyVersion"));
    expect(r.hits.find((h) => h.operation === "CreatePolicy")!.match).toBe("exact");
    expect(r.hits.find((h) => h.operation === "CreatePolicyVersion")!.match).toBe("prefix");
    expect(ranked(r)).toBe(true);
  });

  it("finds the curated non-API services and their events", () => {
    const r = search(snapshot, "ConsoleLogin", { limit: 5, docs: false });
    expect(r.hits[0]).toMatchObject({ kind: "operation", service: "signin-console", operation: "ConsoleLogin", match: "exact" });
    expect(r.hits[0]!.doc).toMatch(/sign-in to the AWS Management Console/);
    expect(search(snapshot, "signin-console", { limit: 1, docs: false }).hits[0]).toMatchObject({ kind: "service", service: "signin-console", match: "exact" });
    const rotate = search(snapshot, "RotateKey", { limit: 5, docs: false }).hits.map((h) => `${h.service}.${h.operation}`);
    expect(rotate).toContain("aws-service-events.kms:RotateKey");
  });

  it("fields: one hit per member name and service, with the operations and the path CloudTrail writes", () => {
    const r = search(snapshot, "policyName", { limit: 100, docs: false });
    const iam = r.hits.find((h) => h.kind === "field" && h.service === "iam")!;
    expect(iam).toMatchObject({ field: "PolicyName", match: "exact" });
    expect(iam.shapes).toBeGreaterThan(5);
    expect(iam.operationCount).toBeGreaterThan(10);
    expect(iam.operations!.length).toBeLessThanOrEqual(5);
    expect(iam.example).toMatch(/^iam\.[A-Za-z]+ (requestParameters|responseElements)\.(.+\.)?policyName$/);
    // Fields in many structures of their service first: iam before a service with one PolicyName.
    const services = r.hits.filter((h) => h.kind === "field").map((h) => h.service);
    expect(services.indexOf("iam")).toBeLessThan(services.indexOf("autoscaling-plans"));
  });

  it("finds EC2 fields by their wire name", () => {
    const r = search(snapshot, "instancesSet", { limit: 20, docs: false });
    const ec2 = r.hits.find((h) => h.kind === "field" && h.service === "ec2");
    expect(ec2).toBeDefined();
    expect(ec2!.example).toMatch(/instancesSet/);
  });

  it("documentation only with docs", () => {
    expect(search(snapshot, "customer managed policy", { limit: 20, docs: false }).total).toBe(0);
    const r = search(snapshot, "customer managed policy", { limit: 20, docs: true });
    expect(r.total).toBeGreaterThan(0);
    expect(r.hits.every((h) => h.match === "doc")).toBe(true);
    expect(r.hits.some((h) => h.kind === "operation" && h.service === "iam")).toBe(true);
  });

  it("is bounded by the limit and counts every match", () => {
    const r = search(snapshot, "name", { limit: 7, docs: false });
    expect(r.hits).toHaveLength(7);
    expect(r.total).toBeGreaterThan(1000);
  });

  it("searches every service's names within seconds", () => {
    const t0 = performance.now();
    const r = search(snapshot, "arn", { limit: 20, docs: false });
    const ms = performance.now() - t0;
    console.log(`search "arn" over ${snapshot.services.length} services: ${Math.round(ms)} ms, ${r.total} matches`);
    expect(r.total).toBeGreaterThan(100);
    // Generous: the machine is shared; a lone run takes about 3 s.
    expect(ms).toBeLessThan(30_000);
  });
});

describe("cloudtrail-schema search (in process)", () => {
  it("human output: kind, name, where, doc; a count at the end", async () => {
    const r = await runCli(["search", "CreatePolicy", "--limit", "3"]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^operation \S+\.CreatePolicy$/);
    expect(lines[lines.length - 1]).toMatch(/^3 of \d+ matches; --limit N shows more$/);
  });

  it("json and yaml carry the same result", async () => {
    const j = JSON.parse((await runCli(["search", "bucketacl", "--format", "json"])).stdout) as SearchResult;
    const y = parseYaml((await runCli(["search", "bucketacl", "--format", "yaml"])).stdout) as SearchResult;
    expect(y).toEqual(j);
    expect(j.query).toBe("bucketacl");
    expect(j.hits.map((h) => `${h.service}.${h.operation ?? h.field}`)).toEqual(expect.arrayContaining(["s3.GetBucketAcl", "s3.PutBucketAcl"]));
  });

  it("nothing found says so; bad input exits 2", async () => {
    const none = await runCli(["search", "zzzqqqxx"]);
    expect(none.status).toBe(0);
    expect(none.stdout).toContain('no service, operation or field name contains "zzzqqqxx"');
    expect((await runCli(["search"])).status).toBe(2);
    const limit = await runCli(["search", "iam", "--limit", "0"]);
    expect(limit.status).toBe(2);
    expect(limit.stderr).toContain("--limit must be a positive whole number");
  });

  it("--help", async () => {
    const r = await runCli(["search", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^cloudtrail-schema search: find services, operations and fields/);
    expect(r.stdout).toMatch(/--limit <N>/);
    expect(r.stdout).toMatch(/--docs/);
  });
});
