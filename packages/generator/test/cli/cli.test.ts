/**
 * End to end: the built `cloudtrail-schema` executable, spawned. The CLI is built from today's source
 * with the package's tsup config into a directory of this test's own (build-cli.ts), so the test needs
 * neither a prior `pnpm build` nor a dist/ that another build may be cleaning.
 */
import { readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VOCABULARY } from "../../src/emit-schema.js";
import { buildCli, PACKAGE_DIR, runCli, SNAPSHOT_DIR, type Run } from "./build-cli.js";

let cli: string;

beforeAll(async () => {
  cli = await buildCli();
}, 120_000);

afterAll(() => rmSync(dirname(cli), { recursive: true, force: true }));

const run = (args: string[], env: Record<string, string> = {}): Run => runCli(cli, args, env);

/** Succeeded, printed nothing on stderr, no colour codes (stdout is a pipe). */
function ok(args: string[], env: Record<string, string> = {}): string {
  const r = run(args, env);
  expect(r.stderr, args.join(" ")).toBe("");
  expect(r.status, args.join(" ")).toBe(0);
  expect(r.stdout).not.toMatch(/\x1b\[/);
  return r.stdout;
}

const manifest = JSON.parse(readFileSync(join(SNAPSHOT_DIR, "manifest.json"), "utf8")) as { botocoreVersion: string; services: Record<string, unknown> };
const pkg = JSON.parse(readFileSync(join(PACKAGE_DIR, "package.json"), "utf8")) as { version: string; bin: Record<string, string> };

describe("cloudtrail-schema (built)", () => {
  it("is the package's bin, built by tsup, and executable", () => {
    expect(pkg.bin["cloudtrail-schema"]).toBe("./dist/cli.js");
    expect(readFileSync(join(PACKAGE_DIR, "tsup.config.ts"), "utf8")).toContain('cli: "src/cli/main.ts"');
    expect(readFileSync(cli, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(statSync(cli).mode & 0o111).not.toBe(0);
    // consola (pulled in by citty, unused) and yaml (loaded only for --format yaml) stay out of the CLI's
    // code; the entry is small and imports the rest at run time.
    const run = readFileSync(join(dirname(cli), "cli-run.js"), "utf8");
    expect(run).toContain("function parseArgs(");
    expect(run).not.toMatch(/consola|YAMLMap/);
    expect(readFileSync(join(dirname(cli), "cli-yaml.js"), "utf8")).toMatch(/YAMLMap/);
    expect(statSync(cli).size).toBeLessThan(8 * 1024);
    expect(dirname(cli)).not.toBe(join(PACKAGE_DIR, "dist"));
  });

  it("lists every service, sorted, as YAML", () => {
    const out = ok([]);
    const services = Object.keys(manifest.services).sort();
    expect(services).toHaveLength(434);
    expect(out).toBe(`Services:\n${services.map((s) => `- ${s}`).join("\n")}\n`);
    expect(parseYaml(out)).toEqual({ Services: services });
  });

  it("lists a service's operations", () => {
    const out = ok(["iam"]);
    const ops = (parseYaml(out) as { Operations: string[] }).Operations;
    expect(out.startsWith("Operations:\n- ")).toBe(true);
    expect(ops).toContain("AddClientIDToOpenIDConnectProvider");
    expect(ops).toContain("CreatePolicy");
    expect(ops).toEqual([...ops].sort());
    expect(ops.length).toBeGreaterThan(150);
  });

  it("prints iam.CreatePolicy.output: description, then responseElements as CloudTrail writes them", () => {
    const out = ok(["iam.CreatePolicy.output"]);
    const lines = out.split("\n");
    expect(lines.slice(0, 4)).toEqual(["iam.CreatePolicy", "  eventSource: iam.amazonaws.com", "  eventName: CreatePolicy", "  readOnly: false"]);
    expect(out).toContain("  Creates a new managed policy for your Amazon Web Services account.");
    expect(out).toMatch(/^responseElements: object \(CreatePolicyResponse\)$/m);
    expect(out).not.toContain("requestParameters");
    // Nested structure expanded, with CloudTrail's (lower-camel) names, types, constraints and docs.
    expect(out).toMatch(/^ {2}policy: object \(Policy\)$/m);
    expect(out).toMatch(/^ {4}policyName: string, length 1\.\.128$\n^ {8}pattern: \[\\w\+=,\.@-\]\+$\n^ {8}The friendly name \(not ARN\) identifying the policy\.$/m);
    expect(out).toMatch(/^ {4}createDate: timestamp$/m);
    expect(out).toMatch(/^ {4}tags: array of object \(Tag\), at most 50 items$/m);
    expect(out).toMatch(/^ {6}- key: string, required, length 1\.\.128$/m);
    expect(out).not.toMatch(/PolicyName:/);
  });

  it("prints iam.CreatePolicy.input, and the same with the two-word and both-parts spellings", () => {
    const out = ok(["iam.CreatePolicy.input"]);
    expect(out).toMatch(/^requestParameters: object \(CreatePolicyRequest\)$/m);
    expect(out).toMatch(/^ {2}policyName: string, required, length 1\.\.128$/m);
    expect(out).toMatch(/^ {2}policyDocument: string, required, /m);
    expect(out).not.toContain("responseElements");
    expect(ok(["iam", "CreatePolicy", "input"])).toBe(out);
    expect(ok(["iam.CreatePolicy.requestParameters"])).toBe(out);
    const both = ok(["iam.CreatePolicy"]);
    expect(both).toContain("\nrequestParameters: object (CreatePolicyRequest)\n");
    expect(both).toContain("\nresponseElements: object (CreatePolicyResponse)\n");
    expect(ok(["iam", "CreatePolicy"])).toBe(both);
  });

  it("shows recursion as a reference (ce.GetCostAndUsage.input, which crashed the original tool)", () => {
    const out = ok(["ce.GetCostAndUsage.input", "--no-docs"]);
    expect(out).toMatch(/^ {2}Filter: object \(Expression\)$\n^ {4}Or: array of object -> \(recursive: Expression\)$/m);
    expect(out).toMatch(/^ {4}Not: object -> \(recursive: Expression\)$/m);
  });

  it("marks sensitive values (iam.CreateLoginProfile.input)", () => {
    expect(ok(["iam.CreateLoginProfile.input"])).toMatch(/^ {2}password: string, .*\n(^ {6}.*\n)*^ {6}sensitive: may be logged as "HIDDEN_DUE_TO_SECURITY_REASONS"/m);
  });

  it("--format json prints a self-contained JSON Schema of requestParameters that ajv compiles", () => {
    const schema = JSON.parse(ok(["iam.CreatePolicy.input", "--format", "json"]));
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["policyName", "policyDocument", "path", "description", "tags"]));
    expect(schema["x-cloudtrail"]).toMatchObject({ service: "iam", operation: "CreatePolicy", part: "requestParameters", botocoreVersion: manifest.botocoreVersion });
    const ajv = new Ajv2020({ strict: true });
    for (const k of VOCABULARY) ajv.addKeyword(k);
    const validate = ajv.compile(schema);
    expect(validate({ policyName: "p", policyDocument: "{}", tags: [{ key: "k", value: "v" }] }), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ policyName: 7 })).toBe(false);
  });

  it("--format json of a recursive operation bundles the definitions it refers to", () => {
    const schema = JSON.parse(ok(["ce.GetCostAndUsage.input", "-f", "json"]));
    expect(schema.properties.Filter).toEqual({ $ref: "#/$defs/Expression", description: expect.any(String) });
    expect(Object.keys(schema.$defs)).toContain("Expression");
    const ajv = new Ajv2020({ strict: true });
    for (const k of VOCABULARY) ajv.addKeyword(k);
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it.each<[string, string[], (data: unknown) => void]>([
    ["the service list", [], (d) => expect((d as { Services: string[] }).Services).toHaveLength(434)],
    ["an operation list", ["s3"], (d) => expect((d as { Operations: string[] }).Operations).toContain("PutObject")],
    ["the rules", ["rules"], (d) => expect((d as { Rules: { id: string }[] }).Rules.map((r) => r.id)).toContain("lower-camel-members")],
  ])("--format json and yaml print the same data for %s", (_n, args, check) => {
    const json = JSON.parse(ok([...args, "--format", "json"]));
    const yaml = parseYaml(ok([...args, "--format=yaml"]));
    check(json);
    expect(yaml).toEqual(json);
  });

  it("--format yaml prints the operation's schema as YAML", () => {
    const yaml = parseYaml(ok(["iam.CreatePolicy.output", "--format", "yaml"])) as { properties: Record<string, unknown> };
    expect(yaml).toEqual(JSON.parse(ok(["iam.CreatePolicy.output", "--format", "json"])));
    expect(Object.keys(yaml.properties)).toEqual(["policy"]);
  });

  it("lists the project stage's rules", () => {
    const out = ok(["rules"]);
    expect(out).toMatch(/^lower-camel-members\n {4}CloudTrail writes a member under its botocore name/m);
    expect(out).toMatch(/^ {4}evidence: /m);
    expect(ok(["rules", "sensitive-redacted"])).toMatch(/^sensitive-redacted\n/);
  });

  it.each<[string, string[], RegExp]>([
    ["a misspelt operation", ["iam.CreatPolicy"], /unknown operation "CreatPolicy" in iam \(botocore [\d.]+\)\ndid you mean iam\.CreatePolicy\?/],
    ["a misspelt operation with its part", ["iam.CreatPolicy.output"], /did you mean iam\.CreatePolicy\.output\?/],
    ["a service in the wrong case", ["Iam"], /unknown service "Iam" \(botocore [\d.]+\)\ndid you mean iam\?/],
    ["a service in the wrong case, with an operation", ["Iam.CreatePolicy"], /did you mean iam\.CreatePolicy\?/],
    ["a command's near miss", ["rule"], /did you mean .*\brules\b/],
    ["a service nothing is close to", ["zzzzzzzzzz"], /^cloudtrail-schema: unknown service "zzzzzzzzzz" \(botocore [\d.]+\)\n$/],
  ])("rejects %s: exit 2, suggestion on stderr, no stack trace", (_n, args, want) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(want);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).not.toMatch(/\x1b\[/);
  });

  it.each<[string, string[], RegExp]>([
    ["an unknown option", ["iam", "--nope"], /unknown option --nope/],
    ["an unknown format", ["--format", "xml"], /--format must be one of human, json, yaml, not "xml"/],
    ["a missing format", ["iam", "--format"], /--format needs a value/],
    ["too many parts", ["iam.CreatePolicy.output.extra"], /has 4 parts/],
    ["an unknown part", ["iam.CreatePolicy.outptu"], /not a part of an operation[\s\S]*did you mean iam\.CreatePolicy\.output\?/],
    ["an unknown rule", ["rules", "lower-camel"], /unknown rule "lower-camel"[\s\S]*did you mean rules lower-camel-members\?/],
  ])("rejects %s as a usage error (exit 2)", (_n, args, want) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(want);
    expect(r.stderr).toContain("Run `cloudtrail-schema --help` for usage.");
  });

  it("exits 1, without a stack trace, when the snapshot is missing", () => {
    const r = run(["iam"], { CLOUDTRAIL_SCHEMA_SNAPSHOT: "/nonexistent" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^cloudtrail-schema: cannot read snapshot manifest \/nonexistent\/manifest\.json/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("--help on the program lists the usage, the options and every command", () => {
    const out = ok(["--help"]);
    expect(out).toMatch(/^USAGE\n {2}cloudtrail-schema \[show\] \[SERVICE\[\.OPERATION\[\.input\|\.output\]\]\]/m);
    expect(out).toMatch(/^ {2}-f, --format <human\|json\|yaml> +output format \(default: human\)$/m);
    expect(out).toMatch(/^ {2}show +list services and operations/m);
    expect(out).toMatch(/^ {2}rules +list the CloudTrail conventions/m);
    expect(out).toMatch(/^ {2}cloudtrail-schema iam\.CreatePolicy\.input +what requestParameters holds/m);
    expect(ok(["-h"])).toBe(out);
    expect(ok(["iam.CreatePolicy", "--help"])).toBe(out);
  });

  it("--help on a command shows that command", () => {
    const out = ok(["rules", "--help"]);
    expect(out).toMatch(/^cloudtrail-schema rules: list the CloudTrail conventions/);
    expect(out).toMatch(/^ {2}cloudtrail-schema rules \[ID\] \[OPTIONS\]$/m);
    expect(out).not.toContain("COMMANDS");
    expect(ok(["show", "--help"])).toContain("COMMANDS");
  });

  it("--version prints the package and botocore versions", () => {
    expect(ok(["--version"])).toBe(`cloudtrail-schema ${pkg.version} (botocore ${manifest.botocoreVersion})\n`);
  });

  it("colours only when asked on a pipe, never with NO_COLOR", () => {
    expect(run(["iam.CreatePolicy.input"], { FORCE_COLOR: "1" }).stdout).toMatch(/\x1b\[1mpolicyName\x1b\[22m/);
    expect(run(["iam.CreatePolicy.input"], { FORCE_COLOR: "1", NO_COLOR: "1" }).stdout).not.toMatch(/\x1b\[/);
  });

  it("looks a service up by `show` when a command has its name, and takes `--` before a target", () => {
    expect(ok(["show", "iam"])).toBe(ok(["iam"]));
    expect(ok(["--", "iam"])).toBe(ok(["iam"]));
    expect(ok(["--format", "json", "iam"])).toBe(ok(["iam", "--format", "json"]));
  });
});
