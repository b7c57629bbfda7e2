/**
 * Release the published packages, or check that they could be (`--dry-run`, what CI runs).
 *
 *   pnpm release --dry-run     build if needed, pack, check; publish nothing
 *   pnpm release               the same, then `npm publish --provenance` each tarball (CI only, with a token)
 *
 * Checks, before anything is published: every publishable package has the same version; the packed
 * package.json files depend on each other at exactly that version (pnpm rewrites `workspace:*`); CHANGELOG.md
 * has a `## [<version>]` entry; a tag being released (`GITHUB_REF=refs/tags/v…`) names that version; publint
 * finds no error or warning and @arethetypeswrong/cli no problem in any tarball; the generator's tarball
 * carries the model snapshot its CLI reads; each names its repository (npm's provenance check needs it: a
 * warning in a dry run); and `npm publish --dry-run` accepts each tarball.
 */
import { execFile, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const ROOT = resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);
const ATTW = join(require.resolve("@arethetypeswrong/cli/package.json"), "..", "dist", "index.js");
const PUBLINT = join(import.meta.dirname, "publint-tarball.mjs");

export class ReleaseError extends Error {
  override name = "ReleaseError";
  constructor(
    readonly code: "E_USAGE" | "E_CHECK" | "E_REFUSED" | "E_TOOL",
    message: string,
  ) {
    super(message);
  }
}

export interface PackageInfo {
  dir: string;
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
}

/** Publish order: each package after the workspace packages it depends on. */
export function publishOrder(packages: readonly PackageInfo[]): PackageInfo[] {
  const names = new Set(packages.map((p) => p.name));
  const done: PackageInfo[] = [];
  const pending = [...packages].sort((a, b) => (a.name < b.name ? -1 : 1));
  while (pending.length) {
    const i = pending.findIndex((p) => Object.keys(p.dependencies ?? {}).every((d) => !names.has(d) || done.some((q) => q.name === d)));
    if (i < 0) throw new ReleaseError("E_CHECK", `dependency cycle among ${pending.map((p) => p.name).join(", ")}`);
    done.push(pending.splice(i, 1)[0]!);
  }
  return done;
}

/** One version for all: they are released together and depend on each other exactly. */
export function checkVersions(packages: readonly PackageInfo[]): string {
  const versions = [...new Set(packages.map((p) => p.version))];
  if (versions.length !== 1) {
    throw new ReleaseError("E_CHECK", `the packages have different versions: ${packages.map((p) => `${p.name}@${p.version}`).join(", ")}`);
  }
  return versions[0]!;
}

/** The packed package.json must name the sibling packages at the release's version, not `workspace:`. */
export function checkPackedDependencies(packed: PackageInfo, version: string, siblings: readonly string[]): void {
  for (const [dep, range] of Object.entries(packed.dependencies ?? {})) {
    if (siblings.includes(dep) && range !== version) {
      throw new ReleaseError("E_CHECK", `${packed.name}: the packed package.json depends on ${dep}@${range}, expected ${version}`);
    }
  }
}

export function checkChangelog(changelog: string, version: string): void {
  const escaped = version.replace(/\./g, "\\.");
  if (!new RegExp(`^## \\[${escaped}\\]`, "m").test(changelog)) {
    throw new ReleaseError("E_CHECK", `CHANGELOG.md has no entry for ${version} (a heading "## [${version}] - YYYY-MM-DD")`);
  }
}

export function checkTag(ref: string | undefined, version: string): void {
  if (!ref?.startsWith("refs/tags/")) return;
  const tag = ref.slice("refs/tags/".length);
  if (tag !== `v${version}`) throw new ReleaseError("E_CHECK", `tag ${tag} does not match the packages' version ${version} (expected v${version})`);
}

/**
 * npm refuses a provenance statement whose package.json does not name the repository the workflow ran in.
 * Returns the problem, or undefined: an error when publishing, a warning in a dry run.
 */
export function repositoryProblem(packed: { name: string; repository?: string | { url?: string } }, githubRepository: string | undefined): string | undefined {
  const url = typeof packed.repository === "string" ? packed.repository : packed.repository?.url;
  if (!url) return `${packed.name}: package.json has no "repository"; npm publish --provenance requires it to name the GitHub repository`;
  if (githubRepository && !url.replace(/^git\+/, "").replace(/\.git$/, "").endsWith(`github.com/${githubRepository}`)) {
    return `${packed.name}: "repository" is ${url}, but the workflow runs in github.com/${githubRepository}`;
  }
  return undefined;
}

/** Publishing for real happens in CI only: GitHub Actions (for provenance) with an npm token. */
export function checkMayPublish(env: NodeJS.ProcessEnv): void {
  if (env.GITHUB_ACTIONS !== "true" || env.CI !== "true") {
    throw new ReleaseError("E_REFUSED", "refusing to publish outside GitHub Actions (provenance needs its OIDC token); run with --dry-run to check a release locally");
  }
  if (!env.NODE_AUTH_TOKEN && !env.NPM_TOKEN) throw new ReleaseError("E_REFUSED", "refusing to publish: no NODE_AUTH_TOKEN (or NPM_TOKEN) in the environment");
}

