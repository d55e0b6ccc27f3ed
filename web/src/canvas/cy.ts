// The Cytoscape instance lives here, outside React state, and follows the store: it diffs the visible graph into
// the canvas, places new nodes next to the node they came from, and runs the chosen (or automatic) layout.
import cytoscape, { type Core, type ElementDefinition, type LayoutOptions, type NodeSingular } from 'cytoscape';
import cola from 'cytoscape-cola';
import fcose from 'cytoscape-fcose';
import { createStore } from 'zustand/vanilla';
import { visibleGraph, type CanvasGraph } from '../graph/ops.ts';
import { labelSides } from '../graph/radial.ts';
import { chunkByBox } from '../graph/chunks.ts';
import { stylesheet } from '../graph/style.ts';
import { elements, relatedPlacement } from './elements.ts';
import { separateBoxes, separateNodes } from './overlaps.ts';
import { appStore, type AppState } from '../store/index.ts';
import { inWorker, jobFromCanvas, jobFromElements, nextJob, WORKER_MIN_NODES } from './layout-client.ts';
import { chosenLayout, layoutOptions } from './layout-options.ts';
import { lastLabels, placeLabels, resetLabelScale, textWidth } from './labels.ts';

cytoscape.use(cola);
cytoscape.use(fcose);

export interface CanvasEvents {
  onExpand: (id: string) => void;
  onStub: (parent: string, rel: string) => void;
}

/** The context menu target, read by the React overlay. */
export const menuStore = createStore<{ menu: { id: string; x: number; y: number } | null }>()(() => ({ menu: null }));

let cy: Core | null = null;
export const getCy = () => cy;
let lastLayoutMs = 0;
export const lastLayout = () => lastLayoutMs;

/** Runs the current layout over the whole canvas (measured for the status line and benchmarks). */
export function runLayout(): void {
  if (!cy) return;
  const s = appStore.getState();
  const t0 = performance.now();
  const at = relatedPlacement(s);
  // Related work: labels point away from the centre where that covers nothing, else to a free side (graph/radial.ts);
  // any other layout puts them back under their nodes.
  if (at) {
    const labels: Record<string, string> = {};
    const sizes: Record<string, number> = {};
    cy.nodes().forEach((n) => {
      if (!at[n.id()]) return;
      labels[n.id()] = String(n.data('short') ?? '');
      sizes[n.id()] = Number(n.data('size') ?? 20);
    });
    // measured in the canvas font; Cytoscape's label box is a few pixels wider than the text (canvas/labels.ts)
    const sides = labelSides(s.focus!, at, labels, sizes, (t) => textWidth(t, 11, 400) + 4);
    cy.batch(() => cy!.nodes().forEach((n) => void n.data('labelSide', sides[n.id()] ?? null)));
  } else {
    const sided = cy.nodes().filter((n) => !!n.data('labelSide'));
    if (sided.nonempty()) sided.removeData('labelSide');
  }
  // A layout still running in the worker is superseded by this one (its result is dropped when it arrives); elements
  // waiting for its positions join the canvas now.
  const id = nextJob();
  cy.container()?.classList.remove('laying-out');
  if (pendingAdd) pendingAdd();
  if (!at && layoutOffThread(cy, s, t0, id)) return;
  const options = at
    ? ({ name: 'preset', positions: (n: NodeSingular) => at[n.id()] ?? { x: 0, y: 0 }, animate: false, fit: true, padding: 40 } as LayoutOptions)
    : layoutOptions(s.layout, cy.nodes().length, cy.nodes(':parent').length > 0);
  const layout = cy.layout(options);
  layout.one('layoutstop', () => afterLayout(t0, !at));
  layout.run();
}

/** What every finished layout does: overlapping nodes or boxes pushed apart (force layouts), labels decluttered, the time kept, small graphs not blown up. */
function afterLayout(t0: number, force: boolean): void {
  if (cy && force) {
    separateNodes(cy);
    separateBoxes(cy);
  }
  // A label moved beside or above its node, or enlarged for the zoom, can reach past the fitted view: fit again to
  // take it in, and place the labels again for the new zoom (a couple of rounds settle it).
  for (let round = 0; round < 3; round++) {
    declutterLabels();
    if (!cy || cy.elements().empty()) break;
    const bb = cy.elements().boundingBox();
    const ext = cy.extent();
    if (bb.x1 >= ext.x1 && bb.x2 <= ext.x2 && bb.y1 >= ext.y1 && bb.y2 <= ext.y2) break;
    cy.fit(undefined, 30);
  }
  lastLayoutMs = Math.round(performance.now() - t0);
  // Small graphs: do not blow nodes up to fill the screen.
  if (cy && cy.zoom() > 1.3) {
    cy.zoom(1.3);
    cy.center();
  }
}

