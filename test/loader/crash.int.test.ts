// A load killed with SIGKILL in the middle of writing, then run again, converges to the graph of a clean load
// (same node/relationship counts and content checksum).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphChecksum } from '../../neo4j/checksum.ts';
import { loadPaths } from '../../loader/pipeline.ts';
import { ARCHIVE, ROOT } from '../support/app.ts';
import { DATABASE, testDriver, testUri, wipe } from '../support/db.ts';

async function paperCount(): Promise<number> {
  const res = await testDriver().executeQuery('MATCH (p:Paper) RETURN count(p) AS n', {}, { database: DATABASE });
  return Number(res.records[0]!.get('n'));
}

describe('a load killed with kill -9', () => {
  it('converges to the clean graph when run again', async () => {
    await wipe();
    await loadPaths(testDriver(), DATABASE, [ARCHIVE], { cwd: ROOT, batchSize: 20 });
    const clean = await graphChecksum(testDriver(), DATABASE);

    await wipe();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'loader/cli.ts'), ARCHIVE, '--batch-size', '20'], {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: testUri() },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (await paperCount()) < 150) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await exited;
    const partial = await paperCount();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(541);

    const summary = await loadPaths(testDriver(), DATABASE, [ARCHIVE], { cwd: ROOT, batchSize: 20 });
    expect(summary.errors).toBe(0);
    expect(await graphChecksum(testDriver(), DATABASE)).toEqual(clean);
    await wipe();
  });
});
