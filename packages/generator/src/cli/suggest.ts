/**
 * Close matches for a name the user mistyped: the same name in another case (alone), else names it is a
 * prefix of, else names within a small edit distance (a swap of two letters counts as one edit).
 */

/** Optimal-string-alignment distance: Levenshtein plus transpositions of adjacent characters. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Up to `limit` candidates close to `input`, best first; none when nothing is close. */
export function closeMatches(input: string, candidates: readonly string[], limit = 5): string[] {
  const want = input.toLowerCase();
  if (!want) return [];
  // Allow about one edit per three characters: `CreatPolicy` finds `CreatePolicy`, `ec` does not find `s3`.
  const budget = Math.max(1, Math.floor(want.length / 3));
  const scored: { name: string; score: number }[] = [];
  for (const name of candidates) {
    const have = name.toLowerCase();
    let score: number;
    if (have === want) score = 0;
    else if (have.startsWith(want) && want.length >= 2) score = 1 + (have.length - want.length) / 1000;
    else {
      const d = editDistance(want, have);
      if (d > budget) continue;
      score = 2 + d;
    }
    scored.push({ name, score });
  }
  scored.sort((x, y) => x.score - y.score || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  // Only the best tier, give or take one edit: `Iam` suggests iam alone, not iam-toolbox and oam too.
  const best = scored[0]?.score ?? 0;
  const cut = best === 0 ? 0 : Math.floor(best) + 1;
  return scored
    .filter((s) => s.score <= cut)
    .slice(0, limit)
    .map((s) => s.name);
}
