// Related work for one paper: candidates from text similarity, shared authors, shared code (repo or owner),
// the same fine topic and shared tags, each reason kept with its score; the combined score ranks them.
import { NotFoundError } from '../errors.ts';
import { int, type GraphDb } from './graphdb.ts';
import type { Plain } from './plain.ts';

export type ReasonKind = 'terms' | 'authors' | 'topic' | 'repo' | 'tags';
export interface Reason {
  kind: ReasonKind;
  score: number;
  items: string[];
}
export interface RelatedPaper {
  id: string;
  title: string;
  /** Publication date (or month) when known. */
  date: string | null;
  score: number;
  reasons: Reason[];
}

/** Weights of each reason in the combined score (text similarity counts fully; the rest add evidence). */
export const WEIGHTS = { terms: 1, authorEach: 0.25, authorMax: 0.5, repo: 0.4, owner: 0.15, topic: 0.1, tagEach: 0.03, tagMax: 0.09 } as const;

/**
 * Candidates proposed by shared authors, or by a shared code owner, at most (those sharing the most authors first,
 * then the newest): a paper of a very prolific author or lab would otherwise rank hundreds of papers per request.
 */
export const CANDIDATES_PER_REASON = 100;

const strs = (v: Plain) => (Array.isArray(v) ? v.map(String) : []);

export class RelatedRepository {
  constructor(private readonly db: GraphDb) {}

