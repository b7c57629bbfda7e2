/** `cloudtrail-schema search`: full-text search over names and documentation, ranked, from an index built at build time. */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rankedHits, search, type SearchResult } from "../../src/cli/commands/search.js";
import { HEADER_FILE, indexKey, openSearchIndex, TERMS_FILE } from "../../src/cli/search-files.js";
import { coverage, fieldName, pairs, queryTerms, stem, term, words, type IndexHeader, type SearchIndex } from "../../src/cli/search-index.js";
import { curatedServices } from "../../src/curated/index.js";
import { openSnapshot } from "../../src/load.js";
import { PACKAGE_DIR } from "./build-cli.js";
import { runCli } from "./in-process.js";

const snapshot = openSnapshot();
// Built here from the snapshot, by the build's own script in another process (building takes seconds of
// CPU, which would block this test worker), so these tests do not depend on a build being fresh; a test
// below checks that the shipped one (dist/) is this one.
const built = mkdtempSync(join(tmpdir(), "ct-search-index-"));
let index: SearchIndex;
beforeAll(async () => {
  const script = join(PACKAGE_DIR, "src", "cli", "build-search-index.ts");
  const code = await new Promise<number | null>((done) => spawn(process.execPath, ["--import", "tsx", script, built], { stdio: "ignore" }).on("exit", done));
  expect(code).toBe(0);
  expect(existsSync(join(built, HEADER_FILE))).toBe(true);
  index = openSearchIndex(snapshot, [built]);
}, 300_000);
afterAll(() => rmSync(built, { recursive: true, force: true }));
const header = () => JSON.parse(readFileSync(join(built, HEADER_FILE), "utf8")) as IndexHeader;
const names = (q: string, n: number) =>
  rankedHits(index, q)
    .slice(0, n)
    .map((h) => (h.kind === "service" ? h.service : h.kind === "operation" ? `${h.service}.${h.operation}` : `${h.service} ${h.field}`));
const rankOf = (q: string, name: string) => names(q, 1000).indexOf(name) + 1 || Infinity;

describe("text processing", () => {
  it.each([
    ["PutBucketAcl", ["put", "bucket", "acl"]],
    ["DBInstanceIdentifier", ["db", "instance", "identifier"]],
    ["iam.CreatePolicy", ["iam", "create", "policy"]],
    ["S3 bucket's ACL", ["s", "3", "bucket", "s", "acl"]],
  ])("words(%s)", (given, want) => expect(words(given)).toEqual(want));

  it.each([
    ["policies", "polici"],
    ["policy", "polici"],
    ["logging", "log"],
    ["logs", "log"],
    ["created", "creat"],
    ["creating", "creat"],
    ["create", "creat"],
    ["stopped", "stop"],
    ["managed", "manag"],
    // Not managed: Porter's stemmer makes both "manag", and "managed policy" found every Firewall Manager policy.
    ["manager", "manager"],
    ["instances", "instanc"],
    ["address", "address"],
    ["status", "status"],
    ["boxes", "box"],
  ])("stem(%s) = %s", (given, want) => expect(stem(given)).toBe(want));

  it("stop words are dropped; short words are not stemmed", () => {
    expect(term("the")).toBeNull();
    expect(term("ACL")).toBe("acl");
    expect(term("ids")).toBe("ids");
  });

  it("documentation pairs and query terms", () => {
    expect(pairs("Creates a new managed policy")).toEqual(["~creat new", "~new manag", "~manag polici"]);
    expect(queryTerms("assume role")).toEqual(["assume", "role", "assumerole", "~assum rol"]);
    expect(queryTerms("StopLogging")).toEqual(["stop", "logging", "stoplogging", "~stop log"]);
  });

  it("coverage: the share of a name's words the query has (an operation's verb left out)", () => {
    const q = ["manag", "polici"];
    expect(coverage("o", "CreatePolicy", q)).toBe(1);
    expect(coverage("o", "AttachRolePolicy", q)).toBe(0.5);
    expect(coverage("f", "PolicyName", q)).toBe(0.5);
    expect(coverage("o", "RunInstances", ["run", "instanc"])).toBe(1);
  });
});

describe("search ranking", () => {
  // Realistic queries and where their answer must rank.
  it.each([
    ["stop logging trail", "cloudtrail.StopLogging", 3],
    ["managed policy", "iam.CreatePolicy", 5],
    ["delete bucket policy", "s3.DeleteBucketPolicy", 3],
    ["assume role", "sts.AssumeRole", 3],
    ["run instances", "ec2.RunInstances", 1],
    ["put bucket acl", "s3.PutBucketAcl", 3],
    ["create iam user", "iam.CreateUser", 3],
    ["console login", "signin-console.ConsoleLogin", 1],
    ["RotateKey", "aws-service-events.kms:RotateKey", 5],
    ["iam", "iam", 1],
    ["signin-console", "signin-console", 1],
    ["StopLogging", "cloudtrail.StopLogging", 1],
  ])("%s: %s in the top %i", (query, want, top) => {
    expect(rankOf(query, want)).toBeLessThanOrEqual(top);
  });

  it("typos: 'creat polcy' finds CreatePolicy operations (fuzzy), iam's among them", () => {
    const top = names("creat polcy", 10);
    expect(top.filter((n) => /\.CreatePolicy$/.test(n)).length).toBeGreaterThanOrEqual(5);
    expect(rankOf("creat polcy", "iam.CreatePolicy")).toBeLessThanOrEqual(10);
    expect(rankOf("delete bucket polcy", "s3.DeleteBucketPolicy")).toBeLessThanOrEqual(5);
  });

  it("a prefix finds the whole word: 'polic' finds policies", () => {
    expect(names("polic", 50).some((n) => /Polic/.test(n))).toBe(true);
    expect(rankOf("putbucket", "s3.PutBucketAcl")).toBeLessThanOrEqual(30);
  });

  it("names weigh more than documentation", () => {
    // StopLogging has both words in its name; operations that only mention logging in their doc rank below it.
    const top = rankedHits(index, "stop logging");
    expect(`${top[0]!.service}.${top[0]!.operation}`).toBe("cloudtrail.StopLogging");
  });

  it("is deterministic: the same query, the same ranking, ties in document order", () => {
    const a = rankedHits(index, "delete policy");
    const b = rankedHits(openSearchIndex(snapshot, [built]), "delete policy");
    expect(b).toEqual(a);
    for (let i = 1; i < a.length; i++) expect(a[i - 1]!.score).toBeGreaterThanOrEqual(a[i]!.score);
  });

  it("nothing for gibberish", () => {
    expect(rankedHits(index, "zzzqqqxx")).toEqual([]);
  });
});

