// E2E harness: the real app (API + built web) on a free port against the run's embedded Neo4j with the seeds,
// and Debian's Chromium. Without Chromium the suite skips with a hint, unless E2E_REQUIRED=1.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { ensureWebBuilt } from '../../server/web-build.ts';
import { ensureCorpus, ROOT, testApp } from '../support/app.ts';
import { chromiumPath, E2E_HINT, launchBrowser } from '../support/browser.ts';
import { freePort } from '../support/neo4j-global.ts';

export const SHOTS = path.join(ROOT, 'test-results', 'screenshots');

/** True when the browser tests can run; throws when they must but cannot. */
export function e2eEnabled(): boolean {
  if (chromiumPath()) return true;
  if (process.env.E2E_REQUIRED === '1') throw new Error(`E2E_REQUIRED=1 but ${E2E_HINT}`);
  console.warn(E2E_HINT);
  return false;
}

export interface E2E {
  base: string;
  browser: Browser;
  page: (width?: number, height?: number) => Promise<Page>;
  shot: (page: Page, name: string) => Promise<void>;
  close: () => Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  await ensureCorpus('seeds');
  ensureWebBuilt(() => {});
  const app: FastifyInstance = await testApp();
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  const { browser, close } = await launchBrowser();
  fs.mkdirSync(SHOTS, { recursive: true });
  return {
    base: `http://127.0.0.1:${port}`,
    browser,
    page: async (width = 1280, height = 800) => {
      const page = await browser.newPage({ viewport: { width, height } });
      page.on('pageerror', (e) => console.error('page error:', e.message));
      return page;
    },
    shot: async (page, name) => {
      await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
    },
    close: async () => {
      await close();
      await app.close();
    },
  };
}

/** Reads the canvas state the app exposes on window.__pge. */
export function canvasState(page: Page): Promise<{ nodes: string[]; edges: number; view: string; selected: string | null }> {
  return page.evaluate(() => {
    const w = window as unknown as { __pge: { store: { getState: () => { graph: { nodes: { id: string }[]; edges: unknown[] }; view: string; selection: { id: string } | null } } } };
    const s = w.__pge.store.getState();
    return { nodes: s.graph.nodes.map((n) => n.id), edges: s.graph.edges.length, view: s.view, selected: s.selection?.id ?? null };
  });
}

/** Double-clicks a node on the canvas at its rendered position. */
export async function dblclickNode(page: Page, id: string): Promise<void> {
  await clickNode(page, id, 'double');
}

/** Clicks (left, right or double) a node on the canvas at its rendered position, once the layout has settled. */
export async function clickNode(page: Page, id: string, how: 'left' | 'right' | 'double'): Promise<void> {
  const pos = await settledPosition(page, id);
  const box = await page.locator('[data-testid=canvas]').boundingBox();
  if (how === 'double') await page.mouse.dblclick(box!.x + pos.x, box!.y + pos.y);
  else await page.mouse.click(box!.x + pos.x, box!.y + pos.y, { button: how });
}

/** A node's rendered position (a compound node: a clickable point of its title band) once the layout has settled. */
export async function settledPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  const where = () =>
    page.evaluate((nodeId) => {
      type Cy = {
        getElementById: (i: string) => { isParent: () => boolean; renderedPosition: () => { x: number; y: number }; renderedBoundingBox: (o: object) => { x1: number; x2: number; y1: number } };
        pan: () => { x: number; y: number };
        zoom: () => number;
        renderer: () => { findNearestElement: (x: number, y: number, interactive: boolean, touch: boolean) => { id: () => string } | null };
      };
      const cy = (window as unknown as { __pge: { cy: Cy } }).__pge.cy;
      const n = cy.getElementById(nodeId);
      if (!n.isParent()) return n.renderedPosition();
      // A compound node (a topic holding its subtopics) is hit in its top padding, above its children, at the first
      // point from the middle outwards where nothing else (an edge crossing the box) is on top of it.
      const b = n.renderedBoundingBox({ includeLabels: false });
      const y = b.y1 + 6;
      const mid = (b.x1 + b.x2) / 2;
      const { x: px, y: py } = cy.pan();
      const z = cy.zoom();
      for (let d = 0; d < (b.x2 - b.x1) / 2 - 6; d += 4) {
        for (const x of [mid - d, mid + d]) {
          const hit = cy.renderer().findNearestElement((x - px) / z, (y - py) / z, true, false);
          if (hit && hit.id() === nodeId) return { x, y };
        }
      }
      return { x: mid, y };
    }, id);
  // Wait for the layout to settle: the node must stay put over three looks (a busy machine can stall a running
  // layout for one interval, which looked settled and the click then landed where the node had been).
  let pos = await where();
  let stillFor = 0;
  for (let i = 0; i < 60 && stillFor < 2; i++) {
    await page.waitForTimeout(250);
    const next = await where();
    stillFor = Math.abs(next.x - pos.x) < 0.5 && Math.abs(next.y - pos.y) < 0.5 ? stillFor + 1 : 0;
    pos = next;
  }
  return pos;
}

/** Right-clicks a node until its context menu shows `item` (a click can still meet a node that moved), ≤ 4 tries. */
export async function openNodeMenu(page: Page, id: string, item: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await clickNode(page, id, 'right');
    try {
      await page.locator(item).waitFor({ timeout: 3_000 });
      return;
    } catch (e) {
      if (attempt === 4) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Pairs of canvas nodes whose shown labels (`labels`: nodes that are not boxes, stubs or hidden-label) or whose bodies
 * (`bodies`: every node that is not a box) overlap by more than a pixel each way, as Cytoscape reports their boxes.
 */
export function overlappingPairs(page: Page, what: 'labels' | 'bodies'): Promise<string[]> {
  return page.evaluate((kind) => {
    type N = { id: () => string; isParent: () => boolean; hasClass: (c: string) => boolean; boundingBox: (o: object) => { x1: number; x2: number; y1: number; y2: number } };
    const cy = (window as unknown as { __pge: { cy: { nodes: () => { toArray: () => N[] } } } }).__pge.cy;
    const ns = cy.nodes().toArray().filter((n) => !n.isParent() && (kind === 'bodies' || (!n.hasClass('stub') && !n.hasClass('quiet'))));
    const boxes = ns.map((n) =>
      kind === 'labels' ? n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }) : n.boundingBox({ includeLabels: false, includeOverlays: false }),
    );
    const pairs: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 1 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 1) pairs.push(`${ns[i]!.id()} × ${ns[j]!.id()}`);
      }
    return pairs;
  }, what);
}
