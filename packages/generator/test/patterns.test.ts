import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { droppedPatternReason, safePattern, simplify } from "../src/patterns.js";

describe("patterns", () => {
  it.each([
    // [botocore pattern, what the strict schema enforces (undefined: dropped)]
    [".*\\S.*", "\\S"],
    ["[\\w\\.\\-]+@[\\w\\.\\-]+", "[\\w\\.\\-]@[\\w\\.\\-]"],
    ["[a-zA-Z0-9_-]{1,36}", "[a-zA-Z0-9_-]"],
    ["^[0-9]{12}$", "^[0-9]{12}$"],
    ["arn:aws[-a-z]*:es:[-a-z0-9]+:[0-9]{12}:domain\\/.+", "arn:aws[-a-z]*:es:[-a-z0-9]+:[0-9]{12}:domain\\/."],
    ["[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}"],
    ["[\\s\\S]*", undefined],
    ["^[A-Za-z]+\\w*$", undefined],
    ["^.*@.*$", undefined],
    ["([1-9][0-9]*)(m|h)", undefined],
    ["^([A-Za-z](-|_|.)?)+$", undefined],
    ["(?!.* {2})[a-z][ a-z]*[a-z]", undefined],
    ["[[:alpha:]]+", undefined],
    ["\\p{Alpha}+", undefined],
    ["a++", undefined],
  ])("%s -> %s", (pattern, want) => {
    expect(safePattern(pattern)).toBe(want);
    expect(droppedPatternReason(pattern) === undefined).toBe(want !== undefined);
  });

  it("simplifying never changes which strings a pattern accepts", () => {
    const patterns = [".*\\S.*", "[\\w.-]+@[\\w.-]+", "[a-c]{2,5}x?", "(ab)+c*", "a|b+c", "^a+b*|c+$", "[^:]*:[^:]*:x.{1,3}", "(?:x|y)+z", "\\d+(\\.\\d+)?"];
    fc.assert(
      fc.property(fc.constantFrom(...patterns), fc.string({ unit: fc.constantFrom("a", "b", "c", "x", "y", "z", ":", ".", "@", " ", "1", "-", "\n"), maxLength: 12 }), (p, s) => {
        const simplified = simplify(p);
        expect(simplified).toBeDefined();
        expect(simplified === "" ? true : new RegExp(simplified!, "u").test(s)).toBe(new RegExp(p, "u").test(s));
      }),
      { numRuns: 2000 },
    );
  });
});