describe("search result", () => {
  it("fields: one hit per service (the 3 with the most structures), with the operations and the path CloudTrail writes", () => {
    const r = search(snapshot, "policyName", { limit: 10, index });
    const fields = r.hits.filter((h) => h.kind === "field" && h.field === "PolicyName");
    expect(fields.length).toBe(3);
    const iam = fields.find((h) => h.service === "iam")!;
    expect(iam.shapes).toBeGreaterThan(5);
    expect(iam.otherServices).toBeGreaterThan(10);
    expect(iam.operationCount).toBeGreaterThan(10);
    expect(iam.operations!.length).toBeLessThanOrEqual(5);
    expect(iam.example).toMatch(/^iam\.[A-Za-z]+ (requestParameters|responseElements)\.(.+\.)?policyName$/);
    expect(fields.map((h) => h.shapes)).toEqual([...fields.map((h) => h.shapes)].sort((a, b) => b! - a!));
  });

  it("finds EC2 fields by their wire name", () => {
    const r = search(snapshot, "instancesSet", { limit: 20, index });
    const ec2 = r.hits.find((h) => h.kind === "field" && h.service === "ec2");
    expect(ec2).toBeDefined();
    expect(ec2!.example).toMatch(/instancesSet/);
  });

  it("operations and services carry the first sentence of their documentation", () => {
    const r = search(snapshot, "stop logging trail", { limit: 3, index });
    expect(r.hits[0]).toMatchObject({ kind: "operation", service: "cloudtrail", operation: "StopLogging" });
    expect(r.hits[0]!.doc).toMatch(/^Suspends the recording/);
    const login = search(snapshot, "ConsoleLogin", { limit: 1, index });
    expect(login.hits[0]!.doc).toMatch(/sign-in to the AWS Management Console/);
  });

  it("is bounded by the limit and counts every match", () => {
    const r = search(snapshot, "name", { limit: 7, index });
    expect(r.hits).toHaveLength(7);
    expect(r.total).toBeGreaterThan(1000);
  });
});

describe("the index", () => {
  it("has every service, operation and field name of the snapshot and the curated services", () => {
    let ops = 0;
    const members = new Set<string>();
    for (const s of snapshot.services) {
      const model = snapshot.read(s) as { operations: object; shapes: Record<string, { type: string; members?: object }> };
      ops += Object.keys(model.operations).length;
      for (const shape of Object.values(model.shapes)) {
        if (shape.type !== "structure" && shape.type !== "union") continue;
        for (const [m, def] of Object.entries(shape.members ?? {})) members.add(fieldName(m, def as { locationName?: string }).toLowerCase());
      }
    }
    const curated = curatedServices();
    expect(header().key).toEqual(indexKey(snapshot));
    expect(header().counts).toEqual({
      s: snapshot.services.length + curated.length,
      o: ops + curated.reduce((n, c) => n + c.operations.length, 0),
      f: members.size,
    });
  });

  it("the index the build ships (dist/) is this one: a fresh build, in another process, has the same bytes", () => {
    const dist = join(PACKAGE_DIR, "dist");
    expect(existsSync(join(dist, HEADER_FILE)), "run the build first (pnpm build)").toBe(true);
    expect(readFileSync(join(dist, HEADER_FILE), "utf8") === readFileSync(join(built, HEADER_FILE), "utf8"), "dist/cli-search-index.json is stale: rebuild").toBe(true);
    expect(readFileSync(join(dist, TERMS_FILE)).equals(readFileSync(join(built, TERMS_FILE))), "dist/cli-search-terms.json is stale: rebuild").toBe(true);
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
    const j = JSON.parse((await runCli(["search", "bucket acl", "--format", "json"])).stdout) as SearchResult;
    const y = parseYaml((await runCli(["search", "bucket acl", "--format", "yaml"])).stdout) as SearchResult;
    expect(y).toEqual(j);
    expect(j.query).toBe("bucket acl");
    expect(j.hits.map((h) => `${h.service}.${h.operation ?? h.field}`)).toEqual(expect.arrayContaining(["s3.GetBucketAcl", "s3.PutBucketAcl"]));
  });

  it("--docs still works, deprecated, with a note on stderr", async () => {
    const r = await runCli(["search", "managed policy", "--docs", "--limit", "5"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/--docs is deprecated/);
    expect(r.stdout).toContain("iam.CreatePolicy");
  });

  it("nothing found says so; bad input exits 2", async () => {
    const none = await runCli(["search", "zzzqqqxx"]);
    expect(none.status).toBe(0);
    expect(none.stdout).toContain('no service, operation or field matches "zzzqqqxx"');
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
