// The load pipeline on a real Neo4j: the seed corpus gives the documented counts, overlapping papers merge,
// a re-run changes nothing (same checksum, files skipped), files loaded one at a time give the same papers as one
// load, and the 2024 archive loads every row with zero errors.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphChecksum } from '../../neo4j/checksum.ts';
import { applySchema } from '../../neo4j/schema.ts';
import { loadPaths } from '../../loader/pipeline.ts';
import { ARCHIVE, ROOT, SEEDS } from '../support/app.ts';
import { DATABASE, graphCounts, testDriver, wipe } from '../support/db.ts';
import { missingFromIndex, phraseQuery } from '../support/search.ts';

beforeAll(async () => wipe());

describe('loading the seed corpus', () => {
  it('gives 287 papers (25 with authors), 119 authors, 19 tags and 5 sources', async () => {
    const summary = await loadPaths(testDriver(), DATABASE, [SEEDS], { cwd: ROOT });
    expect(summary.errors).toBe(0);
    expect(summary.papers).toEqual({ total: 287, new: 287, updated: 0, unchanged: 0 });
    expect(summary.analysed).toBe(true);
    const counts = await graphCounts();
    expect(counts).toMatchObject({ Paper: 287, Author: 119, Tag: 19, Source: 5 });
    const res = await testDriver().executeQuery('MATCH (p:Paper) WHERE EXISTS { (p)<-[:AUTHORED]-() } RETURN count(p) AS n', {}, { database: DATABASE });
    expect(Number(res.records[0]!.get('n'))).toBe(25);
  });

  it('leaves every paper and author searchable the moment the load returns (eventually consistent indexes awaited)', async () => {
    // Run straight after the load: each paper is looked up by the words of its title, each author by name.
    const db = testDriver();
    const papers = await db.executeQuery('MATCH (p:Paper) RETURN p.id AS id, p.title AS title', {}, { database: DATABASE });
    const authors = await db.executeQuery('MATCH (a:Author) RETURN a.id AS id, a.name AS name', {}, { database: DATABASE });
    const paperRows = papers.records.map((r) => ({ id: r.get('id') as string, q: phraseQuery(r.get('title') as string) }));
    const authorRows = authors.records.map((r) => ({ id: r.get('id') as string, q: phraseQuery(r.get('name') as string) }));
    expect(paperRows).toHaveLength(287);
    expect(authorRows).toHaveLength(119);
    expect(await missingFromIndex(db, 'paper_search', paperRows)).toEqual([]);
    expect(await missingFromIndex(db, 'entity_search', authorRows)).toEqual([]);
  });

  it('keeps its full-text indexes eventually consistent and drops the ones they replaced', async () => {
    const db = testDriver();
    // A graph from before: the same fields under the old names, updated inside each commit.
    for (const statement of ['DROP INDEX paper_search', 'DROP INDEX entity_search', 'CREATE FULLTEXT INDEX paper_text FOR (n:Paper) ON EACH [n.title, n.abstract]', 'CREATE FULLTEXT INDEX entity_text FOR (n:Author|Topic|Repo|Tag) ON EACH [n.name, n.label, n.termText, n.owner]']) {
      await db.executeQuery(statement, {}, { database: DATABASE });
    }
    await applySchema(db, DATABASE);
    const res = await db.executeQuery('SHOW FULLTEXT INDEXES YIELD name, options RETURN name, options.indexConfig AS config ORDER BY name', {}, { database: DATABASE });
    const rows = res.records.map((r) => [r.get('name'), (r.get('config') as Record<string, unknown>)['fulltext.eventually_consistent']]);
    expect(rows).toEqual([['entity_search', true], ['paper_search', true]]);
  });

  it('merges one paper seen in five files into one node with every source', async () => {
    const res = await testDriver().executeQuery(
      `MATCH (p:Paper {id: 'arxiv:2505.16056'})-[r:FROM_SOURCE]->(s:Source)
       RETURN p.title AS title, p.sources AS sources, collect(s.id) AS files, count(r) AS n`,
      {},
      { database: DATABASE },
    );
    const row = res.records[0]!;
    expect(row.get('title')).toBe('Not All Models Suit Expert Offloading: On Local Routing Consistency of Mixture-of-Expert Models');
    expect((row.get('sources') as string[]).length).toBe(5);
    const dup = await testDriver().executeQuery("MATCH (p:Paper) WHERE p.title STARTS WITH 'Not All Models Suit Expert Offloading' RETURN count(p) AS n", {}, { database: DATABASE });
    expect(Number(dup.records[0]!.get('n'))).toBe(1);
  });

  it('keeps author order and handles', async () => {
    const res = await testDriver().executeQuery(
      `MATCH (a:Author)-[r:AUTHORED]->(:Paper {id: 'arxiv:2505.17225'}) RETURN a.name AS name, a.isHandle AS handle ORDER BY r.position`,
      {},
      { database: DATABASE },
    );
    expect(res.records.map((r) => [r.get('name'), r.get('handle')])).toEqual([
      ['Eunho Yang', false], ['Hyun Ryu', false], ['Chanjae Park', false], ['yjyjyj98', true], ['jadohu', true],
    ]);
  });

  it('gives every paper with text exactly one primary topic, in a two-level hierarchy', async () => {
    const res = await testDriver().executeQuery(
      `MATCH (p:Paper) RETURN count { (p)-[:IN_TOPIC {primary: true}]->() } AS primaries, count(*) AS n ORDER BY primaries`,
      {},
      { database: DATABASE },
    );
    expect(res.records.map((r) => [Number(r.get('primaries')), Number(r.get('n'))])).toEqual([[1, 287]]);
    const levels = await testDriver().executeQuery('MATCH (c:Topic)-[:SUBTOPIC_OF]->(p:Topic) RETURN DISTINCT c.level AS c, p.level AS p', {}, { database: DATABASE });
    expect(levels.records.map((r) => [Number(r.get('c')), Number(r.get('p'))])).toEqual([[1, 0]]);
  });

  it('changes nothing when run again on the same files', async () => {
    const before = await graphChecksum(testDriver(), DATABASE);
    const summary = await loadPaths(testDriver(), DATABASE, [SEEDS], { cwd: ROOT });
    expect(summary.filesSkipped).toBe(5);
    expect(summary.analysed).toBe(false);
    expect(await graphChecksum(testDriver(), DATABASE)).toEqual(before);
  });

  it('analyses again a graph whose topics were written without their mean date, and only then', async () => {
    const before = await graphChecksum(testDriver(), DATABASE);
    await testDriver().executeQuery('MATCH (t:Topic) REMOVE t.meanDate, t.dated', {}, { database: DATABASE });
    const summary = await loadPaths(testDriver(), DATABASE, [SEEDS], { cwd: ROOT });
    expect(summary.filesSkipped).toBe(5);
    expect(summary.analysed).toBe(true);
    expect(await graphChecksum(testDriver(), DATABASE)).toEqual(before);
    expect((await loadPaths(testDriver(), DATABASE, [SEEDS], { cwd: ROOT })).analysed).toBe(false);
  });

  it('converges to the same graph when forced to reload everything', async () => {
    const before = await graphChecksum(testDriver(), DATABASE);
    const summary = await loadPaths(testDriver(), DATABASE, [SEEDS], { cwd: ROOT, force: true });
    expect(summary.papers.new).toBe(0);
    expect(await graphChecksum(testDriver(), DATABASE)).toEqual(before);
  });
});

