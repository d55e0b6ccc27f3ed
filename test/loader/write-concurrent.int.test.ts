// The write phase's two shortcuts under a concurrent writer: batches of a run that started on a graph without
// papers skip the existence check, and new papers point at shared nodes by the element ids an earlier batch got.
// Another process creating one of the papers, or deleting an author, between two batches must still give the graph
// of a clean load: the batch is rolled back and redone the careful way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphChecksum } from '../../neo4j/checksum.ts';
import { readInputs } from '../../loader/read.ts';
import { resolve } from '../../loader/resolve/index.ts';
import { writeEntities } from '../../loader/write/entities.ts';
import { titleKeyOf } from '../../loader/write/identity.ts';
import type { ResolvedCorpus } from '../../loader/types.ts';
import { ARCHIVE, ROOT } from '../support/app.ts';
import { DATABASE, testDriver, wipe } from '../support/db.ts';

const BATCH = 50;
let corpus: ResolvedCorpus;
let clean: Awaited<ReturnType<typeof graphChecksum>>;

beforeAll(async () => {
  corpus = resolve((await readInputs([ARCHIVE], { cwd: ROOT })).files);
  await wipe();
  await writeEntities(testDriver(), DATABASE, corpus, titleKeyOf, { batchSize: BATCH, concurrency: 1 });
  clean = await graphChecksum(testDriver(), DATABASE);
}, 120_000);
afterAll(async () => wipe());

const run = (cypher: string, params: Record<string, unknown>) => testDriver().executeQuery(cypher, params, { database: DATABASE });

describe('writing entities while another writer changes the graph', () => {
  it('a paper of a later batch created by someone else: that batch is merged, the graph equals a clean load', async () => {
    await wipe();
    const victim = corpus.papers[BATCH + 3]!; // in the second batch
    const result = await writeEntities(testDriver(), DATABASE, corpus, titleKeyOf, {
      batchSize: BATCH,
      concurrency: 1, // "between the first and second batch" needs them one after the other
      onBatch: async (done) => {
        if (done === 1) await run('CREATE (:Paper {id: $id})', { id: victim.id });
      },
    });
    expect(result.papersNew + result.papersUpdated).toBe(corpus.papers.length);
    expect(result.papersUpdated).toBe(1);
    expect(await graphChecksum(testDriver(), DATABASE)).toEqual(clean);
  }, 120_000);

  it('an author merged by an earlier batch deleted before a later batch uses it: the author comes back, every edge is there', async () => {
    await wipe();
    const firstIds = new Set(corpus.papers.slice(0, BATCH).map((p) => p.id));
    const laterIds = new Set(corpus.papers.slice(BATCH, 2 * BATCH).map((p) => p.id));
    const shared = corpus.authored.find((a) => laterIds.has(a.paper) && corpus.authored.some((b) => b.author === a.author && firstIds.has(b.paper)))!;
    expect(shared).toBeDefined();
    await writeEntities(testDriver(), DATABASE, corpus, titleKeyOf, {
      batchSize: BATCH,
      concurrency: 1,
      onBatch: async (done) => {
        if (done === 1) await run('MATCH (a:Author {id: $id}) DETACH DELETE a', { id: shared.author });
      },
    });
    const edges = await run('MATCH (a:Author {id: $id})-[:AUTHORED]->(p:Paper) RETURN collect(p.id) AS ids', { id: shared.author });
    const ids = edges.records[0]!.get('ids') as string[];
    // The first batch's edges went with the deleted node; every later paper of that author is linked again.
    const expected = corpus.authored.filter((a) => a.author === shared.author && !firstIds.has(a.paper)).map((a) => a.paper);
    expect(ids.sort()).toEqual([...new Set(expected)].sort());
    // Reloading restores the first batch's edges too: the same graph as a clean load.
    await writeEntities(testDriver(), DATABASE, corpus, titleKeyOf, { batchSize: BATCH });
    expect(await graphChecksum(testDriver(), DATABASE)).toEqual(clean);
  }, 120_000);

  it('two or three batches in flight (each merging shared nodes new to both) give the graph of a one-at-a-time load', async () => {
    for (const concurrency of [2, 3]) {
      await wipe();
      const result = await writeEntities(testDriver(), DATABASE, corpus, titleKeyOf, { batchSize: BATCH, concurrency });
      expect(result).toMatchObject({ papersNew: corpus.papers.length, papersUpdated: 0, batches: Math.ceil(corpus.papers.length / BATCH) });
      expect(await graphChecksum(testDriver(), DATABASE), `concurrency ${concurrency}`).toEqual(clean);
    }
  }, 120_000);
});
