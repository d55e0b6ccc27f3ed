// Paper text into terms (loader/analyse/text.ts): stop words and boilerplate dropped, stems with surfaces, bigrams.
import { describe, expect, it } from 'vitest';
import { terms } from '../../loader/analyse/text.ts';

const unigrams = (text: string) => terms(text).filter((t) => !t.term.includes(' ')).map((t) => t.surface);
const bigrams = (text: string) => terms(text).filter((t) => t.term.includes(' ')).map((t) => t.surface);

describe('terms', () => {
  it('drops stop words and paper boilerplate, keeps stems with their surface, and adjacent or "of" bigrams', () => {
    const text = 'We propose a novel mixture of experts router that improves load balancing.';
    expect(unigrams(text)).toEqual(['mixture', 'experts', 'router', 'load', 'balancing']);
    expect(bigrams(text)).toEqual(['mixture of experts', 'experts router', 'load balancing']);
    expect(terms('Routing routes')[0]).toEqual({ term: 'rout', surface: 'routing' });
  });

  it('drops the availability boilerplate: "code", "github", links', () => {
    expect(unigrams('Code and models are available at https://github.com/x/y.')).toEqual([]);
  });
});
