// `npm run bench:web`: the web app in headless Chromium against a real server and embedded Neo4j —
// initial JS gzip size, time to first graph on the seed corpus, layout time per layout for 100/300/1k/2k-node
// graphs, and the longest main-thread block while a node's 1 000 neighbours join the canvas.
// `npm run bench:web -- --data DIR` measures an already loaded graph instead (e.g. the 100k-paper graph kept by
// `bench:scale --keep DIR`): the topic map, a search, and opening the densest author and the largest topic.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { loadPaths } from '../loader/pipeline.ts';
import { memorySizing } from '../neo4j/config.ts';
import { createDriver } from '../neo4j/db.ts';
import { startEmbedded } from '../neo4j/launcher.ts';
import { ensureHubs } from '../neo4j/hubs.ts';
import { applySchema } from '../neo4j/schema.ts';
import { buildApp } from '../server/app.ts';
import { warmUp } from '../server/warmup.ts';
import { readServerConfig } from '../server/config.ts';
import { ensureWebBuilt } from '../server/web-build.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { freePort } from '../test/support/neo4j-global.ts';
import { appendResults, loadedGraphOption, machineFacts } from './results.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DB = 'neo4j';
const DIST = path.join(ROOT, 'web', 'dist');
/** An already loaded Neo4j data folder to measure instead of the seed corpus (left as it was found). */
const DATA = loadedGraphOption();

type PgeWindow = Window & { __pge?: { cy: import('cytoscape').Core }; __tasks?: number[] };

/** Records every long main-thread task of a page from its first script on (window.__tasks). */
const LONG_TASKS = `window.__name = (f) => f; window.__tasks = [];
new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__tasks.push(e.duration))).observe({ type: 'longtask', buffered: true });`;

/**
 * Responsiveness on a large graph, each step in a fresh page: time from navigation to the first drawn graph (the
 * topic map; a node opened from the address bar with its neighbours), time from typing to search results, and the
 * longest main-thread block of each.
 */
async function largeGraph(browser: import('playwright-core').Browser, base: string, driver: ReturnType<typeof createDriver>): Promise<string[]> {
  const one = async (cypher: string) => (await driver.executeQuery(cypher, {}, { database: DB })).records[0]!;
  const counts = await one('CALL () { MATCH (p:Paper) RETURN count(p) AS papers } CALL () { MATCH (a:Author) RETURN count(a) AS authors } RETURN papers, authors');
  const author = await one('MATCH (a:Author) RETURN a.id AS id, a.name AS name, COUNT { (a)--() } AS degree ORDER BY degree DESC, id LIMIT 1');
  const topic = await one('MATCH (t:Topic) RETURN t.id AS id, t.label AS label, COUNT { (t)--() } AS degree ORDER BY degree DESC, id LIMIT 1');
  const word = String(topic.get('label')).split(/\s+/)[0]!.toLowerCase();
  const rows = [
    `Graph: ${Number(counts.get('papers'))} papers, ${Number(counts.get('authors'))} authors.`,
    '',
    '| step | time | longest main-thread block | on the canvas |',
    '|---|---|---|---|',
  ];
  // Drawn: the canvas has nodes — with `focus`, that node and at least one neighbour.
  const open = async (name: string, query: string, focus: string | null) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(LONG_TASKS);
    await page.goto(`${base}/${query}`, { waitUntil: 'commit' });
    await page.waitForFunction(
      (id) => {
        const cy = (window as PgeWindow).__pge?.cy;
        return !!cy && (id ? cy.nodes().length > 1 && cy.getElementById(id).nonempty() : cy.nodes().length > 0);
      },
      focus,
      { timeout: 60_000, polling: 10 },
    );
    const ms = await page.evaluate(() => performance.now());
    await page.waitForTimeout(2500); // layout and rendering settle; their long tasks count too
    // what the step looks like, for a person to check (test-results/ is not committed)
    const shots = path.join(ROOT, 'test-results', 'screenshots');
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, `large-graph-${name.split(/[^a-z]+/i)[0]!.toLowerCase() || 'step'}-${name.split(/[^a-z]+/i)[1]?.toLowerCase() ?? ''}.png`) });
    const r = await page.evaluate(() => ({ longest: Math.max(0, ...((window as PgeWindow).__tasks ?? [])), nodes: (window as PgeWindow).__pge!.cy.nodes().length }));
    rows.push(`| ${name} | ${Math.round(ms)} ms from navigation | ${Math.round(r.longest)} ms | ${r.nodes} nodes |`);
    console.error(`  ${name}: ${Math.round(ms)} ms, longest block ${Math.round(r.longest)} ms, ${r.nodes} nodes${focus ? ` (${focus})` : ''}`);
    return page;
  };
  const map = await open('topic map', '', null);
  // Search: from the last keystroke to the first result on screen.
  await map.evaluate(() => ((window as PgeWindow).__tasks = []));
  const t0 = Date.now();
  await map.fill('[data-testid=search-input]', word);
  await map.locator('[data-testid=search-results] li').first().waitFor({ timeout: 30_000 });
  const searchMs = Date.now() - t0;
  const results = await map.locator('[data-testid=search-results] li').count();
  const searchBlock = await map.evaluate(() => Math.max(0, ...((window as PgeWindow).__tasks ?? [])));
  rows.push(`| search "${word}" | ${searchMs} ms from typing to ${results} results | ${Math.round(searchBlock)} ms | |`);
  await map.close();
  const a = `author:${String(author.get('id'))}`;
  const t = `topic:${String(topic.get('id'))}`;
  await (await open(`densest author (${String(author.get('name'))}, ${Number(author.get('degree'))} relationships)`, `?view=explore&focus=${encodeURIComponent(a)}`, a)).close();
  await (await open(`largest topic (${String(topic.get('label'))}, ${Number(topic.get('degree'))} relationships)`, `?view=explore&focus=${encodeURIComponent(t)}`, t)).close();
  return rows;
}

