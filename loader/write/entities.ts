// Writes a ResolvedCorpus into Neo4j with batched UNWIND … MERGE: each batch holds whole papers with all their
// nodes and edges, so a paper is never half-written; MERGE on keys makes re-runs and post-crash runs converge.
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { PaperNode, ResolvedCorpus } from '../types.ts';
import { chunk, paperHash, withInts } from './util.ts';

export interface EntityWriteResult {
  papersNew: number;
  papersUpdated: number;
  papersUnchanged: number;
  batches: number;
}

export interface WriteOptions {
  batchSize?: number;
  onBatch?: (done: number, total: number) => void;
}

/**
 * The shared nodes a batch points at (authors, repos, resources, tags), merged in one statement before the papers.
 */
const NODES = `
CALL () {
  UNWIND $authors AS row
  MERGE (a:Author {id: row.id})
  ON CREATE SET a.name = row.name, a.isHandle = row.isHandle
}
CALL () {
  UNWIND $repos AS row
  MERGE (r:Repo {id: row.id})
  SET r.url = row.url, r.host = row.host, r.owner = row.owner, r.name = row.name
}
CALL () {
  UNWIND $resources AS row
  MERGE (r:Resource {id: row.id})
  SET r.url = row.url, r.kind = row.kind
}
CALL () {
  UNWIND $tags AS row
  MERGE (t:Tag {id: row.id})
  ON CREATE SET t.name = row.name
}`;

/** Which of a batch's papers the graph already has (they take the MERGE path below). */
const EXISTING = `
UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN collect(id) AS ids`;

/** The subqueries that attach a paper's relationships: `CREATE` for papers new to the graph, `MERGE` for known ones. */
function relationshipCalls(verb: 'CREATE' | 'MERGE'): string {
  const authored = verb === 'CREATE' ? 'CREATE (a)-[:AUTHORED {position: r.position}]->(p)' : 'MERGE (a)-[x:AUTHORED]->(p)\n  SET x.position = r.position';
  const link = (list: string, label: string, type: string) => `
CALL (p, row) {
  UNWIND row.${list} AS id
  MATCH (t:${label} {id: id})
  ${verb} (p)-[:${type}]->(t)
}`;
  return `
CALL (p, row) {
  UNWIND row.authored AS r
  MATCH (a:Author {id: r.author})
  ${authored}
}${link('code', 'Repo', 'HAS_CODE')}${link('resources', 'Resource', 'HAS_RESOURCE')}${link('tags', 'Tag', 'TAGGED')}
CALL (p, row) {
  UNWIND row.from AS r
  MATCH (s:Source {id: r.source})
  ${verb} (p)-[:FROM_SOURCE {line: r.line}]->(s)
}`;
}

/**
 * Papers the graph does not have yet: CREATEd with every relationship they own, no MERGE and no existence checks
 * (a first load is all this statement). The uniqueness constraint still guards against a concurrent writer.
 */
const PAPERS_NEW = `
UNWIND $papers AS row
CREATE (p:Paper)
SET p = row.props
WITH p, row${relationshipCalls('CREATE')}
RETURN count(*) AS created`;

/**
 * Papers the graph already has: properties merged field by field as the resolver merges records (the earliest date,
 * month and month/day, the longest abstract, every source) and relationships MERGEd, so re-runs add nothing.
 */
const PAPERS_SEEN = `
UNWIND $papers AS row
MATCH (p:Paper {id: row.props.id})
WITH p, row, p.hash AS before
SET p.title = coalesce(p.title, row.props.title),
    p.titleKey = row.props.titleKey,
    p.abstract = CASE WHEN size(coalesce(row.props.abstract, '')) > size(coalesce(p.abstract, '')) THEN row.props.abstract ELSE p.abstract END,
    p.summary = coalesce(p.summary, row.props.summary),
    p.arxivId = coalesce(row.props.arxivId, p.arxivId),
    p.url = coalesce(p.url, row.props.url),
    p.date = CASE WHEN p.date IS NULL OR (row.props.date IS NOT NULL AND row.props.date < p.date) THEN row.props.date ELSE p.date END,
    p.monthDay = CASE WHEN p.monthDay IS NULL OR (row.props.monthDay IS NOT NULL AND row.props.monthDay < p.monthDay) THEN row.props.monthDay ELSE p.monthDay END
SET p.month = CASE WHEN p.date IS NOT NULL THEN substring(p.date, 0, 7)
                   WHEN p.month IS NULL OR (row.props.month IS NOT NULL AND row.props.month < p.month) THEN row.props.month
                   ELSE p.month END
SET p.sources = [s IN coalesce(p.sources, []) WHERE NOT s IN row.props.sources] + row.props.sources, p.hash = row.props.hash
WITH p, row, before${relationshipCalls('MERGE')}
RETURN count(CASE WHEN before <> row.props.hash THEN 1 END) AS updated`;

const SOURCES_PENDING = `
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
ON CREATE SET s.format = row.format, s.pending = true`;


/** Marks sources complete: only now does their sha256 let a later run skip them. */
const SOURCES_DONE = `
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s.format = row.format, s.sha256 = row.sha256, s.rows = row.rows, s.errors = row.errors,
    s.loadedAt = datetime(), s.pending = null`;

