// Hierarchical topics: coarse communities (level 0) of the related-work graph, each split into fine communities
// (level 1) of its own subgraph; pinned topics from the config; readable labels; ids stable across runs.
import crypto from 'node:crypto';
import type { InTopicRel, TopicNode } from '../types.ts';
import type { TopicConfig } from './config.ts';
import { centroid, cosineTo, kRange, partition, type Neighbours, type Partition } from './graph-cluster.ts';
import { distinctiveTerms, labelFrom } from './labels.ts';
import { topK } from './similarity.ts';
import type { Features } from './tfidf.ts';
import { terms as termsOf } from './text.ts';

export interface TopicOptions {
  seed?: number;
  config?: TopicConfig;
  previousTopics?: { id: string; members: string[] }[];
  /** Each paper's nearest neighbours (the related-work lists); computed when absent. */
  neighbours?: Neighbours;
  /** Receives the time of each sub-step (ms). */
  timings?: Record<string, number>;
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

/** Groups of a partition, each doc scored by its cosine to the group's centroid. */
function groupsOf(features: Features, c: Partition, docs: number[], level: number, parent: Group | null): Group[] {
  const groups: Group[] = Array.from({ length: c.k }, () => ({ docs: [], level, parent, label: '', terms: [], score: new Map() }));
  docs.forEach((d, i) => groups[c.assign[i]!]!.docs.push(d));
  for (const g of groups) {
    const centre = centroid(features, g.docs);
    for (const d of g.docs) g.score.set(d, cosineTo(features, d, centre));
  }
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
  // Clustering runs on the related-work graph: a topic is a community of papers that name each other as related.
  let t0 = performance.now();
  const mark = (name: string) => {
    if (options.timings) options.timings[name] = Math.round(performance.now() - t0);
    t0 = performance.now();
  };
  const neighbours = options.neighbours ?? topK(features, { k: 20 });
  mark('topics.graph');
  const [cMin, cMax] = kRange(n, 2, 12, 20);
  const coarse = groupsOf(features, partition(features, neighbours, withText, cMin, cMax, { seed }), withText, 0, null);
  mark('topics.coarse');
  const fine: Group[] = [];
  for (const [gi, g] of coarse.entries()) {
    const [fMin, fMax] = kRange(g.docs.length, 2, 8, 12);
    fine.push(...groupsOf(features, partition(features, neighbours, g.docs, fMin, fMax, { seed: seed + 100 * (gi + 1) }), g.docs, 1, g));
  }
  mark('topics.fine');
  // Pinned topics take their papers out of the generated fine topics.
  for (const pin of options.config?.pins ?? []) {
    // A paper mentioning the seed terms joins the pin only when it sits closer to the pin's centre (the mean of
    // all such papers) than to the centre of its own generated topic: a pruning paper that mentions routing in
    // passing stays with pruning.
    const candidates = pinMembers(features, withText, pin.terms, pin.minMatches);
    if (candidates.length === 0) continue;
    const centre = centroid(features, candidates);
    const candidateSet = new Set(candidates);
    const ownScore = new Map<number, number>();
    for (const f of fine) {
      if (!f.docs.some((d) => candidateSet.has(d))) continue;
      const own = centroid(features, f.docs);
      for (const d of f.docs) if (candidateSet.has(d)) ownScore.set(d, cosineTo(features, d, own));
    }
    const members = candidates.filter((d) => !ownScore.has(d) || cosineTo(features, d, centre) >= ownScore.get(d)!);
    if (members.length === 0) continue;
    // A discovered topic that is mostly about the pin (≥ 40 % of its papers mention the seed terms) is adopted
    // whole: the pin names it rather than splitting it.
    const adopted = fine
      .filter((f) => !f.pinnedId && f.docs.length > 0)
      .map((f) => ({ f, share: f.docs.filter((d) => candidateSet.has(d)).length / f.docs.length }))
      .filter((x) => x.share >= 0.4)
      .sort((a, b) => b.share - a.share || b.f.docs.length - a.f.docs.length)[0];
    if (adopted) members.push(...adopted.f.docs.filter((d) => !members.includes(d)));
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
