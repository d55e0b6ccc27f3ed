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

/** How many of the best-ranked terms may join the first into a longer phrase. */
const PHRASE_POOL = 8;
/** A bigram grows the lead phrase only when it is in at least this share of the cluster's papers the lead is in. */
const PHRASE_SUPPORT = 0.4;

/** Documents among `docs` whose vector holds term `t`. */
function docCount(features: Features, docs: number[], t: number): number {
  let n = 0;
  for (const d of docs) if (features.vectors[d]!.idx.includes(t)) n++;
  return n;
}

/** True when `word` spells the initials of consecutive `words` ("moe" for mixture of experts, "sft", "rag"). */
function isAbbreviation(word: string, words: string[]): boolean {
  if (word.length < 2 || word.length > 5) return false;
  for (let i = 0; i < words.length; i++) {
    let initials = '';
    for (let j = i; j < words.length && initials.length < word.length; j++) initials += words[j]!.charAt(0);
    if (initials === word) return true;
  }
  return false;
}

/**
 * The first term of a label, grown into a longer phrase (at most 4 words) from the best-ranked bigrams that overlap
 * it by one word and are in most of its papers (`docs`, the cluster; every bigram counts when empty): "entity" with
 * "named entity" and "entity recognition" becomes "named entity recognition", "tree search" with "carlo tree" and
 * "monte carlo" "monte carlo tree search". A phrase cut at a bigram boundary reads as a broken label ("Entity &
 * named"). An abbreviation of the phrase is not added ("mixture of experts moe"). Returns its stems and words.
 */
export function leadPhrase(features: Features, ranked: number[], docs: number[] = []): { stems: string[]; words: string[] } {
  const pool = ranked.slice(0, PHRASE_POOL).map((t) => ({ t, stems: features.vocab[t]!.split(' '), words: features.surface[t]!.split(/\s+/) }));
  const lead = pool[0];
  if (!lead) return { stems: [], words: [] };
  const leadDocs = docs.length > 0 ? docCount(features, docs, lead.t) : 0;
  const supported = (t: number) => docs.length === 0 || docCount(features, docs, t) >= PHRASE_SUPPORT * leadDocs;
  const bigrams = pool.slice(1).filter((p) => p.stems.length === 2 && p.words.length === 2 && supported(p.t));
  let stems = [...lead.stems];
  let words = [...lead.words];
  const used = new Set<number>();
  if (stems.length === 1) {
    // a single word: the best bigram holding it, if any
    const i = bigrams.findIndex((b) => b.stems.includes(stems[0]!) && !isAbbreviation(b.words[b.stems.indexOf(stems[0]!) === 0 ? 1 : 0]!, words));
    if (i < 0) return { stems, words };
    stems = [...bigrams[i]!.stems];
    words = [...bigrams[i]!.words];
    used.add(i);
  }
  for (let grown = true; grown && words.length < 4; ) {
    grown = false;
    for (let i = 0; i < bigrams.length && !grown; i++) {
      const b = bigrams[i]!;
      if (used.has(i) || stems.includes(b.stems[0]!) === stems.includes(b.stems[1]!)) continue;
      if (b.stems[0] === stems[stems.length - 1] && !isAbbreviation(b.words[1]!, words)) {
        stems.push(b.stems[1]!);
        words.push(b.words[1]!);
      } else if (b.stems[1] === stems[0] && !isAbbreviation(b.words[0]!, words)) {
        stems.unshift(b.stems[0]!);
        words.unshift(b.words[0]!);
      } else continue;
      used.add(i);
      grown = true;
    }
  }
  return { stems, words };
}

/** A 2–4 word label from ranked terms: the best phrase (grown by `leadPhrase`), plus a second one when it adds a different word. */
export function labelFrom(features: Features, ranked: number[], taken: Set<string> = new Set(), docs: number[] = []): string {
  const lead = leadPhrase(features, ranked, docs);
  const first = lead.words.length > 0 ? lead.words.join(' ') : 'misc';
  const firstWords = new Set(lead.stems);
  const squash = (s: string) => s.replace(/[^a-z0-9]/g, '');
  const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
  const fits = (t: number) => wordCount(first) + wordCount(features.surface[t]!) <= 4;
  // A single word that is part of a better-ranked phrase, one the lead does not already cover, is a fragment of it
  // ("few shot" → "shot").
  const fragment = (t: number, i: number) =>
    !features.vocab[t]!.includes(' ') &&
    ranked.slice(0, i + 1).some((u) => {
      const parts = features.vocab[u]!.split(' ');
      return parts.length > 1 && parts.includes(features.vocab[t]!) && !parts.some((x) => firstWords.has(x));
    });
  // A lead phrase of three or more words ("Named entity recognition") reads as a label on its own.
  const second = wordCount(first) >= 3 ? undefined : ranked.slice(1).find((t, i) => {
    const stems = features.vocab[t]!.split(' ');
    if (squash(features.surface[t]!) === squash(first) || stems.some((s) => firstWords.has(s)) || fragment(t, i)) return false;
    return fits(t) && !redundant(features, docs, ranked[0]!, t);
  });
  let label = second !== undefined ? `${cap(first)} & ${features.surface[second]}` : cap(first);
  // Fallbacks (a one-word label, or one already taken): prefer a second phrase sharing no word with the first.
  const fresh = (t: number) => fits(t) && !features.vocab[t]!.split(' ').some((x) => firstWords.has(x));
  const inside = (t: number) => features.vocab[t]!.split(' ').every((x) => firstWords.has(x));
  const rest = ranked.slice(1).filter((t, i) => !fragment(t, i));
  const fallbacks = [...rest.filter(fresh), ...rest.filter((t) => fits(t) && !fresh(t) && !inside(t))];
  if (wordCount(first) < 2 && fallbacks[0] !== undefined) label = `${cap(first)} & ${features.surface[fallbacks[0]]}`;
  for (const t of fallbacks) {
    if (!taken.has(label.toLowerCase())) break;
    label = `${cap(first)} & ${features.surface[t]}`;
  }
  return label;
}
