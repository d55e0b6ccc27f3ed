// One node with everything the details drawer shows (properties, degrees, provenance, authors in order, topics,
// tags, code and artifacts, papers), and capped neighbourhood expansion with "N more" counts per relationship.
import { NotFoundError } from '../errors.ts';
import type { GraphDb } from './graphdb.ts';
import { int } from './graphdb.ts';
import { edgeId, NODE_MAP, nodeFromMap, type GEdge, type GNode, type Graph, type ParsedId, type RelType } from './ids.ts';
import type { Plain } from './plain.ts';

export interface NodeDetails {
  node: GNode;
  degrees: Record<string, number>;
  provenance: { source: string; line: number; format: string }[];
  authors?: { id: string; name: string; position: number }[];
  topics?: { id: string; label: string; score: number; primary: boolean; level: number }[];
  tags?: { id: string; name: string }[];
  repos?: { id: string; url: string }[];
  resources?: { id: string; url: string; kind: string }[];
  papers?: { id: string; title: string; date: string | null }[];
}

const obj = (v: Plain) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Plain>) : {});
const list = (v: Plain) => (Array.isArray(v) ? v.map(obj) : []);

export class NodesRepository {
  constructor(private readonly db: GraphDb) {}

  async details(id: ParsedId): Promise<NodeDetails> {
    const rows = await this.db.read(
      `MATCH (n:${id.label} {id: $key})
       CALL (n) { MATCH (n)-[r]-() WITH type(r) AS t, count(*) AS c RETURN collect([t, c]) AS rels }
       RETURN ${NODE_MAP('n')} AS node, rels,
         [(n)-[f:FROM_SOURCE]->(s:Source) | {source: s.id, line: f.line, format: s.format}] AS provenance,
         [(a:Author)-[r:AUTHORED]->(n) | {id: 'author:' + a.id, name: a.name, position: r.position}] AS authors,
         [(n)-[r:IN_TOPIC]->(t:Topic) | {id: 'topic:' + t.id, label: t.label, score: r.score, primary: r.primary, level: t.level}] AS topics,
         [(n)-[:TAGGED]->(t:Tag) | {id: 'tag:' + t.id, name: t.name}] AS tags,
         [(n)-[:HAS_CODE]->(r:Repo) | {id: 'repo:' + r.id, url: r.url}] AS repos,
         [(n)-[:HAS_RESOURCE]->(r:Resource) | {id: 'resource:' + r.id, url: r.url, kind: r.kind}] AS resources,
         [(n)-[:AUTHORED|TAGGED|HAS_CODE|HAS_RESOURCE|IN_TOPIC|FROM_SOURCE]-(p:Paper) | {id: 'paper:' + p.id, title: p.title, date: p.date}][..200] AS papers`,
      { key: id.key },
    );
    const row = rows[0];
    const node = row ? nodeFromMap(row.node ?? null) : null;
    if (!row || !node) throw new NotFoundError(`No ${id.type} with id "${id.key}"`);
    const degrees: Record<string, number> = {};
    for (const [t, c] of (Array.isArray(row.rels) ? row.rels : []) as [Plain, Plain][]) degrees[String(t)] = Number(c);
    const out: NodeDetails = {
      node,
      degrees,
      provenance: list(row.provenance ?? null).map((p) => ({ source: String(p.source), line: Number(p.line), format: String(p.format) })).sort((a, b) => a.source.localeCompare(b.source)),
    };
    if (id.type === 'paper') {
      out.authors = list(row.authors ?? null).map((a) => ({ id: String(a.id), name: String(a.name), position: Number(a.position) })).sort((a, b) => a.position - b.position);
      out.topics = list(row.topics ?? null).map((t) => ({ id: String(t.id), label: String(t.label), score: Number(t.score), primary: t.primary === true, level: Number(t.level) })).sort((a, b) => a.level - b.level);
      out.tags = list(row.tags ?? null).map((t) => ({ id: String(t.id), name: String(t.name) }));
      out.repos = list(row.repos ?? null).map((r) => ({ id: String(r.id), url: String(r.url) }));
      out.resources = list(row.resources ?? null).map((r) => ({ id: String(r.id), url: String(r.url), kind: String(r.kind) }));
    } else {
      out.papers = list(row.papers ?? null).map((p) => ({ id: String(p.id), title: String(p.title), date: typeof p.date === 'string' ? p.date : null })).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title));
    }
    return out;
  }

  /** Neighbours over `rels` (both directions), at most `limit` per relationship type, with counts of the rest. */
  async neighbors(id: ParsedId, rels: RelType[], limit: number): Promise<Graph & { more: Record<string, number> }> {
    const rows = await this.db.read(
      `MATCH (n:${id.label} {id: $key})
       UNWIND $rels AS relType
       CALL (n, relType) {
         MATCH (n)-[r]-(m) WHERE type(r) = relType
         WITH r, m, startNode(r) = n AS out, COUNT { (m)--() } AS deg
         ORDER BY coalesce(r.score, r.weight, 0) DESC, deg DESC, m.id
         WITH collect({r: r, m: m, out: out, deg: deg}) AS found
         RETURN size(found) AS total, [x IN found[..$limit] | {type: type(x.r), out: x.out, props: properties(x.r),
                node: {labels: labels(x.m), props: properties(x.m), degree: x.deg}}] AS items
       }
       RETURN ${NODE_MAP('n')} AS centre, relType, total, items`,
      { key: id.key, rels, limit: int(limit) },
    );
    if (rows.length === 0) {
      const exists = await this.db.read(`MATCH (n:${id.label} {id: $key}) RETURN ${NODE_MAP('n')} AS centre`, { key: id.key });
      const centre = exists[0] ? nodeFromMap(exists[0].centre ?? null) : null;
      if (!centre) throw new NotFoundError(`No ${id.type} with id "${id.key}"`);
      return { nodes: [centre], edges: [], truncated: false, more: {} };
    }
    const centre = nodeFromMap(rows[0]!.centre ?? null)!;
    const nodes = new Map<string, GNode>([[centre.id, centre]]);
    const edges: GEdge[] = [];
    const more: Record<string, number> = {};
    for (const row of rows) {
      const items = list(row.items ?? null);
      const total = Number(row.total);
      if (total > items.length) more[String(row.relType)] = total - items.length;
      for (const it of items) {
        const m = nodeFromMap(it.node ?? null);
        if (!m) continue;
        nodes.set(m.id, m);
        const [s, t] = it.out ? [centre.id, m.id] : [m.id, centre.id];
        edges.push({ id: edgeId(String(it.type), s, t), type: String(it.type), source: s, target: t, props: obj(it.props ?? null) });
      }
    }
    return { nodes: [...nodes.values()], edges, truncated: Object.keys(more).length > 0, more };
  }

  /**
   * Ids of the papers a node stands for (an author's, a tag's, a repo's or a resource's papers; a topic's papers,
   * subtopics included; a paper is itself), capped at `cap` — the canvas uses them to filter papers by it.
   */
  async paperIds(id: ParsedId, cap: number): Promise<{ ids: string[]; total: number }> {
    const rows = await this.db.read(
      `MATCH (n:${id.label} {id: $key})
       CALL (n) {
         OPTIONAL MATCH (n)-[:AUTHORED|TAGGED|HAS_CODE|HAS_RESOURCE|IN_TOPIC|FROM_SOURCE]-(p:Paper)
         RETURN collect(DISTINCT p.id) AS direct
       }
       RETURN CASE WHEN n:Paper THEN [n.id] ELSE direct END AS ids`,
      { key: id.key },
    );
    if (rows.length === 0) throw new NotFoundError(`No ${id.type} with id "${id.key}"`);
    const all = (Array.isArray(rows[0]!.ids) ? rows[0]!.ids : []).map((x) => `paper:${String(x)}`).sort();
    return { ids: all.slice(0, cap), total: all.length };
  }
}
