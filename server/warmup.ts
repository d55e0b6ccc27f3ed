// Start-up warm-up: right after the server starts listening it answers one request of each kind itself (through
// the whole stack, with `inject`, in the background), so people do not pay for cold query plans, a cold full-text
// index, an uncomputed topic map and an unoptimised JIT (on a 100k-paper graph the first search took
// ~1.3 s and the first topic map ~1.4 s; warm, both answer in tens of milliseconds). Failures are ignored: a
// warm-up never stops the server from starting.
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';

const enc = encodeURIComponent;

/** URLs to request once: the topic map, searches, and one paper and author with their related work and network. */
export async function warmUpUrls(driver: Driver, database: string): Promise<string[]> {
  const urls = ['/api/stats', '/api/topics', '/api/queries', '/api/search?q=model&limit=10', '/api/search?q=lang&limit=10'];
  const res = await driver.executeQuery(
    'MATCH (a:Author)-[:AUTHORED]->(p:Paper) WHERE EXISTS { (p)-[:SIMILAR_TO]-() } RETURN a.id AS author, p.id AS paper LIMIT 1',
    {},
    { database, routing: 'READ' },
  );
  const row = res.records[0];
  if (row) {
    const paper = `paper:${String(row.get('paper'))}`;
    const author = `author:${String(row.get('author'))}`;
    urls.push(
      `/api/nodes/${enc(paper)}`,
      `/api/nodes/${enc(paper)}/neighbors?limit=25`,
      `/api/papers/${enc(paper)}/related?limit=10`,
      `/api/authors/${enc(author)}/coauthors?depth=2`,
      `/api/paths?from=${enc(author)}&to=${enc(paper)}&maxHops=4&k=3`,
    );
  }
  return urls;
}

/** Requests every warm-up URL once, within `budgetMs` overall; returns how many answered 200 and how long it took. */
export async function warmUp(app: FastifyInstance, driver: Driver, database: string, budgetMs = 20_000): Promise<{ ok: number; total: number; ms: number }> {
  const t0 = performance.now();
  let ok = 0;
  let urls: string[] = [];
  try {
    urls = await warmUpUrls(driver, database);
    for (const url of urls) {
      if (performance.now() - t0 > budgetMs) break;
      const res = await app.inject({ method: 'GET', url });
      if (res.statusCode === 200) ok++;
    }
  } catch {
    // a cold server is still a working server
  }
  return { ok, total: urls.length, ms: Math.round(performance.now() - t0) };
}
