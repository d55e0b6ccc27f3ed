// Boots the whole API against the run's real Neo4j (no listening socket): tests send requests with `inject`.
// `seeded()` makes sure the sample seeds are loaded once per run (shared across integration files).
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { readServerConfig } from '../../server/config.ts';
import { loadPaths } from '../../loader/pipeline.ts';
import { DATABASE, fixtureName, setFixtureName, testDriver, testUri, wipe } from './db.ts';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SEEDS = path.join(ROOT, 'loader', 'samples', 'seeds');
export const ARCHIVE = path.join(ROOT, 'loader', 'samples', 'daily-ai-papers-2024');

/** Builds the app on the test database; the caller closes it. */
export async function testApp(env: NodeJS.ProcessEnv = {}): Promise<FastifyInstance> {
  const config = readServerConfig({ RESPONSE_CHECKS: '1', ...env }, ROOT); // every answer checked against its schema
  return buildApp({ driver: testDriver(), database: DATABASE, config, dbUri: testUri(), logger: { level: 'error' } });
}

/** Ensures the database holds exactly the named fixture corpus, loading it if needed. */
export async function ensureCorpus(name: 'seeds' | 'seeds+archive'): Promise<void> {
  if ((await fixtureName()) === name) return;
  await wipe();
  const paths = name === 'seeds' ? [SEEDS] : [SEEDS, ARCHIVE];
  await loadPaths(testDriver(), DATABASE, paths, { cwd: ROOT });
  await setFixtureName(name);
}

/**
 * For a test file that reads the seed corpus through the API: loads it (once per run) and builds the app before the
 * file's tests, closes the app after them. `app()` is the app; `get(url)` its JSON answer to a GET.
 */
export function seedsApp() {
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    await ensureCorpus('seeds');
    app = await testApp();
  });
  afterAll(async () => app?.close());
  const current = (): FastifyInstance => {
    if (!app) throw new Error('seedsApp: the app is built in beforeAll');
    return app;
  };
  return { app: current, get: async (url: string) => (await current().inject(url)).json() };
}
