// Co-author ego networks: breadth-first over COAUTHORED_WITH (read undirected) to depth 1–3 with a node cap,
// edges among the kept authors with their weights and the papers behind them, communities on every node.
import { NotFoundError } from '../errors.ts';
import type { GraphDb } from './graphdb.ts';
import { int } from './graphdb.ts';
import { edgeId, NODE_MAP, nodeFromMap, type GNode, type Graph } from './ids.ts';
import type { Plain } from './plain.ts';

export class CoauthorsRepository {
  constructor(private readonly db: GraphDb) {}

  async ego(authorKey: string, depth: number, minWeight: number, limit: number): Promise<Graph> {
    const start = await this.db.read(`MATCH (a:Author {id: $key}) RETURN ${NODE_MAP('a')} AS node`, { key: authorKey });
    if (start.length === 0) throw new NotFoundError(`No author with id "${authorKey}"`);
    const kept = new Map<string, number>([[authorKey, 0]]);
    let frontier = [authorKey];
    let truncated = false;
    for (let hop = 1; hop <= depth && frontier.length > 0; hop++) {
      const rows = await this.db.read(
        `UNWIND $frontier AS fid
         MATCH (:Author {id: fid})-[r:COAUTHORED_WITH]-(b:Author)
         WHERE r.weight >= $minWeight AND NOT b.id IN $seen
         WITH b, sum(r.weight) AS w ORDER BY w DESC, b.id
         RETURN b.id AS id LIMIT $cap`,
        { frontier, minWeight: int(minWeight), seen: [...kept.keys()], cap: int(limit - kept.size + 1) },
      );
      const next = rows.map((r) => String(r.id));
      if (kept.size + next.length > limit) {
        truncated = true;
        next.splice(limit - kept.size);
      }
      for (const id of next) kept.set(id, hop);
      frontier = next;
      if (kept.size >= limit) {
        truncated = truncated || hop < depth;
        break;
      }
    }
    const ids = [...kept.keys()];
    const rows = await this.db.read(
      `MATCH (a:Author) WHERE a.id IN $ids
       RETURN ${NODE_MAP('a')} AS node, COUNT { (a)-[:AUTHORED]->() } AS papers`,
      { ids },
    );
    const nodes: GNode[] = rows.flatMap((r) => {
      const n = nodeFromMap(r.node ?? null);
      if (!n) return [];
      const key = n.id.slice('author:'.length);
      return [{ ...n, props: { ...n.props, papers: r.papers ?? 0, hop: kept.get(key) ?? 0 } }];
    });
    const edgeRows = await this.db.read(
      `MATCH (a:Author)-[r:COAUTHORED_WITH]->(b:Author)
       WHERE a.id IN $ids AND b.id IN $ids AND r.weight >= $minWeight
       RETURN a.id AS a, b.id AS b, r.weight AS weight,
              COLLECT { MATCH (p:Paper) WHERE p.id IN r.papers RETURN {id: 'paper:' + p.id, title: p.title} } AS papers`,
      { ids, minWeight: int(minWeight) },
    );
    const edges = edgeRows.map((r) => {
      const s = `author:${String(r.a)}`;
      const t = `author:${String(r.b)}`;
      return { id: edgeId('COAUTHORED_WITH', s, t), type: 'COAUTHORED_WITH', source: s, target: t, props: { weight: r.weight ?? 1, papers: (r.papers ?? []) as Plain } };
    });
    nodes.sort((x, y) => Number(x.props.hop) - Number(y.props.hop) || x.label.localeCompare(y.label));
    return { nodes, edges, truncated };
  }
}
