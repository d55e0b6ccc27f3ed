// Vitest global setup: one real embedded Neo4j per test run, on a free port, in a temporary folder.
// Its Bolt URI reaches tests through `inject('neo4jUri')`; the JVM is stopped (and the folder removed) at the end.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbedded } from '../../neo4j/launcher.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jDataDir: string;
  }
}

/** Asks the OS for a free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pge-test-neo4j-'));
  const port = await freePort();
  const handle = await startEmbedded(
    { mode: 'embedded', host: '127.0.0.1', port, dataDir, database: 'neo4j', heapMb: 1024, pageCacheMb: 256 },
    () => {},
  );
  project.provide('neo4jUri', handle.uri);
  project.provide('neo4jDataDir', dataDir);
  return async () => {
    await handle.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
