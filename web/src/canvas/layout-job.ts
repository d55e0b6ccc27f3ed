// A force layout computed on a headless Cytoscape instance: what the layout worker runs off the main thread, so a
// large graph (the topic map of a 100k-paper graph) is laid out without freezing the page. Pure: no DOM.
import cytoscape, { type ElementDefinition, type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Layout } from '../store/index.ts';
import { layoutOptions } from './layout-options.ts';

cytoscape.use(fcose);

/** Boxes (compound parents) are as wide as their children plus this padding (web/src/graph/style.ts). */
const BOX_PADDING = 18;

export interface LayoutJob {
  id: number;
  layout: Layout;
  /** Leaf nodes with their rendered size; boxes with only an id. */
  nodes: { id: string; parent?: string; w?: number; h?: number }[];
  edges: { id: string; source: string; target: string }[];
}

export interface LayoutResult {
  id: number;
  /** Centre of every leaf node (boxes follow their children). */
  positions: Record<string, { x: number; y: number }>;
  ms: number;
}

/** Runs `job.layout` (fcose) over the job's graph and returns every leaf node's position. */
export function computeLayout(job: LayoutJob): LayoutResult {
  const t0 = performance.now();
  const parents = new Set(job.nodes.flatMap((n) => (n.parent ? [n.parent] : [])));
  const elements: ElementDefinition[] = [
    ...job.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, ...(n.parent ? { parent: n.parent } : {}), w: n.w ?? 20, h: n.h ?? 20 } })),
    ...job.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })),
  ];
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements,
    style: [
      { selector: 'node', style: { width: 'data(w)', height: 'data(h)' } },
      { selector: 'node:parent', style: { padding: `${BOX_PADDING}px` } },
    ],
  });
  try {
    cy.layout({ ...layoutOptions(job.layout, job.nodes.length, parents.size > 0), animate: false, fit: false } as LayoutOptions).run();
    const positions: Record<string, { x: number; y: number }> = {};
    cy.nodes().forEach((n) => {
      if (parents.has(n.id())) return;
      const p = n.position();
      positions[n.id()] = { x: p.x, y: p.y };
    });
    return { id: job.id, positions, ms: Math.round(performance.now() - t0) };
  } finally {
    cy.destroy();
  }
}
