// Counts for /api/health and /api/stats: nodes per label, relationships per type, top tags and topics.
// Uses the count store (fast) for labels and types.
import type { GraphDb } from './graphdb.ts';

export const LABELS = ['Paper', 'Author', 'Topic', 'Repo', 'Resource', 'Tag', 'Source'] as const;
export const REL_TYPES = ['AUTHORED', 'COAUTHORED_WITH', 'HAS_CODE', 'HAS_RESOURCE', 'TAGGED', 'IN_TOPIC', 'SUBTOPIC_OF', 'SIMILAR_TO', 'FROM_SOURCE'] as const;

export interface Counts {
  papers: number;
  authors: number;
  topics: number;
  repos: number;
  resources: number;
  tags: number;
  sources: number;
}

export class StatsRepository {
  constructor(private readonly db: GraphDb) {}

  async labelCounts(): Promise<Record<string, number>> {
    const parts = LABELS.map((l) => `COUNT { MATCH (:${l}) } AS ${l}`).join(', ');
    const [row] = await this.db.read(`RETURN ${parts}`);
    return Object.fromEntries(LABELS.map((l) => [l, Number(row?.[l] ?? 0)]));
  }

  async counts(): Promise<Counts> {
    const c = await this.labelCounts();
    return {
      papers: c.Paper ?? 0,
      authors: c.Author ?? 0,
      topics: c.Topic ?? 0,
      repos: c.Repo ?? 0,
      resources: c.Resource ?? 0,
      tags: c.Tag ?? 0,
      sources: c.Source ?? 0,
    };
  }

  async relationshipCounts(): Promise<Record<string, number>> {
    const parts = REL_TYPES.map((t) => `COUNT { MATCH ()-[:${t}]->() } AS ${t}`).join(', ');
    const [row] = await this.db.read(`RETURN ${parts}`);
    return Object.fromEntries(REL_TYPES.map((t) => [t, Number(row?.[t] ?? 0)]));
  }

  async topTags(limit = 10): Promise<{ id: string; name: string; papers: number }[]> {
    const rows = await this.db.read(
      'MATCH (t:Tag) RETURN t.id AS id, t.name AS name, COUNT { (t)<-[:TAGGED]-() } AS papers ORDER BY papers DESC, id LIMIT toInteger($limit)',
      { limit },
    );
    return rows.map((r) => ({ id: String(r.id), name: String(r.name), papers: Number(r.papers) }));
  }

  async topTopics(limit = 10): Promise<{ id: string; label: string; size: number; level: number }[]> {
    const rows = await this.db.read(
      'MATCH (t:Topic) WHERE t.level = 0 RETURN t.id AS id, t.label AS label, t.size AS size, t.level AS level ORDER BY size DESC, id LIMIT toInteger($limit)',
      { limit },
    );
    return rows.map((r) => ({ id: String(r.id), label: String(r.label), size: Number(r.size), level: Number(r.level) }));
  }

  /** Property keys in use (for Cypher completion). */
  async propertyKeys(): Promise<string[]> {
    const rows = await this.db.read('CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey ORDER BY propertyKey');
    return rows.map((r) => String(r.propertyKey));
  }

  async neo4jVersion(): Promise<string | undefined> {
    const rows = await this.db.read('CALL dbms.components() YIELD versions RETURN versions[0] AS v');
    return rows[0]?.v ? String(rows[0].v) : undefined;
  }
}
