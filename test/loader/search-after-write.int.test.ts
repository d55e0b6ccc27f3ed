// The full-text indexes are eventually consistent (a commit queues its updates for a background thread): the write
// phase must not return before its last batch is searchable. Checked straight after writing the 2024 archive in
// one-thousand-paper batches, on the papers of the last batch (the ones the indexer would still be working on).
import { afterAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../loader/read.ts';
import { resolve } from '../../loader/resolve/index.ts';
import { writeEntities } from '../../loader/write/entities.ts';
import { titleKeyOf } from '../../loader/write/identity.ts';
import { ARCHIVE, ROOT } from '../support/app.ts';
import { DATABASE, testDriver, wipe } from '../support/db.ts';
import { missingFromIndex, phraseQuery } from '../support/search.ts';

afterAll(async () => wipe());

describe('search right after a write phase', () => {
  it('finds every paper of the last batch by its title and every author by name', async () => {
    const corpus = resolve((await readInputs([ARCHIVE], { cwd: ROOT })).files);
    await wipe();
    const batch = 1000;
    await writeEntities(testDriver(), DATABASE, corpus, titleKeyOf, { batchSize: batch });
    const last = corpus.papers.slice(Math.floor((corpus.papers.length - 1) / batch) * batch);
    const authors = new Set(corpus.authored.filter((r) => last.some((p) => p.id === r.paper)).map((r) => r.author));
    const names = corpus.authors.filter((a) => authors.has(a.id));
    const [papersMissing, authorsMissing] = await Promise.all([
      missingFromIndex(testDriver(), 'paper_search', last.map((p) => ({ id: p.id, q: phraseQuery(p.title) }))),
      missingFromIndex(testDriver(), 'entity_search', names.map((a) => ({ id: a.id, q: phraseQuery(a.name) }))),
    ]);
    expect(last.length).toBeGreaterThan(100);
    expect(papersMissing).toEqual([]);
    expect(authorsMissing).toEqual([]);
  }, 120_000);
});