/** A paper's own properties as stored (nulls dropped, so `SET p = props` and field-wise merges agree). */
function paperProps(p: PaperNode, titleKey: string): Record<string, unknown> {
  const month = p.date ? p.date.slice(0, 7) : p.month;
  const props: Record<string, unknown> = { ...p, month, titleKey, hash: paperHash(p) };
  for (const [k, v] of Object.entries(props)) if (v === null || v === undefined) delete props[k];
  return props;
}

/** Writes the corpus in per-batch transactions; returns how many papers were new, updated or unchanged. */
export async function writeEntities(
  driver: Driver,
  database: string,
  corpus: ResolvedCorpus,
  titleKeyOf: (p: PaperNode) => string,
  options: WriteOptions = {},
): Promise<EntityWriteResult> {
  const batchSize = options.batchSize ?? 1000;
  const byPaper = <T extends { paper: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) (m.get(r.paper) ?? m.set(r.paper, []).get(r.paper)!).push(r);
    return m;
  };
  const authored = byPaper(corpus.authored);
  const hasCode = byPaper(corpus.hasCode);
  const hasResource = byPaper(corpus.hasResource);
  const tagged = byPaper(corpus.tagged);
  const fromSource = byPaper(corpus.fromSource);
  const authors = new Map(corpus.authors.map((a) => [a.id, a]));
  const repos = new Map(corpus.repos.map((r) => [r.id, r]));
  const resources = new Map(corpus.resources.map((r) => [r.id, r]));
  const tags = new Map(corpus.tags.map((t) => [t.id, t]));

  await driver.executeQuery(SOURCES_PENDING, { rows: corpus.sources.map((s) => ({ id: s.id, format: s.format })) }, { database });

  const result: EntityWriteResult = { papersNew: 0, papersUpdated: 0, papersUnchanged: 0, batches: 0 };
  const batches = chunk(corpus.papers, batchSize);
  // Shared nodes committed by an earlier batch of this run exist: later batches only MATCH them.
  const committed = new Set<string>();
  const pending = <T extends { id: string }>(keys: Iterable<string>, m: Map<string, T>, kind: string) => {
    const out: T[] = [];
    for (const k of new Set(keys)) {
      const node = m.get(k);
      if (node && !committed.has(`${kind}\u0000${k}`)) out.push(node);
    }
    return out;
  };
  const session = driver.session({ database });
  try {
    for (const [index, papers] of batches.entries()) {
      const ids = papers.map((p) => p.id);
      const pick = <T>(m: Map<string, T[]>) => ids.flatMap((id) => m.get(id) ?? []);
      const nodes = {
        authors: pending(pick(authored).map((r) => r.author), authors, 'a'),
        repos: pending(pick(hasCode).map((r) => r.target), repos, 'r'),
        resources: pending(pick(hasResource).map((r) => r.target), resources, 'x'),
        tags: pending(pick(tagged).map((r) => r.target), tags, 't'),
      };
      const rows = papers.map((p) => ({
        props: paperProps(p, titleKeyOf(p)),
        authored: (authored.get(p.id) ?? []).map((r) => withInts({ author: r.author, position: r.position }, ['position'])),
        code: [...new Set((hasCode.get(p.id) ?? []).map((r) => r.target))],
        resources: [...new Set((hasResource.get(p.id) ?? []).map((r) => r.target))],
        tags: [...new Set((tagged.get(p.id) ?? []).map((r) => r.target))],
        from: (fromSource.get(p.id) ?? []).map((r) => withInts({ source: r.source, line: r.line }, ['line'])),
      }));
      const counts = await session.executeWrite(async (tx: ManagedTransaction) => {
        const existing = new Set<string>((await tx.run(EXISTING, { ids })).records[0]?.get('ids') ?? []);
        if (nodes.authors.length + nodes.repos.length + nodes.resources.length + nodes.tags.length > 0) await tx.run(NODES, nodes);
        const fresh = rows.filter((r) => !existing.has(r.props.id as string));
        const seen = rows.filter((r) => existing.has(r.props.id as string));
        const created = fresh.length > 0 ? Number((await tx.run(PAPERS_NEW, { papers: fresh })).records[0]?.get('created') ?? 0) : 0;
        const updated = seen.length > 0 ? Number((await tx.run(PAPERS_SEEN, { papers: seen })).records[0]?.get('updated') ?? 0) : 0;
        return { created, updated };
      });
      for (const n of nodes.authors) committed.add(`a\u0000${n.id}`);
      for (const n of nodes.repos) committed.add(`r\u0000${n.id}`);
      for (const n of nodes.resources) committed.add(`x\u0000${n.id}`);
      for (const n of nodes.tags) committed.add(`t\u0000${n.id}`);
      result.papersNew += counts.created;
      result.papersUpdated += counts.updated;
      result.papersUnchanged += papers.length - counts.created - counts.updated;
      result.batches++;
      options.onBatch?.(index + 1, batches.length);
    }
  } finally {
    await session.close();
  }
  await driver.executeQuery(SOURCES_DONE, { rows: corpus.sources.map((s) => withInts(s, ['rows', 'errors'])) }, { database });
  return result;
}
