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
  const where = () =>
    page.evaluate((nodeId) => {
      const w = window as unknown as { __pge: { cy: { getElementById: (i: string) => { isParent: () => boolean; renderedPosition: () => { x: number; y: number }; renderedBoundingBox: (o: object) => { y1: number } } } } };
      const n = w.__pge.cy.getElementById(nodeId);
      // A compound node (a topic holding its subtopics) is hit in its top padding, above its children.
      if (n.isParent()) return { x: n.renderedPosition().x, y: n.renderedBoundingBox({ includeLabels: false }).y1 + 6 };
      return n.renderedPosition();
    }, id);
  // Wait for the layout to settle: the node must stay put between two looks.
  let pos = await where();
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(250);
    const next = await where();
    const still = Math.abs(next.x - pos.x) < 0.5 && Math.abs(next.y - pos.y) < 0.5;
    pos = next;
    if (still) break;
  }
  const box = await page.locator('[data-testid=canvas]').boundingBox();
  if (how === 'double') await page.mouse.dblclick(box!.x + pos.x, box!.y + pos.y);
  else await page.mouse.click(box!.x + pos.x, box!.y + pos.y, { button: how });
}