/** Gzip size of the JS the first page load fetches: the entry script and its modulepreload imports. */
function initialJs(): { files: string[]; gzip: number; lazy: number } {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const gz = (f: string) => zlib.gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length;
  const all = fs.readdirSync(path.join(DIST, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  return { files, gzip: files.reduce((s, f) => s + gz(f), 0), lazy: all.filter((f) => !files.includes(f)).reduce((s, f) => s + gz(f), 0) };
}

/** Builds an n-node graph in the page (a few hubs, preferential attachment) and times one layout of it. */
async function layoutTime(page: Page, n: number, layout: string): Promise<number> {
  return page.evaluate(
    async ({ n, layout }) => {
      const w = window as unknown as { __pge: { cy: import('cytoscape').Core; layoutOptions: (name: string, count: number, compound: boolean) => import('cytoscape').LayoutOptions } };
      const cy = w.__pge.cy;
      cy.elements().remove();
      let seed = 7;
      const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
      const els: import('cytoscape').ElementDefinition[] = [];
      for (let i = 0; i < n; i++) els.push({ group: 'nodes', data: { id: `n${i}`, label: `node ${i}`, short: `node ${i}`, type: i % 3 === 0 ? 'author' : 'paper', color: '#4a7', shape: 'ellipse', size: 20 }, position: { x: rand() * 800, y: rand() * 600 } });
      for (let i = 1; i < n; i++) {
        const t = Math.floor(Math.pow(rand(), 2) * i);
        els.push({ group: 'edges', data: { id: `e${i}`, source: `n${i}`, target: `n${t}`, width: 1, reason: '' } });
        if (rand() < 0.3) els.push({ group: 'edges', data: { id: `x${i}`, source: `n${i}`, target: `n${Math.floor(rand() * i)}`, width: 1, reason: '' } });
      }
      cy.add(els);
      const t0 = performance.now();
      const finished = await new Promise<boolean>((done) => {
        const l = cy.layout(w.__pge.layoutOptions(layout, n, false));
        const timer = setTimeout(() => done(false), 60_000);
        l.one('layoutstop', () => {
          clearTimeout(timer);
          done(true);
        });
        l.run();
      });
      const ms = finished ? performance.now() - t0 : -1;
      cy.elements().remove();
      return ms;
    },
    { n, layout },
  );
}

/** Adds 1 000 neighbours of one node on screen through the app's store; returns the longest main-thread task. */
async function expansionBlock(page: Page): Promise<{ longest: number; total: number; nodes: number }> {
  return page.evaluate(async () => {
    const w = window as unknown as { __pge: { cy: import('cytoscape').Core; store: { getState: () => { setGraph: (g: unknown) => void; addGraph: (g: unknown, origin: string, more?: unknown) => void } } } };
    const tasks: number[] = [];
    const obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
    obs.observe({ type: 'longtask', buffered: false });
    const hub = { id: 'tag:hub', type: 'tag', label: 'hub', props: {}, degree: 1000 };
    w.__pge.store.getState().setGraph({ nodes: [hub], edges: [], truncated: false });
    await new Promise((r) => setTimeout(r, 1500));
    const nodes = Array.from({ length: 1000 }, (_, i) => ({ id: `paper:gen-${i}`, type: 'paper', label: `Generated paper number ${i} about routing`, props: { year: 2024 }, degree: 3 }));
    const edges = nodes.map((n, i) => ({ id: `e-${i}`, type: 'TAGGED', source: n.id, target: hub.id, props: {} }));
    const t0 = performance.now();
    w.__pge.store.getState().addGraph({ nodes, edges, truncated: false }, hub.id);
    // Let rendering and any follow-up work run, then read the long tasks seen.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 1500)));
    const total = performance.now() - t0 - 1500;
    obs.disconnect();
    return { longest: Math.round(Math.max(0, ...tasks)), total: Math.round(total), nodes: w.__pge.cy.nodes().length };
  });
}

async function main(): Promise<void> {
  ensureWebBuilt(() => {});
  const js = initialJs();
  if (DATA && !fs.existsSync(DATA)) throw new Error(`--data ${DATA}: no such folder`);
  const dataDir = DATA ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pge-bench-web-'));
  const port = await freePort();
  const dbConfig = { mode: 'embedded' as const, host: '127.0.0.1', port, dataDir, database: DB, ...memorySizing() };
  const handle = await startEmbedded(dbConfig, () => {});
  const driver = createDriver(dbConfig, handle.uri);
  const lines: string[] = [];
  const out = (l: string) => {
    console.log(l);
    lines.push(l);
  };
  const { browser, close } = await launchBrowser();
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  try {
    // The schema as the server applies it at start-up (a kept graph from an older version is migrated the same way).
    await applySchema(driver, DB);
    if (!DATA) await loadPaths(driver, DB, [path.join(ROOT, 'loader/samples/seeds')], { cwd: ROOT });
    // A kept graph gets its hub labels as `npm start` gives them to a graph written by an older version.
    else await ensureHubs(driver, DB);
    app = await buildApp({ driver, database: DB, config: readServerConfig({}, ROOT), dbUri: handle.uri, logger: { level: 'error' } });
    const webPort = await freePort();
    await app.listen({ port: webPort, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${webPort}`;
    if (DATA) {
      // The product's start-up warm-up (server/warmup.ts: first queries compile, full-text index and topic map
      // cached), so the browser numbers are the app's as a user meets it, not a cold start.
      const w = await warmUp(app, driver, DB);
      console.error(`  warm-up: ${w.ok} of ${w.total} requests in ${w.ms} ms`);
      for (const l of await largeGraph(browser, base, driver)) out(l);
      appendResults('Web on a large graph (`npm run bench:web -- --data DIR`)', `${machineFacts()} Headless Chromium (Debian).\n\n${lines.join('\n')}\n`);
      return;
    }

    out(`Initial JS (gzip): ${(js.gzip / 1024).toFixed(0)} KB in ${js.files.length} file(s) — target ≤ 350 KB; loaded later on demand: ${(js.lazy / 1024).toFixed(0)} KB.`);

    // Time to first graph: navigation start → the topic map on the canvas with its layout finished, median of 5.
    const firsts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(base, { waitUntil: 'commit' });
      await page.waitForFunction(() => {
        const w = window as unknown as { __pge?: { cy: import('cytoscape').Core } };
        return !!w.__pge && w.__pge.cy.nodes().length > 0;
      }, undefined, { timeout: 30_000, polling: 10 });
      firsts.push(await page.evaluate(() => performance.now()));
      await page.close();
    }
    const sorted = [...firsts].sort((a, b) => a - b);
    out(`Time to first graph (seed corpus, topic map drawn): median ${Math.round(sorted[2]!)} ms (runs: ${firsts.map((x) => Math.round(x)).join(', ')}) — target ≤ 1500 ms.`);

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // Functions sent to the page are compiled with esbuild's keepNames, which calls a `__name` helper.
    await page.addInitScript('window.__name = (f) => f;');
    await page.goto(base);
    await page.waitForFunction(() => {
      const w = window as unknown as { __pge?: { cy: import('cytoscape').Core } };
      return !!w.__pge && w.__pge.cy.nodes().length > 0;
    });
    await page.waitForTimeout(4000); // the app's own first layout finishes before the canvas is reused
    out('');
    out('| nodes | auto | cola | fcose | concentric | grid |');
    out('|---|---|---|---|---|---|');
    for (const n of [100, 300, 1000, 2000]) {
      const cells: string[] = [];
      for (const layout of ['auto', 'cola', 'fcose', 'concentric', 'grid']) {
        if (layout === 'cola' && n > 300) {
          cells.push('— (not run above 300)');
          continue;
        }
        const ms = await layoutTime(page, n, layout);
        console.error(`  layout ${layout} at ${n} nodes: ${Math.round(ms)} ms`);
        cells.push(ms < 0 ? 'did not finish in 60 s' : `${Math.round(ms)} ms`);
      }
      out(`| ${n} | ${cells.join(' | ')} |`);
    }
    out('');
    const block = await expansionBlock(page);
    out(`Expanding a node whose 1 000 neighbours join the canvas: longest main-thread block ${block.longest} ms (target ≤ 200 ms), ${block.nodes} nodes on the canvas.`);
    await page.close();
  } finally {
    await app?.close();
    await close();
    await driver.close();
    await handle.stop();
    if (!DATA) fs.rmSync(dataDir, { recursive: true, force: true });
  }
  appendResults('Web (`npm run bench:web`)', `${machineFacts()} Headless Chromium (Debian).\n\n${lines.join('\n')}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
