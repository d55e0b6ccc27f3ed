// Writes derived analytics (topics, IN_TOPIC, SUBTOPIC_OF, LINKED_TO, SIMILAR_TO, COAUTHORED_WITH, communities) and reads
// the analysis input back from the graph. A `Meta {id:'analysis'}` flag marks analytics stale until fully rewritten.
import type { Driver } from 'neo4j-driver';
import type { Analysis, AnalysisPaper } from '../types.ts';
import { topicMonths } from '../analyse/topic-months.ts';
import { awaitSearchIndexes, chunk, withInts } from './util.ts';

const BATCH = 5000;

/** Reads every paper with its authors, repos and tags, in id order: the input of `analyse`. */
export async function readAnalysisPapers(driver: Driver, database: string): Promise<AnalysisPaper[]> {
  const res = await driver.executeQuery(
    `MATCH (p:Paper)
     CALL (p) { OPTIONAL MATCH (a:Author)-[r:AUTHORED]->(p) WITH a, r ORDER BY r.position RETURN collect(a.id) AS authors }
     CALL (p) { OPTIONAL MATCH (p)-[:HAS_CODE]->(c:Repo) WITH c ORDER BY c.id RETURN collect(c.id) AS repos }
     CALL (p) { OPTIONAL MATCH (p)-[:TAGGED]->(t:Tag) WITH t ORDER BY t.id RETURN collect(t.id) AS tags }
     RETURN p.id AS id, p.title AS title, p.abstract AS abstract, p.summary AS summary, p.month AS month,
            authors, repos, tags
     ORDER BY id`,
    {},
    { database },
  );
  return res.records.map((r) => ({
    id: r.get('id') as string,
    title: r.get('title') as string,
    abstract: (r.get('abstract') as string | null) ?? null,
    summary: (r.get('summary') as string | null) ?? null,
    month: (r.get('month') as string | null) ?? null,
    authors: r.get('authors') as string[],
    repos: r.get('repos') as string[],
    tags: r.get('tags') as string[],
  }));
}

/** Author display names by id (for community names). */
export async function readAuthorNames(driver: Driver, database: string): Promise<Record<string, string>> {
  const res = await driver.executeQuery('MATCH (a:Author) RETURN a.id AS id, a.name AS name', {}, { database });
  return Object.fromEntries(res.records.map((r) => [r.get('id') as string, r.get('name') as string]));
}

/** Current topics with their members, so re-runs can keep topic ids stable. */
export async function readPreviousTopics(driver: Driver, database: string): Promise<{ id: string; members: string[] }[]> {
  const res = await driver.executeQuery(
    'MATCH (t:Topic) OPTIONAL MATCH (p:Paper)-[:IN_TOPIC]->(t) WITH t, p ORDER BY p.id RETURN t.id AS id, collect(p.id) AS members ORDER BY id',
    {},
    { database },
  );
  return res.records.map((r) => ({ id: r.get('id') as string, members: r.get('members') as string[] }));
}

export async function setAnalysisStale(driver: Driver, database: string, stale: boolean): Promise<void> {
  await driver.executeQuery("MERGE (m:Meta {id: 'analysis'}) SET m.stale = $stale, m.updatedAt = datetime()", { stale }, { database });
}

/**
 * True when analytics must be (re)computed: never computed, a previous run stopped before finishing them, or the topics
 * were written before they carried their mean date.
 */
export async function isAnalysisStale(driver: Driver, database: string): Promise<boolean> {
  const res = await driver.executeQuery(
    "OPTIONAL MATCH (m:Meta {id: 'analysis'}) RETURN m.stale AS stale, EXISTS { MATCH (t:Topic) WHERE t.dated IS NULL } AS older",
    {},
    { database },
  );
  const stale = res.records[0]?.get('stale') as boolean | null | undefined;
  return stale !== false || res.records[0]?.get('older') === true;
}

async function deleteAll(driver: Driver, database: string, pattern: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run(`MATCH ${pattern} CALL (r) { DELETE r } IN TRANSACTIONS OF ${BATCH} ROWS`);
  } finally {
    await session.close();
  }
}

/** Writes `rows` in transactions of about BATCH items, where a row stands for `perRow` items on average. */
async function batched(driver: Driver, database: string, query: string, rows: unknown[], perRow = 1): Promise<void> {
  for (const part of chunk(rows, Math.max(1, Math.round(BATCH / perRow)))) await driver.executeQuery(query, { rows: part }, { database });
}

/** Rows grouped by a key, in first-seen order: `{ id, out: [...] }`. */
function groupBy<T, U>(rows: T[], key: (r: T) => string, item: (r: T) => U): { id: string; out: U[] }[] {
  const groups = new Map<string, U[]>();
  for (const r of rows) {
    const k = key(r);
    const list = groups.get(k);
    if (list) list.push(item(r));
    else groups.set(k, [item(r)]);
  }
  return [...groups].map(([id, out]) => ({ id, out }));
}

