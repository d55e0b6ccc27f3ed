// Writes a ResolvedCorpus into Neo4j in per-batch transactions: each batch holds whole papers with all their nodes
// and edges, so a paper is never half-written. Shared nodes and papers the graph already has are MERGEd on keys;
// papers it does not have are CREATEd (under the uniqueness constraint), so re-runs and post-crash runs converge.
import neo4j, { type Driver, type Integer, type ManagedTransaction, type Session } from 'neo4j-driver';
import type { PaperNode, ResolvedCorpus } from '../types.ts';
import { indexStatement } from '../../neo4j/schema.ts';
import { awaitSearchIndexes, chunk, paperHash, withInts } from './util.ts';

export interface EntityWriteResult {
  papersNew: number;
  papersUpdated: number;
  papersUnchanged: number;
  batches: number;
}

/**
 * Batches in flight by default: while Neo4j writes one, the next is on its way and a second core can work on it
 * (20k generated papers, warm: 6.7 s one at a time, 5.6–5.8 s two at a time, 5.5–6.6 s three; same graph).
 */
export const WRITE_CONCURRENCY = 2;

/**
 * A first load (a graph without papers) of at least this many papers builds the full-text indexes once, after its
 * last batch, instead of entry by entry with every commit: on 100k generated papers the write took 31.5 s plus 2.7 s
 * to build them, against 36.4–38.4 s with the indexes kept up to date (a same-machine probe, see docs/scale.md).
 * Below it they are kept (a small load gains little and searches stay answerable throughout).
 */
export const BULK_INDEX_PAPERS = 10_000;
/** The full-text indexes (cypher/schema/003-fulltext.cypher). */
const SEARCH_INDEXES = ['paper_search', 'entity_search'];

export interface WriteOptions {
  batchSize?: number;
  /** A first load of at least this many papers builds the full-text indexes at its end (default BULK_INDEX_PAPERS). */
  bulkIndexFrom?: number;
  /** Batches written at the same time, each in its own transaction (default WRITE_CONCURRENCY). */
  concurrency?: number;
  onBatch?: (done: number, total: number) => void | Promise<void>;
}

/**
 * The shared nodes a batch points at (authors, repos, resources, tags), merged in one statement before the papers;
 * returns each one's element id so new papers can point at them without an index lookup.
 */
const NODES = `
CALL () {
  UNWIND $authors AS row
  MERGE (a:Author {id: row.id})
  ON CREATE SET a.name = row.name, a.isHandle = row.isHandle
  RETURN collect([row.id, elementId(a)]) AS authors
}
CALL () {
  UNWIND $repos AS row
  MERGE (r:Repo {id: row.id})
  SET r.url = row.url, r.host = row.host, r.owner = row.owner, r.name = row.name
  RETURN collect([row.id, elementId(r)]) AS repos
}
CALL () {
  UNWIND $resources AS row
  MERGE (r:Resource {id: row.id})
  SET r.url = row.url, r.kind = row.kind
  RETURN collect([row.id, elementId(r)]) AS resources
}
CALL () {
  UNWIND $tags AS row
  MERGE (t:Tag {id: row.id})
  ON CREATE SET t.name = row.name
  RETURN collect([row.id, elementId(t)]) AS tags
}
RETURN authors, repos, resources, tags`;

/** Which of a batch's papers the graph already has (they take the MERGE path below). */
const EXISTING = `
UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN collect(id) AS ids`;

/** The subqueries that attach a known paper's relationships, MERGEd so re-runs add nothing. */
function mergeRelationships(): string {
  const link = (list: string, label: string, type: string) => `
CALL (p, row) {
  UNWIND row.${list} AS id
  MATCH (t:${label} {id: id})
  MERGE (p)-[:${type}]->(t)
}`;
  return `
CALL (p, row) {
  UNWIND row.authored AS r
  MATCH (a:Author {id: r.author})
  MERGE (a)-[x:AUTHORED]->(p)
  SET x.position = r.position
}${link('code', 'Repo', 'HAS_CODE')}${link('resources', 'Resource', 'HAS_RESOURCE')}${link('tags', 'Tag', 'TAGGED')}
CALL (p, row) {
  UNWIND row.from AS r
  MATCH (s:Source {id: r.source})
  MERGE (p)-[:FROM_SOURCE {line: r.line}]->(s)
}`;
}

/**
 * One relationship list of the new-paper statement, as parallel integer lists (`i`: the paper's index in the batch,
 * `t`: the target's index in `ts`, plus the relationship's own property when it has one): no map and no element id
 * per relationship on the wire.
 */
function createLinks(list: string, pattern: string, prop?: string): string {
  return `
CALL (ps, ts) {
  UNWIND range(0, size($${list}.i) - 1) AS k
  WITH ps[$${list}.i[k]] AS p, ts[$${list}.t[k]] AS t${prop ? `, $${list}.${prop}[k] AS ${prop}` : ''}
  CREATE ${pattern}
  RETURN count(*) AS ${list}
}`;
}

