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
  if (docs.length > 0 && leadDocs > 0) complete(features, docs, stems, words);
  return { stems, words };
}

/**
 * A bigram continues a phrase when it is in at least this share of the cluster's papers that hold the phrase: the
 * words around a phrase that almost always travel with it ("supervised fine" → "supervised fine tuning", "resource
 * languages" → "low resource languages"), even when the continuation is common in the comparison set and so not
 * among the distinctive terms.
 */
const PHRASE_CONTINUES = 0.8;

/** Bigram term indices by their stems (whole, first, second), built once per feature set. */
interface BigramIndex {
  byTerm: Map<string, number>;
  byFirst: Map<string, number[]>;
  bySecond: Map<string, number[]>;
}
const bigramIndex = new WeakMap<Features, BigramIndex>();
function bigramsOf(features: Features): BigramIndex {
  let index = bigramIndex.get(features);
  if (!index) {
    index = { byTerm: new Map(), byFirst: new Map(), bySecond: new Map() };
    features.vocab.forEach((term, t) => {
      const parts = term.split(' ');
      if (parts.length === 2) index!.byTerm.set(term, t);
      if (parts.length !== 2 || features.surface[t]!.split(/\s+/).length !== 2) return;
      (index!.byFirst.get(parts[0]!) ?? index!.byFirst.set(parts[0]!, []).get(parts[0]!)!).push(t);
      (index!.bySecond.get(parts[1]!) ?? index!.bySecond.set(parts[1]!, []).get(parts[1]!)!).push(t);
    });
    bigramIndex.set(features, index);
  }
  return index;
}

/** A continuation needs at least this many papers holding the phrase (a handful agreeing by chance is no evidence). */
const CONTINUE_MIN_PAPERS = 5;

/**
 * Extends a two-word phrase (in place) to three with the bigram that continues it at either end in at least
 * PHRASE_CONTINUES of the cluster papers holding it (at least CONTINUE_MIN_PAPERS of them); the most frequent such
 * bigram wins (ties: the lower term index). Abbreviations and words already in the phrase are never added. Longer
 * phrases already read as labels ("Multimodal medical image").
 */
function complete(features: Features, docs: number[], stems: string[], words: string[]): void {
  if (stems.length !== 2 || words.length !== 2) return;
  const { byTerm, byFirst, bySecond } = bigramsOf(features);
  const own = byTerm.get(`${stems[0]} ${stems[1]}`);
  if (own === undefined) return;
  const holding = docs.filter((d) => features.vectors[d]!.idx.includes(own));
  if (holding.length < CONTINUE_MIN_PAPERS) return;
  const candidates = new Map<number, number>();
  for (const t of byFirst.get(stems[1]!) ?? []) if (!stems.includes(features.vocab[t]!.split(' ')[1]!)) candidates.set(t, 0);
  for (const t of bySecond.get(stems[0]!) ?? []) if (!stems.includes(features.vocab[t]!.split(' ')[0]!)) candidates.set(t, 0);
  if (candidates.size === 0) return;
  for (const d of holding) for (const t of features.vectors[d]!.idx) if (candidates.has(t)) candidates.set(t, candidates.get(t)! + 1);
  let best = -1;
  let bestCount = Math.ceil(PHRASE_CONTINUES * holding.length);
  for (const [t, n] of candidates) if (n > bestCount || (n === bestCount && (best < 0 || t < best))) [best, bestCount] = [t, n];
  if (best < 0) return;
  const [s0, s1] = features.vocab[best]!.split(' ') as [string, string];
  const [w0, w1] = features.surface[best]!.split(/\s+/) as [string, string];
  if (s0 === stems[1] && !isAbbreviation(w1, words)) {
    stems.push(s1);
    words.push(w1);
  } else if (s1 === stems[0] && !isAbbreviation(w0, words)) {
    stems.unshift(s0);
    words.unshift(w0);
  }
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
