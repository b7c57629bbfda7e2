/**
 * `pnpm update-models` end to end on the two-version fixture, into a temporary copy (the repository is never
 * written), the download of a version from a stub package index on 127.0.0.1, and its argument errors.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capturing } from "./run-main.js";
import { readSource, writeSnapshot } from "../import-botocore.js";
import { downloadWheel, main, updateModels } from "../update-models.js";
import { zip } from "./zip.js";

const ROOT = join(import.meta.dirname, "..", "..");
const FIXTURES = join(import.meta.dirname, "fixtures", "botocore");
const CHANGELOG = "# Changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2026-12-04\n\n### Added\n\n- Everything.\n";

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "update-models-test-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh copy: the old fixture as the current snapshot, and a changelog. */
function sandbox(name: string): { data: string; changelog: string; out: string } {
  const dir = join(work, name);
  const data = join(dir, "data");
  writeSnapshot(readSource(join(FIXTURES, "1.29.27")), data);
  const changelog = join(dir, "CHANGELOG.md");
  writeFileSync(changelog, CHANGELOG);
  return { data, changelog, out: join(dir, "types") };
}

/** Every file's sha256 under a directory of the repository, to prove a run left it alone. */
function fingerprint(dir: string): string {
  const h = createHash("sha256");
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else h.update(relative(ROOT, full)).update(readFileSync(full));
    }
  };
  walk(dir);
  return h.digest("hex");
}

/** The wheel botocore 1.43.117 would be, made of the fixture's files. */
function fixtureWheel(): Buffer {
  const root = join(FIXTURES, "1.43.117");
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(root, full)] = readFileSync(full, "utf8");
    }
  };
  walk(root);
  return zip(files);
}

describe("updateModels on a fixture directory", () => {
  it("imports, regenerates, and writes the report under [Unreleased]; the repository is untouched", async () => {
    const before = [fingerprint(join(ROOT, "data", "botocore")), readFileSync(join(ROOT, "CHANGELOG.md"), "utf8")];
    const box = sandbox("e2e");
    const diff = await updateModels({ source: join(FIXTURES, "1.43.117"), ...box });
    expect(diff.bump).toBe("major");

    const manifest = JSON.parse(readFileSync(join(box.data, "manifest.json"), "utf8"));
    expect(manifest.botocoreVersion).toBe("1.43.117");
    expect(Object.keys(manifest.services)).toEqual(["chime-sdk-messaging", "cloudtrail-data", "cur", "discovery", "s3"]);

    // Regenerated from the new snapshot: cloudtrail-data's schema and declarations exist, elastic-inference's do not.
    expect(existsSync(join(box.out, "schemas", "cloudtrail-data.json"))).toBe(true);
    expect(existsSync(join(box.out, "schemas", "elastic-inference.json"))).toBe(false);
    expect(readFileSync(join(box.out, "dist", "services", "cloudtrail-data.d.ts"), "utf8")).toContain("PutAuditEvents");
    expect(JSON.parse(readFileSync(join(box.out, "manifest.json"), "utf8")).botocoreVersion).toBe("1.43.117");

    const changelog = readFileSync(box.changelog, "utf8");
    const at = (s: string) => changelog.indexOf(s);
    expect(at("## [Unreleased]")).toBeLessThan(at("### Models: botocore 1.29.27 -> 1.43.117"));
    expect(at("### Models: botocore 1.29.27 -> 1.43.117")).toBeLessThan(at("## [0.1.0]"));
    expect(changelog).toContain("Proposed version bump: **major**");
    expect(changelog).toContain("- `cloudtrail-data`: service added, 1 operation (AWS CloudTrail Data Service)");
    expect(changelog.endsWith("- Everything.\n")).toBe(true);

    expect([fingerprint(join(ROOT, "data", "botocore")), readFileSync(join(ROOT, "CHANGELOG.md"), "utf8")]).toEqual(before);
  });

  it("a second run from the same source finds no change and leaves the changelog alone", async () => {
    const box = sandbox("twice");
    await updateModels({ source: join(FIXTURES, "1.43.117"), ...box, out: false });
    const once = readFileSync(box.changelog, "utf8");
    const again = await updateModels({ source: join(FIXTURES, "1.43.117"), ...box, out: false });
    expect(again.bump).toBe("none");
    expect(readFileSync(box.changelog, "utf8")).toBe(once);
  });
});