/**
 * Replaces every derived relationship and property with `analysis`. `papers` (the analysis input, every paper with
 * its tag ids in id order) gives each paper its facets: `primaryTopic` (the id of its primary topic, null without
 * one) and `tagIds`, copies of its IN_TOPIC {primary} and TAGGED links that related work compares in one property
 * read per candidate instead of walking each candidate's relationships.
 */
export async function writeAnalysis(driver: Driver, database: string, analysis: Analysis, papers: AnalysisPaper[]): Promise<void> {
  await deleteAll(driver, database, '()-[r:IN_TOPIC|SUBTOPIC_OF|LINKED_TO]->()');
  await deleteAll(driver, database, '()-[r:SIMILAR_TO]->()');
  await deleteAll(driver, database, '()-[r:COAUTHORED_WITH]->()');
  await driver.executeQuery('MATCH (t:Topic) WHERE NOT t.id IN $ids DETACH DELETE t', { ids: analysis.topics.map((t) => t.id) }, { database });
  // when each topic's papers appeared (their mean date), for the web app's colouring by month
  const months = topicMonths(analysis.topics, analysis.inTopic, papers);
  await batched(
    driver,
    database,
    `UNWIND $rows AS row MERGE (t:Topic {id: row.id})
     SET t.label = row.label, t.terms = row.terms, t.termText = row.termText, t.size = row.size, t.level = row.level, t.pinned = row.pinned,
         t.meanDate = row.meanDate, t.dated = row.dated`,
    analysis.topics.map((t) => withInts({ ...t, termText: t.terms.join(' '), ...months.get(t.id)! }, ['size', 'level', 'dated'])),
  );
  await batched(
    driver,
    database,
    'UNWIND $rows AS row MATCH (c:Topic {id: row.id}), (p:Topic {id: row.parent}) MERGE (c)-[:SUBTOPIC_OF]->(p)',
    analysis.topics.filter((t) => t.parent !== null),
  );
  await batched(
    driver,
    database,
    'UNWIND $rows AS row MATCH (a:Topic {id: row.a}), (b:Topic {id: row.b}) CREATE (a)-[:LINKED_TO {similar: row.similar, strength: row.strength}]->(b)',
    analysis.topicLinks.map((l) => withInts(l, ['similar'])),
  );
  // One row per paper (one lookup each): its facets, then its IN_TOPIC links.
  const topicsOf = new Map(groupBy(analysis.inTopic, (r) => r.paper, ({ topic, score, primary }) => ({ topic, score, primary })).map((g) => [g.id, g.out]));
  await batched(
    driver,
    database,
    `UNWIND $rows AS row MATCH (p:Paper {id: row.id})
     SET p.primaryTopic = row.primaryTopic, p.tagIds = row.tagIds
     WITH p, row UNWIND row.out AS o MATCH (t:Topic {id: o.topic}) CREATE (p)-[:IN_TOPIC {score: o.score, primary: o.primary}]->(t)`,
    papers.map((p) => {
      const out = topicsOf.get(p.id) ?? [];
      return { id: p.id, primaryTopic: out.find((o) => o.primary)?.topic ?? null, tagIds: p.tags, out };
    }),
    3,
  );
  // Grouped by their first node (one lookup per paper or author, not per relationship), ~BATCH relationships a batch.
  await batched(
    driver,
    database,
    'UNWIND $rows AS row MATCH (a:Paper {id: row.id}) UNWIND row.out AS o MATCH (b:Paper {id: o.target}) CREATE (a)-[:SIMILAR_TO {score: o.score, terms: o.terms}]->(b)',
    groupBy(analysis.similar, (r) => r.source, ({ target, score, terms }) => ({ target, score, terms })),
    10,
  );
  await batched(
    driver,
    database,
    'UNWIND $rows AS row MATCH (a:Author {id: row.id}) UNWIND row.out AS o MATCH (b:Author {id: o.b}) CREATE (a)-[:COAUTHORED_WITH {weight: o.weight, papers: o.papers}]->(b)',
    groupBy(analysis.coauthors, (c) => c.a, (c) => withInts({ b: c.b, weight: c.weight, papers: c.papers }, ['weight'])),
    5,
  );
  await batched(
    driver,
    database,
    'UNWIND $rows AS row MATCH (a:Author {id: row.author}) SET a.community = row.community, a.communityName = row.communityName',
    analysis.communities.map((c) => withInts(c, ['community'])),
  );
  await awaitSearchIndexes(driver, database);
}
