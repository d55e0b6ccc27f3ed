// The main thread's side of the layout worker (layout.worker.ts): one worker, started on first use; jobs built from
// the canvas or from elements about to join it; only the newest job's answer is used.
import type { Core, ElementDefinition } from 'cytoscape';
import type { Layout } from '../store/index.ts';
import type { LayoutJob, LayoutResult } from './layout-job.ts';

/**
 * fcose layouts of graphs from this many nodes (the automatic choice's cola threshold) run in a worker
 * (canvas/layout.worker.ts), so the page stays responsive while a large topic map is laid out; the canvas stays
 * dimmed until the positions arrive. Smaller graphs lay out faster than a worker round trip.
 */
export const WORKER_MIN_NODES = 150;
let worker: Worker | null | undefined;
let jobId = 0;

/** A new job id; any job started before it is superseded (its answer is dropped). */
export function nextJob(): number {
  return ++jobId;
}

function layoutWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = typeof Worker === 'undefined' ? null : new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  return worker;
}

/** Posts a layout job to the worker; `done` gets the positions, or null when the worker failed. False: no worker. */
export function inWorker(job: Omit<LayoutJob, 'id'>, id: number, done: (positions: LayoutResult['positions'] | null) => void): boolean {
  const w = layoutWorker();
  if (!w) return false;
  w.onmessage = (ev: MessageEvent<LayoutResult & { error?: string }>) => {
    if (ev.data.id === jobId && id === jobId) done(ev.data.error ? null : ev.data.positions); // else superseded
  };
  w.onerror = (ev) => {
    ev.preventDefault();
    worker = null; // not tried again: this and later layouts run on the main thread
    if (id === jobId) done(null);
  };
  w.postMessage({ ...job, id });
  return true;
}

/** A job laying out what is on the canvas (sizes as rendered). */
export function jobFromCanvas(c: Core, layout: Layout): Omit<LayoutJob, 'id'> {
  return {
    layout,
    nodes: c.nodes().map((n) => (n.isParent() ? { id: n.id() } : { id: n.id(), ...(n.data('parent') ? { parent: String(n.data('parent')) } : {}), w: n.width(), h: n.height() })),
    edges: c.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
  };
}

/** A job laying out elements not on the canvas yet (sizes from their data; `parents`: the ids that are boxes). */
export function jobFromElements(els: ElementDefinition[], parents: Set<string>, layout: Layout): Omit<LayoutJob, 'id'> {
  const sizeOf = (el: ElementDefinition) => (el.classes?.includes('stub') ? { w: 54, h: 20 } : { w: Number(el.data.size ?? 20), h: Number(el.data.size ?? 20) });
  return {
    layout,
    nodes: els.filter((el) => el.group === 'nodes').map((el) => (parents.has(el.data.id!) ? { id: el.data.id! } : { id: el.data.id!, ...(el.data.parent ? { parent: String(el.data.parent) } : {}), ...sizeOf(el) })),
    edges: els.filter((el) => el.group === 'edges').map((el) => ({ id: el.data.id!, source: String(el.data.source), target: String(el.data.target) })),
  };
}
