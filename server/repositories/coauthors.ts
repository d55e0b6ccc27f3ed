// Co-author ego networks: breadth-first over COAUTHORED_WITH (read undirected) to depth 1–3 with a node cap,
// edges among the kept authors with their weights, communities on every node — in one round trip. The papers
// behind an edge are asked for when someone looks at it (`pair`): reading every edge's paper list made a
// 150-author network three times slower on a 100k-paper graph. COAUTHORED_WITH only ever joins two authors, so its
// far end is not label-checked. Hub-safe: each frontier author contributes at most `limit` of its strongest
// co-authors to the next hop. When the server's in-memory co-author graph is built for the graph's current analytics
// (coauthor-projection.ts), the same walk runs there and only the kept authors' properties are read from Neo4j.
import { NotFoundError } from '../errors.ts';
import type { CoauthorProjection, EgoWalk } from './coauthor-projection.ts';
import { STAMP_CLAUSE } from './coauthor-projection.ts';
import type { GraphDb } from './graphdb.ts';
import { int } from './graphdb.ts';
import { edgeId, toGNode, type GNode, type Graph } from './ids.ts';
import type { Plain } from './plain.ts';

const AUTHOR_LABELS = ['Author'];

/** Papers listed for one co-author pair, newest first (the weight is the full count). */
export const PAPERS_PER_PAIR = 200;

/**
 * The Cypher of an ego network to `depth` hops. Hop h expands the authors kept at hop h − 1: each contributes its
 * `$limit` strongest co-authors not kept yet, ranked together by summed weight, and only as many are kept as the
 * node cap leaves room for (`truncated` when some were left out, or when the cap stopped the search early).
 * Equal weights are ordered by internal node id (stable for a given graph, and no property read per candidate);
 * with `weighted` false (minWeight ≤ 1, which every COAUTHORED_WITH meets) the weight filter is left out.
 * Rows are lists, not maps, and edges name their ends by internal id: a 150-author network has ~600 edges and the
 * per-edge maps and id strings were a third of the server's decoding work.
 */
export function egoQuery(depth: number, weighted = true): string {
  const minWeight = weighted ? ' AND r.weight >= $minWeight' : '';
  const hops: string[] = [];
  for (let h = 1; h <= depth; h++) {
    const prev = h === 1 ? '[s]' : `h${h - 1}`;
    hops.push(`CALL (s, kept${h === 1 ? '' : `, ${prev}`}) {
         UNWIND CASE WHEN size(kept) < $limit THEN ${prev} ELSE [] END AS f
         CALL (f, kept) {
           MATCH (f)-[r:COAUTHORED_WITH]-(b)
           WHERE NOT b IN kept${minWeight}
           WITH b, r.weight AS w ORDER BY w DESC, id(b) LIMIT $limit
           RETURN b, w
         }
         WITH b, sum(w) AS w ORDER BY w DESC, id(b) LIMIT $limit
         RETURN collect(b) AS found${h}
       }
       WITH s, kept, ${[...Array(h - 1).keys()].map((i) => `h${i + 1}, `).join('')}found${h}[..($limit - size(kept))] AS h${h},
            truncated OR size(found${h}) > $limit - size(kept) OR size(kept) >= $limit AS truncated
       WITH s, kept + h${h} AS kept, truncated, ${[...Array(h).keys()].map((i) => `h${i + 1}`).join(', ')}`);
  }
  const sizes = [...Array(depth).keys()].map((i) => `size(h${i + 1})`).join(', ');
  return `MATCH (s:Author {id: $key})
     WITH s, [s] AS kept, false AS truncated
     ${hops.join('\n     ')}
     WITH kept, truncated, [1, ${sizes}] AS hopSizes
     CALL (kept) {
       UNWIND kept AS a
       RETURN collect([id(a), properties(a), COUNT { (a)--() }, COUNT { (a)-[:AUTHORED]->() }]) AS nodes
     }
     CALL (kept) {
       UNWIND kept AS a
       MATCH (a)-[r:COAUTHORED_WITH]->(b)
       WHERE b IN kept${minWeight}
       RETURN collect([id(a), id(b), r.weight]) AS edges
     }
     RETURN hopSizes, truncated, nodes, edges`;
}

type NodeRow = [Plain, Plain, Plain, Plain];

