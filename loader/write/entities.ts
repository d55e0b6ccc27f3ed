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
RETURN collect(CASE WHEN before IS NULL THEN row.id END) AS created,
       sum(CASE WHEN before IS NOT NULL AND before <> row.hash THEN 1 ELSE 0 END) AS updated`;

const AUTHORS = `
UNWIND $authors AS row
MERGE (a:Author {id: row.id})
ON CREATE SET a.name = row.name, a.isHandle = row.isHandle`;

const AUTHORED = `
UNWIND $rows AS row
MATCH (a:Author {id: row.author}), (p:Paper {id: row.paper})
MERGE (a)-[r:AUTHORED]->(p)
SET r.position = row.position`;

/** A paper created in this transaction has no relationships yet: CREATE them without MERGE's existence check. */
const AUTHORED_NEW = `
UNWIND $rows AS row
MATCH (a:Author {id: row.author}), (p:Paper {id: row.paper})
CREATE (a)-[:AUTHORED {position: row.position}]->(p)`;

const REPOS = `
UNWIND $rows AS row
MERGE (r:Repo {id: row.id})
SET r.url = row.url, r.host = row.host, r.owner = row.owner, r.name = row.name`;

const RESOURCES = `
UNWIND $rows AS row
MERGE (r:Resource {id: row.id})
SET r.url = row.url, r.kind = row.kind`;

const TAGS = `
UNWIND $rows AS row
MERGE (t:Tag {id: row.id})
ON CREATE SET t.name = row.name`;

const LINK = (rel: 'HAS_CODE' | 'HAS_RESOURCE' | 'TAGGED', label: 'Repo' | 'Resource' | 'Tag', fresh = false) => `
UNWIND $rows AS row
MATCH (p:Paper {id: row.paper}), (t:${label} {id: row.target})
${fresh ? 'CREATE' : 'MERGE'} (p)-[:${rel}]->(t)`;

const SOURCES_PENDING = `
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
ON CREATE SET s.format = row.format, s.pending = true`;

const FROM_SOURCE = (fresh = false) => `
UNWIND $rows AS row
MATCH (p:Paper {id: row.paper}), (s:Source {id: row.source})
${fresh ? 'CREATE' : 'MERGE'} (p)-[r:FROM_SOURCE {line: row.line}]->(s)`;

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
      const aRows = pick(authored);
      const cRows = pick(hasCode);
      const rRows = pick(hasResource);
      const tRows = pick(tagged);
      const uniq = <T>(keys: string[], m: Map<string, T>) => [...new Set(keys)].map((k) => m.get(k)).filter((x): x is T => x !== undefined);
      const counts = await session.executeWrite(async (tx: ManagedTransaction) => {
        const res = await tx.run(PAPERS, { papers: papers.map((p) => paperRow(p, titleKeyOf(p))) });
        const rec = res.records[0];
        const created = new Set((rec?.get('created') as string[] | undefined) ?? []);
        // Split each relationship list: new papers get CREATE, papers seen before get MERGE.
        const split = <T extends { paper: string }>(rows: T[]) => [rows.filter((r) => created.has(r.paper)), rows.filter((r) => !created.has(r.paper))] as const;
        const [aNew, aOld] = split(aRows.map((r) => withInts(r, ['position'])));
        const [cNew, cOld] = split(cRows);
        const [rNew, rOld] = split(rRows);
        const [tNew, tOld] = split(tRows);
        const [sNew, sOld] = split(pick(fromSource).map((r) => withInts(r, ['line'])));
        await tx.run(AUTHORS, { authors: uniq(aRows.map((r) => r.author), authors) });
        if (aNew.length) await tx.run(AUTHORED_NEW, { rows: aNew });
        if (aOld.length) await tx.run(AUTHORED, { rows: aOld });
        await tx.run(REPOS, { rows: uniq(cRows.map((r) => r.target), repos) });
        await tx.run(RESOURCES, { rows: uniq(rRows.map((r) => r.target), resources) });
        await tx.run(TAGS, { rows: uniq(tRows.map((r) => r.target), tags) });
        for (const [rel, label, fresh, old] of [['HAS_CODE', 'Repo', cNew, cOld], ['HAS_RESOURCE', 'Resource', rNew, rOld], ['TAGGED', 'Tag', tNew, tOld]] as const) {
          if (fresh.length) await tx.run(LINK(rel, label, true), { rows: fresh });
          if (old.length) await tx.run(LINK(rel, label), { rows: old });
        }
        if (sNew.length) await tx.run(FROM_SOURCE(true), { rows: sNew });
        if (sOld.length) await tx.run(FROM_SOURCE(), { rows: sOld });
        return { created: created.size, updated: Number(rec?.get('updated') ?? 0) };
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
