// The Cytoscape instance lives here, outside React state, and follows the store: it diffs the visible graph into
// the canvas, places new nodes next to the node they came from, and runs the chosen (or automatic) layout.
import cytoscape, { type Core, type ElementDefinition, type LayoutOptions, type NodeSingular } from 'cytoscape';
import cola from 'cytoscape-cola';
import fcose from 'cytoscape-fcose';
import { createStore } from 'zustand/vanilla';
import type { GEdge, GNode } from '../api/types.ts';
import { visibleGraph, type CanvasGraph } from '../graph/ops.ts';
import { labelSides, RADIAL_LABEL_CHARS, radialPositions } from '../graph/radial.ts';
import { chunkByBox } from '../graph/chunks.ts';
import { compact, separate, shifted, type Rect } from '../graph/separate.ts';
import { REL_LABEL, stylesheet, TYPE_STYLE } from '../graph/style.ts';
import { communityColors } from '../graph/communities.ts';
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

const short = (s: string, n = 28) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function nodeSize(n: GNode): number {
  if (n.type === 'topic') return 24 + Math.min(60, Math.sqrt(Number(n.props.size ?? 1)) * 6);
  return Math.min(56, 16 + Math.sqrt(n.degree ?? 1) * 5);
}

/** A node's colour: its community's in the co-author view (`communities`: community → colour), else its type's. */
function nodeColor(n: GNode, communities: Map<number, string> | null): string {
  if (communities && n.type === 'author' && typeof n.props.community === 'number') return communities.get(n.props.community) ?? TYPE_STYLE.author.color;
  return TYPE_STYLE[n.type]?.color ?? '#777';
}

export function edgeReason(e: GEdge): string {
  const p = e.props;
  if (e.type === 'COAUTHORED_WITH') return `co-authored ${p.weight} paper${p.weight === 1 ? '' : 's'}`;
  if (e.type === 'SIMILAR_TO' || e.type === 'RELATED') return Array.isArray(p.terms) ? `shares: ${(p.terms as string[]).slice(0, 3).join(', ')}` : String(p.reason ?? 'related');
  if (e.type === 'PATH') return String(p.why ?? 'step');
  if (e.type === 'AUTHORED') return `author #${Number(p.position ?? 0) + 1}`;
  return REL_LABEL[e.type] ?? e.type.toLowerCase();
}

function edgeWidth(e: GEdge): number {
  if (e.type === 'COAUTHORED_WITH') return Math.min(8, 1 + Number(e.props.weight ?? 1));
  if (e.type === 'SIMILAR_TO' || e.type === 'RELATED') return 1 + Math.min(4, Number(e.props.score ?? 0.2) * 6);
  if (typeof e.props.weight === 'number') return Math.min(8, 1 + Math.sqrt(e.props.weight));
  return 1.2;
}

function elements(g: CanvasGraph, s: AppState): ElementDefinition[] {
  const ids = new Set(g.nodes.map((n) => n.id));
  // the related-work placement's papers (relatedPlacement) wrap their titles
  const radial = relatedPlacement(s) ? new Set([s.focus!, ...g.edges.filter((e) => e.type === 'RELATED' && e.source === s.focus).map((e) => e.target)]) : null;
  const colors = s.view === 'coauthors' ? communityColors(g.nodes) : null;
  const out: ElementDefinition[] = g.nodes.map((n) => {
    const parent = s.view === 'topics' && typeof n.props.parentTopic === 'string' && ids.has(n.props.parentTopic) ? n.props.parentTopic : undefined;
    return {
      group: 'nodes',
      data: { id: n.id, type: n.type, label: n.label, short: short(n.label, n.type === 'topic' ? 40 : s.view === 'related' ? RADIAL_LABEL_CHARS : 28), color: nodeColor(n, colors), shape: TYPE_STYLE[n.type]?.shape ?? 'ellipse', size: nodeSize(n), ...(parent ? { parent } : {}) },
      classes: [s.focus === n.id ? 'centre' : '', s.pinned.includes(n.id) ? 'pinned' : '', radial?.has(n.id) ? 'radial' : ''].join(' '),
    };
  });
  const onPath = new Set(s.pathEdges);
  for (const e of g.edges) out.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, type: e.type, reason: edgeReason(e), width: edgeWidth(e) }, classes: onPath.has(e.id) ? 'path' : '' });
  for (const st of g.stubs) {
    out.push({ group: 'nodes', data: { id: st.id, type: 'stub', label: `${st.count} more`, short: `+${st.count} ${REL_LABEL[st.rel] ?? st.rel}`, parentNode: st.parent, rel: st.rel }, classes: 'stub' });
    out.push({ group: 'edges', data: { id: `${st.id}-edge`, source: st.parent, target: st.id, width: 1, reason: `${st.count} more` }, classes: 'stub-edge' });
  }
  return out;
}

