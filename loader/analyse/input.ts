// Bridges resolve → analyse without the database: a ResolvedCorpus becomes the AnalysisPaper list analyse() reads
// (the same shape the writer reads back from the graph: authors in order, repos and tags sorted).
import type { AnalysisPaper, ResolvedCorpus } from '../types.ts';

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Turns a resolved corpus into analysis input, in paper-id order.
 * @param corpus the output of `resolve(files)`
 * @returns one AnalysisPaper per paper node
 */
export function toAnalysisPapers(corpus: ResolvedCorpus): AnalysisPaper[] {
  const authored = [...corpus.authored].sort((a, b) => a.position - b.position);
  const authors = new Map<string, string[]>();
  for (const r of authored) push(authors, r.paper, r.author);
  const repos = new Map<string, string[]>();
  for (const r of corpus.hasCode) push(repos, r.paper, r.target);
  const tags = new Map<string, string[]>();
  for (const r of corpus.tagged) push(tags, r.paper, r.target);
  const uniqSorted = (xs: string[] | undefined) => [...new Set(xs ?? [])].sort();
  return [...corpus.papers]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p) => ({
      id: p.id,
      title: p.title,
      abstract: p.abstract,
      summary: p.summary,
      month: p.month,
      authors: [...new Set(authors.get(p.id) ?? [])],
      repos: uniqSorted(repos.get(p.id)),
      tags: uniqSorted(tags.get(p.id)),
    }));
}
