// `npm start`: the process. Starts or connects to Neo4j, applies the schema, loads the sample corpus into an empty
// graph, builds the web app when needed, serves web + API on one port, and stops everything cleanly on Ctrl-C.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb, type Db } from '../neo4j/db.ts';
import { loadPaths } from '../loader/pipeline.ts';
import { warmUp } from './warmup.ts';
import { buildApp } from './app.ts';
import { readServerConfig } from './config.ts';
import { ensureWebBuilt } from './web-build.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES: Record<string, string[]> = {
  seeds: ['loader/samples/seeds'],
  all: ['loader/samples/seeds', 'loader/samples/daily-ai-papers-2024'],
};

async function ensureSample(db: Db, log: (l: string) => void): Promise<void> {
  const res = await db.driver.executeQuery('MATCH (p:Paper) RETURN count(p) AS n', {}, { database: db.database });
  const papers = Number(res.records[0]?.get('n') ?? 0);
  if (papers > 0) {
    log(`Graph holds ${papers} papers: not reloading the sample corpus.`);
    // A previous run may have stopped before analytics finished: finish them.
    await loadPaths(db.driver, db.database, [], { cwd: ROOT, log });
    return;
  }
  const sample = SAMPLES[process.env.SAMPLE ?? 'seeds'] ?? SAMPLES.seeds!;
  log(`Empty graph: loading the sample corpus (${sample.join(', ')})…`);
  const summary = await loadPaths(db.driver, db.database, sample.map((p) => path.join(ROOT, p)), { cwd: ROOT, log });
  log(`Loaded ${summary.papers.total} papers, ${summary.authors} authors, ${summary.tags} tags (${summary.errors} errors).`);
}

async function main(): Promise<void> {
  const log = (l: string) => console.log(l);
  const config = readServerConfig(process.env, ROOT);
  const db = await openDb({ log });
  let closing = false;
  const shutdown = async (code: number) => {
    if (closing) return;
    closing = true;
    log('Stopping…');
    await app?.close().catch(() => {});
    await db.close().catch(() => {});
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  if (process.env.SKIP_SAMPLE !== '1') await ensureSample(db, log);
  ensureWebBuilt(log);
  app = await buildApp({ driver: db.driver, database: db.database, config, dbUri: db.uri, logger: { level: process.env.LOG_LEVEL ?? 'warn' }, notify: (msg) => !closing && log(msg) });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    const code = (e as { code?: string }).code;
    console.error(code === 'EADDRINUSE' ? `Port ${config.port} on ${config.host} is already in use: stop what uses it or set PORT to a free port.` : String(e));
    await shutdown(1);
    return;
  }
  log(`\nPaper Graph Explorer is running at http://${config.host}:${config.port}/  (API docs: /api/docs) — Ctrl-C to stop.`);
  // Warm up in the background: the server answers at once, and soon every kind of request is fast.
  if (process.env.SKIP_WARMUP !== '1') {
    const started = app;
    void warmUp(started, db.driver, db.database).then((w) => !closing && log(`Warmed up: ${w.ok} of ${w.total} kinds of request answered in ${w.ms} ms.`));
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
