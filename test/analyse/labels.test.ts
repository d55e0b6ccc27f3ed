// Topic labels from ranked terms: the lead phrase grown from overlapping bigrams, abbreviations and thinly supported
// bigrams left out, fragments of a better phrase not used as the second part.
import { describe, expect, it } from 'vitest';
import { labelFrom, leadPhrase } from '../../loader/analyse/labels.ts';
import type { Features } from '../../loader/analyse/tfidf.ts';

/** Features over `docs` (each a list of term surfaces); a term's stem is its surface with "of" dropped. */
function features(docs: string[][]): { f: Features; id: (surface: string) => number } {
  const surfaces = [...new Set(docs.flat())];
  const stem = (s: string) => s.split(' ').filter((w) => w !== 'of').join(' ');
  const id = (s: string) => {
    const i = surfaces.indexOf(s);
    if (i < 0) throw new Error(`no term ${s}`);
    return i;
  };
  const vectors = docs.map((d) => {
    const idx = [...new Set(d.map(id))].sort((a, b) => a - b);
    return { idx: Int32Array.from(idx), val: Float64Array.from(idx, () => 1) };
  });
  const df = Int32Array.from(surfaces, (_, t) => vectors.filter((v) => v.idx.includes(t)).length);
  return { f: { vocab: surfaces.map(stem), surface: surfaces, df, vectors }, id };
}

const all = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('leadPhrase', () => {
  it('grows a single word into the phrase its best bigrams spell', () => {
    const doc = ['entity', 'entity recognition', 'named entity', 'named', 'recognition'];
    const { f, id } = features([doc, doc, doc]);
    const ranked = doc.map(id);
    expect(leadPhrase(f, ranked, all(3)).words.join(' ')).toBe('named entity recognition');
    expect(labelFrom(f, ranked, new Set(), all(3))).toBe('Named entity recognition');
  });

  it('chains bigrams on both sides of a bigram lead, up to four words', () => {
    const doc = ['tree search', 'mcts', 'carlo tree', 'monte carlo', 'search space'];
    const { f, id } = features([doc, doc]);
    expect(leadPhrase(f, doc.map(id), all(2)).words.join(' ')).toBe('monte carlo tree search');
  });

  it('does not append an abbreviation of the phrase', () => {
    const doc = ['mixture of experts', 'experts moe', 'routing', 'load balancing'];
    const { f, id } = features([doc, doc]);
    expect(leadPhrase(f, doc.map(id), all(2)).words.join(' ')).toBe('mixture of experts');
    // three words read as a label on their own
    expect(labelFrom(f, doc.map(id), new Set(), all(2))).toBe('Mixture of experts');
    expect(labelFrom(f, doc.map(id), new Set(['mixture of experts']), all(2))).toBe('Mixture of experts & routing');
  });

  it('leaves out a bigram found in under 40% of the papers holding the lead', () => {
    const base = ['reasoning', 'chain of thought'];
    const docs = [[...base, 'mathematical reasoning'], base, base, base, base, base];
    const { f, id } = features(docs);
    const ranked = ['reasoning', 'mathematical reasoning', 'chain of thought'].map(id);
    expect(leadPhrase(f, ranked, all(6)).words).toEqual(['reasoning']);
    expect(labelFrom(f, ranked, new Set(), all(6))).toBe('Reasoning & chain of thought');
    // in most of them it joins
    const many = features([[...base, 'mathematical reasoning'], [...base, 'mathematical reasoning'], [...base, 'mathematical reasoning'], base]);
    expect(leadPhrase(many.f, ['reasoning', 'mathematical reasoning', 'chain of thought'].map(many.id), all(4)).words).toEqual(['mathematical', 'reasoning']);
  });
});

describe('leadPhrase completes a two-word phrase with the word that travels with it', () => {
  // "fine tuning" is common in the whole corpus, so it is not among the cluster's distinctive terms
  const ranked = (id: (s: string) => number) => ['supervised fine', 'pre trained', 'math'].map(id);

  it('when the continuing bigram is in at least 80% of the (≥ 5) papers holding the phrase', () => {
    const doc = ['supervised fine', 'fine tuning', 'pre trained', 'math'];
    const { f, id } = features([doc, doc, doc, doc, ['supervised fine', 'pre trained', 'math']]);
    expect(leadPhrase(f, ranked(id), all(5)).words.join(' ')).toBe('supervised fine tuning');
    expect(labelFrom(f, ranked(id), new Set(), all(5))).toBe('Supervised fine tuning');
  });

  it('not below 80%, nor on fewer than five papers', () => {
    const doc = ['supervised fine', 'fine tuning', 'pre trained', 'math'];
    const bare = ['supervised fine', 'pre trained', 'math'];
    const thin = features([doc, doc, doc, bare, bare]);
    expect(leadPhrase(thin.f, ranked(thin.id), all(5)).words.join(' ')).toBe('supervised fine');
    const few = features([doc, doc, doc, doc]);
    expect(leadPhrase(few.f, ranked(few.id), all(4)).words.join(' ')).toBe('supervised fine');
  });

  it('at the front too, never with an abbreviation of the phrase, never past three words', () => {
    const front = ['resource languages', 'low resource', 'translation'];
    const a = features([front, front, front, front, front]);
    expect(leadPhrase(a.f, ['resource languages', 'translation'].map(a.id), all(5)).words.join(' ')).toBe('low resource languages');
    const abbr = ['retrieval augmented', 'augmented ra', 'robot'];
    const b = features([abbr, abbr, abbr, abbr, abbr]);
    expect(leadPhrase(b.f, ['retrieval augmented', 'robot'].map(b.id), all(5)).words.join(' ')).toBe('retrieval augmented');
    const three = ['chain of thought', 'thought prompting', 'math'];
    const c = features([three, three, three, three, three]);
    expect(leadPhrase(c.f, ['chain of thought', 'math'].map(c.id), all(5)).words.join(' ')).toBe('chain of thought');
  });
});

describe('labelFrom', () => {
  it('does not take a fragment of a better-ranked phrase as the second part', () => {
    const doc = ['prompt', 'few shot', 'shot', 'optimization'];
    const { f, id } = features([doc, doc]);
    // "few shot" is the second part; when that label is taken, "shot" alone is skipped
    expect(labelFrom(f, doc.map(id), new Set(), all(2))).toBe('Prompt & few shot');
    const taken = new Set(['prompt & few shot']);
    expect(labelFrom(f, doc.map(id), taken, all(2))).toBe('Prompt & optimization');
  });
});