/**
 * The related-work view on the automatic layout: a preset placement by relatedness (graph/radial.ts) — distance
 * from the paper in the middle says how related, not where a force simulation happened to settle.
 */
function relatedPlacement(s: AppState): Record<string, { x: number; y: number }> | null {
  if (s.view !== 'related' || s.layout !== 'auto' || !s.focus) return null;
  const scores = s.graph.edges.filter((e) => e.source === s.focus && e.type === 'RELATED').map((e) => ({ id: e.target, score: Number(e.props.score ?? 0) }));
  return scores.length > 0 ? radialPositions(s.focus, scores) : null;
}

/**
 * Compound boxes (the topic map's broad topics) as the force layout leaves them can overlap, since it does not see
 * their titles, and sit far apart: subtopic labels that overlap inside a box are pushed apart, then overlapping
 * boxes are pushed apart with their subtopics; on the topic map the boxes are then pulled toward the centre as far
 * as each stays clear of the others (graph/separate.ts), and the view refitted — a compact map fits at a larger
 * zoom, so its labels are readable. (Spreading the boxes to the view's aspect first was tried: compaction then left
 * a cross-shaped map that fitted smaller.)
 */
function separateBoxes(c: Core): void {
  const rectOf = (n: NodeSingular): Rect => {
    const b = n.boundingBox({ includeLabels: true, includeOverlays: false });
    return { id: n.id(), x0: b.x1, y0: b.y1, x1: b.x2, y1: b.y2 };
  };
  const parents = c.nodes(':parent');
  // Inside each box, subtopics whose labels overlap are pushed apart first (the box grows around them).
  c.batch(() => {
    parents.forEach((p) => {
      const kids = p.children();
      if (kids.length < 2) return;
      const inner = separate(kids.map(rectOf), 6);
      kids.forEach((k) => {
        const o = inner[k.id()]!;
        if (o.dx !== 0 || o.dy !== 0) k.shift({ x: o.dx, y: o.dy });
      });
    });
  });
  if (parents.length < 2) return;
  const rects = parents.map(rectOf);
  const off = separate(rects);
  // Only when every node sits in a box (the topic map): elsewhere a box pulled inward could land on loose nodes.
  if (c.nodes(':childless').every((n) => (n as NodeSingular).isChild())) {
    const together = compact(shifted(rects, off));
    for (const [id, o] of Object.entries(together)) {
      off[id]!.dx += o.dx;
      off[id]!.dy += o.dy;
    }
  }
  const moved = Object.entries(off).map(([id, o]) => ({ id, ...o })).filter((o) => o.dx !== 0 || o.dy !== 0);
  if (moved.length === 0) return;
  c.batch(() => {
    for (const o of moved) c.getElementById(o.id).children().shift({ x: o.dx, y: o.dy });
  });
  c.fit(undefined, 30);
}

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

/** Up to this many nodes a finished force layout's overlapping nodes are pushed apart (pairwise, so not above). */
export const SEPARATE_NODES_MAX = 300;

/**
 * Nodes a force layout left on top of each other (cola stops at its time cap before converging on a busy machine)
 * are pushed apart, a few pixels clear, with the same pure overlap removal as the topic map's boxes. Not on canvases
 * with boxes (their children move with the boxes) nor on large graphs.
 */
function separateNodes(c: Core): void {
  if (c.nodes(':parent').nonempty()) return;
  const nodes = c.nodes(':childless');
  if (nodes.length < 2 || nodes.length > SEPARATE_NODES_MAX) return;
  const rects = nodes.map((n) => {
    const p = n.position();
    const r = n.outerWidth() / 2;
    return { id: n.id(), x0: p.x - r, y0: p.y - r, x1: p.x + r, y1: p.y + r };
  });
  const off = separate(rects, 4);
  c.batch(() => {
    nodes.forEach((n) => {
      const o = off[n.id()];
      if (o && (o.dx !== 0 || o.dy !== 0) && !n.locked()) n.shift({ x: o.dx, y: o.dy });
    });
  });
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

/** Elements added per animation frame when a big expansion joins a graph already on screen. */
const CHUNK = 100;
let generation = 0;

function sync(s: AppState): void {
  if (!cy) return;
  const gen = ++generation;
  const g = visibleGraph(s.graph, { hiddenTypes: s.hiddenTypes, from: s.dateFrom || undefined, to: s.dateTo || undefined, ...(s.only ? { onlyPapers: onlySet(s.only.ids) } : {}) });
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
    if (s.graph !== prev.graph || s.hiddenTypes !== prev.hiddenTypes || s.dateFrom !== prev.dateFrom || s.dateTo !== prev.dateTo || s.only !== prev.only || s.pathEdges !== prev.pathEdges || s.pinned !== prev.pinned || s.focus !== prev.focus || s.view !== prev.view) sync(s);
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
