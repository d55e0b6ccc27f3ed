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
    return id.type === 'paper' ? this.paperDetails(id) : this.otherDetails(id);
  }

  /**
   * A paper reads each of its relationships once: one row per relationship with what the drawer shows of it, grouped
   * here (a paper has tens of relationships, so one pass beats a pattern per kind).
   */
  private async paperDetails(id: ParsedId): Promise<NodeDetails> {
    const rows = await this.db.read(
      `MATCH (n:Paper {id: $key})
       CALL (n) {
         MATCH (n)-[r]-(m)
         WITH type(r) AS t, r, m
         RETURN collect(CASE t
           WHEN 'AUTHORED' THEN [t, m.id, m.name, r.position]
           WHEN 'IN_TOPIC' THEN [t, m.id, m.label, r.score, r.primary, m.level]
           WHEN 'TAGGED' THEN [t, m.id, m.name]
           WHEN 'HAS_CODE' THEN [t, m.id, m.url]
           WHEN 'HAS_RESOURCE' THEN [t, m.id, m.url, m.kind]
           WHEN 'FROM_SOURCE' THEN [t, m.id, r.line, m.format]
           ELSE [t] END) AS rels
       }
       RETURN ${NODE_MAP('n')} AS node, rels`,
      { key: id.key },
    );
    const row = rows[0];
    const node = row ? nodeFromMap(row.node ?? null) : null;
    if (!row || !node) throw new NotFoundError(`No ${id.type} with id "${id.key}"`);
    const out: Required<Omit<NodeDetails, 'papers'>> = { node, degrees: {}, provenance: [], authors: [], topics: [], tags: [], repos: [], resources: [] };
    const str = (v: Plain | undefined) => String(v ?? '');
    for (const rel of (Array.isArray(row.rels) ? row.rels : []) as Plain[][]) {
      const [t, key, a, b, c, d] = rel;
      const type = str(t);
      out.degrees[type] = (out.degrees[type] ?? 0) + 1;
      if (type === 'AUTHORED') out.authors.push({ id: `author:${str(key)}`, name: str(a), position: Number(b) });
      else if (type === 'IN_TOPIC') out.topics.push({ id: `topic:${str(key)}`, label: str(a), score: Number(b), primary: c === true, level: Number(d) });
      else if (type === 'TAGGED') out.tags.push({ id: `tag:${str(key)}`, name: str(a) });
      else if (type === 'HAS_CODE') out.repos.push({ id: `repo:${str(key)}`, url: str(a) });
      else if (type === 'HAS_RESOURCE') out.resources.push({ id: `resource:${str(key)}`, url: str(a), kind: str(b) });
      else if (type === 'FROM_SOURCE') out.provenance.push({ source: str(key), line: Number(a), format: str(b) });
    }
    const byString = <T>(f: (x: T) => string) => (x: T, y: T) => (f(x) < f(y) ? -1 : f(x) > f(y) ? 1 : 0);
    out.provenance.sort((x, y) => x.source.localeCompare(y.source) || x.line - y.line);
    out.authors.sort((x, y) => x.position - y.position);
    out.topics.sort((x, y) => x.level - y.level || y.score - x.score);
    out.tags.sort(byString((x) => x.name));
    out.repos.sort(byString((x) => x.id));
    out.resources.sort(byString((x) => x.id));
    return out;
  }

  /** Authors, tags, repos, resources, topics and sources: relationship counts per type and their papers, newest first. */
  private async otherDetails(id: ParsedId): Promise<NodeDetails> {
    const rows = await this.db.read(
      `MATCH (n:${id.label} {id: $key})
       CALL (n) { MATCH (n)-[r]-() WITH type(r) AS t, count(*) AS c RETURN collect([t, c]) AS rels }
       RETURN ${NODE_MAP('n')} AS node, rels,
         [(n)-[:AUTHORED|TAGGED|HAS_CODE|HAS_RESOURCE|IN_TOPIC|FROM_SOURCE]-(p:Paper) | {id: 'paper:' + p.id, title: p.title, date: p.date}][..200] AS papers`,
      { key: id.key },
    );
    const row = rows[0];
    const node = row ? nodeFromMap(row.node ?? null) : null;
    if (!row || !node) throw new NotFoundError(`No ${id.type} with id "${id.key}"`);
    const degrees: Record<string, number> = {};
    for (const [t, c] of (Array.isArray(row.rels) ? row.rels : []) as [Plain, Plain][]) degrees[String(t)] = Number(c);
    return {
      node,
      degrees,
      provenance: [],
      papers: list(row.papers ?? null).map((p) => ({ id: String(p.id), title: String(p.title), date: typeof p.date === 'string' ? p.date : null })).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title)),
    };
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