/**
 * Papers the graph does not have yet: CREATEd, then every relationship they own created from flat integer lists that
 * name the paper by its index in the batch and the shared node by its index in `$targets` (the batch's distinct
 * element ids, each looked up once) — no MERGE, no index lookups, no per-paper subquery (a first load is all this
 * statement). A target that no longer exists (deleted meanwhile) leaves `ts` short: nothing is created and no row
 * returned, and the caller redoes the batch. The uniqueness constraint still guards against a concurrent writer.
 */
const PAPERS_NEW = `
UNWIND $papers AS props
CREATE (p:Paper)
SET p = props
WITH collect(p) AS ps
CALL () {
  UNWIND range(0, size($targets) - 1) AS k
  MATCH (t) WHERE elementId(t) = $targets[k]
  WITH k, t ORDER BY k
  RETURN collect(t) AS ts
}
WITH ps, ts WHERE size(ts) = size($targets)${createLinks('authored', '(t)-[:AUTHORED {position: position}]->(p)', 'position')}${createLinks('code', '(p)-[:HAS_CODE]->(t)')}${createLinks('resources', '(p)-[:HAS_RESOURCE]->(t)')}${createLinks('tags', '(p)-[:TAGGED]->(t)')}${createLinks('from', '(p)-[:FROM_SOURCE {line: line}]->(t)', 'line')}
RETURN size(ps) AS created, [authored, code, resources, tags, from] AS links`;

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
WITH p, row, before${mergeRelationships()}
RETURN count(CASE WHEN before IS NULL OR before <> row.props.hash THEN 1 END) AS updated`;

const SOURCES_PENDING = `
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
ON CREATE SET s.format = row.format, s.pending = true
RETURN collect([row.id, elementId(s)]) AS sources`;


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

/** A new paper's relationship target named by an element id that no longer matched (deleted meanwhile). */
class StaleNodeIds extends Error {}

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

  // Element ids of the shared nodes this run has merged and committed ("kind\0id" → element id): later batches
  // point at them directly. Sources are merged up front.
  const elementIds = new Map<string, string>();
  const remember = (kind: string, pairs: [string, string][]) => {
    for (const [id, e] of pairs) elementIds.set(`${kind}\u0000${id}`, e);
  };
  const sourceRows = corpus.sources.map((s) => ({ id: s.id, format: s.format }));
  remember('s', (await driver.executeQuery(SOURCES_PENDING, { rows: sourceRows }, { database })).records[0]?.get('sources') ?? []);
  // A graph with no papers at the start of the run cannot already hold any of this run's papers (ids are unique
  // within a corpus), so batches skip the existence check; a concurrent writer trips the uniqueness constraint and
  // that batch is redone with the check.
  const { records } = await driver.executeQuery('MATCH (p:Paper) RETURN count(p) > 0 AS any', {}, { database });
  const graphHadPapers = Boolean(records[0]?.get('any'));

  const result: EntityWriteResult = { papersNew: 0, papersUpdated: 0, papersUnchanged: 0, batches: 0 };
  const batches = chunk(corpus.papers, batchSize);
  const pending = <T extends { id: string }>(keys: Iterable<string>, m: Map<string, T>, kind: string) => {
    const out: T[] = [];
    for (const k of new Set(keys)) {
      const node = m.get(k);
      if (node && !elementIds.has(`${kind}\u0000${k}`)) out.push(node);
    }
    // in id order: two batches in flight that both merge new nodes lock them in the same order (no deadlock)
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  };
  const writeBatch = async (session: Session, papers: PaperNode[], checkExisting: boolean) => {
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
    return session.executeWrite(async (tx: ManagedTransaction) => {
      const existing = new Set<string>(checkExisting ? ((await tx.run(EXISTING, { ids })).records[0]?.get('ids') ?? []) : []);
      const merged = new Map<string, string>();
      if (nodes.authors.length + nodes.repos.length + nodes.resources.length + nodes.tags.length > 0) {
        const rec = (await tx.run(NODES, nodes)).records[0]!;
        for (const [kind, key] of [['a', 'authors'], ['r', 'repos'], ['x', 'resources'], ['t', 'tags']] as const) {
          for (const [id, e] of rec.get(key) as [string, string][]) merged.set(`${kind}\u0000${id}`, e);
        }
      }
      const eid = (kind: string, id: string) => merged.get(`${kind}\u0000${id}`) ?? elementIds.get(`${kind}\u0000${id}`)!;
      const fresh = rows.filter((r) => !existing.has(r.props.id as string));
      const seen = rows.filter((r) => existing.has(r.props.id as string));
      let created = 0;
      if (fresh.length > 0) {
        // the batch's distinct targets, each sent once; relationships name them by position
        const targets: string[] = [];
        const slot = new Map<string, number>();
        const target = (kind: string, id: string) => {
          const e = eid(kind, id);
          let t = slot.get(e);
          if (t === undefined) slot.set(e, (t = targets.push(e) - 1));
          return t;
        };
        // one relationship type: parallel lists of paper index, target index and (`prop`) its own property
        const list = <T>(pick: (r: (typeof fresh)[number]) => T[], kind: string, key: (x: T) => string, prop?: [string, (x: T) => unknown]) => {
          const i: Integer[] = [];
          const t: Integer[] = [];
          const values: unknown[] = [];
          fresh.forEach((r, n) => {
            for (const x of pick(r)) {
              i.push(neo4j.int(n));
              t.push(neo4j.int(target(kind, key(x))));
              if (prop) values.push(prop[1](x));
            }
          });
          return prop ? { i, t, [prop[0]]: values } : { i, t };
        };
        const links = {
          authored: list((r) => r.authored, 'a', (a) => a.author, ['position', (a) => a.position]),
          code: list((r) => r.code, 'r', (id) => id),
          resources: list((r) => r.resources, 'x', (id) => id),
          tags: list((r) => r.tags, 't', (id) => id),
          from: list((r) => r.from, 's', (f) => f.source, ['line', (f) => f.line]),
        };
        const rec = (await tx.run(PAPERS_NEW, { papers: fresh.map((r) => r.props), targets, ...links })).records[0];
        if (!rec) throw new StaleNodeIds(`some of the batch's ${targets.length} relationship targets are no longer in the graph`);
        const made = (rec.get('links') as unknown[]).map(Number);
        const wanted = [links.authored, links.code, links.resources, links.tags, links.from].map((l) => l.i.length);
        if (made.some((n, i) => n !== wanted[i])) throw new StaleNodeIds(`relationships created ${made.join('/')} of ${wanted.join('/')}`);
        created = Number(rec.get('created'));
      }
      const updated = seen.length > 0 ? Number((await tx.run(PAPERS_SEEN, { papers: seen })).records[0]?.get('updated') ?? 0) : 0;
      return { created, updated, merged };
    });
  };

  // `concurrency` batches in flight, each in its own session: Neo4j works on one while the next is sent. Batches
  // never share a paper; a shared node new to both is merged by both, and the second waits for the first's commit.
  let next = 0;
  let done = 0;
  const worker = async (session: Session) => {
    try {
      await writeBatches(session);
    } catch (err) {
      next = batches.length; // the other batches in flight finish; no new one starts
      throw err;
    }
  };
  const writeBatches = async (session: Session) => {
    for (let index = next++; index < batches.length; index = next++) {
      const papers = batches[index]!;
      let counts;
      try {
        counts = await writeBatch(session, papers, graphHadPapers);
      } catch (err) {
        // Rolled back, nothing written: a node this run had merged was deleted meanwhile (forget every element id
        // and merge the batch's shared nodes again), or a concurrent writer created one of the papers.
        const constraint = (err as { code?: string }).code === 'Neo.ClientError.Schema.ConstraintValidationFailed';
        if (!(err instanceof StaleNodeIds) && !(constraint && !graphHadPapers)) throw err;
        if (err instanceof StaleNodeIds) for (const k of [...elementIds.keys()]) if (!k.startsWith('s\u0000')) elementIds.delete(k);
        counts = await writeBatch(session, papers, true);
      }
      for (const [k, e] of counts.merged) elementIds.set(k, e);
      result.papersNew += counts.created;
      result.papersUpdated += counts.updated;
      result.papersUnchanged += papers.length - counts.created - counts.updated;
      result.batches++;
      await options.onBatch?.(++done, batches.length);
    }
  };
  // A large first load drops the full-text indexes and builds them once at the end — also when the write fails
  // (they then hold the batches that committed). A process killed meanwhile leaves it to the next connection,
  // which applies the schema (neo4j/db.ts); searches answer 503 while one is missing or populating.
  const bulkIndex = !graphHadPapers && corpus.papers.length >= (options.bulkIndexFrom ?? BULK_INDEX_PAPERS);
  if (bulkIndex) for (const name of SEARCH_INDEXES) await driver.executeQuery(`DROP INDEX ${name} IF EXISTS`, {}, { database });
  const sessions = Array.from({ length: Math.max(1, Math.min(options.concurrency ?? WRITE_CONCURRENCY, batches.length)) }, () => driver.session({ database }));
  let failure: { reason: unknown } | undefined;
  try {
    // every worker ends (a failed one stops the others from starting new batches) before the first error is thrown
    const ended = await Promise.allSettled(sessions.map(worker));
    failure = ended.find((e): e is PromiseRejectedResult => e.status === 'rejected');
  } finally {
    await Promise.all(sessions.map((s) => s.close()));
  }
  if (bulkIndex) {
    try {
      for (const name of SEARCH_INDEXES) await driver.executeQuery(indexStatement(name), {}, { database });
      for (const name of SEARCH_INDEXES) await driver.executeQuery('CALL db.awaitIndex($name, 3600)', { name }, { database });
    } catch (err) {
      failure ??= { reason: err }; // the write's own error, when there is one, is the one to report
    }
  }
  if (failure) throw failure.reason;
  await driver.executeQuery(SOURCES_DONE, { rows: corpus.sources.map((s) => withInts(s, ['rows', 'errors'])) }, { database });
  await awaitSearchIndexes(driver, database);
  return result;
}
