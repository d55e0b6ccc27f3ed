// The topic map (all topics, hierarchy, links between topics of a level weighted by the similarity of their papers,
// precomputed by the analysis) and one topic's page (papers, subtopics, top authors, monthly counts).
import { NotFoundError } from '../errors.ts';
import type { GraphDb } from './graphdb.ts';
import type { Plain } from './plain.ts';

export interface TopicSummary {
  id: string;
  label: string;
  terms: string[];
  size: number;
  level: number;
  parent: string | null;
  pinned: boolean;
  /** `YYYY-MM-DD`: the mean date of its dated papers (null when none is dated, or analysed before it was written). */
  meanDate: string | null;
  /** Its dated papers. */
  dated: number;
}

const toTopic = (r: Record<string, Plain>): TopicSummary => ({
  id: `topic:${String(r.id)}`,
  label: String(r.label),
  terms: Array.isArray(r.terms) ? r.terms.map(String) : [],
  size: Number(r.size),
  level: Number(r.level),
  parent: r.parent ? `topic:${String(r.parent)}` : null,
  pinned: r.pinned === true,
  meanDate: typeof r.meanDate === 'string' ? r.meanDate : null,
  dated: Number(r.dated ?? 0),
});

const TOPIC_FIELDS = 't.id AS id, t.label AS label, t.terms AS terms, t.size AS size, t.level AS level, t.pinned AS pinned, t.meanDate AS meanDate, coalesce(t.dated, 0) AS dated, head([(t)-[:SUBTOPIC_OF]->(p) | p.id]) AS parent';

export type TopicMap = { topics: TopicSummary[]; links: { source: string; target: string; weight: number; similar: number }[] };

export class TopicsRepository {
  /** The last topic map, valid while the analytics it came from are unchanged (the loader stamps `Meta {id:'analysis'}`). */
  private cached: { version: string; map: TopicMap } | null = null;

  constructor(private readonly db: GraphDb) {}

  async map(): Promise<TopicMap> {
    const [meta] = await this.db.read("OPTIONAL MATCH (m:Meta {id: 'analysis'}) RETURN toString(m.updatedAt) AS at, coalesce(m.stale, true) AS stale");
    const version = meta && meta.stale === false && typeof meta.at === 'string' ? meta.at : null;
    if (version && this.cached?.version === version) return this.cached.map;
    const map = await this.compute();
    this.cached = version ? { version, map } : null;
    return map;
  }

  private async compute(): Promise<TopicMap> {
    const topics = (await this.db.read(`MATCH (t:Topic) RETURN ${TOPIC_FIELDS} ORDER BY t.level, t.size DESC, t.id`)).map(toTopic);
    // Link weights are computed by the analysis (loader/analyse/topic-links.ts): fine links strongest first, then coarse.
    const links = await this.db.read(
      `MATCH (x:Topic)-[l:LINKED_TO]->(y:Topic)
       RETURN x.id AS a, y.id AS b, l.similar AS similar, l.strength AS strength
       ORDER BY x.level DESC, l.strength DESC, a, b`,
    );
    return {
      topics,
      links: links.map((r) => ({ source: `topic:${String(r.a)}`, target: `topic:${String(r.b)}`, weight: Math.round(Number(r.strength) * 1000) / 1000, similar: Number(r.similar) })),
    };
  }

  async topic(key: string) {
    const rows = await this.db.read(
      `MATCH (t:Topic {id: $key})
       RETURN ${TOPIC_FIELDS},
         [(s:Topic)-[:SUBTOPIC_OF]->(t) | s.id] AS subs,
         [(p:Paper)-[r:IN_TOPIC]->(t) | {id: 'paper:' + p.id, title: p.title, score: r.score, primary: r.primary, date: p.date, month: p.month}] AS papers`,
      { key },
    );
    const row = rows[0];
    if (!row) throw new NotFoundError(`No topic with id "${key}"`);
    const subs = Array.isArray(row.subs) ? row.subs.map(String) : [];
    const subtopics = subs.length ? (await this.db.read(`MATCH (t:Topic) WHERE t.id IN $ids RETURN ${TOPIC_FIELDS} ORDER BY t.size DESC`, { ids: subs })).map(toTopic) : [];
    const papers = (Array.isArray(row.papers) ? row.papers : []).map((p) => p as Record<string, Plain>).sort((a, b) => Number(b.score) - Number(a.score));
    const months = new Map<string, number>();
    for (const p of papers) if (typeof p.month === 'string') months.set(p.month, (months.get(p.month) ?? 0) + 1);
    const authors = await this.db.read(
      `MATCH (t:Topic {id: $key})<-[:IN_TOPIC]-(p:Paper)<-[:AUTHORED]-(a:Author)
       RETURN 'author:' + a.id AS id, a.name AS name, count(DISTINCT p) AS papers ORDER BY papers DESC, name LIMIT 15`,
      { key },
    );
    return {
      topic: toTopic(row),
      subtopics,
      papers: papers.map((p) => ({ id: String(p.id), title: String(p.title), score: Number(p.score), primary: p.primary === true, date: typeof p.date === 'string' ? p.date : null })),
      topAuthors: authors.map((a) => ({ id: String(a.id), name: String(a.name), papers: Number(a.papers) })),
      monthly: [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, n]) => ({ month, papers: n })),
    };
  }
}
