/**
 * botocore patterns are Java regular expressions. The strict mode only enforces a pattern that means the
 * same in JavaScript (`u` flag, as ajv compiles it) and cannot backtrack catastrophically; every other one is
 * dropped, deliberately, and `droppedPatternReason()` says why (the CLI and the report list them).
 */

const cache = new Map<string, string | undefined>();

/** Why a pattern is not enforced, or undefined when it is. */
export function droppedPatternReason(pattern: string): string | undefined {
  // Java-only syntax: POSIX classes, possessive quantifiers, atomic groups, \A \Z \z anchors, inline flags.
  if (/\\p\{(Alpha|Digit|Alnum|Upper|Lower|Punct|Graph|Print|Blank|Cntrl|XDigit|Space|ASCII|javaLowerCase|javaUpperCase|IsAlphabetic)\}/.test(pattern))
    return "Java POSIX character class";
  if (/[*+?}][+]/.test(pattern.replace(/\\./g, ""))) return "possessive quantifier (Java only)";
  if (/\(\?[>imsx]/.test(pattern)) return "atomic group or inline flag (Java only)";
  if (/\\[AZz]/.test(pattern)) return "Java anchor";
  try {
    new RegExp(pattern, "u");
  } catch (e) {
    return `not a JavaScript regular expression: ${(e as Error).message}`;
  }
  if (hasNestedQuantifier(pattern)) return "nested quantifier (may backtrack catastrophically)";
  return undefined;
}

/**
 * A group that is quantified and contains a quantifier, e.g. `(a+)+` or `([a-z]+\.)*`, can take
 * exponential time on a crafted string in a backtracking engine. We do not try to prove such a pattern
 * safe; we drop it.
 */
export function hasNestedQuantifier(pattern: string): boolean {
  const s = pattern.replace(/\\./g, "e").replace(/\[(?:[^\]\\]|\\.)*\]/g, "c");
  const stack: boolean[] = [];
  let inner = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === "(") {
      stack.push(inner);
      inner = false;
    } else if (ch === ")") {
      const hadQuantifier = inner;
      inner = stack.pop() ?? false;
      const next = s[i + 1];
      const quantified = next === "*" || next === "+" || next === "?" || next === "{";
      // `?` alone cannot repeat, so an optional group is not a hazard; `{n}` exact repeats are bounded.
      const repeats = next === "*" || next === "+" || (next === "{" && /^\{\d*,\d*\}/.test(s.slice(i + 1)) && !/^\{(\d+)\}/.test(s.slice(i + 1)));
      if (hadQuantifier && quantified && repeats) return true;
      if (hadQuantifier || repeats) inner = true;
    } else if (ch === "*" || ch === "+" || ch === "{") {
      inner = true;
    }
  }
  return false;
}

/** The pattern when the strict mode can enforce it safely, else undefined. */
export function safePattern(pattern: string | undefined): string | undefined {
  if (pattern === undefined) return undefined;
  if (!cache.has(pattern)) cache.set(pattern, droppedPatternReason(pattern) ? undefined : pattern);
  return cache.get(pattern);
}