  async related(key: string, limit: number): Promise<{ paper: { id: string; title: string; date: string | null }; related: RelatedPaper[] }> {
    // One round trip. Strong evidence (text, authors, code) proposes candidates; the same fine topic and shared
    // tags are then checked only for those, plus a bounded fill of papers that share both topic and a tag
    // (weak evidence alone never scans a whole topic or tag), from the candidates' facets (properties, not
    // relationships: 2 276 → 901 database hits a request on a 100k-paper graph). Candidates travel as nodes: id, title
    // and date are read only for those that can still be listed.
    const rows = await this.db.read(
      `MATCH (p:Paper {id: $key})
       CALL (p) {
         OPTIONAL MATCH (p)-[s:SIMILAR_TO]-(q:Paper) WITH q, max(s.score) AS score, head(collect(s.terms)) AS terms
         RETURN collect({node: q, kind: 'terms', score: score, items: terms}) AS a
       }
       CALL (p) {
         OPTIONAL MATCH (p)<-[:AUTHORED]-(x:Author)-[:AUTHORED]->(q:Paper) WHERE q <> p
         WITH q, collect(x.name) AS names ORDER BY size(names) DESC, q.id DESC LIMIT $cap
         RETURN collect({node: q, kind: 'authors', score: size(names), items: names}) AS b
       }
       CALL (p) {
         OPTIONAL MATCH (p)-[:HAS_CODE]->(r:Repo)<-[:HAS_CODE]-(q:Paper) WHERE q <> p
         WITH q, collect(r.owner + '/' + r.name) AS repos
         RETURN collect({node: q, kind: 'repo', score: 1.0, items: repos}) AS c
       }
       CALL (p) {
         OPTIONAL MATCH (p)-[:HAS_CODE]->(r:Repo), (r2:Repo {owner: r.owner})<-[:HAS_CODE]-(q:Paper)
         WHERE q <> p AND r2 <> r AND NOT EXISTS { (q)-[:HAS_CODE]->(r) }
         WITH q, collect(DISTINCT r.owner) AS owners ORDER BY q.id DESC LIMIT $cap
         RETURN collect({node: q, kind: 'owner', score: 1.0, items: owners}) AS d
       }
       WITH p, a + b + c + d AS strong
       CALL (p, strong) {
         // The same fine topic and shared tags, checked for the strong candidates that can still reach the top
         // $limit: at most $bonus (topic + tags) can be added to a strong score, so a candidate more than that below
         // the $limit-th strong score cannot (every paper listed was checked, whatever the limit).
         UNWIND [s IN strong WHERE s.node IS NOT NULL] AS s
         WITH s.node AS q, sum(CASE s.kind
                WHEN 'terms' THEN s.score * $w.terms
                WHEN 'authors' THEN CASE WHEN s.score * $w.authorEach > $w.authorMax THEN $w.authorMax ELSE s.score * $w.authorEach END
                WHEN 'repo' THEN $w.repo ELSE $w.owner END) AS sc
         ORDER BY sc DESC
         WITH collect({q: q, sc: sc}) AS ranked
         WITH ranked, CASE WHEN size(ranked) < $limit THEN -1.0 ELSE ranked[$limit - 1].sc - $bonus - 0.000001 END AS floor
         OPTIONAL MATCH (p)-[:IN_TOPIC {primary: true}]->(t:Topic)
         WITH t, t.id AS tid, floor, ranked, COLLECT { MATCH (p)-[:TAGGED]->(tag:Tag) RETURN {node: tag, id: tag.id, name: tag.name} } AS tags
         UNWIND [c IN ranked WHERE c.sc >= floor] AS c
         WITH c.q AS q, c.sc AS sc, t, tid, tags
         // The candidate's facets (primaryTopic, tagIds: copies of its IN_TOPIC {primary} and TAGGED links the loader
         // writes with the analytics), one property read each. A graph analysed before facets existed has none: there
         // the candidate's own (few) relationships are read; never the topic's or a tag's (many).
         WITH q, sc, t, tid, tags, q.tagIds AS tagIds, q.primaryTopic AS primaryTopic
         WITH q, sc, t, tid, tags, tagIds, primaryTopic,
              CASE WHEN tagIds IS NULL THEN [(q)-[r:TAGGED|IN_TOPIC]->(x) WHERE any(g IN tags WHERE g.node = x) OR (x = t AND r.primary) | x] END AS hits
         WITH q, sc, t,
              CASE WHEN hits IS NULL THEN [x IN tags WHERE x.id IN tagIds | x.name] ELSE [x IN tags WHERE x.node IN hits | x.name] END AS shared,
              CASE WHEN hits IS NULL THEN coalesce(primaryTopic = tid, false) ELSE t IS NOT NULL AND t IN hits END AS sameTopic
         // each candidate's full score (as the server adds it up); those below the $limit-th cannot be listed (kept:
         // within 0.001 of it, as the server ranks scores rounded to 3 decimals and breaks ties by title)
         WITH q, t, shared, sameTopic,
              sc + CASE WHEN sameTopic THEN $w.topic ELSE 0.0 END
                 + CASE WHEN size(shared) * $w.tagEach > $w.tagMax THEN $w.tagMax ELSE size(shared) * $w.tagEach END AS full
         ORDER BY full DESC
         WITH collect({q: q, t: t, shared: shared, sameTopic: sameTopic, full: full}) AS cands
         WITH [x IN cands WHERE size(cands) <= $limit OR x.full >= cands[$limit - 1].full - 0.001] AS top
         RETURN [x IN top WHERE x.sameTopic | {id: x.q.id, kind: 'topic', score: 1.0, items: [x.t.label]}]
              + [x IN top WHERE size(x.shared) > 0 | {id: x.q.id, kind: 'tags', score: size(x.shared), items: x.shared}] AS e,
              [x IN top | x.q] AS reachable
       }
       OPTIONAL CALL (p, strong) {
         // weak-only fill, when the strong evidence leaves room
         WITH p, strong WHERE size([s IN strong WHERE s.node IS NOT NULL]) < $limit
         OPTIONAL MATCH (p)-[:IN_TOPIC {primary: true}]->(t:Topic)
         OPTIONAL MATCH (p)-[:TAGGED]->(tag:Tag)
         WITH t, collect(tag) AS ptags, [s IN strong | s.node] AS seen
         OPTIONAL MATCH (t)<-[:IN_TOPIC {primary: true}]-(q:Paper)
         WHERE q <> p AND NOT q IN seen
         WITH t, q, [x IN ptags WHERE EXISTS { (q)-[:TAGGED]->(x) } | x.name] AS shared
         WHERE size(shared) > 0
         WITH t, q, shared ORDER BY q.id LIMIT $limit
         RETURN collect({id: q.id, title: q.title, date: coalesce(q.date, q.month), kind: 'topic', score: 1.0, items: [t.label]})
              + collect({id: q.id, title: q.title, date: coalesce(q.date, q.month), kind: 'tags', score: size(shared), items: shared}) AS f
       }
       // only the strong candidates that can still reach the top $limit are sent (a paper of a prolific author has a
       // hundred others sharing an author; the rest could never be listed)
       RETURN p.title AS title, coalesce(p.date, p.month) AS date,
              [x IN strong WHERE x.node IS NOT NULL AND x.node IN reachable
                | {id: x.node.id, title: x.node.title, date: coalesce(x.node.date, x.node.month), kind: x.kind, score: x.score, items: x.items}]
              + e + coalesce(f, []) AS candidates`,
      { key, limit: int(limit), cap: int(CANDIDATES_PER_REASON), w: WEIGHTS, bonus: WEIGHTS.topic + WEIGHTS.tagMax },
    );
    if (rows.length === 0) throw new NotFoundError(`No paper with id "${key}"`);
    const byPaper = new Map<string, RelatedPaper>();
    const hasStrong = new Set<string>();
    for (const c of (rows[0]?.candidates ?? []) as Record<string, Plain>[]) {
      const id = `paper:${String(c.id)}`;
      const entry = byPaper.get(id) ?? byPaper.set(id, { id, title: String(c.title), date: null, score: 0, reasons: [] }).get(id)!;
      if (entry.date === null && typeof c.date === 'string') entry.date = c.date;
      const raw = Number(c.score);
      const items = strs(c.items ?? null);
      let reason: Reason;
      switch (c.kind) {
        case 'terms':
          reason = { kind: 'terms', score: raw * WEIGHTS.terms, items };
          break;
        case 'authors':
          reason = { kind: 'authors', score: Math.min(WEIGHTS.authorMax, raw * WEIGHTS.authorEach), items };
          break;
        case 'repo':
          reason = { kind: 'repo', score: WEIGHTS.repo, items };
          break;
        case 'owner':
          reason = { kind: 'repo', score: WEIGHTS.owner, items: items.map((o) => `same owner: ${o}`) };
          break;
        case 'topic':
          reason = { kind: 'topic', score: WEIGHTS.topic, items };
          break;
        default:
          reason = { kind: 'tags', score: Math.min(WEIGHTS.tagMax, raw * WEIGHTS.tagEach), items };
      }
      if (reason.kind !== 'topic' && reason.kind !== 'tags') hasStrong.add(id);
      entry.reasons.push({ ...reason, score: Math.round(reason.score * 1000) / 1000 });
      entry.score += reason.score;
    }
    const related = [...byPaper.values()]
      .filter((r) => hasStrong.has(r.id) || r.reasons.length >= 2)
      .map((r) => ({ ...r, score: Math.round(r.score * 1000) / 1000, reasons: r.reasons.sort((a, b) => b.score - a.score) }))
      .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title))
      .slice(0, limit);
    return { paper: { id: `paper:${key}`, title: String(rows[0]!.title), date: rows[0]!.date == null ? null : String(rows[0]!.date) }, related };
  }
}
