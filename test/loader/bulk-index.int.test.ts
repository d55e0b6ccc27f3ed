// A large first load drops the full-text indexes and builds them once after its last batch
// (loader/write/entities.ts, BULK_INDEX_PAPERS). Checked on the 2024 archive with the threshold lowered to one paper:
// the papers' index is gone while batches are written (the entities' too) (and search answers 503, not a stack trace), back afterwards with its
// own settings and every paper findable; a write that fails half-way still gets its index back, holding the batches
// that committed; a graph that already has papers, or a load under the threshold, keeps the index throughout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { readInputs } from '../../loader/read.ts';
import { resolve } from '../../loader/resolve/index.ts';
import { writeEntities } from '../../loader/write/entities.ts';
import { titleKeyOf } from '../../loader/write/identity.ts';
import type { ResolvedCorpus } from '../../loader/types.ts';
import { ARCHIVE, ROOT, testApp } from '../support/app.ts';
import { DATABASE, testDriver, wipe } from '../support/db.ts';
import { missingFromIndex, phraseQuery } from '../support/search.ts';

let corpus: ResolvedCorpus;
let app: FastifyInstance;

beforeAll(async () => {
  corpus = resolve((await readInputs([ARCHIVE], { cwd: ROOT })).files);
  app = await testApp();
});
afterAll(async () => {
  await app.close();
  await wipe();
});

/** A full-text index as SHOW INDEXES describes it, or null when there is none. */
async function searchIndex(name: string): Promise<{ state: string; options: string; properties: string } | null> {
  const res = await testDriver().executeQuery('SHOW INDEXES YIELD name, state, options, properties WHERE name = $name RETURN state, options, properties', { name }, { database: DATABASE });
  const r = res.records[0];
  return r ? { state: r.get('state') as string, options: JSON.stringify(r.get('options')), properties: JSON.stringify(r.get('properties')) } : null;
}
const paperIndex = () => searchIndex('paper_search');
const entityIndex = () => searchIndex('entity_search');

/** Papers of `ids` the index does not find by their own title. */
async function unsearchable(ids: Set<string>): Promise<string[]> {
  const rows = corpus.papers.filter((p) => ids.has(p.id)).map((p) => ({ id: p.id, q: phraseQuery(p.title) }));
  return (await missingFromIndex(testDriver(), 'paper_search', rows)).map((r) => r.id);
}

describe('a large first load builds the search indexes once, at its end', () => {
  it('drops it during the write (search answers 503 meanwhile) and rebuilds it, same settings, every paper found', async () => {
    await wipe();
    const before = await paperIndex();
    const entitiesBefore = await entityIndex();
    expect(before?.state).toBe('ONLINE');
    expect(entitiesBefore?.state).toBe('ONLINE');
    const during: (string | null)[] = [];
    const answers: { status: number; code: string; text: string }[] = [];
    const written = await writeEntities(testDriver(), DATABASE, corpus, titleKeyOf, {
      batchSize: 100,
      bulkIndexFrom: 1,
      onBatch: async (done) => {
        if (done !== 2) return;
        during.push((await paperIndex())?.state ?? null, (await entityIndex())?.state ?? null);
        const res = await app.inject(`/api/search?q=${encodeURIComponent('mixture of experts')}`);
        answers.push({ status: res.statusCode, code: res.json().code, text: res.body });
      },
    });
    expect(written.papersNew).toBe(corpus.papers.length);
    expect(during).toEqual([null, null]);
    expect(answers[0]!.status).toBe(503);
    expect(answers[0]!.code).toBe('DB_UNAVAILABLE');
    expect(answers[0]!.text).toMatch(/search index is being built/);
    expect(answers[0]!.text).not.toMatch(/\bat \S+ \(|Exception/);
    expect(await paperIndex()).toEqual(before);
    expect(await entityIndex()).toEqual(entitiesBefore);
    const names = corpus.authors.slice(0, 300).map((a) => ({ id: a.id, q: phraseQuery(a.name) }));
    expect(await missingFromIndex(testDriver(), 'entity_search', names)).toEqual([]);
    expect(await unsearchable(new Set(corpus.papers.map((p) => p.id)))).toEqual([]);
    const res = await app.inject(`/api/search?q=${encodeURIComponent(corpus.papers[0]!.title)}&types=paper`);
    expect(res.statusCode).toBe(200);
    expect(res.json().results[0].id).toBe(`paper:${corpus.papers[0]!.id}`);
  }, 120_000);

  it('rebuilds it when the write fails half-way, with the batches that committed, and reports the write\'s error', async () => {
    await wipe();
    const committed = new Set<string>();
    const batch = 100;
    const failing = writeEntities(testDriver(), DATABASE, corpus, titleKeyOf, {
      batchSize: batch,
      concurrency: 1,
      bulkIndexFrom: 1,
      onBatch: (done) => {
        for (const p of corpus.papers.slice((done - 1) * batch, done * batch)) committed.add(p.id);
        if (done === 3) throw new Error('stopped after three batches');
      },
    });
    await expect(failing).rejects.toThrow('stopped after three batches');
    expect((await paperIndex())?.state).toBe('ONLINE');
    expect((await entityIndex())?.state).toBe('ONLINE');
    const count = await testDriver().executeQuery('MATCH (p:Paper) RETURN count(p) AS n', {}, { database: DATABASE });
    expect(Number(count.records[0]!.get('n'))).toBe(committed.size);
    expect(committed.size).toBe(3 * batch);
    expect(await unsearchable(committed)).toEqual([]);
  }, 120_000);

  it('keeps it throughout on a graph that already has papers, and under the threshold', async () => {
    const states: (string | null)[] = [];
    const onBatch = async (done: number) => {
      if (done === 1) states.push((await paperIndex())?.state ?? null);
    };
    // the graph holds the three batches of the test above
    await writeEntities(testDriver(), DATABASE, corpus, titleKeyOf, { batchSize: 100, bulkIndexFrom: 1, onBatch });
    await wipe();
    await writeEntities(testDriver(), DATABASE, corpus, titleKeyOf, { batchSize: 100, bulkIndexFrom: corpus.papers.length + 1, onBatch });
    expect(states).toEqual(['ONLINE', 'ONLINE']);
    expect(await unsearchable(new Set(corpus.papers.map((p) => p.id)))).toEqual([]);
  }, 120_000);
});
