// The Embedder interface: how papers become vectors. TF-IDF is the default; a sentence-embedding model could
// implement the same interface later (off by default: no model downloads at run time).
import type { AnalysisPaper } from '../types.ts';
import { buildFeatures, type Features } from './tfidf.ts';

export interface Embedder {
  readonly name: string;
  embed(papers: AnalysisPaper[]): Features;
}

export const tfidfEmbedder: Embedder = {
  name: 'tfidf',
  embed: (papers) => buildFeatures(papers),
};
