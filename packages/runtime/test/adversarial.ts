/**
 * Strings built to make a backtracking regular expression engine work hard on one pattern: long runs of the
 * characters the pattern accepts, alone and in pairs, and of a matching sample, each followed by a character
 * that makes the match fail at the very end (the shape of every classic ReDoS input: prefix, pump, suffix).
 */
import { patternAlphabet, sampleString } from "../src/testing/pattern.js";

const SUFFIXES = ["\u0000", "!", "\n"];

export function adversarialStrings(pattern: string, length: number): string[] {
  const out = new Set<string>();
  const alphabet = patternAlphabet(pattern).slice(0, 12);
  const pump = (unit: string, prefix = "") => {
    if (!unit) return;
    const body = prefix + unit.repeat(Math.ceil((length - prefix.length) / unit.length));
    for (const f of SUFFIXES) out.add(body.slice(0, length - 1) + f);
  };
  for (const a of alphabet) pump(a);
  for (const a of alphabet.slice(0, 4)) for (const b of alphabet.slice(0, 4)) if (a !== b) pump(a + b);
  pump(" ");
  const sample = sampleString(pattern, 1);
  if (sample) {
    pump(sample);
    // Match the start of the pattern, then pump the character that comes next.
    const chars = [...sample];
    for (let i = 0, n = 0; i < chars.length && n < 16; i++) {
      if (i > 0 && chars[i] === chars[i - 1]) continue;
      pump(chars[i]!, chars.slice(0, i).join(""));
      n++;
    }
  }
  return [...out];
}
