// A load killed with SIGKILL at several points of writing (and twice in a row), then run again, converges to the
// graph of a clean load (same node/relationship counts and content checksum).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphChecksum } from '../../neo4j/checksum.ts';
import { loadPaths } from '../../loader/pipeline.ts';
import { ARCHIVE, ROOT } from '../support/app.ts';
import { DATABASE, testDriver, testUri, wipe } from '../support/db.ts';

async function paperCount(): Promise<number> {
  const res = await testDriver().executeQuery('MATCH (p:Paper) RETURN count(p) AS n', {}, { database: DATABASE });
  return Number(res.records[0]!.get('n'));
}

/** Starts the loader CLI on the archive and kills it with SIGKILL once `papers` papers are in the graph. */
async function killAt(papers: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'loader/cli.ts'), ARCHIVE, '--batch-size', '20'], {
    cwd: ROOT,
    env: { ...process.env, NEO4J_URI: testUri() },
    stdio: 'ignore',
  });
  let running = true;
  const exited = new Promise<void>((r) => child.once('exit', () => ((running = false), r())));
  const deadline = Date.now() + 60_000;
  while (running && Date.now() < deadline && (await paperCount()) < papers) await new Promise((r) => setTimeout(r, 25));
  expect(running).toBe(true); // killed mid-load, not after it finished
  child.kill('SIGKILL');
  await exited;
  return paperCount();
}

describe('a load killed with kill -9', () => {
  let clean: Awaited<ReturnType<typeof graphChecksum>>;
  beforeAll(async () => {
    await wipe();
    await loadPaths(testDriver(), DATABASE, [ARCHIVE], { cwd: ROOT, batchSize: 20 });
    clean = await graphChecksum(testDriver(), DATABASE);
  });
  afterAll(async () => wipe());

  // Early (first batches), in the middle, and near the end of the paper writes.
  it.each([40, 260, 500])('at %i papers converges to the clean graph when run again', async (at) => {
    await wipe();
    const partial = await killAt(at);
    expect(partial).toBeGreaterThanOrEqual(at);
    expect(partial).toBeLessThanOrEqual(541);
    const summary = await loadPaths(testDriver(), DATABASE, [ARCHIVE], { cwd: ROOT, batchSize: 20 });
    expect(summary.errors).toBe(0);
    expect(await graphChecksum(testDriver(), DATABASE)).toEqual(clean);
  });

  it('twice in a row (at 100, then at 400 papers) converges to the clean graph when run again', async () => {
    await wipe();
    await killAt(100);
    await killAt(400);
    const summary = await loadPaths(testDriver(), DATABASE, [ARCHIVE], { cwd: ROOT, batchSize: 20 });
    expect(summary.errors).toBe(0);
    expect(await graphChecksum(testDriver(), DATABASE)).toEqual(clean);
  });
});