/**
 * attw's arguments per package: wildcard subpaths checked by example (all 438 services would take minutes).
 * The runtime is checked without node10 (`--profile node16`): it targets Node >= 20.19 and has no
 * typesVersions, so TypeScript's legacy `moduleResolution: node` cannot see its subpaths. And without
 * `named-exports`: `schemas/<service>` is a CommonJS module whose declarations (`export =`) let TypeScript
 * accept `import { operations } from …`, which Node's ES-module loader cannot detect; the documented use is
 * the default import (`registerSchemas(iam)`). Both are the runtime package's to change; they are listed
 * here so that everything else attw checks still gates a release. The generator is ES-module only (a CLI
 * and a build-time library): `--profile esm-only`.
 */
const ATTW_ARGS: Record<string, string[]> = {
  "@cloudtrail-schema/types": ["--entrypoints", ".", "iam", "iam/CreatePolicy", "sts", "signin-console", "manifest.json", "schemas/sts.json", "schemas/envelope.json"],
  "@cloudtrail-schema/runtime": ["--entrypoints", ".", "node", "testing", "schemas/iam", "--profile", "node16", "--ignore-rules", "named-exports"],
  "@cloudtrail-schema/generator": ["--profile", "esm-only"],
};

/**
 * A child process, awaited: packing, publint, attw and npm take a minute each on the types package's 28,000
 * files, and a synchronous call would block the caller's event loop (a test worker) all that time.
 */
