// Hierarchical topics: coarse clusters (level 0) by spherical k-means with k chosen by a silhouette score, each
// split into fine clusters (level 1); pinned topics from the config; readable labels; ids stable across runs.
import crypto from 'node:crypto';
import type { InTopicRel, TopicNode } from '../types.ts';
import type { TopicConfig } from './config.ts';
import { bestKMeans, type Clustering } from './kmeans.ts';
import { distinctiveTerms, labelFrom } from './labels.ts';
import type { Features } from './tfidf.ts';
import { terms as termsOf } from './text.ts';

export interface TopicOptions {
  seed?: number;
  config?: TopicConfig;
  previousTopics?: { id: string; members: string[] }[];
}

interface Group {
  docs: number[];
  level: number;
  parent: Group | null;
  label: string;
  terms: string[];
  pinnedId?: string;
  /** Score of each doc in this group (cosine to the centroid). */
  score: Map<number, number>;
}

function split(features: Features, docs: number[], kMin: number, kMax: number, seed: number): Clustering | null {
  if (docs.length < 2 * kMin || kMax < kMin) return null;
  return bestKMeans(features.vectors, docs, features.vocab.length, kMin, kMax, seed);
}

function groupsOf(c: Clustering, docs: number[], level: number, parent: Group | null): Group[] {
  const groups: Group[] = Array.from({ length: c.k }, () => ({ docs: [], level, parent, label: '', terms: [], score: new Map() }));
  docs.forEach((d, i) => {
    const g = groups[c.assign[i]!]!;
    g.docs.push(d);
    g.score.set(d, c.sim[i]!);
  });
  return groups.filter((g) => g.docs.length > 0);
}

/** Papers matching a pin: at least `minMatches` distinct seed terms in their text features. */
function pinMembers(features: Features, docs: number[], pinTerms: string[], minMatches: number): number[] {
  const index = new Map(features.vocab.map((t, i) => [t, i]));
  const wanted = pinTerms.map((t) => termsOf(t).filter((x) => x.term.split(' ').length === t.trim().split(/\s+/).filter((w) => w.length > 2).length || !t.includes(' ')).map((x) => x.term).pop()).filter((x): x is string => !!x && index.has(x)).map((t) => index.get(t)!);
  return docs.filter((d) => {
    const set = new Set(features.vectors[d]!.idx);
    return new Set(wanted.filter((t) => set.has(t))).size >= Math.min(minMatches, wanted.length);
  });
}

function stableId(members: string[], previous: { id: string; members: string[] }[], used: Set<string>): string {
  const mine = new Set(members);
  let best: { id: string; j: number } | null = null;
  for (const p of previous) {
    if (used.has(p.id)) continue;
    const inter = p.members.filter((m) => mine.has(m)).length;
    const j = inter / (mine.size + p.members.length - inter || 1);
    if (j >= 0.5 && (!best || j > best.j)) best = { id: p.id, j };
  }
  if (best) return best.id;
  const hash = crypto.createHash('sha1').update([...members].sort().join('\n')).digest('hex').slice(0, 8);
  return `t-${hash}`;
}