/** The answer from authors in the order kept (seed, hop 1 …; `hopSizes` each) and edges naming internal node ids. */
function toGraph(hopSizes: number[], truncated: boolean, rows: NodeRow[], edgeRows: [Plain, Plain, Plain][]): Graph {
  const hopOfIndex: number[] = hopSizes.flatMap((n, hop) => Array<number>(Number(n)).fill(hop));
  const keyOf = new Map<number, string>();
  const nodes: GNode[] = [];
  rows.forEach(([internal, props, degree, papers], i) => {
    const n = toGNode(AUTHOR_LABELS, props, degree);
    if (!n) return;
    keyOf.set(Number(internal), n.id);
    n.props.papers = papers ?? 0;
    n.props.hop = hopOfIndex[i] ?? 0;
    nodes.push(n);
  });
  const edges: Graph['edges'] = [];
  for (const [a, b, weight] of edgeRows) {
    const s = keyOf.get(Number(a));
    const t = keyOf.get(Number(b));
    if (s && t) edges.push({ id: edgeId('COAUTHORED_WITH', s, t), type: 'COAUTHORED_WITH', source: s, target: t, props: { weight: weight ?? 1 } });
  }
  nodes.sort((x, y) => Number(x.props.hop) - Number(y.props.hop) || x.label.localeCompare(y.label));
  return { nodes, edges, truncated };
}

export class CoauthorsRepository {
  constructor(
    private readonly db: GraphDb,
    private readonly projection: CoauthorProjection | null = null,
  ) {}

  async ego(authorKey: string, depth: number, minWeight: number, limit: number): Promise<Graph> {
    const p = this.projection?.current();
    const walk = p?.graph.ego(authorKey, Math.trunc(depth), minWeight, limit);
    if (p && walk) {
      const graph = await this.fromWalk(authorKey, walk, p.stamp);
      if (graph) return graph;
      this.projection!.discard(p.stamp);
    }
    const rows = await this.db.read(egoQuery(Math.trunc(depth), minWeight > 1), {
      key: authorKey,
      minWeight: int(minWeight),
      limit: int(limit),
    });
    const row = rows[0];
    if (!row) throw new NotFoundError(`No author with id "${authorKey}"`);
    return toGraph(row.hopSizes as number[], row.truncated === true, row.nodes as NodeRow[], row.edges as [Plain, Plain, Plain][]);
  }

  /**
   * The network the projection walked, with the kept authors' properties read from Neo4j — or null when the graph's
   * analytics stamp is no longer the projection's (or an author is gone), so the caller answers with Cypher instead.
   */
  private async fromWalk(authorKey: string, walk: EgoWalk, stamp: string): Promise<Graph | null> {
    const [row] = await this.db.read(
      `${STAMP_CLAUSE}
       CALL () {
         UNWIND $ids AS i
         MATCH (a:Author) WHERE id(a) = i
         RETURN collect([id(a), properties(a)]) AS nodes
       }
       RETURN stamp, nodes`,
      { ids: walk.ids.map(int) },
    );
    const found = new Map((row?.nodes as [Plain, Plain][] | undefined ?? []).map((n) => [Number(n[0]), n]));
    const seed = found.get(walk.ids[0]!)?.[1] as { id?: Plain } | undefined;
    if (row?.stamp !== stamp || found.size !== walk.ids.length || seed?.id !== authorKey) return null;
    const nodes = walk.ids.map((id, i): NodeRow => [id, found.get(id)![1], walk.degree[i]!, walk.papers[i]!]);
    const edges = walk.edges.map(([i, j, w]): [Plain, Plain, Plain] => [walk.ids[i]!, walk.ids[j]!, w]);
    return toGraph(walk.hopSizes, walk.truncated, nodes, edges);
  }

  /** The papers two authors wrote together (newest first, at most PAPERS_PER_PAIR), with the pair's weight. */
  async pair(aKey: string, bKey: string): Promise<{ a: string; b: string; weight: number; papers: { id: string; title: string; date: string | null }[] }> {
    const rows = await this.db.read(
      `OPTIONAL MATCH (a:Author {id: $a}) OPTIONAL MATCH (b:Author {id: $b})
       OPTIONAL MATCH (a)-[r:COAUTHORED_WITH]-(b)
       RETURN a IS NOT NULL AS hasA, b IS NOT NULL AS hasB, coalesce(r.weight, 0) AS weight,
              COLLECT { MATCH (p:Paper) WHERE p.id IN coalesce(r.papers, [])
                        RETURN {id: 'paper:' + p.id, title: p.title, date: coalesce(p.date, p.month)} AS paper
                        ORDER BY paper.date DESC, paper.id LIMIT $cap } AS papers`,
      { a: aKey, b: bKey, cap: int(PAPERS_PER_PAIR) },
    );
    const row = rows[0]!;
    if (!row.hasA) throw new NotFoundError(`No author with id "${aKey}"`);
    if (!row.hasB) throw new NotFoundError(`No author with id "${bKey}"`);
    const papers = (row.papers as Record<string, Plain>[]).map((p) => ({ id: String(p.id), title: String(p.title), date: typeof p.date === 'string' ? p.date : null }));
    return { a: `author:${aKey}`, b: `author:${bKey}`, weight: Number(row.weight), papers };
  }
}