describe("a version downloaded from a package index", () => {
  let server: Server;
  let index: string;
  const wheel = fixtureWheel();
  const sha = createHash("sha256").update(wheel).digest("hex");
  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = req.url ?? "";
      if (url === "/pypi/botocore/1.43.117/json" || url === "/pypi/botocore/6.6.6/json") {
        const filename = "botocore-1.43.117-py3-none-any.whl";
        const digest = url.includes("6.6.6") ? "0".repeat(64) : sha;
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ urls: [{ filename: "botocore-1.43.117.tar.gz", url: `${index}/sdist`, packagetype: "sdist" }, { filename, url: `${index}/files/${filename}`, packagetype: "bdist_wheel", digests: { sha256: digest } }] }));
      } else if (url.startsWith("/files/")) res.end(wheel);
      else {
        res.statusCode = 404;
        res.end("not found");
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    index = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("downloads the wheel the index names, checks its sha256, and updates from it", async () => {
    const box = sandbox("download");
    const diff = await updateModels({ source: "1.43.117", ...box, out: false, index });
    expect([diff.from, diff.to]).toEqual(["1.29.27", "1.43.117"]);
    expect(readFileSync(box.changelog, "utf8")).toContain("### Models: botocore 1.29.27 -> 1.43.117");
  });

  it("a version the index does not have: a 404 that names the version and the URL", async () => {
    await expect(downloadWheel("9.9.9", work, { index })).rejects.toThrow(`botocore 9.9.9 is not on the package index (404 from ${index}/pypi/botocore/9.9.9/json)`);
  });

  it("a wheel whose sha256 differs from the index's is refused", async () => {
    await expect(downloadWheel("6.6.6", work, { index })).rejects.toThrow(/sha256 [0-9a-f]{64} does not match the index's 0{64}/);
  });

  it("offline: names the URL that failed and what to pass instead", async () => {
    const closed = await new Promise<number>((r) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const port = (s.address() as AddressInfo).port;
        s.close(() => r(port));
      });
    });
    const url = `http://127.0.0.1:${closed}`;
    await expect(downloadWheel("1.43.117", work, { index: url })).rejects.toThrow(
      new RegExp(`^cannot download ${url}/pypi/botocore/1\\.43\\.117/json: .*ECONNREFUSED.*Offline\\? Pass a botocore wheel, Debian's python3-botocore \\.deb or an extracted botocore data directory`),
    );
  });

  it("an injected fetch that throws is reported the same way", async () => {
    const fetch = async () => {
      throw new TypeError("fetch failed", { cause: new Error("getaddrinfo ENOTFOUND pypi.org") });
    };
    await expect(downloadWheel("1.43.117", work, { fetch })).rejects.toThrow("cannot download https://pypi.org/pypi/botocore/1.43.117/json: getaddrinfo ENOTFOUND pypi.org. Offline?");
  });
});

describe("the command line", () => {
  const run = capturing(main);

  it("--help prints the usage, exit 0", async () => {
    const r = await run("--help");
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^Usage: pnpm update-models <botocore version \| botocore-\*\.whl/);
  });

  it.each([
    [["--bogus", "x"], "Unknown option '--bogus'"],
    [[], "missing the botocore version or path"],
    [["a", "b"], "one source expected, got 2: a b"],
    [["/nonexistent/botocore"], "/nonexistent/botocore: no such file or directory, and not a botocore version (x.y.z)"],
  ])("%j: a clear error on stderr, exit 2", async (args, message) => {
    const r = await run(...args);
    expect(r.status).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(message);
  });

  it("a source that is not botocore: exit 1, naming the file", async () => {
    const box = sandbox("bad-source");
    const r = await run(import.meta.filename, "--data", box.data, "--changelog", box.changelog, "--no-generate");
    expect(r.status).toBe(1);
    expect(r.err).toContain(`${import.meta.filename}: expected a botocore data directory, a .deb or a .whl`);
  });

  it("runs as `pnpm update-models` (the package.json script)", () => {
    const script = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts["update-models"]!;
    const [node, ...args] = script.split(" ");
    expect(node).toBe("node");
    const r = spawnSync(process.execPath, [...args, "--help"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Usage: pnpm update-models");
  });
});
