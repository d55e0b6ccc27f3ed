// `npm run bench:load`: loader throughput on the seeds, the 2024 archive and a generated 20k-paper corpus, and
// the write phase next to a raw `UNWIND … CREATE` of the same rows into an empty database, measured in one run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { memorySizing } from '../neo4j/config.ts';
import { createDriver } from '../neo4j/db.ts';
import { startEmbedded } from '../neo4j/launcher.ts';
import { applySchema } from '../neo4j/schema.ts';
import { readInputs } from '../loader/read.ts';
import { resolve } from '../loader/resolve/index.ts';
import { chunk } from '../loader/write/util.ts';
import { writeEntities } from '../loader/write/entities.ts';
import { titleKeyOf } from '../loader/write/identity.ts';
import { freePort } from '../test/support/neo4j-global.ts';
import { generate } from './gen.ts';
import { appendResults, machineFacts } from './results.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DB = 'neo4j';
/** The loader's default batch (papers per transaction); the raw baseline uses 1000-row transactions. */
const BATCH = 1000;

async function wipe(driver: Driver): Promise<void> {
  const s = driver.session({ database: DB });
  await s.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  await s.close();
}

/**
 * The baseline: the same rows (papers with their author, repo, resource, tag and source rows) written with plain
 * `UNWIND … CREATE` — no MERGE, no lookups, no constraints on its labels — in 1000-paper transactions.
 */
export async function rawCreate(driver: Driver, corpus: ReturnType<typeof resolve>): Promise<number> {
  const t0 = performance.now();
  const group = <T extends { paper: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) (m.get(r.paper) ?? m.set(r.paper, []).get(r.paper)!).push(r);
    return m;
  };
  const authored = group(corpus.authored);
  const code = group(corpus.hasCode);
  const resources = group(corpus.hasResource);
  const tags = group(corpus.tagged);
  const from = group(corpus.fromSource);
  const s = driver.session({ database: DB });
  try {
    for (const papers of chunk(corpus.papers, 1000)) {
      const rows = papers.map((p) => ({
        props: { ...p },
        authored: (authored.get(p.id) ?? []).map((a) => ({ author: a.author, position: a.position })),
        code: (code.get(p.id) ?? []).map((r) => r.target),
        resources: (resources.get(p.id) ?? []).map((r) => r.target),
        tags: (tags.get(p.id) ?? []).map((r) => r.target),
        from: (from.get(p.id) ?? []).map((r) => ({ source: r.source, line: r.line })),
      }));
      await s.executeWrite((tx) =>
        tx.run(
          `UNWIND $rows AS r
           CREATE (p:RawPaper) SET p = r.props
           FOREACH (a IN r.authored | CREATE (:RawAuthor {id: a.author})-[:RAW_AUTHORED {position: a.position}]->(p))
           FOREACH (c IN r.code | CREATE (p)-[:RAW_HAS_CODE]->(:RawRepo {id: c}))
           FOREACH (c IN r.resources | CREATE (p)-[:RAW_HAS_RESOURCE]->(:RawResource {id: c}))
           FOREACH (c IN r.tags | CREATE (p)-[:RAW_TAGGED]->(:RawTag {id: c}))
           FOREACH (f IN r.from | CREATE (p)-[:RAW_FROM_SOURCE {line: f.line}]->(:RawSource {id: f.source}))`,
          { rows },
        ),
      );
    }
  } finally {
    await s.close();
  }
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pge-bench-'));
  const port = await freePort();
  const config = { mode: 'embedded' as const, host: '127.0.0.1', port, dataDir, database: DB, ...memorySizing() };
  const handle = await startEmbedded(config, () => {});
  const driver = createDriver(config, handle.uri);
  const genDir = path.join(dataDir, 'generated-20k');
  generate({ papers: 20_000, seed: 7, out: genDir });
  const sets: [string, string[]][] = [
    ['seeds', [path.join(ROOT, 'loader/samples/seeds')]],
    ['2024 archive', [path.join(ROOT, 'loader/samples/daily-ai-papers-2024')]],
    ['generated 20k', [genDir]],
  ];
  const lines = ['| corpus | papers | parse+resolve s | write s | papers/s (write) | raw UNWIND CREATE s | ours ÷ raw throughput |', '|---|---|---|---|---|---|---|'];
  try {
    for (const [name, paths] of sets) {
      const t0 = performance.now();
      const read = await readInputs(paths, { cwd: ROOT });
      const corpus = resolve(read.files);
      const parse = performance.now() - t0;
      // Each side is timed three times, alternating (ours, raw, ours, raw, …), and the fastest run of each is kept:
      // the first large writes of a fresh JVM pay for JIT compilation (a cold 20k write takes ~30 s, a warm one ~12 s,
      // and the second run is still warming), which would otherwise count against whichever goes first.
      let write = Infinity;
      let raw = Infinity;
      for (let round = 0; round < 3; round++) {
        await wipe(driver);
        await applySchema(driver, DB);
        const t1 = performance.now();
        await writeEntities(driver, DB, corpus, titleKeyOf, { batchSize: BATCH });
        write = Math.min(write, performance.now() - t1);
        await wipe(driver);
        raw = Math.min(raw, await rawCreate(driver, corpus));
      }
      const n = corpus.papers.length;
      const row = `| ${name} | ${n} | ${(parse / 1000).toFixed(2)} | ${(write / 1000).toFixed(2)} | ${Math.round(n / (write / 1000))} | ${(raw / 1000).toFixed(2)} | ${(raw / write).toFixed(2)}× |`;
      lines.push(row);
      console.log(row);
    }
  } finally {
    await driver.close();
    await handle.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const table = lines.join('\n');
  console.log(`\n${table}`);
  appendResults('Load (`npm run bench:load`)', `${machineFacts()}\n\n${table}\n\nThe raw baseline writes the same rows (papers and their author, repo, resource, tag and source rows) with plain \`UNWIND … CREATE\` (no MERGE, no lookups, no constraints on its labels) in 1000-paper transactions, on the same database in the same run. Each side is timed three times, alternating, and its fastest run is shown (Neo4j heap and page cache sized by the product from the machine's memory).`);
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
