// The explorer in a real Chromium on the seed corpus: the topic map (and a large one laid out in a worker), search →
// paper → expand → authors in the drawer with labels that fit, a path from the context menu and a tag filter. The
// other views are in views.e2e.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasState, dblclickNode, e2eEnabled, openNodeMenu, overlappingPairs, settledPosition, startE2E, type E2E } from './harness.ts';

const enabled = e2eEnabled();
let e: E2E;
beforeAll(async () => {
  if (enabled) e = await startE2E();
});
afterAll(async () => e?.close());

describe.skipIf(!enabled)('explorer in Chromium', () => {
  it('opens with a labelled topic map', async () => {
    const page = await e.page();
    await page.goto(e.base + '/');
    await page.waitForFunction(() => ((window as unknown as { __pge?: { cy: { nodes: () => { length: number } } } }).__pge?.cy.nodes().length ?? 0) > 5);
    const state = await canvasState(page);
    expect(state.view).toBe('topics');
    expect(state.nodes.every((id) => id.startsWith('topic:'))).toBe(true);
    const labels = await page.evaluate(() => (window as unknown as { __pge: { store: { getState: () => { graph: { nodes: { label: string }[] } } } } }).__pge.store.getState().graph.nodes.map((n) => n.label));
    expect(labels.some((l) => l.startsWith('MoE routing'))).toBe(true);
    await page.waitForTimeout(800);
    // Broad-topic boxes, titles included, do not overlap one another.
    const overlaps = await page.evaluate(() => {
      type Box = { x1: number; y1: number; x2: number; y2: number };
      const cy = (window as unknown as { __pge: { cy: { nodes: (s: string) => { map: <T>(f: (n: { id: () => string; boundingBox: (o: object) => Box }) => T) => T[] } } } }).__pge.cy;
      const boxes = cy.nodes(':parent').map((n) => ({ id: n.id(), b: n.boundingBox({ includeLabels: true, includeOverlays: false }) }));
      const out: string[] = [];
      boxes.forEach((a, i) => boxes.slice(i + 1).forEach((c) => {
        if (a.b.x1 < c.b.x2 && c.b.x1 < a.b.x2 && a.b.y1 < c.b.y2 && c.b.y1 < a.b.y2) out.push(`${a.id} / ${c.id}`);
      }));
      // Subtopics, labels included, do not overlap one another either.
      const subs = cy.nodes(':childless').map((n) => ({ id: n.id(), b: n.boundingBox({ includeLabels: true, includeOverlays: false }) }));
      const inner: string[] = [];
      subs.forEach((a, i) => subs.slice(i + 1).forEach((c) => {
        if (a.b.x1 < c.b.x2 && c.b.x1 < a.b.x2 && a.b.y1 < c.b.y2 && c.b.y1 < a.b.y2) inner.push(`${a.id} / ${c.id}`);
      }));
      return { parents: boxes.length, subtopics: subs.length, out, inner };
    });
    expect(overlaps.parents).toBeGreaterThan(3);
    expect(overlaps.subtopics).toBeGreaterThan(10);
    expect(overlaps.out).toEqual([]);
    expect(overlaps.inner).toEqual([]);
    await e.shot(page, '01-topic-map');
    // Coloured by month, a subtopic takes the colour of its papers' mean date (the seeds' dated papers are all from
    // 2025-05), one with no dated paper grey.
    await page.selectOption('[data-testid=paper-colour]', 'month');
    const topicColours = async () =>
      page.evaluate(() => {
        const w = window as unknown as { __pge: { cy: { nodes: (s: string) => { map: <T>(f: (n: { id: () => string; data: (k: string) => unknown }) => T) => T[] } }; store: { getState: () => { graph: { nodes: { id: string; props: { meanDate?: string | null } }[] } } } } };
        const when = new Map(w.__pge.store.getState().graph.nodes.map((n) => [n.id, n.props.meanDate ?? null]));
        return w.__pge.cy.nodes(':childless').map((n) => ({ date: when.get(n.id()), colour: String(n.data('color')) }));
      });
    const themeColour = '#009E73';
    await expect.poll(async () => (await topicColours()).every((t) => (t.date ? t.colour !== '#c3c9d1' && t.colour !== themeColour : t.colour === '#c3c9d1'))).toBe(true);
    expect((await topicColours()).some((t) => t.date?.startsWith('2025-05-'))).toBe(true);
    await page.waitForTimeout(300);
    await e.shot(page, '01c-topics-by-month');
    await page.close();
  });

  it('lays out a large topic map in a worker and builds it up at its final positions, boxes apart', async () => {
    // How long the main thread blocks is measured by bench:web (it varies with the machine's load); this checks the path.
    const page = await e.page();
    await page.goto(e.base + '/');
    await page.waitForFunction(() => ((window as unknown as { __pge?: { cy: { nodes: () => { length: number } } } }).__pge?.cy.nodes().length ?? 0) > 5);
    await page.waitForTimeout(500);
    const r = await page.evaluate(async () => {
      type Box = { x1: number; y1: number; x2: number; y2: number };
      const w = window as unknown as { __pge: { cy: import('cytoscape').Core; store: { getState: () => { clear: () => void; setGraph: (g: unknown) => void } } } };
      // 40 broad topics of 15 subtopics each (linked to their neighbour and to the first): 640 topics, a large archive's map.
      const nodes: unknown[] = [];
      const edges: unknown[] = [];
      for (let b = 0; b < 40; b++) {
        nodes.push({ id: `topic:b${b}`, type: 'topic', label: `Broad topic number ${b}`, props: { level: 0, size: 500 }, degree: 15 });
        for (let i = 0; i < 15; i++) {
          nodes.push({ id: `topic:b${b}-${i}`, type: 'topic', label: `Subtopic ${i} of ${b}`, props: { level: 1, size: 30, parentTopic: `topic:b${b}` }, degree: 3 });
          if (i > 0) edges.push({ id: `l${b}-${i}`, type: 'LINKED_TO', source: `topic:b${b}-${i - 1}`, target: `topic:b${b}-${i}`, props: { strength: 0.5 } });
          if (i > 1) edges.push({ id: `s${b}-${i}`, type: 'LINKED_TO', source: `topic:b${b}-0`, target: `topic:b${b}-${i}`, props: { strength: 0.3 } });
        }
        if (b > 0) edges.push({ id: `x${b}`, type: 'LINKED_TO', source: `topic:b${b - 1}-0`, target: `topic:b${b}-0`, props: { strength: 0.1 } });
      }
      w.__pge.store.getState().clear();
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 300)));
      const tasks: number[] = [];
      const obs = new PerformanceObserver((list) => list.getEntries().forEach((t) => tasks.push(t.duration)));
      obs.observe({ type: 'longtask', buffered: false });
      const t0 = performance.now();
      w.__pge.store.getState().setGraph({ nodes, edges, truncated: false });
      const container = w.__pge.cy.container()!;
      const dimmed = container.classList.contains('laying-out');
      while (container.classList.contains('laying-out') && performance.now() - t0 < 30_000) await new Promise((done) => setTimeout(done, 50));
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 300)));
      obs.disconnect();
      const boxes = w.__pge.cy.nodes(':parent').map((n) => ({ id: n.id(), b: n.boundingBox({ includeLabels: true, includeOverlays: false }) as Box }));
      const overlaps: string[] = [];
      boxes.forEach((a, i) => boxes.slice(i + 1).forEach((c) => {
        if (a.b.x1 < c.b.x2 && c.b.x1 < a.b.x2 && a.b.y1 < c.b.y2 && c.b.y1 < a.b.y2) overlaps.push(`${a.id} / ${c.id}`);
      }));
      const xs = w.__pge.cy.nodes().map((n) => n.position('x'));
      return {
        dimmed,
        ms: Math.round(performance.now() - t0),
        longest: Math.round(Math.max(0, ...tasks)),
        worker: performance.getEntriesByType('resource').some((e) => e.name.includes('layout.worker')),
        nodes: w.__pge.cy.nodes().length,
        boxes: boxes.length,
        overlaps,
        spread: Math.max(...xs) - Math.min(...xs),
      };
    });
    console.log(`large topic map: ${r.nodes} nodes laid out in ${r.ms} ms, longest main-thread block ${r.longest} ms`);
    expect(r.dimmed).toBe(true);
    expect(r.worker).toBe(true);
    expect(r.nodes).toBe(640);
    expect(r.boxes).toBe(40);
    expect(r.overlaps).toEqual([]);
    expect(r.spread).toBeGreaterThan(1000);
    // Fitted, this map is zoomed out too far to read its subtopics: a box shows its title across its middle at
    // 6–13px on screen, inside the box, and its subtopics go unlabelled.
    await page.waitForTimeout(400);
    const far = await page.evaluate(() => {
      const cy = (window as unknown as { __pge: { cy: import('cytoscape').Core } }).__pge.cy;
      const zoom = cy.zoom();
      const parents = cy.nodes(':parent');
      return {
        zoom,
        far: parents.filter((p) => p.hasClass('far')).length,
        screenPx: parents.map((p) => parseFloat(p.style('font-size')) * zoom),
        isFar: parents.map((p) => p.hasClass('far')),
        outside: parents.filter((p) => p.hasClass('far')).filter((p) => {
          const box = p.boundingBox({ includeLabels: false, includeOverlays: false });
          const label = p.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
          return label.x1 < box.x1 || label.x2 > box.x2 || label.y1 < box.y1 || label.y2 > box.y2;
        }).map((p) => p.id()),
        labelledSubtopics: cy.nodes(':childless').filter((n) => n.style('label') !== '').length,
      };
    });
    expect(16 * far.zoom).toBeLessThan(6);
    // most boxes fit their title inside (a box too narrow for it keeps the usual look)
    expect(far.far).toBeGreaterThanOrEqual(30);
    for (const px of far.screenPx.filter((_, i) => far.isFar[i])) {
      expect(px).toBeGreaterThanOrEqual(5.9);
      expect(px).toBeLessThanOrEqual(13.1);
    }
    expect(far.outside).toEqual([]);
    expect(far.labelledSubtopics).toBe((40 - far.far) * 15);
    await e.shot(page, '01b-large-topic-map');
    await page.close();
  });

  it('search "offloading" → open the paper → expand → the drawer lists its authors in order', async () => {
    const page = await e.page();
    await page.goto(e.base + '/');
    await page.fill('[data-testid=search-input]', 'offloading');
    await page.locator('[data-testid=search-results] li', { hasText: 'Not All Models Suit Expert Offloading' }).click();
    await page.waitForFunction(() => (window as unknown as { __pge: { store: { getState: () => { selection: { id: string } | null } } } }).__pge.store.getState().selection?.id === 'paper:arxiv:2505.16056');
    const authors = page.locator('[data-testid=drawer-authors] li');
    await authors.first().waitFor();
    expect(await authors.allInnerTexts()).toEqual(['Duyu Tang', 'Yitong Li', 'Miren Tian', 'Siyuan Wang', 'ljcleo']);
    expect(await page.locator('[data-testid=provenance] li').count()).toBe(5);
    // The canvas swaps the topic map for the paper's neighbourhood once its neighbours arrive.
    await page.waitForFunction(() => {
      const s = (window as unknown as { __pge: { store: { getState: () => { view: string; graph: { nodes: { id: string }[] } } } } }).__pge.store.getState();
      return s.view === 'explore' && s.graph.nodes.some((n) => n.id === 'paper:arxiv:2505.16056') && s.graph.nodes.some((n) => n.id.startsWith('topic:'));
    }, undefined, { polling: 100 });
    await settledPosition(page, 'paper:arxiv:2505.16056');
    await e.shot(page, '02a-paper-details');
    const opened = await canvasState(page);
    expect(opened.nodes.filter((id) => id.startsWith('author:')).length).toBe(5);
    const before = opened.nodes.length;
    // The paper's broadest topic (most papers) has papers not yet on the canvas.
    const topic = await page.evaluate(() => {
      const s = (window as unknown as { __pge: { store: { getState: () => { graph: { nodes: { id: string; props: { size?: number } }[] } } } } }).__pge.store.getState();
      return s.graph.nodes.filter((n) => n.id.startsWith('topic:')).sort((a, b) => (b.props.size ?? 0) - (a.props.size ?? 0))[0]!.id;
    });
    await page.waitForTimeout(1200);
    // Double-click the topic until the canvas grows (on a busy machine the first double-click can land while a
    // neighbour still moves over the topic; a person would simply double-click again).
    const grown = (n: number) => page.waitForFunction((m) => (window as unknown as { __pge: { store: { getState: () => { graph: { nodes: unknown[] } } } } }).__pge.store.getState().graph.nodes.length > m, n, { timeout: 8_000 });
    let expanded = false;
    for (let attempt = 0; attempt < 3 && !expanded; attempt++) {
      await dblclickNode(page, topic);
      expanded = await grown(before).then(() => true, () => false);
    }
    expect(expanded).toBe(true);
    // Crowded labels are decluttered once the layout settles: no two shown labels overlap (Cytoscape's own label
    // boxes, not the estimate the app placed them with), the selected topic's label shows, at least a third of the
    // labels still show, and a hidden one appears on hover.
    const overlapping = () => overlappingPairs(page, 'labels');
    // Zoomed out, labels are enlarged to read at ~9px on screen (never shrunk, at most 1.6×), once the view rests.
    await page.waitForFunction(() => {
      const cy = (window as unknown as { __pge: { cy: { zoom: () => number; nodes: (s: string) => { first: () => { style: (p: string) => string } } } } }).__pge.cy;
      const font = parseFloat(cy.nodes('[type = "paper"]').first().style('font-size'));
      return Math.abs(font - Math.min(16, Math.max(10, 9 / cy.zoom()))) < 0.3;
    }, undefined, { polling: 100, timeout: 5_000 });
    await page.waitForTimeout(300);
    let pairs = await overlapping();
    for (let i = 0; i < 50 && pairs.length > 0; i++) {
      await page.waitForTimeout(200);
      pairs = await overlapping();
    }
    // On failure, what was estimated for each label against the box Cytoscape reports.
    if (pairs.length > 0) {
      const detail = await page.evaluate((ps) => {
        type B = Record<string, number>;
        const w = window as unknown as { __pge: { cy: { getElementById: (i: string) => { boundingBox: (o: object) => B; position: () => B } }; labels: () => { items: { id: string }[]; sides: Record<string, string | null> } } };
        return ps.flatMap((p) => p.split(' × ')).map((id) => {
          const n = w.__pge.cy.getElementById(id);
          return { id, box: n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }), at: n.position(), estimate: w.__pge.labels().items.find((i) => i.id === id), side: w.__pge.labels().sides[id] };
        });
      }, pairs);
      console.log(JSON.stringify(detail));
    }
    expect(pairs).toEqual([]);
    const labels = await page.evaluate((id) => {
      type N = { id: () => string; hasClass: (c: string) => boolean; isParent: () => boolean; addClass: (c: string) => void; removeClass: (c: string) => void; style: (p: string) => string };
      const cy = (window as unknown as { __pge: { cy: { nodes: () => { toArray: () => N[] }; getElementById: (i: string) => N } } }).__pge.cy;
      const all = cy.nodes().toArray().filter((n) => !n.isParent() && !n.hasClass('stub'));
      const quiet = all.filter((n) => n.hasClass('quiet'));
      const probe = quiet[0];
      let hovered = '';
      if (probe) {
        probe.addClass('hover');
        hovered = probe.style('label');
        probe.removeClass('hover');
      }
      const paper = all.find((n) => n.id().startsWith('paper:'))!;
      return { boxes: cy.nodes().toArray().filter((n) => n.isParent()).length, total: all.length, quiet: quiet.length, selectedQuiet: cy.getElementById(id).hasClass('quiet'), hiddenLabel: probe ? probe.style('label') : null, hovered, zoom: (cy as unknown as { zoom: () => number }).zoom(), paperFont: parseFloat(paper.style('font-size')) };
    }, topic);
    expect(labels.paperFont).toBeGreaterThan(10);
    // topics that were on the topic map before are plain nodes here, not boxes
    expect(labels.boxes).toBe(0);
    // and no two nodes overlap, however far the force layout got before its time cap
    const bodies = await overlappingPairs(page, 'bodies');
    expect(bodies).toEqual([]);
    expect(labels.selectedQuiet).toBe(false);
    expect(labels.total - labels.quiet).toBeGreaterThanOrEqual(Math.ceil(labels.total / 3));
    if (labels.quiet > 0) {
      expect(labels.hiddenLabel).toBe('');
      expect(labels.hovered.length).toBeGreaterThan(0);
      // the status line says how many are hidden and how to see them
      expect(await page.locator('[data-testid=status-labels]').innerText()).toBe(`${labels.quiet} label${labels.quiet === 1 ? '' : 's'} hidden (hover or zoom in)`);
    }
    await page.waitForTimeout(500);
    await e.shot(page, '02-explore-expanded');
    // Coloured by month: the seed papers with an arXiv id are all from 2025-05 (one colour, the middle of the
    // scale); listing-page papers have no year, so no month, and are grey. The choice is in the link.
    const paperColours = () =>
      page.evaluate(() => {
        const w = window as unknown as { __pge: { cy: { nodes: (s: string) => { map: <T>(f: (n: { id: () => string; data: (k: string) => unknown }) => T) => T[] } } } };
        return Object.fromEntries(w.__pge.cy.nodes('[type = "paper"]').map((n) => [n.id(), String(n.data('color'))]));
      });
    expect(new Set(Object.values(await paperColours()))).toEqual(new Set(['#0072B2']));
    await page.selectOption('[data-testid=paper-colour]', 'month');
    const legend = page.locator('[data-testid=month-legend]');
    await legend.waitFor();
    const nodesNow = await page.evaluate(() => (window as unknown as { __pge: { store: { getState: () => { graph: { nodes: { id: string; type: string; props: { month?: string; meanDate?: string | null } }[] } } } } }).__pge.store.getState().graph.nodes);
    const graphNow = nodesNow.filter((n) => n.type === 'paper');
    // topics are coloured by their papers' mean date (here in 2025-05 too, or none)
    const topicsNow = nodesNow.filter((n) => n.type === 'topic');
    expect(topicsNow.some((t) => t.props.meanDate?.startsWith('2025-05-'))).toBe(true);
    expect(graphNow.some((n) => n.props.month)).toBe(true);
    const undated = graphNow.filter((n) => !n.props.month).length + topicsNow.filter((t) => !t.props.meanDate).length;
    expect(await legend.innerText()).toMatch(/2025-05\s+2025-05/);
    if (undated > 0) expect(await legend.innerText()).toContain(`no month · ${undated}`);
    // dated papers on the viridis scale (neither the type's blue nor the undated grey), the rest grey
    const viridisLike = (c: string | undefined) => !!c && c !== '#c3c9d1' && c.toLowerCase() !== '#0072b2';
    await expect.poll(async () => {
      const colours = await paperColours();
      return graphNow.every((n) => (n.props.month ? viridisLike(colours[n.id]) : colours[n.id] === '#c3c9d1'));
    }).toBe(true);
    expect(page.url()).toContain('colour=month');
    await page.waitForTimeout(500);
    await e.shot(page, '02e-papers-by-month');
    await page.close();
  });

  it('finds a path from the context menu and filters the canvas to the papers of a tag', async () => {
    const page = await e.page();
    const paper = 'paper:arxiv:2505.16056';
    await page.goto(`${e.base}/?view=explore&focus=${encodeURIComponent(paper)}`);
    await page.waitForFunction((id) => (window as unknown as { __pge: { cy: { getElementById: (i: string) => { nonempty: () => boolean } } } }).__pge.cy.getElementById(id).nonempty(), paper);
    await openNodeMenu(page, paper, '[data-testid=menu-path]');
    await page.locator('[data-testid=menu-path]').click();
    await page.fill('[data-testid=path-target]', 'Eunho Yang');
    await page.locator('[data-testid=search-results] li', { hasText: 'Eunho Yang' }).click();
    const steps = page.locator('[data-testid=path-chains] li');
    await steps.first().waitFor();
    const state = await canvasState(page);
    expect(state.nodes).toContain('author:eunho yang');
    expect(state.nodes).toContain(paper);
    const first = await steps.first().innerText();
    expect(first).toMatch(/^Not All Models Suit Expert Offloading/);
    expect(first).toMatch(/Eunho Yang$/);
    const highlighted = await page.evaluate(() => (window as unknown as { __pge: { cy: { edges: (s: string) => { length: number } } } }).__pge.cy.edges('.path').length);
    expect(highlighted).toBeGreaterThanOrEqual(3);
    await page.waitForTimeout(1500);
    await e.shot(page, '02b-path-from-menu');

    await page.fill('[data-testid=only-picker]', 'Natural Language');
    await page.locator('[data-testid=search-results] li', { hasText: 'Natural Language Processing' }).first().click();
    await page.locator('[data-testid=only-filter]').waitFor();
    const shown = await page.evaluate(() => {
      const w = window as unknown as { __pge: { cy: { nodes: (s: string) => { map: (f: (n: { id: () => string }) => string) => string[] } }; store: { getState: () => { only: { ids: string[] } | null; graph: { nodes: { id: string }[] } } } } };
      const s = w.__pge.store.getState();
      return { onCanvas: w.__pge.cy.nodes('[type = "paper"]').map((n) => n.id()), only: s.only?.ids ?? [], inGraph: s.graph.nodes.filter((n) => n.id.startsWith('paper:')).map((n) => n.id) };
    });
    expect(shown.onCanvas.length).toBeGreaterThan(0);
    expect(shown.onCanvas.every((id) => shown.only.includes(id))).toBe(true);
    expect(shown.onCanvas.sort()).toEqual(shown.inGraph.filter((id) => shown.only.includes(id)).sort());
    expect(page.url()).toContain('only=tag');
    await e.shot(page, '02c-only-tag-papers');
    await page.close();
  });
});
