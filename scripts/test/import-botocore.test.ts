import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { readSource, writeSnapshot } from "../import-botocore.js";
import { zip } from "./zip.js";

const model = (op: string) => JSON.stringify({ metadata: { protocol: "json", apiVersion: "x" }, operations: { [op]: {} }, shapes: {} }, null, 2);
/** botocore's layout: two API versions of one service, one of another. */
const FILES: Record<string, string> = {
  "botocore/__init__.py": "__version__ = '1.2.3'\n",
  "botocore/data/alpha/2015-01-01/service-2.json": model("Old"),
  "botocore/data/alpha/2020-06-30/service-2.json": model("New"),
  "botocore/data/beta/2019-01-01/service-2.json": model("Only"),
  "botocore/data/beta/2019-01-01/paginators-1.json": "{}",
};

/** An `ar` archive holding data.tar.gz, as a .deb does. */
function deb(dir: string): Buffer {
  const tarball = join(dir, "data.tar.gz");
  execFileSync("tar", ["-czf", tarball, "-C", join(dir, "tree"), "usr"]);
  const body = readFileSync(tarball);
  const header = (name: string, size: number) =>
    Buffer.from(`${name.padEnd(16)}${"0".padEnd(12)}${"0".padEnd(6)}${"0".padEnd(6)}${"100644".padEnd(8)}${String(size).padEnd(10)}\`\n`);
  const ver = Buffer.from("2.0\n");
  return Buffer.concat([Buffer.from("!<arch>\n"), header("debian-binary", ver.length), ver, header("data.tar.gz", body.length), body, body.length % 2 ? Buffer.from("\n") : Buffer.alloc(0)]);
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "ct-import-"));
  for (const [path, text] of Object.entries(FILES)) {
    const full = join(work, "tree", "usr", "lib", "python3", "dist-packages", path);
    mkdirSync(join(full, ".."), { recursive: true });
    writeFileSync(full, text);
  }
  writeFileSync(join(work, "botocore-1.2.3-py3-none-any.whl"), zip(FILES));
  writeFileSync(join(work, "python3-botocore_1.2.3-1_all.deb"), deb(work));
});

describe("import-botocore", () => {
  const sources = () => ({
    "an extracted botocore/data directory": join(work, "tree", "usr", "lib", "python3", "dist-packages", "botocore", "data"),
    "an ancestor directory": join(work, "tree"),
    "a wheel": join(work, "botocore-1.2.3-py3-none-any.whl"),
    "a .deb": join(work, "python3-botocore_1.2.3-1_all.deb"),
  });

  it.each(["an extracted botocore/data directory", "an ancestor directory", "a wheel", "a .deb"])("reads %s", (kind) => {
    const src = readSource((sources() as Record<string, string>)[kind]!);
    expect(src.version).toBe("1.2.3");
    expect([...src.models.keys()].sort()).toEqual(["alpha", "beta"]);
  });

  it("keeps the latest API version, minified and gzipped, with a sha256 manifest; deterministic", () => {
    const out1 = join(work, "out1");
    const out2 = join(work, "out2");
    writeSnapshot(readSource(sources()["a wheel"]), out1);
    writeSnapshot(readSource(sources()["a .deb"]), out2);
    const manifest = JSON.parse(readFileSync(join(out1, "manifest.json"), "utf8"));
    expect(manifest.botocoreVersion).toBe("1.2.3");
    expect(manifest.services.alpha.apiVersion).toBe("2020-06-30");
    const alpha = JSON.parse(gunzipSync(readFileSync(join(out1, "alpha.json.gz"))).toString());
    expect(Object.keys(alpha.operations)).toEqual(["New"]);
    for (const f of readdirSync(out1)) expect(readFileSync(join(out1, f)).equals(readFileSync(join(out2, f)))).toBe(true);
  });

  it.each([
    ["a missing path", "/nonexistent/botocore", "no such file or directory"],
    ["a file of another kind", import.meta.filename, "expected a botocore data directory, a .deb or a .whl"],
  ])("rejects %s with a clear error", (_n, path, message) => {
    expect(() => readSource(path)).toThrow(message);
  });
});