/** Places the labels that fit for the current view (canvas/labels.ts). */
export function declutterLabels(): void {
  if (!cy) return;
  const s = appStore.getState();
  placeLabels(cy, s, !!relatedPlacement(s));
}

/** Lays out the elements on the canvas in the worker when it is a large fcose run; false when it does not apply. */
function layoutOffThread(c: Core, s: AppState, t0: number, id: number): boolean {
  const count = c.nodes().length;
  if (count < WORKER_MIN_NODES || chosenLayout(s.layout, count, c.nodes(':parent').length > 0) !== 'fcose') return false;
  const job = jobFromCanvas(c, s.layout);
  const container = c.container();
  const started = inWorker(job, id, (at) => {
    container?.classList.remove('laying-out');
    if (cy !== c) return;
    const layout = c.layout(
      at
        ? ({ name: 'preset', positions: (n: NodeSingular) => at[n.id()] ?? n.position(), animate: false, fit: true, padding: 30 } as LayoutOptions)
        : layoutOptions(s.layout, c.nodes().length, c.nodes(':parent').length > 0),
    );
    layout.one('layoutstop', () => afterLayout(t0, true));
    layout.run();
  });
  if (started) container?.classList.add('laying-out');
  return started;
}

/** Elements held back while the worker computes their first positions (added at once if another layout starts). */
let pendingAdd: (() => void) | null = null;

/**
 * A large graph arriving on an empty canvas: its fcose layout runs in the worker first, and the elements join the
 * canvas once, at their final positions — styles, label sizes and box bounds computed and drawn once, not for a
 * throwaway pile and again after the layout. False when this does not apply (small graph, other layout, no worker).
 */
function placeOffThread(c: Core, toAdd: ElementDefinition[], s: AppState, gen: number): boolean {
  const nodes = toAdd.filter((el) => el.group === 'nodes');
  const parents = new Set(nodes.flatMap((el) => (el.data.parent ? [String(el.data.parent)] : [])));
  if (nodes.length < WORKER_MIN_NODES || relatedPlacement(s) || chosenLayout(s.layout, nodes.length, parents.size > 0) !== 'fcose') return false;
  const t0 = performance.now();
  const id = nextJob();
  const job = jobFromElements(toAdd, parents, s.layout);
  const live = () => cy === c && gen === generation; // else a newer sync adds what it wants
  const add = (els: ElementDefinition[]) => c.batch(() => c.add(els));
  const started = inWorker(job, id, (at) => {
    pendingAdd = null;
    const done = () => c.container()?.classList.remove('laying-out');
    if (!live()) return done();
    if (!at) {
      done();
      add(toAdd);
      return runLayout();
    }
    // At their final positions, a box with its subtopics at a time, a few hundred elements per frame: styles and
    // box bounds of a large compound graph cost about a second at once (Cytoscape re-derives each box's style cache
    // for every property of every child), so it builds up over a few frames instead of freezing the page.
    const placed = toAdd.map((el) => (el.group === 'nodes' && at[el.data.id!] ? { ...el, position: at[el.data.id!]! } : el));
    const chunks = chunkByBox(placed, CHUNK * 2, CHUNK / 2);
    const step = (i: number) => {
      if (!live()) return done();
      add(chunks[i]!);
      if (i + 1 < chunks.length) return void requestAnimationFrame(() => step(i + 1));
      done();
      for (const pinned of s.pinned) c.getElementById(pinned).lock();
      c.fit(undefined, 30);
      afterLayout(t0, true);
    };
    step(0);
  });
  if (!started) return false;
  pendingAdd = () => {
    pendingAdd = null;
    c.container()?.classList.remove('laying-out');
    if (live()) add(toAdd);
  };
  c.container()?.classList.add('laying-out');
  return true;
}

