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

/**
 * Papers with every relationship they own, in one statement: a paper created here has no relationships yet, so
 * they are CREATEd without MERGE's existence check; a paper seen before MERGEs them (re-runs add nothing).
 */
const PAPERS = `
UNWIND $papers AS row
MERGE (p:Paper {id: row.id})
WITH p, row, p.hash AS before
SET p.title = coalesce(p.title, row.title),
    p.titleKey = row.titleKey,
    p.abstract = CASE WHEN size(coalesce(row.abstract, '')) > size(coalesce(p.abstract, '')) THEN row.abstract ELSE p.abstract END,
    p.summary = coalesce(p.summary, row.summary),
    p.arxivId = coalesce(row.arxivId, p.arxivId),
    p.url = coalesce(p.url, row.url),
    p.date = CASE WHEN p.date IS NULL OR (row.date IS NOT NULL AND row.date < p.date) THEN row.date ELSE p.date END,
    p.monthDay = coalesce(p.monthDay, row.monthDay)
SET p.month = CASE WHEN p.date IS NOT NULL THEN substring(p.date, 0, 7) ELSE coalesce(p.month, row.month) END
SET p.sources = [s IN coalesce(p.sources, []) WHERE NOT s IN row.sources] + row.sources, p.hash = row.hash
WITH p, row, before, CASE WHEN before IS NULL THEN [1] ELSE [] END AS fresh, CASE WHEN before IS NULL THEN [] ELSE [1] END AS seen
CALL (p, row, fresh, seen) {
  UNWIND row.authored AS r
  MATCH (a:Author {id: r.author})
  FOREACH (_ IN fresh | CREATE (a)-[:AUTHORED {position: r.position}]->(p))
  FOREACH (_ IN seen | MERGE (a)-[x:AUTHORED]->(p) SET x.position = r.position)
}
CALL (p, row, fresh, seen) {
  UNWIND row.code AS id
  MATCH (t:Repo {id: id})
  FOREACH (_ IN fresh | CREATE (p)-[:HAS_CODE]->(t))
  FOREACH (_ IN seen | MERGE (p)-[:HAS_CODE]->(t))
}
CALL (p, row, fresh, seen) {
  UNWIND row.resources AS id
  MATCH (t:Resource {id: id})
  FOREACH (_ IN fresh | CREATE (p)-[:HAS_RESOURCE]->(t))
  FOREACH (_ IN seen | MERGE (p)-[:HAS_RESOURCE]->(t))
}
CALL (p, row, fresh, seen) {
  UNWIND row.tags AS id
  MATCH (t:Tag {id: id})
  FOREACH (_ IN fresh | CREATE (p)-[:TAGGED]->(t))
  FOREACH (_ IN seen | MERGE (p)-[:TAGGED]->(t))
}
CALL (p, row, fresh, seen) {
  UNWIND row.from AS r
  MATCH (s:Source {id: r.source})
  FOREACH (_ IN fresh | CREATE (p)-[:FROM_SOURCE {line: r.line}]->(s))
  FOREACH (_ IN seen | MERGE (p)-[:FROM_SOURCE {line: r.line}]->(s))
}
RETURN count(CASE WHEN before IS NULL THEN 1 END) AS created,
       count(CASE WHEN before IS NOT NULL AND before <> row.hash THEN 1 END) AS updated`;

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

function paperRow(p: PaperNode, titleKey: string) {
  return { ...p, titleKey, hash: paperHash(p) };
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
  const session = driver.session({ database });
  try {
    for (const [index, papers] of batches.entries()) {
      const ids = papers.map((p) => p.id);
      const pick = <T>(m: Map<string, T[]>) => ids.flatMap((id) => m.get(id) ?? []);
      const uniq = <T>(keys: string[], m: Map<string, T>) => [...new Set(keys)].map((k) => m.get(k)).filter((x): x is T => x !== undefined);
      const rows = papers.map((p) => ({
        ...paperRow(p, titleKeyOf(p)),
        authored: (authored.get(p.id) ?? []).map((r) => withInts({ author: r.author, position: r.position }, ['position'])),
        code: [...new Set((hasCode.get(p.id) ?? []).map((r) => r.target))],
        resources: [...new Set((hasResource.get(p.id) ?? []).map((r) => r.target))],
        tags: [...new Set((tagged.get(p.id) ?? []).map((r) => r.target))],
        from: (fromSource.get(p.id) ?? []).map((r) => withInts({ source: r.source, line: r.line }, ['line'])),
      }));
      const counts = await session.executeWrite(async (tx: ManagedTransaction) => {
        await tx.run(NODES, {
          authors: uniq(pick(authored).map((r) => r.author), authors),
          repos: uniq(pick(hasCode).map((r) => r.target), repos),
          resources: uniq(pick(hasResource).map((r) => r.target), resources),
          tags: uniq(pick(tagged).map((r) => r.target), tags),
        });
        const rec = (await tx.run(PAPERS, { papers: rows })).records[0];
        return { created: Number(rec?.get('created') ?? 0), updated: Number(rec?.get('updated') ?? 0) };
      });
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
