// The embedded Neo4j launcher for real: reuse of a running instance, a busy port, a locked data folder,
// and no JVM left behind when the process that started it is killed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LauncherError, portOpen, speaksBolt, startEmbedded } from '../../neo4j/launcher.ts';
import { freePort } from '../support/neo4j-global.ts';
import { testUri } from '../support/db.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pge-launcher-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const cfg = (port: number, dataDir: string) => ({ mode: 'embedded' as const, host: '127.0.0.1', port, dataDir, database: 'neo4j', heapMb: 512, pageCacheMb: 64 });

describe('startEmbedded', () => {
  it('reuses the Neo4j already answering on the configured port', async () => {
    const port = Number(new URL(testUri().replace('bolt:', 'http:')).port);
    const lines: string[] = [];
    const handle = await startEmbedded(cfg(port, path.join(tmp, 'unused')), (l) => lines.push(l));
    expect(handle.owned).toBe(false);
    expect(lines.join('\n')).toContain('already running');
    expect(fs.existsSync(path.join(tmp, 'unused'))).toBe(false);
  });

  it('refuses a port held by something that is not Neo4j, in one sentence', async () => {
    const server = net.createServer((s) => s.end());
    const port = await freePort();
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
    try {
      expect(await speaksBolt('127.0.0.1', port)).toBe(false);
      const err = await startEmbedded(cfg(port, path.join(tmp, 'busy')), () => {}).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LauncherError);
      expect((err as LauncherError).code).toBe('port-busy');
      expect((err as LauncherError).message).toMatch(/NEO4J_BOLT_PORT/);
    } finally {
      server.close();
    }
  });

  it('never opens one data folder twice', async () => {
    const dir = path.join(tmp, 'shared-dir');
    const first = await startEmbedded(cfg(await freePort(), dir), () => {});
    try {
      const err = await startEmbedded(cfg(await freePort(), dir), () => {}).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LauncherError);
      expect((err as LauncherError).code).toBe('locked');
      expect((err as LauncherError).message).toContain(dir);
    } finally {
      await first.stop();
    }
  });

  it('stops the JVM when the process that started it is killed with SIGKILL', async () => {
    const port = await freePort();
    const script = `import { startEmbedded } from ${JSON.stringify(path.resolve('neo4j/launcher.ts'))};
      await startEmbedded({ mode: 'embedded', host: '127.0.0.1', port: ${port}, dataDir: ${JSON.stringify(path.join(tmp, 'orphan'))}, database: 'neo4j', heapMb: 512, pageCacheMb: 64 }, () => {});
      console.log('UP'); setInterval(() => {}, 1000);`;
    const file = path.join(tmp, 'owner.mts');
    fs.writeFileSync(file, script);
    const owner = spawn(process.execPath, ['--import', 'tsx', file], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      owner.stdout.on('data', (d: Buffer) => d.toString().includes('UP') && resolve());
      owner.once('exit', () => reject(new Error('owner exited early')));
    });
    expect(await portOpen('127.0.0.1', port)).toBe(true);
    owner.kill('SIGKILL');
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (await portOpen('127.0.0.1', port))) await new Promise((r) => setTimeout(r, 500));
    expect(await portOpen('127.0.0.1', port)).toBe(false);
  });
});