function run(cmd: string, args: string[], cwd?: string): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(cmd, args, { cwd, encoding: "utf8", maxBuffer: 1 << 28 }, (error, stdout, stderr) =>
      done({ status: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

async function pnpm(args: string[], cwd: string): Promise<string> {
  const execpath = process.env.npm_execpath;
  const [cmd, pre] = execpath && /pnpm/.test(execpath) ? [process.execPath, [execpath]] : ["npx", ["--yes", "pnpm@10.34.8"]];
  const r = await run(cmd, [...pre, ...args], cwd);
  if (r.status !== 0) throw new ReleaseError("E_TOOL", `pnpm ${args.join(" ")} failed (exit ${r.status}):\n${r.stderr}`);
  return r.stdout;
}

async function npm(args: string[], cwd: string): Promise<string> {
  const r = await run("npm", args, cwd);
  if (r.status !== 0) throw new ReleaseError("E_TOOL", `npm ${args.join(" ")} failed (exit ${r.status}):\n${r.stderr}`);
  return r.stdout;
}

function workspacePackages(): PackageInfo[] {
  return readdirSync(join(ROOT, "packages"))
    .sort()
    .filter((d) => existsSync(join(ROOT, "packages", d, "package.json")))
    .map((d) => ({ dir: join(ROOT, "packages", d), ...(JSON.parse(readFileSync(join(ROOT, "packages", d, "package.json"), "utf8")) as Omit<PackageInfo, "dir">) }))
    .filter((p) => !p.private);
}

/** What the build writes: when one is missing, build. */
const BUILT = ["packages/generator/dist/cli.js", "packages/types/dist/index.d.ts", "packages/types/manifest.json", "packages/runtime/dist/index.js", "packages/runtime/generated"];

export interface ReleaseOptions {
  dryRun: boolean;
  build?: boolean;
  log?: (line: string) => void;
}

export async function release(options: ReleaseOptions): Promise<{ version: string; tarballs: string[] }> {
  const t0 = performance.now();
  const log = (line: string) => options.log?.(`${line} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  if (!options.dryRun) checkMayPublish(process.env);
  const packages = publishOrder(workspacePackages());
  const version = checkVersions(packages);
  checkChangelog(readFileSync(join(ROOT, "CHANGELOG.md"), "utf8"), version);
  checkTag(process.env.GITHUB_REF, version);
  log(`version ${version}: ${packages.map((p) => p.name).join(", ")}`);

  if (options.build || BUILT.some((f) => !existsSync(join(ROOT, f)))) {
    log("building (pnpm build)");
    await pnpm(["build"], ROOT);
  }

  const out = mkdtempSync(join(tmpdir(), "cloudtrail-schema-release-"));
  try {
    const tarballs: string[] = [];
    for (const p of packages) {
      const before = new Set(readdirSync(out));
      await pnpm(["pack", "--pack-destination", out], p.dir);
      const file = readdirSync(out).find((f) => !before.has(f) && f.endsWith(".tgz"));
      if (!file) throw new ReleaseError("E_TOOL", `pnpm pack wrote no tarball for ${p.name}`);
      const tarball = join(out, file);
      if (p.name === "@cloudtrail-schema/generator") addSnapshot(tarball, join(out, "repack"));
      tarballs.push(tarball);
      const packed = await checkTarball(p, tarball, version, packages.map((q) => q.name));
      const problem = repositoryProblem(packed, process.env.GITHUB_REPOSITORY);
      if (problem && !options.dryRun) throw new ReleaseError("E_CHECK", problem);
      if (problem) log(`warning: ${problem}`);
      log(`${p.name}: ${file} checked (publint, attw)`);
    }
    for (const tarball of tarballs) {
      if (options.dryRun) {
        // --offline: npm's dry run otherwise asks the registry about the package and, unreachable, retries for
        // minutes; the test suite runs this. A real publish reports an already-published version itself.
        await npm(["publish", tarball, "--dry-run", "--offline", "--access", "public", "--tag", "latest"], out);
        log(`npm publish --dry-run ${tarball.slice(out.length + 1)}: accepted`);
      } else {
        await npm(["publish", tarball, "--provenance", "--access", "public"], out);
        log(`published ${tarball.slice(out.length + 1)}`);
      }
    }
    return { version, tarballs: tarballs.map((t) => t.slice(out.length + 1)) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * The generator's CLI reads the model snapshot from <package>/data/botocore (its `files` lists data/), which
 * lives at the repository's root: added to the packed tarball here rather than copied into the package
 * directory, where the tests running beside a dry run would find a half-copied snapshot.
 */
function addSnapshot(tarball: string, work: string): void {
  mkdirSync(work, { recursive: true });
  try {
    execFileSync("tar", ["xzf", tarball, "-C", work]);
    cpSync(join(ROOT, "data", "botocore"), join(work, "package", "data", "botocore"), { recursive: true });
    execFileSync("tar", ["czf", tarball, "-C", work, "package"]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function checkTarball(p: PackageInfo, tarball: string, version: string, siblings: string[]): Promise<PackageInfo & { repository?: string | { url?: string } }> {
  const list = execFileSync("tar", ["tzf", tarball], { encoding: "utf8", maxBuffer: 1 << 26 }).trim().split("\n");
  const packed = JSON.parse(execFileSync("tar", ["xzf", tarball, "-O", "package/package.json"], { encoding: "utf8" })) as PackageInfo;
  if (packed.version !== version) throw new ReleaseError("E_CHECK", `${tarball}: version ${packed.version}, expected ${version}`);
  checkPackedDependencies(packed, version, siblings);
  if (p.name === "@cloudtrail-schema/generator" && !list.includes("package/data/botocore/manifest.json")) {
    throw new ReleaseError("E_CHECK", `${p.name}: the tarball lacks data/botocore/manifest.json, the model snapshot its CLI reads`);
  }
  const lint = await run(process.execPath, [PUBLINT, tarball, "warning"], ROOT);
  if (lint.status !== 0) throw new ReleaseError("E_TOOL", `publint, ${p.name}, failed (exit ${lint.status}):\n${lint.stderr}`);
  const messages = JSON.parse(lint.stdout) as string[];
  if (messages.length) throw new ReleaseError("E_CHECK", `publint, ${p.name}:\n${messages.map((m) => `  ${m}`).join("\n")}`);
  const r = await run(process.execPath, [ATTW, tarball, ...(ATTW_ARGS[p.name] ?? []), "--format", "table-flipped", "--no-color", "--no-emoji"]);
  if (r.status !== 0) throw new ReleaseError("E_CHECK", `@arethetypeswrong/cli, ${p.name}:\n${r.stdout}${r.stderr}`);
  return packed;
}

const USAGE = `Usage: pnpm release [--dry-run] [--build]

Packs every published package, checks the tarballs (versions, CHANGELOG.md entry, publint, attw,
npm publish --dry-run) and publishes them with provenance. Publishing runs in GitHub Actions only
(.github/workflows/release.yml); --dry-run checks and publishes nothing.

Options:
  --dry-run   check only
  --build     build first even when the packages are built
  -h, --help  this help
`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export async function main(argv: string[], io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { "dry-run": { type: "boolean" }, build: { type: "boolean" }, help: { type: "boolean", short: "h" } } }));
  } catch (e) {
    io.err(`release: ${(e as Error).message} (see --help)\n`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  try {
    const dryRun = values["dry-run"] === true;
    const r = await release({ dryRun, build: values.build === true, log: (l) => io.err(`${l}\n`) });
    io.out(`${dryRun ? "dry run: would publish" : "published"} ${r.version}: ${r.tarballs.join(", ")}\n`);
    return 0;
  } catch (e) {
    if (e instanceof ReleaseError) {
      io.err(`release: ${e.message}\n`);
      return e.code === "E_REFUSED" ? 2 : 1;
    }
    throw e;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) process.exitCode = await main(process.argv.slice(2));
