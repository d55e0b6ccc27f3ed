// Topic labels from distinctive terms: terms whose mean weight inside a cluster most exceeds their weight in the
// comparison set (the rest of the corpus, or the sibling clusters), as readable 2–4 word phrases.
import type { Features } from './tfidf.ts';

/** Mean TF-IDF weight per term over `docs`. */
export function meanWeights(features: Features, docs: number[]): Float64Array {
  const m = new Float64Array(features.vocab.length);
  for (const d of docs) {
    const v = features.vectors[d]!;
    v.idx.forEach((t, j) => (m[t]! += v.val[j]!));
  }
  if (docs.length > 0) for (let i = 0; i < m.length; i++) m[i]! /= docs.length;
  return m;
}

/** Term indices ranked by distinctiveness of `inside` against `outside`. */
export function distinctiveTerms(features: Features, inside: number[], outside: number[], n = 10): number[] {
  const a = meanWeights(features, inside);
  const b = meanWeights(features, outside);
  const scored: [number, number][] = [];
  for (let t = 0; t < a.length; t++) {
    if (a[t]! <= 0) continue;
    const bigram = features.vocab[t]!.includes(' ') ? 1.15 : 1;
    scored.push([t, (a[t]! - 0.5 * b[t]!) * bigram]);
  }
  return scored.sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, n).map(([t]) => t);
}

/** True when term b almost always co-occurs with term a in `docs` (an abbreviation or a part of the same phrase). */
function redundant(features: Features, docs: number[], a: number, b: number): boolean {
  let withB = 0;
  let both = 0;
  for (const d of docs) {
    const idx = features.vectors[d]!.idx;
    const hasB = idx.includes(b);
    if (!hasB) continue;
    withB++;
    if (idx.includes(a)) both++;
  }
  return withB > 0 && both / withB >= 0.8;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A 2–4 word label from ranked terms: the best phrase, plus a second one when it adds a different word. */
export function labelFrom(features: Features, ranked: number[], taken: Set<string> = new Set(), docs: number[] = []): string {
  const surfaces = ranked.map((t) => features.surface[t]!);
  const first = surfaces[0] ?? 'misc';
  const firstWords = new Set(features.vocab[ranked[0]!]?.split(' ') ?? []);
  const squash = (s: string) => s.replace(/[^a-z0-9]/g, '');
  const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
  const fits = (t: number) => wordCount(first) + wordCount(features.surface[t]!) <= 4;
  const second = ranked.slice(1).find((t) => {
    const stems = features.vocab[t]!.split(' ');
    if (squash(features.surface[t]!) === squash(first) || stems.some((s) => firstWords.has(s))) return false;
    return fits(t) && !redundant(features, docs, ranked[0]!, t);
  });
  let label = second !== undefined ? `${cap(first)} & ${features.surface[second]}` : cap(first);
  // Fallbacks (a one-word label, or one already taken): prefer a second phrase sharing no word with the first.
  const fresh = (t: number) => fits(t) && !features.vocab[t]!.split(' ').some((x) => firstWords.has(x));
  const fallbacks = [...ranked.slice(1).filter(fresh), ...ranked.slice(1).filter((t) => fits(t) && !fresh(t))];
  if (wordCount(first) < 2 && fallbacks[0] !== undefined) label = `${cap(first)} & ${features.surface[fallbacks[0]]}`;
  for (const t of fallbacks) {
    if (!taken.has(label.toLowerCase())) break;
    label = `${cap(first)} & ${features.surface[t]}`;
  }
  return label;
}
