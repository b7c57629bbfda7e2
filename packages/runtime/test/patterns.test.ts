/**
 * Every pattern the strict schemas enforce, against strings built to make a backtracking engine work hard
 * (adversarial.ts): none may take more than 10 ms on a 10 KB string. The patterns are read from the
 * runtime's generated data, so this checks what is shipped.
 */
import { createRequire } from "node:module";
import { brotliDecompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { mapSchema } from "../src/keywords.js";
import { adversarialStrings } from "./adversarial.js";

const req = createRequire(import.meta.url);

function shippedPatterns(): Set<string> {
  const index = req("../generated/index.cjs") as { services: Record<string, unknown> };
  const patterns = new Set<string>();
  for (const service of [...Object.keys(index.services), "envelope"]) {
    const pack = req(`../generated/schemas/${service}.cjs`) as { defs: string };
    const text = brotliDecompressSync(Buffer.from(pack.defs, "base64")).toString("utf8");
    for (const line of text.split("\n")) {
      if (!line) continue;
      mapSchema(JSON.parse(line.slice(line.indexOf("\t") + 1)), "#", (node) => {
        for (const where of [node, node["x-model"] as Record<string, unknown> | undefined]) if (typeof where?.pattern === "string") patterns.add(where.pattern);
        return node;
      });
    }
  }
  return patterns;
}

/** Fastest of a few runs: a loaded machine adds time, never removes it. */
function timeOf(re: RegExp, s: string, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    re.test(s);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

describe("patterns", () => {
  it("no enforced pattern takes more than 10 ms on a 10 KB adversarial string", () => {
    const patterns = shippedPatterns();
    expect(patterns.size).toBeGreaterThan(2000);
    const slow: string[] = [];
    for (const p of patterns) {
      const re = new RegExp(p, "u");
      for (const s of adversarialStrings(p, 10_000)) {
        if (timeOf(re, s, 1) > 10 && timeOf(re, s, 5) > 10) slow.push(`${JSON.stringify(p)} on ${JSON.stringify(s.slice(0, 24))}…`);
      }
    }
    expect(slow).toEqual([]);
  });
});
