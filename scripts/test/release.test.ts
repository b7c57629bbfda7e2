/**
 * `pnpm release --dry-run` as CI runs it (packs all three packages, publint, attw, `npm publish --dry-run`;
 * about a minute, most of it packing and checking the 25 MB types package), the checks it makes, and its
 * refusal to publish outside CI. Needs `pnpm build` (as `pnpm test` does first).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { capturing } from "./run-main.js";
import { parse as parseYaml } from "yaml";
import { checkChangelog, checkMayPublish, checkPackedDependencies, checkTag, checkVersions, main, publishOrder, release, repositoryProblem, type PackageInfo } from "../release.js";

const ROOT = join(import.meta.dirname, "..", "..");
const pkg = (name: string, version: string, dependencies?: Record<string, string>): PackageInfo => ({ dir: `/x/${name}`, name, version, ...(dependencies ? { dependencies } : {}) });

describe("pnpm release --dry-run", () => {
  it(
    "packs and checks every published package, and publishes nothing",
    async () => {
      const lines: string[] = [];
      const r = await release({ dryRun: true, log: (l) => lines.push(l) });
      const version = (JSON.parse(readFileSync(join(ROOT, "packages", "types", "package.json"), "utf8")) as { version: string }).version;
      expect(r.version).toBe(version);
      expect(r.tarballs).toEqual([`cloudtrail-schema-types-${version}.tgz`, `cloudtrail-schema-runtime-${version}.tgz`, `cloudtrail-schema-generator-${version}.tgz`]);
      for (const t of r.tarballs) expect(lines.some((l) => l.startsWith(`npm publish --dry-run ${t}: accepted`))).toBe(true);
      expect(lines.some((l) => l.startsWith("published"))).toBe(false);
    },
    600_000,
  );
});

describe("the release checks", () => {
  it("publishes each package after the workspace packages it depends on", () => {
    const order = publishOrder([
      pkg("@s/generator", "1.0.0", { "@s/runtime": "workspace:*", "ts-morph": "27.0.0" }),
      pkg("@s/runtime", "1.0.0", { "@s/types": "workspace:*" }),
      pkg("@s/types", "1.0.0"),
    ]);
    expect(order.map((p) => p.name)).toEqual(["@s/types", "@s/runtime", "@s/generator"]);
  });

  it("one version for all packages", () => {
    expect(checkVersions([pkg("a", "1.2.0"), pkg("b", "1.2.0")])).toBe("1.2.0");
    expect(() => checkVersions([pkg("a", "1.2.0"), pkg("b", "1.1.0")])).toThrow("the packages have different versions: a@1.2.0, b@1.1.0");
  });

  it("packed dependencies on sibling packages name the exact version", () => {
    expect(() => checkPackedDependencies(pkg("a", "1.2.0", { b: "1.2.0", other: "^3" }), "1.2.0", ["a", "b"])).not.toThrow();
    expect(() => checkPackedDependencies(pkg("a", "1.2.0", { b: "workspace:*" }), "1.2.0", ["a", "b"])).toThrow("a: the packed package.json depends on b@workspace:*, expected 1.2.0");
  });

  it("the changelog has an entry for the version; the repository's has one for the current version", () => {
    expect(() => checkChangelog("## [Unreleased]\n\n## [1.2.0] - 2026-12-04\n", "1.2.0")).not.toThrow();
    expect(() => checkChangelog("## [1.2.01] - 2026-12-04\n### [1.2.0]\n", "1.2.0")).toThrow('CHANGELOG.md has no entry for 1.2.0 (a heading "## [1.2.0] - YYYY-MM-DD")');
    const version = (JSON.parse(readFileSync(join(ROOT, "packages", "runtime", "package.json"), "utf8")) as { version: string }).version;
    expect(() => checkChangelog(readFileSync(join(ROOT, "CHANGELOG.md"), "utf8"), version)).not.toThrow();
  });

  it("a pushed tag must name the version", () => {
    expect(() => checkTag("refs/tags/v1.2.0", "1.2.0")).not.toThrow();
    expect(() => checkTag("refs/heads/main", "1.2.0")).not.toThrow();
    expect(() => checkTag(undefined, "1.2.0")).not.toThrow();
    expect(() => checkTag("refs/tags/v1.3.0", "1.2.0")).toThrow("tag v1.3.0 does not match the packages' version 1.2.0 (expected v1.2.0)");
  });

  it("provenance needs package.json to name the repository the workflow runs in", () => {
    expect(repositoryProblem({ name: "a" }, "o/r")).toBe('a: package.json has no "repository"; npm publish --provenance requires it to name the GitHub repository');
    expect(repositoryProblem({ name: "a", repository: { url: "git+https://github.com/o/r.git" } }, "o/r")).toBeUndefined();
    expect(repositoryProblem({ name: "a", repository: "https://github.com/o/r" }, undefined)).toBeUndefined();
    expect(repositoryProblem({ name: "a", repository: { url: "git+https://github.com/o/other.git" } }, "o/r")).toBe('a: "repository" is git+https://github.com/o/other.git, but the workflow runs in github.com/o/r');
  });

  it("publishing for real needs GitHub Actions and a token", () => {
    expect(() => checkMayPublish({})).toThrow("refusing to publish outside GitHub Actions");
    expect(() => checkMayPublish({ CI: "true", GITHUB_ACTIONS: "true" })).toThrow("no NODE_AUTH_TOKEN");
    expect(() => checkMayPublish({ CI: "true", GITHUB_ACTIONS: "true", NODE_AUTH_TOKEN: "x" })).not.toThrow();
  });
});

describe(".github/workflows/release.yml", () => {
  const workflow = parseYaml(readFileSync(join(ROOT, ".github", "workflows", "release.yml"), "utf8")) as {
    on: { push: { tags: string[] }; workflow_dispatch: unknown };
    jobs: Record<string, { permissions: Record<string, string>; steps: { run?: string; uses?: string }[] }>;
  };
  const job = workflow.jobs.release!;
  const runs = job.steps.map((s) => s.run ?? "");

  it("runs on a pushed version tag and by hand", () => {
    expect(workflow.on.push.tags).toEqual(["v*"]);
    expect(workflow.on).toHaveProperty("workflow_dispatch");
  });

  it("may mint the OIDC token provenance needs", () => {
    expect(job.permissions["id-token"]).toBe("write");
  });

  it("installs with the pinned pnpm, builds and tests, then releases: publishing on a tag, a dry run by hand unless asked", () => {
    const pinned = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { packageManager: string }).packageManager;
    expect(runs.filter((r) => r.includes("pnpm@")).every((r) => r.includes(pinned))).toBe(true);
    const order = ["install --frozen-lockfile", " test", " release "].map((cmd) => runs.findIndex((r) => r.includes(cmd)));
    expect(order.every((i, n) => i >= 0 && (n === 0 || i > order[n - 1]!))).toBe(true);
    // GitHub's `a && b || c` is c when b is falsy (''), so the dry-run flag must be the `b`.
    expect(runs.find((r) => r.includes(" release "))).toContain("${{ (github.event_name != 'push' && !inputs.publish) && '--dry-run' || '' }}");
  });
});

describe("the command line", () => {
  const run = capturing(main);

  it("--help, exit 0", async () => {
    const r = await run("--help");
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^Usage: pnpm release \[--dry-run\]/);
  });

  it("an unknown option: exit 2", async () => {
    const r = await run("--dryrun");
    expect(r.status).toBe(2);
    expect(r.err).toContain("Unknown option '--dryrun'");
  });

  it("without --dry-run, outside CI: refuses before packing anything, exit 2", async () => {
    const saved = { CI: process.env.CI, GITHUB_ACTIONS: process.env.GITHUB_ACTIONS };
    delete process.env.GITHUB_ACTIONS;
    try {
      const r = await run();
      expect(r.status).toBe(2);
      expect(r.err).toBe("release: refusing to publish outside GitHub Actions (provenance needs its OIDC token); run with --dry-run to check a release locally\n");
    } finally {
      if (saved.GITHUB_ACTIONS !== undefined) process.env.GITHUB_ACTIONS = saved.GITHUB_ACTIONS;
    }
  });
});
