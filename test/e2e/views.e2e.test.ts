// The explorer in a real Chromium on the seed corpus, second part: the co-author and related-work views, a deep
// link, the production build the server sends, an API error in words, a saved query and its link, a result table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasState, e2eEnabled, overlappingPairs, startE2E, type E2E } from './harness.ts';

const enabled = e2eEnabled();
let e: E2E;
beforeAll(async () => {
  if (enabled) e = await startE2E();
});
afterAll(async () => e?.close());

describe.skipIf(!enabled)('views in Chromium', () => {
  it('renders a co-author ego network coloured by community', async () => {
    const page = await e.page();
    await page.goto(e.base + '/');
    await page.click('[data-testid=tab-coauthors]');
    await page.fill('[data-testid=author-picker]', 'Eunho');
    await page.locator('[data-testid=search-results] li', { hasText: 'Eunho Yang' }).click();
    await page.waitForFunction(() => (window as unknown as { __pge: { store: { getState: () => { graph: { nodes: unknown[] } } } } }).__pge.store.getState().graph.nodes.length === 5);
    const state = await canvasState(page);
    expect(state.nodes.sort()).toEqual(['author:chanjae park', 'author:eunho yang', 'author:hyun ryu', 'author:jadohu', 'author:yjyjyj98']);
    expect(state.edges).toBe(10);
    await page.waitForTimeout(1500);
    // The colour key: every community on the canvas, named, with its author count, in the colour its authors have.
    const key = await page.evaluate(() => {
      const cy = (window as unknown as { __pge: { cy: import('cytoscape').Core } }).__pge.cy;
      const items = [...document.querySelectorAll('[data-testid=community-legend] li')].map((li) => ({
        name: li.querySelector('.legend-name')!.textContent!,
        count: Number(li.querySelector('.count')!.textContent),
        swatch: getComputedStyle(li.querySelector('.swatch')!).backgroundColor,
      }));
      const rgb = (c: string) => { const d = document.createElement('div'); d.style.color = c; document.body.append(d); const v = getComputedStyle(d).color; d.remove(); return v; };
      const colours: Record<string, string[]> = {};
      cy.nodes().forEach((n) => void (colours[String(n.data('color'))] ??= []).push(n.id()));
      return { items, byColour: Object.entries(colours).map(([c, ids]) => ({ rgb: rgb(c), n: ids.length })) };
    });
    expect(key.items.length).toBeGreaterThanOrEqual(1);
    expect(key.items.reduce((s, i) => s + i.count, 0)).toBe(5);
    for (const item of key.items) {
      expect(item.name).not.toBe('');
      expect(key.byColour.find((c) => c.rgb === item.swatch)?.n, item.name).toBe(item.count);
    }
    await e.shot(page, '03-coauthors');
    // an edge's papers are fetched when it is looked at
    await page.evaluate(() => (window as unknown as { __pge: { store: { getState: () => { select: (s: unknown) => void } } } }).__pge.store.getState().select({ kind: 'edge', id: 'COAUTHORED_WITH:author:chanjae park->author:eunho yang' }));
    await page.locator('[data-testid=edge-papers] li').first().waitFor();
    expect(await page.locator('[data-testid=edge-papers]').innerText()).toContain('Reasoning Model is Stubborn');
    // Pointing at a community fades every author outside it; clicking keeps it so until clicked again. (The seed
    // corpus's networks are each one community, so this part shows a network of two.)
    await page.evaluate(() => {
      const a = (id: string, community: number, communityName: string) => ({ id: `author:${id}`, type: 'author', label: id, props: { community, communityName }, degree: 2 });
      const nodes = [a('a1', 1, 'A One · Routing'), a('a2', 1, 'A One · Routing'), a('a3', 1, 'A One · Routing'), a('b1', 2, 'B One · Medical'), a('b2', 2, 'B One · Medical')];
      const edge = (s: string, t: string) => ({ id: `COAUTHORED_WITH:author:${s}->author:${t}`, type: 'COAUTHORED_WITH', source: `author:${s}`, target: `author:${t}`, props: { weight: 1 } });
      const store = (window as unknown as { __pge: { store: { getState: () => { setGraph: (g: unknown) => void } } } }).__pge.store;
      store.getState().setGraph({ nodes, edges: [edge('a1', 'a2'), edge('a2', 'a3'), edge('a3', 'b1'), edge('b1', 'b2')], truncated: false });
    });
    const entries = page.locator('[data-testid=community-legend] li button');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=community-legend] li').length === 2);
    expect(await entries.allInnerTexts()).toEqual(['A One · Routing\n3', 'B One · Medical\n2']);
    const dimmed = () =>
      page.evaluate(() => {
        const cy = (window as unknown as { __pge: { cy: import('cytoscape').Core } }).__pge.cy;
        return { nodes: cy.nodes('.dim').map((n) => n.id()).sort(), edges: cy.edges('.dim').length };
      });
    await entries.nth(1).hover();
    expect(await dimmed()).toEqual({ nodes: ['author:a1', 'author:a2', 'author:a3'], edges: 3 });
    await entries.nth(0).click();
    await page.mouse.move(5, 5);
    expect(await entries.nth(0).getAttribute('aria-pressed')).toBe('true');
    expect(await dimmed()).toEqual({ nodes: ['author:b1', 'author:b2'], edges: 2 });
    await entries.nth(0).click();
    await page.mouse.move(5, 5);
    expect(await dimmed()).toEqual({ nodes: [], edges: 0 });
    await page.close();
  });

  it('shows related work with reasons', async () => {
    const page = await e.page();
    await page.goto(e.base + '/');
    await page.click('[data-testid=tab-related]');
    await page.fill('[data-testid=paper-picker]', 'Not All Models Suit');
    await page.locator('[data-testid=search-results] li', { hasText: 'Not All Models Suit Expert Offloading' }).click();
    const reasons = page.locator('[data-testid=related-list] [data-testid=reasons]');
    await reasons.first().waitFor();
    expect(await reasons.count()).toBeGreaterThanOrEqual(5);
    expect(await reasons.first().innerText()).toMatch(/shares/);
    expect(await page.locator('[data-testid=related-list] [data-testid=related-meta]').first().innerText()).toMatch(/^(\d{4}-\d{2} · )?score \d\.\d\d$/);
    await page.waitForTimeout(1500);
    // Placed by relatedness: the paper in the middle, the best-ranked related paper closest, the last one farthest.
    const placed = await page.evaluate(() => {
      const w = window as unknown as { __pge: { cy: { nodes: () => { id: () => string; position: () => { x: number; y: number } }[]; getElementById: (id: string) => { position: () => { x: number; y: number } } }; store: { getState: () => { focus: string; graph: { edges: { target: string; props: { score: number } }[] } } } } };
      const s = w.__pge.store.getState();
      const c = w.__pge.cy.getElementById(s.focus).position();
      const ranked = [...s.graph.edges].sort((a, b) => b.props.score - a.props.score);
      const d = (id: string) => { const p = w.__pge.cy.getElementById(id).position(); return Math.hypot(p.x - c.x, p.y - c.y); };
      return { first: d(ranked[0]!.target), last: d(ranked[ranked.length - 1]!.target), dx: ranked.length, above: w.__pge.cy.getElementById(ranked[0]!.target).position().y < c.y };
    });
    expect(placed.dx).toBeGreaterThanOrEqual(5);
    expect(placed.first).toBeLessThan(placed.last);
    expect(placed.above).toBe(true);
    expect(await page.locator('[data-testid=status-layout]').innerText()).toContain('closer = more related');
    // Titles wrap over lines instead of being cut at a few words, no label covers another, and they read at ≥ 9 px.
    expect(await overlappingPairs(page, 'labels')).toEqual([]);
    const text = await page.evaluate(() => {
      const cy = (window as unknown as { __pge: { cy: import('cytoscape').Core } }).__pge.cy;
      const ns = cy.nodes('.radial');
      return { radial: ns.length, all: cy.nodes().length, longest: Math.max(...ns.map((n) => String(n.style('label')).length)), px: parseFloat(String(ns.first().style('font-size'))) * cy.zoom() };
    });
    expect(text.radial).toBe(text.all);
    expect(text.longest).toBeGreaterThan(40);
    expect(text.px).toBeGreaterThanOrEqual(9);
    await e.shot(page, '04-related-work');
    await page.close();
  });

  it('restores a graph from a deep link', async () => {
    const page = await e.page();
    await page.goto(`${e.base}/?view=explore&focus=${encodeURIComponent('paper:arxiv:2505.17225')}&x=${encodeURIComponent('author:eunho yang')}`);
    await page.waitForFunction(() => (window as unknown as { __pge: { store: { getState: () => { graph: { nodes: { id: string }[] } } } } }).__pge.store.getState().graph.nodes.some((n) => n.id === 'author:eunho yang'));
    const state = await canvasState(page);
    expect(state.view).toBe('explore');
    expect(state.selected).toBe('paper:arxiv:2505.17225');
    expect(state.nodes).toContain('paper:arxiv:2505.17225');
    await page.locator('[data-testid=drawer-authors] li').first().waitFor();
    await page.waitForTimeout(1200);
    await e.shot(page, '05-deep-link');
    await page.close();
  });

  it('is served a production build, precompressed', async () => {
    const page = await e.page();
    const scripts: { url: string; encoding: string | undefined; body: string }[] = [];
    page.on('response', async (r) => {
      if (r.url().endsWith('.js')) scripts.push({ url: r.url(), encoding: r.headers()['content-encoding'], body: await r.text() });
    });
    await page.goto(e.base + '/');
    await page.waitForFunction(() => (window as unknown as { __pge?: { cy: { nodes: () => { length: number } } } }).__pge?.cy.nodes().length);
    const entry = scripts.find((s) => /\/assets\/index-[^/]+\.js$/.test(s.url));
    expect(entry, scripts.map((s) => s.url).join(', ')).toBeDefined();
    expect(entry!.encoding).toBe('br'); // Chromium accepts brotli; the build's .br copy is sent
    // React's development build carries its warnings (a build inheriting NODE_ENV=test was one, ~25 % larger)
    expect(entry!.body.includes('Each child in a list should have a unique'), "the entry script is React's development build").toBe(false);
    await page.close();
  });

  it('shows an API error in words', async () => {
    const page = await e.page();
    await page.goto(`${e.base}/?view=explore&focus=${encodeURIComponent('paper:arxiv:0000.00000')}`);
    const banner = page.locator('[data-testid=error-banner]');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('No paper with id "arxiv:0000.00000"');
    await e.shot(page, '06-api-error');
    await page.close();
  });

  it('runs a saved query, edits a parameter, and reopens the copied link in a fresh page', async () => {
    const page = await e.page();
    await page.goto(e.base + '/');
    await page.click('[data-testid=tab-queries]');
    await page.locator('[data-testid=query-list] button', { hasText: 'Co-authors of an author' }).click();
    await page.fill('[data-testid=input-depth]', '1');
    await page.click('[data-testid=run-query]');
    await page.waitForFunction(() => (window as unknown as { __pge: { store: { getState: () => { result: unknown } } } }).__pge.store.getState().result !== null);
    const first = await canvasState(page);
    expect(first.nodes.sort()).toEqual(['author:chanjae park', 'author:eunho yang', 'author:hyun ryu', 'author:jadohu', 'author:yjyjyj98']);
    await page.waitForTimeout(1200);
    await e.shot(page, '07-saved-query');
    const link = await page.inputValue('[data-testid=query-link]');
    expect(link).toContain('query=coauthors-of');
    expect(link).toContain('depth=1');
    const fresh = await e.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await fresh.goto(link);
    await fresh.waitForFunction(() => (window as unknown as { __pge?: { store: { getState: () => { result: unknown } } } }).__pge?.store.getState().result !== null);
    expect((await canvasState(fresh)).nodes.sort()).toEqual(first.nodes.sort());
    await fresh.close();
    // a node parameter is found by name: the pick fills in its key, shown once under the search
    expect(await page.getAttribute('[data-testid=param-author]', 'placeholder')).toBe('Find an author…');
    await page.fill('[data-testid=param-author]', 'duyu');
    await page.locator('[data-testid=search-results] li', { hasText: 'Duyu Tang' }).click();
    expect(await page.inputValue('[data-testid=input-author]')).toBe('duyu tang');
    expect(await page.inputValue('[data-testid=query-link]')).toContain('author=duyu+tang');
    await page.click('[data-testid=run-query]');
    await expect.poll(async () => (await canvasState(page)).nodes, { timeout: 10_000 }).toContain('author:duyu tang');
    await page.close();
  });

  it('shows a query result as a table when asked', async () => {
    const page = await e.page();
    await page.goto(`${e.base}/?view=queries&query=most-collaborative-authors&limit=5`);
    const table = page.locator('[data-testid=result-table]');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(5);
    // rows of values draw nothing: the table takes most of the centre and the canvas says where the rows are
    expect(await page.getAttribute('[data-testid=result-panel]', 'class')).toBe('result-panel fill');
    expect(await page.textContent('.empty-state')).toMatch(/no nodes or relationships to draw/);
    await e.shot(page, '08-query-table');
    // a long table grows to most of the centre (a result that draws a graph keeps 60 % for the canvas)
    await page.goto(`${e.base}/?view=queries&query=most-collaborative-authors&limit=60`);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=result-table] tbody tr').length >= 40);
    const panel = (await page.locator('[data-testid=result-panel]').boundingBox())!;
    const centre = (await page.locator('.centre').boundingBox())!;
    expect(panel.height / centre.height).toBeGreaterThan(0.75);
    await page.close();
  });
});
