// Full-text search across papers, authors, topics, repos and tags: prefix and typo tolerant Lucene queries built
// from escaped user words, scores normalised per type, exact and prefix label matches boosted.
import { DbUnavailableError } from '../errors.ts';
import type { GraphDb } from './graphdb.ts';
import { int } from './graphdb.ts';
import { displayLabel, TYPE_LABEL, typeOfLabels, type NodeType } from './ids.ts';
import type { Plain } from './plain.ts';

/** The full-text index each searchable type lives in (cypher/schema/003-fulltext.cypher). */
export const SEARCH_INDEX: Partial<Record<NodeType, string>> = {
  paper: 'paper_search',
  author: 'entity_search',
  topic: 'entity_search',
  repo: 'entity_search',
  tag: 'entity_search',
};
export const SEARCHABLE = Object.keys(SEARCH_INDEX) as NodeType[];

export interface SearchResult {
  id: string;
  type: NodeType;
  label: string;
  score: number;
  detail?: string;
}

const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Builds a Lucene query: every word as exact (boosted) and prefix alternatives, and fuzzy ones when `fuzzy`. */
export function luceneQuery(q: string, fuzzy = true): string | null {
  const words = q.toLowerCase().replace(SPECIAL, ' ').split(/\s+/).filter((w) => w.length > 0 && !['and', 'or', 'not', 'to'].includes(w)).slice(0, 8);
  if (words.length === 0) return null;
  return words
    .map((w) => {
      const parts = [`${w}^3`, `${w}*`];
      if (fuzzy && w.length >= 4) parts.push(`${w}~1`);
      return `(${parts.join(' OR ')})`;
    })
    .join(' AND ');
}

function detailOf(type: NodeType, props: Record<string, Plain>, extra: Record<string, Plain>): string | undefined {
  if (type === 'paper') return [props.date ?? props.month ?? props.monthDay, extra.authors].filter(Boolean).join(' · ') || undefined;
  if (type === 'author' || type === 'tag' || type === 'repo') return `${extra.papers} paper${extra.papers === 1 ? '' : 's'}`;
  if (type === 'topic') return `${props.size} papers · ${props.level === 0 ? 'topic' : 'subtopic'}`;
  return undefined;
}

/** True when a full-text query failed because its index is missing or not online yet. */
export function isIndexUnavailable(e: unknown): boolean {
  return /no such fulltext schema index|not online|still populating/i.test((e as { message?: string }).message ?? '');
}

export class SearchRepository {
  constructor(private readonly db: GraphDb) {}

  async search(q: string, types: NodeType[], limit: number): Promise<SearchResult[]> {
    const exact = luceneQuery(q, false);
    if (!exact) return [];
    const wanted = types.filter((t) => SEARCH_INDEX[t]);
    if (wanted.length === 0) return [];
    // Exact and prefix matches first; only when they find nothing (a typo: every word must match) is the
    // typo-tolerant (fuzzy) query run, which costs several times more on a large index.
    let rows = await this.query(wanted, exact, limit);
    const fuzzy = luceneQuery(q, true);
    if (rows.length === 0 && fuzzy && fuzzy !== exact) rows = await this.query(wanted, fuzzy, limit);
    return this.rank(rows, q, limit);
  }

  private async query(types: NodeType[], lucene: string, limit: number) {
    try {
      return await this.queryIndexes(types, lucene, limit);
    } catch (e) {
      // A large first load builds the full-text indexes once its papers are written (loader/write/entities.ts).
      if (isIndexUnavailable(e)) throw new DbUnavailableError('The search index is being built (a large load is writing papers); retry in a few seconds.');
      throw e;
    }
  }

  private queryIndexes(types: NodeType[], lucene: string, limit: number) {
    // One round trip, one call per index: papers in `paper_search`, every other type in `entity_search` (asked for
    // enough hits that each wanted type can still fill the list, then filtered to the wanted types).
    const calls = [...new Set(types.map((t) => SEARCH_INDEX[t]!))].map((index) => {
      const labels = types.filter((t) => SEARCH_INDEX[t] === index).map((t) => TYPE_LABEL[t]);
      return { index, labels, limit: int(labels.length === 1 ? limit : limit * labels.length * 3) };
    });
    return this.db.read(
      `UNWIND $calls AS c
       CALL (c) {
         CALL db.index.fulltext.queryNodes(c.index, $lucene, {limit: c.limit}) YIELD node, score
         WITH node, score WHERE any(l IN labels(node) WHERE l IN c.labels)
         RETURN node, score ORDER BY score DESC
       }
       RETURN labels(node) AS labels, node {.id, .title, .name, .label, .owner, .date, .month, .monthDay, .size, .level} AS props, score,
              CASE WHEN node:Paper THEN 0 ELSE COUNT { (node)-[:AUTHORED|TAGGED|HAS_CODE]-() } END AS papers,
              CASE WHEN node:Paper THEN COLLECT { MATCH (a:Author)-[r:AUTHORED]->(node) RETURN a.name ORDER BY r.position LIMIT 3 } ELSE [] END AS authors`,
      { calls, lucene },
    );
  }

  private rank(rows: Awaited<ReturnType<SearchRepository['queryIndexes']>>, q: string, limit: number): SearchResult[] {
    const needle = q.trim().toLowerCase();
    // Scores are normalised per type (each type's best hit scores 1), so a type is not drowned by another's scale.
    const maxByType = new Map<string, number>();
    for (const r of rows) {
      const t = typeOfLabels(r.labels ?? null);
      if (t) maxByType.set(t, Math.max(maxByType.get(t) ?? 1e-9, Number(r.score)));
    }
    const perType = new Map<string, number>();
    const all: SearchResult[] = [];
    for (const r of rows) {
      const t = typeOfLabels(r.labels ?? null);
      const props = r.props as Record<string, Plain>;
      if (!t) continue;
      // at most `limit` hits of one type (rows come best first per index call)
      perType.set(t, (perType.get(t) ?? 0) + 1);
      if (perType.get(t)! > limit) continue;
      const label = displayLabel(t, props);
      const lower = label.toLowerCase();
      const boost = lower === needle ? 1 : lower.startsWith(needle) ? 0.5 : lower.includes(needle) ? 0.25 : 0;
      const authors = Array.isArray(r.authors) ? (r.authors as string[]).join(', ') : '';
      const detail = detailOf(t, props, { papers: r.papers ?? 0, authors });
      const max = maxByType.get(t) ?? 1;
      all.push({ id: `${t}:${String(props.id)}`, type: t, label, score: Math.round((Number(r.score) / max + boost) * 1000) / 1000, ...(detail ? { detail } : {}) });
    }
    return all.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label)).slice(0, limit);
  }
}