let onlyCache: { ids: string[]; set: Set<string> } | null = null;
function onlySet(ids: string[]): Set<string> {
  if (onlyCache?.ids !== ids) onlyCache = { ids, set: new Set(ids) };
  return onlyCache.set;
}

/** The part of the store's graph the canvas shows: hidden types, the month filter and "only papers of…" applied. */
export function shownGraph(s: Pick<AppState, 'graph' | 'hiddenTypes' | 'dateFrom' | 'dateTo' | 'only'>): CanvasGraph {
  return visibleGraph(s.graph, { hiddenTypes: s.hiddenTypes, from: s.dateFrom || undefined, to: s.dateTo || undefined, ...(s.only ? { onlyPapers: onlySet(s.only.ids) } : {}) });
}

/** Elements added per animation frame when a big expansion joins a graph already on screen. */
const CHUNK = 100;
let generation = 0;

function sync(s: AppState): void {
  if (!cy) return;
  const gen = ++generation;
  const g = shownGraph(s);
  const wanted = elements(g, s);
  const wantedIds = new Set(wanted.map((e) => e.data.id!));
  const before = cy.nodes().length;
  // Big additions to a graph already on screen are placed on rings around the node they came from (golden-angle
  // spiral) instead of re-running a global layout, and join the canvas a few hundred elements per frame: existing
  // positions stay and the main thread never blocks for long.
  const newNodes = wanted.filter((el) => el.group === 'nodes' && cy!.getElementById(el.data.id!).empty()).length;
  const incremental = before > 0 && (newNodes > 150 || before + newNodes > 300);
  const ring = new Map<string, number>();
  const toAdd: ElementDefinition[] = [];
  cy.batch(() => {
    cy!.elements().filter((el) => !wantedIds.has(el.id())).remove();
    for (const el of wanted) {
      let existing = cy!.getElementById(el.data.id!);
      if (existing.nonempty()) {
        // A topic kept from the topic map leaves its box there (or joins one): data() cannot change a parent. (Read
        // the element again after the move, whether or not the move replaced it.)
        const parent = (el.data.parent as string | undefined) ?? null;
        const had = existing.isNode() ? existing.parent() : null;
        if (had && (had.nonempty() ? had[0]!.id() : null) !== parent) {
          existing.move({ parent });
          existing = cy!.getElementById(el.data.id!);
        }
        existing.data(el.data);
        // a community legend entry's fading (emphasise) outlives a re-sync; every other class is the element's own
        const dim = existing.hasClass('dim');
        existing.classes(el.classes ?? '');
        if (dim) existing.addClass('dim');
        continue;
      }
      if (el.group !== 'nodes') {
        toAdd.push(el);
        continue;
      }
      const originId = s.graph.origin[el.data.id!] ?? (el.data.parentNode as string | undefined);
      const origin = originId ? cy!.getElementById(originId) : null;
      const pos = origin?.nonempty() ? origin.position() : { x: 0, y: 0 };
      let position: { x: number; y: number };
      if (incremental) {
        const k = ring.get(originId ?? '') ?? 0;
        ring.set(originId ?? '', k + 1);
        const r = 70 + 16 * Math.sqrt(k);
        const a = k * 2.399963;
        position = { x: pos.x + r * Math.cos(a), y: pos.y + r * Math.sin(a) };
      } else position = { x: pos.x + (Math.random() - 0.5) * 80, y: pos.y + (Math.random() - 0.5) * 80 };
      toAdd.push({ ...el, position });
    }
  });
  if (toAdd.length === 0) {
    for (const id of s.pinned) cy.getElementById(id).lock();
    declutterLabels();
    return;
  }
  // Nodes first (compound parents before their children), then edges: every edge finds both ends.
  toAdd.sort((a, b) => rank(a) - rank(b));
  const finish = () => {
    for (const id of s.pinned) cy!.getElementById(id).lock();
    if (!incremental) runLayout();
    else {
      cy!.fit(undefined, 30);
      declutterLabels();
    }
  };
  if (!incremental && cy.elements().empty() && placeOffThread(cy, toAdd, s, gen)) return;
  if (!incremental || toAdd.length <= CHUNK) {
    cy.batch(() => cy!.add(toAdd));
    finish();
    return;
  }
  const step = (from: number) => {
    if (!cy || gen !== generation) return; // a newer sync takes over and adds what is still missing
    cy.batch(() => cy!.add(toAdd.slice(from, from + CHUNK)));
    if (from + CHUNK < toAdd.length) requestAnimationFrame(() => step(from + CHUNK));
    else finish();
  };
  step(0);
}

