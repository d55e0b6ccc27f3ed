// Tokenising paper text into readable, stemmed terms: stop words (English and paper-prose boilerplate) removed,
// unigrams and adjacent bigrams, each stem remembered with its most frequent surface form for display.
import { stemmer } from 'stemmer';
import { eng } from 'stopword';

const BOILERPLATE = `paper papers propose proposed proposes novel approach approaches method methods methodology framework frameworks
result results show shows shown showing demonstrate demonstrates demonstrated experiment experiments experimental extensive
state art sota outperform outperforms outperforming existing prior previous work works study studies present presents introduce
introduces introduced significant significantly substantially performance improve improves improved improvement improvements
achieve achieves achieving effective effectiveness efficient various new key based using use used leverage leverages leveraging
also however moreover furthermore additionally specifically first second third finally well able across within via including
task tasks model models large language llm llms data dataset datasets benchmark benchmarks evaluation evaluate evaluated
code available github https http www com org project page release released open source publicly compared comparison baseline
baselines challenge challenges problem problems issue issues address addresses paradigm remarkable strong superior robust
potential recent recently wide widely range different multiple high low better best make makes making enable enables enabling
provide provides providing allow allows despite often crucial critical important key demonstrating highlight highlights findings
gain gains ai research researchers capability capabilities ability abilities paper's we our us they their this these those its it's
one two three four five six seven eight nine ten x times up while without however thus hence
real world general purpose specific specifically human humans intelligence artificial comprehensive survey overview
notably particular particularly certain given aim aims goal goals level levels way ways does not require requires`.split(/\s+/);

const STOP = new Set([...eng, ...BOILERPLATE].map((w) => w.toLowerCase()));

export interface Token {
  stem: string;
  surface: string;
  /** Index of the token in the raw word stream (bigrams need adjacency). */
  pos: number;
}

/** Splits text into lower-case words (letters/digits, inner hyphens split), keeping positions. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/https?:\/\/\S+/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const stems = new Map<string, string>();

/** Porter stem of a lower-case word, memoised (a corpus repeats its vocabulary constantly). */
function stemOf(w: string): string {
  let s = stems.get(w);
  if (s === undefined) {
    if (stems.size > 500_000) stems.clear();
    s = stemmer(w);
    stems.set(w, s);
  }
  return s;
}

/** Content tokens: stop words, numbers and 1–2 letter words dropped; stems kept with surfaces. */
export function tokens(text: string, all: string[] = words(text)): Token[] {
  const out: Token[] = [];
  all.forEach((w, pos) => {
    if (w.length < 3 || STOP.has(w) || /^\d/.test(w)) return;
    const stem = stemOf(w);
    if (STOP.has(stem)) return;
    out.push({ stem, surface: w, pos });
  });
  return out;
}

/** Terms of a text: unigram stems plus bigrams of adjacent content words (`mixtur expert`), with surfaces. */
export function terms(text: string): { term: string; surface: string }[] {
  const all = words(text);
  const toks = tokens(text, all);
  const out = toks.map((t) => ({ term: t.stem, surface: t.surface }));
  for (let i = 1; i < toks.length; i++) {
    const a = toks[i - 1]!;
    const b = toks[i]!;
    const gap = b.pos - a.pos;
    // Adjacent content words, or two joined by "of" (mixture of experts, chain of thought).
    if (gap !== 1 && !(gap === 2 && all[a.pos + 1] === 'of')) continue;
    if (a.stem === b.stem) continue;
    const surface = gap === 1 ? `${all[a.pos]} ${all[b.pos]}` : `${all[a.pos]} of ${all[b.pos]}`;
    out.push({ term: `${a.stem} ${b.stem}`, surface });
  }
  return out;
}