/** Builds the topic hierarchy and IN_TOPIC rows for papers `ids` (parallel to feature vectors). */
export function buildTopics(ids: string[], features: Features, withText: number[], options: TopicOptions = {}): { topics: TopicNode[]; inTopic: InTopicRel[] } {
  const seed = options.seed ?? 42;
  const n = withText.length;
  const coarseC = split(features, withText, Math.min(3, Math.max(1, Math.floor(n / 4))), Math.max(2, Math.min(10, Math.floor(n / 25))), seed);
  const coarse = coarseC ? groupsOf(coarseC, withText, 0, null) : [{ docs: withText, level: 0, parent: null, label: '', terms: [], score: new Map(withText.map((d) => [d, 1])) } as Group];
  const fine: Group[] = [];
  for (const [gi, g] of coarse.entries()) {
    const c = split(features, g.docs, 2, Math.max(2, Math.min(6, Math.floor(g.docs.length / 8))), seed + 100 * (gi + 1));
    fine.push(...(c ? groupsOf(c, g.docs, 1, g) : [{ docs: g.docs, level: 1, parent: g, label: '', terms: [], score: new Map(g.score) } as Group]));
  }
  // Pinned topics take their papers out of the generated fine topics.
  for (const pin of options.config?.pins ?? []) {
    const members = pinMembers(features, withText, pin.terms, pin.minMatches);
    if (members.length === 0) continue;
    const set = new Set(members);
    for (const f of fine) f.docs = f.docs.filter((d) => !set.has(d));
    const parentVotes = new Map<Group, number>();
    for (const c of coarse) parentVotes.set(c, c.docs.filter((d) => set.has(d)).length);
    const parent = [...parentVotes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    fine.push({ docs: members, level: 1, parent, label: pin.label, terms: pin.terms, pinnedId: pin.id, score: new Map(members.map((d) => [d, 1])) });
  }
  const liveFine = fine.filter((f) => f.docs.length > 0);
  for (const c of coarse) c.docs = [...new Set(liveFine.filter((f) => f.parent === c).flatMap((f) => f.docs))];
  const liveCoarse = coarse.filter((c) => c.docs.length > 0);

  const taken = new Set<string>();
  for (const c of liveCoarse) {
    const inside = new Set(c.docs);
    const ranked = distinctiveTerms(features, c.docs, withText.filter((d) => !inside.has(d)));
    c.label = labelFrom(features, ranked, taken, c.docs);
    c.terms = ranked.map((t) => features.surface[t]!);
    taken.add(c.label.toLowerCase());
  }
  for (const f of liveFine) {
    if (f.pinnedId) continue;
    const siblings = liveFine.filter((s) => s.parent === f.parent && s !== f).flatMap((s) => s.docs);
    const ranked = distinctiveTerms(features, f.docs, siblings.length > 0 ? siblings : withText.filter((d) => !f.docs.includes(d)));
    f.label = labelFrom(features, ranked, taken, f.docs);
    f.terms = ranked.map((t) => features.surface[t]!);
    taken.add(f.label.toLowerCase());
  }

  const previous = options.previousTopics ?? [];
  const used = new Set<string>();
  const idOf = new Map<Group, string>();
  for (const g of [...liveCoarse, ...liveFine]) {
    const id = g.pinnedId ?? stableId(g.docs.map((d) => ids[d]!), previous, used);
    used.add(id);
    idOf.set(g, id);
  }
  const rename = options.config?.rename ?? {};
  const topics: TopicNode[] = [...liveCoarse, ...liveFine].map((g) => {
    const id = idOf.get(g)!;
    const label = rename[id.toLowerCase()] ?? rename[g.label.toLowerCase()] ?? g.label;
    return { id, label, terms: g.terms.slice(0, 10), size: g.docs.length, level: g.level, parent: g.parent ? idOf.get(g.parent)! : null, pinned: !!g.pinnedId };
  });
  const inTopic: InTopicRel[] = [];
  for (const f of liveFine) {
    for (const d of f.docs) {
      inTopic.push({ paper: ids[d]!, topic: idOf.get(f)!, score: round(f.score.get(d) ?? 1), primary: true });
      if (f.parent) inTopic.push({ paper: ids[d]!, topic: idOf.get(f.parent)!, score: round(f.parent.score.get(d) ?? 1), primary: false });
    }
  }
  topics.sort((a, b) => a.level - b.level || b.size - a.size || (a.id < b.id ? -1 : 1));
  inTopic.sort((a, b) => (a.paper < b.paper ? -1 : a.paper > b.paper ? 1 : a.topic < b.topic ? -1 : 1));
  return { topics, inTopic };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