function rank(el: ElementDefinition): number {
  if (el.group === 'edges') return 2;
  return el.data.parent ? 1 : 0;
}

/** Creates the canvas in `container`; returns a cleanup that destroys it. */
export function mountCanvas(container: HTMLElement, events: CanvasEvents): () => void {
  resetLabelScale();
  cy = cytoscape({ container, style: stylesheet() as cytoscape.StylesheetJson, minZoom: 0.05, maxZoom: 4, boxSelectionEnabled: false });
  (window as unknown as { __pge: unknown }).__pge = { cy, store: appStore, layoutOptions, labels: lastLabels };
  cy.on('tap', 'node', (ev) => {
    const n = ev.target;
    if (n.hasClass('stub')) events.onStub(String(n.data('parentNode')), String(n.data('rel')));
    else appStore.getState().select({ kind: 'node', id: n.id() });
    menuStore.setState({ menu: null });
  });
  cy.on('tap', 'edge', (ev) => !ev.target.hasClass('stub-edge') && appStore.getState().select({ kind: 'edge', id: ev.target.id() }));
  cy.on('tap', (ev) => {
    if (ev.target === cy) {
      appStore.getState().select(null);
      menuStore.setState({ menu: null });
    }
  });
  cy.on('dbltap', 'node', (ev) => !ev.target.hasClass('stub') && events.onExpand(ev.target.id()));
  cy.on('cxttap', 'node', (ev) => {
    if (ev.target.hasClass('stub')) return;
    const p = ev.renderedPosition;
    menuStore.setState({ menu: { id: ev.target.id(), x: p.x, y: p.y } });
  });
  cy.on('mouseover', 'node, edge', (ev) => ev.target.addClass('hover'));
  // A node dragged somewhere else: the labels around its old and new place are re-fitted. After a zoom, labels are
  // resized for it and re-fitted (once the wheel or pinch has rested).
  cy.on('dragfree', 'node', () => declutterLabels());
  let zoomTimer: ReturnType<typeof setTimeout> | undefined;
  let zoomSeen = cy.zoom();
  cy.on('viewport', () => {
    if (!cy || Math.abs(cy.zoom() - zoomSeen) < 1e-6) return;
    clearTimeout(zoomTimer);
    zoomTimer = setTimeout(() => {
      if (!cy) return;
      zoomSeen = cy.zoom();
      declutterLabels();
    }, 150);
  });
  cy.on('mouseout', 'node, edge', (ev) => ev.target.removeClass('hover'));
  sync(appStore.getState());
  const unsubscribe = appStore.subscribe((s, prev) => {
    if (s.graph !== prev.graph || s.hiddenTypes !== prev.hiddenTypes || s.dateFrom !== prev.dateFrom || s.dateTo !== prev.dateTo || s.only !== prev.only || s.pathEdges !== prev.pathEdges || s.pinned !== prev.pinned || s.focus !== prev.focus || s.view !== prev.view || s.paperColour !== prev.paperColour) sync(s);
    if (s.layout !== prev.layout) runLayout();
    if (s.selection !== prev.selection && cy) {
      cy.elements().unselect();
      if (s.selection) cy.getElementById(s.selection.id).select();
      declutterLabels();
    }
  });
  return () => {
    unsubscribe();
    cy?.destroy();
    cy = null;
  };
}

/** Fades every node but `ids` (and every edge not between two of them); null shows everything again. */
export function emphasise(ids: string[] | null): void {
  if (!cy) return;
  const c = cy;
  c.batch(() => {
    c.elements('.dim').removeClass('dim');
    if (!ids) return;
    const keep = new Set(ids);
    c.nodes().forEach((n) => void (keep.has(n.id()) || n.addClass('dim')));
    c.edges().forEach((e) => void ((keep.has(e.source().id()) && keep.has(e.target().id())) || e.addClass('dim')));
  });
}

export function fit(): void {
  cy?.animate({ fit: { eles: cy.elements(), padding: 40 } }, { duration: 250 });
}

export function zoom(factor: number): void {
  if (!cy) return;
  cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}
