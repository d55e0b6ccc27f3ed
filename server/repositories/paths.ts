// Up to k shortest paths between any two nodes over a closed list of relationship types, each step labelled with
// its relationship, direction and a human reason ("co-authored 2 papers", "shares terms: routing, experts").
// Paths do not pass through hubs: an interior node with more than `maxDegree` relationships (a broad topic, a
// popular tag, a very prolific author) says little about how two things are connected, and crossing it makes the
// search visit most of a large graph. The two ends may be hubs. When the graph's `Hub` labels were computed for the
// requested maxDegree (neo4j/hubs.ts; the loader keeps them current) the search checks the label; otherwise it
// counts each visited node's relationships, which gives the same paths more slowly.
import { NotFoundError } from '../errors.ts';
import { int, type GraphDb } from './graphdb.ts';
import { edgeId, nodeFromMap, type GEdge, type GNode, type Graph, type ParsedId } from './ids.ts';
import type { Plain } from './plain.ts';
import { HUB_DEGREE, HUB_THRESHOLD_QUERY, hubThreshold } from '../../neo4j/hubs.ts';

/** Interior nodes with more relationships than this are not crossed (unless the caller asks otherwise). */
export const DEFAULT_MAX_DEGREE = HUB_DEGREE;

/** How long the threshold of the graph's `Hub` labels is trusted before it is read again. */
export const HUB_CHECK_MS = 10_000;

export const PATH_RELS = ['AUTHORED', 'COAUTHORED_WITH', 'HAS_CODE', 'HAS_RESOURCE', 'TAGGED', 'IN_TOPIC', 'SUBTOPIC_OF', 'SIMILAR_TO'] as const;

export interface PathStep {
  from: GNode;
  rel: string;
  direction: 'out' | 'in';
  to: GNode;
  why: string;
}

/** A readable reason for one relationship between two nodes. */
export function why(rel: string, props: Record<string, Plain>, from: GNode, to: GNode): string {
  const [a, b] = [from, to];
  const author = a.type === 'author' ? a : b;
  const other = a.type === 'author' ? b : a;
  switch (rel) {
    case 'AUTHORED':
      return `${author.label} is author #${Number(props.position ?? 0) + 1} of "${other.label}"`;
    case 'COAUTHORED_WITH':
      return `co-authored ${props.weight} paper${props.weight === 1 ? '' : 's'}`;
    case 'SIMILAR_TO':
      return `similar text (${Number(props.score).toFixed(2)}); shares terms: ${Array.isArray(props.terms) ? props.terms.slice(0, 4).join(', ') : ''}`;
    case 'IN_TOPIC':
      return `in topic ${(a.type === 'topic' ? a : b).label}`;
    case 'TAGGED':
      return `tagged ${(a.type === 'tag' ? a : b).label}`;
    case 'HAS_CODE':
      return `code in ${(a.type === 'repo' ? a : b).label}`;
    case 'HAS_RESOURCE':
      return `links to ${(a.type === 'resource' ? a : b).label}`;
    case 'SUBTOPIC_OF':
      return 'subtopic of the broader topic';
    default:
      return rel;
  }
}

export class PathsRepository {
  private hubs: { maxDegree: number | null; at: number } | null = null;

  constructor(private readonly db: GraphDb) {}

  /** The threshold the `Hub` labels stand for (null: not computed), re-read at most every HUB_CHECK_MS. */
  async hubThreshold(): Promise<number | null> {
    if (this.hubs && Date.now() - this.hubs.at < HUB_CHECK_MS) return this.hubs.maxDegree;
    const [row] = await this.db.read(HUB_THRESHOLD_QUERY);
    const max = hubThreshold(row?.max);
    this.hubs = { maxDegree: max, at: Date.now() };
    return max;
  }

  async paths(from: ParsedId, to: ParsedId, maxHops: number, k: number, maxDegree = DEFAULT_MAX_DEGREE): Promise<{ paths: { length: number; steps: PathStep[] }[]; graph: Graph; maxDegree: number }> {
    if (from.label === to.label && from.key === to.key) {
      await this.ends(from, to);
      return { paths: [], graph: { nodes: [], edges: [], truncated: false }, maxDegree };
    }
    // One round trip: both ends looked up, and the search runs only when both exist (the collect always returns a
    // row). maxHops and k are validated integers (1–6, 1–5); relationship types come from PATH_RELS only.
    const notHub = (await this.hubThreshold()) === maxDegree ? 'NOT y:Hub' : 'COUNT { (y)--() } <= $maxDegree';
    const [found] = await this.db.read(
      `OPTIONAL MATCH (a:${from.label} {id: $from}) OPTIONAL MATCH (b:${to.label} {id: $to})
       CALL (a, b) {
         WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
         MATCH p = SHORTEST ${Math.trunc(k)} (a) ((x)-[:${PATH_RELS.join('|')}]-(y) WHERE y = b OR ${notHub}){1,${Math.trunc(maxHops)}} (b)
         WITH p LIMIT ${Math.trunc(k)}
         WITH nodes(p) AS ns, relationships(p) AS rs
         RETURN collect({
           nodes: [n IN ns | {labels: labels(n), props: properties(n)}],
           rels: [i IN range(0, size(rs) - 1) | {type: type(rs[i]), out: startNode(rs[i]) = ns[i], props: properties(rs[i])}]
         }) AS paths
       }
       RETURN a IS NOT NULL AS a, b IS NOT NULL AS b, paths`,
      { from: from.key, to: to.key, maxDegree: int(maxDegree) },
    );
    if (!found?.a) throw new NotFoundError(`No ${from.type} with id "${from.key}"`);
    if (!found?.b) throw new NotFoundError(`No ${to.type} with id "${to.key}"`);
    const rows = (Array.isArray(found.paths) ? found.paths : []) as Record<string, Plain>[];
    const nodes = new Map<string, GNode>();
    const edges = new Map<string, GEdge>();
    const paths = rows.map((row) => {
      const ns = (Array.isArray(row.nodes) ? row.nodes : []).map((n) => nodeFromMap(n)!);
      const rs = (Array.isArray(row.rels) ? row.rels : []) as Record<string, Plain>[];
      for (const n of ns) nodes.set(n.id, n);
      const steps: PathStep[] = rs.map((r, i) => {
        const a = ns[i]!;
        const b = ns[i + 1]!;
        const props = (r.props ?? {}) as Record<string, Plain>;
        const [s, t] = r.out ? [a.id, b.id] : [b.id, a.id];
        const type = String(r.type);
        edges.set(edgeId(type, s, t), { id: edgeId(type, s, t), type, source: s, target: t, props });
        return { from: a, rel: type, direction: r.out ? 'out' : 'in', to: b, why: why(type, props, a, b) };
      });
      return { length: steps.length, steps };
    });
    return { paths, graph: { nodes: [...nodes.values()], edges: [...edges.values()], truncated: false }, maxDegree };
  }

  /** Throws NotFoundError when either end does not exist. */
  private async ends(from: ParsedId, to: ParsedId): Promise<void> {
    const [row] = await this.db.read(
      `OPTIONAL MATCH (a:${from.label} {id: $from}) OPTIONAL MATCH (b:${to.label} {id: $to}) RETURN a IS NOT NULL AS a, b IS NOT NULL AS b`,
      { from: from.key, to: to.key },
    );
    if (!row?.a) throw new NotFoundError(`No ${from.type} with id "${from.key}"`);
    if (!row?.b) throw new NotFoundError(`No ${to.type} with id "${to.key}"`);
  }
}
