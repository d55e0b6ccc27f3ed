// Co-author pairs (one COAUTHORED_WITH per pair, weight = shared papers) and seeded Louvain communities named
// by their most central author and dominant topic.
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { AnalysisPaper, CoauthorRel, CommunityAssignment } from '../types.ts';
import { rng } from './rng.ts';

/** Every pair of co-authors with the papers behind it (a < b). */
export function coauthorPairs(papers: AnalysisPaper[]): CoauthorRel[] {
  const pairs = new Map<string, CoauthorRel>();
  for (const p of papers) {
    const authors = [...new Set(p.authors)].sort();
    for (let i = 0; i < authors.length; i++) {
      for (let j = i + 1; j < authors.length; j++) {
        const key = `${authors[i]}\u0000${authors[j]}`;
        const rel = pairs.get(key) ?? pairs.set(key, { a: authors[i]!, b: authors[j]!, weight: 0, papers: [] }).get(key)!;
        rel.weight++;
        rel.papers.push(p.id);
      }
    }
  }
  return [...pairs.values()].map((r) => ({ ...r, papers: r.papers.sort() })).sort((x, y) => (x.a + x.b < y.a + y.b ? -1 : 1));
}

/** Louvain communities (seeded), numbered by size then smallest member; singletons get their own. */
export function communities(
  papers: AnalysisPaper[],
  pairs: CoauthorRel[],
  names: Record<string, string>,
  topicOfPaper: Map<string, string>,
  seed = 7,
): CommunityAssignment[] {
  const graph = new Graph({ type: 'undirected' });
  const authors = [...new Set(papers.flatMap((p) => p.authors))].sort();
  for (const a of authors) graph.addNode(a);
  for (const r of pairs) graph.addEdge(r.a, r.b, { weight: r.weight });
  const raw: Record<string, number> = graph.size > 0 ? louvain(graph, { rng: rng(seed), getEdgeWeight: 'weight' }) : {};
  const groups = new Map<string, string[]>();
  for (const a of authors) {
    const key = graph.degree(a) === 0 ? `solo:${a}` : `c:${raw[a]}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(a);
  }
  const ordered = [...groups.values()].sort((x, y) => y.length - x.length || (x[0]! < y[0]! ? -1 : 1));
  const papersOf = new Map<string, string[]>();
  for (const p of papers) for (const a of p.authors) (papersOf.get(a) ?? papersOf.set(a, []).get(a)!).push(p.id);
  const out: CommunityAssignment[] = [];
  ordered.forEach((members, community) => {
    const strength = (a: string) => graph.reduceEdges(a, (s, _e, attr) => s + (attr.weight as number), 0);
    const central = [...members].sort((x, y) => strength(y) - strength(x) || (papersOf.get(y)?.length ?? 0) - (papersOf.get(x)?.length ?? 0) || (x < y ? -1 : 1))[0]!;
    const votes = new Map<string, number>();
    for (const m of members) for (const pid of papersOf.get(m) ?? []) {
      const t = topicOfPaper.get(pid);
      if (t) votes.set(t, (votes.get(t) ?? 0) + 1);
    }
    const topic = [...votes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    const name = `${names[central] ?? central}${topic ? ` · ${topic}` : ''}`;
    for (const m of members) out.push({ author: m, community, communityName: name });
  });
  return out.sort((a, b) => (a.author < b.author ? -1 : 1));
}