/** Every paper with its own fields and relationships, sorted: what the entity writer decides, without analytics. */
async function entityRows(): Promise<string[]> {
  const res = await testDriver().executeQuery(
    `MATCH (p:Paper)
     RETURN p.id AS id, [p.title, p.titleKey, p.abstract, p.summary, p.arxivId, p.url, p.date, p.month, p.monthDay] AS fields,
            p.sources AS sources,
            [(a:Author)-[r:AUTHORED]->(p) | a.id + '@' + toString(r.position)] AS authors,
            [(p)-[:HAS_CODE]->(t) | t.id] + [(p)-[:HAS_RESOURCE]->(t) | t.id] + [(p)-[:TAGGED]->(t) | t.id] AS links,
            [(p)-[r:FROM_SOURCE]->(s) | s.id + ':' + toString(r.line)] AS lines`,
    {},
    { database: DATABASE },
  );
  return res.records
    .map((r) => JSON.stringify([r.get('id'), r.get('fields'), [...r.get('sources')].sort(), [...r.get('authors')].sort(), [...r.get('links')].sort(), [...r.get('lines')].sort()]))
    .sort();
}

describe('loading files one at a time', () => {
  it('gives the same papers, fields and relationships as loading them together', async () => {
    await wipe();
    await loadPaths(testDriver(), DATABASE, [SEEDS], { cwd: ROOT });
    const together = await entityRows();
    await wipe();
    const files = fs.readdirSync(SEEDS).sort().map((f) => path.join(SEEDS, f));
    // Newest first, so papers first seen without an arXiv id meet a later file that has one, and vice versa.
    for (const file of files.reverse()) await loadPaths(testDriver(), DATABASE, [file], { cwd: ROOT });
    const oneByOne = await entityRows();
    expect(oneByOne.length).toBe(287);
    expect(oneByOne).toEqual(together);
    await wipe();
  });
});

describe('loading the 2024 digest archive', () => {
  it('loads every table row with zero errors', async () => {
    await wipe();
    const summary = await loadPaths(testDriver(), DATABASE, [ARCHIVE], { cwd: ROOT });
    expect(summary.errors).toBe(0);
    expect(summary.rows).toBe(557);
    expect(summary.records).toBe(557);
    expect(summary.papers.total).toBe(541);
    await wipe();
  });
});
