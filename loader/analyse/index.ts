// analyse(): the whole analytics step over the graph's papers — features, related work, topics, co-author
// communities — deterministic for the same input; per-step timings for benchmarks and the load summary.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Analysis, AnalysisPaper, InTopicRel, TopicNode } from '../types.ts';
import { communities, coauthorPairs } from './communities.ts';
import { readTopicConfig, type TopicConfig } from './config.ts';
import { tfidfEmbedder, type Embedder } from './embedder.ts';
import { neighbourLists, relatedWork, similarRelations, TOPIC_NEIGHBOURS, type SimilarityOptions } from './similarity.ts';
import { hasText } from './tfidf.ts';
import { topicLinks } from './topic-links.ts';
import { buildTopics } from './topics.ts';

export const DEFAULT_TOPICS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'topics.yaml');

export interface AnalyseOptions {
  authorNames?: Record<string, string>;
  previousTopics?: { id: string; members: string[] }[];
  topicConfig?: TopicConfig;
  embedder?: Embedder;
  similarity?: SimilarityOptions;
  seed?: number;
}

/** Each paper's primary fine topic as a small integer (-1 for none), parallel to `ids`. */
function primaryTopicIndex(ids: string[], topics: TopicNode[], inTopic: InTopicRel[]): Int32Array {
  const topicIndex = new Map(topics.map((t, i) => [t.id, i]));
  const docIndex = new Map(ids.map((id, i) => [id, i]));
  const out = new Int32Array(ids.length).fill(-1);
  for (const r of inTopic) if (r.primary) out[docIndex.get(r.paper)!] = topicIndex.get(r.topic)!;
  return out;
}

/** Runs every analytics step over `papers` (sorted by id first, so input order never matters). */
export function analyse(input: AnalysisPaper[], options: AnalyseOptions = {}): Analysis {
  const timings: Record<string, number> = {};
  const time = <T>(name: string, fn: () => T): T => {
    const t0 = performance.now();
    const out = fn();
    timings[name] = Math.round(performance.now() - t0);
    return out;
  };
  const papers = [...input].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = papers.map((p) => p.id);
  const features = time('features', () => (options.embedder ?? tfidfEmbedder).embed(papers));
  const withText = papers.flatMap((p, i) => (hasText(p) && features.vectors[i]!.idx.length > 0 ? [i] : []));
  const neighbours = time('similarity', () => neighbourLists(features, options.similarity)).map((list) => list.slice(0, TOPIC_NEIGHBOURS));
  const config = options.topicConfig ?? readTopicConfig(DEFAULT_TOPICS_FILE);
  const { topics, inTopic } = time('topics', () => buildTopics(ids, features, withText, { config, timings, neighbours, ...(options.previousTopics ? { previousTopics: options.previousTopics } : {}), ...(options.seed !== undefined ? { seed: options.seed } : {}) }));
  // Related work: the nearest papers by the related-work features, the same fine topic breaking near-ties.
  const work = time('similarity.related', () => relatedWork(features, options.similarity, undefined, primaryTopicIndex(ids, topics, inTopic)));
  const similar = time('similarity.explain', () => similarRelations(ids, features, options.similarity, work));
  const links = time('topics.links', () => topicLinks(topics, inTopic, similar));
  const coauthors = time('coauthors', () => coauthorPairs(papers));
  const coarseLabel = new Map(topics.filter((t) => t.level === 0).map((t) => [t.id, t.label]));
  const topicOfPaper = new Map(inTopic.filter((r) => !r.primary && coarseLabel.has(r.topic)).map((r) => [r.paper, coarseLabel.get(r.topic)!]));
  const comm = time('communities', () => communities(papers, coauthors, options.authorNames ?? {}, topicOfPaper, options.seed ?? 7));
  return { topics, inTopic, similar, topicLinks: links, coauthors, communities: comm, timings };
}
