// The Cytoscape instance lives here, outside React state, and follows the store: it diffs the visible graph into
// the canvas, places new nodes next to the node they came from, and runs the chosen (or automatic) layout.
import cytoscape, { type Core, type ElementDefinition, type LayoutOptions } from 'cytoscape';
import cola from 'cytoscape-cola';
import fcose from 'cytoscape-fcose';
import { createStore } from 'zustand/vanilla';
import type { GEdge, GNode } from '../api/types.ts';
import { visibleGraph, type CanvasGraph } from '../graph/ops.ts';
import { COMMUNITY_COLORS, REL_LABEL, stylesheet, TYPE_STYLE } from '../graph/style.ts';
import { appStore, type AppState, type Layout } from '../store/index.ts';

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

function nodeColor(n: GNode, s: AppState): string {
  if (s.view === 'coauthors' && n.type === 'author' && typeof n.props.community === 'number') return COMMUNITY_COLORS[n.props.community % COMMUNITY_COLORS.length]!;
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
  const out: ElementDefinition[] = g.nodes.map((n) => {
    const parent = s.view === 'topics' && typeof n.props.parentTopic === 'string' && ids.has(n.props.parentTopic) ? n.props.parentTopic : undefined;
    return {
      group: 'nodes',
      data: { id: n.id, type: n.type, label: n.label, short: short(n.label, n.type === 'topic' ? 40 : 28), color: nodeColor(n, s), shape: TYPE_STYLE[n.type]?.shape ?? 'ellipse', size: nodeSize(n), ...(parent ? { parent } : {}) },
      classes: [s.focus === n.id ? 'centre' : '', s.pinned.includes(n.id) ? 'pinned' : ''].join(' '),
    };
  });
  for (const e of g.edges) out.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, type: e.type, reason: edgeReason(e), width: edgeWidth(e) } });
  for (const st of g.stubs) {
    out.push({ group: 'nodes', data: { id: st.id, type: 'stub', label: `${st.count} more`, short: `+${st.count} ${REL_LABEL[st.rel] ?? st.rel}`, parentNode: st.parent, rel: st.rel }, classes: 'stub' });
    out.push({ group: 'edges', data: { id: `${st.id}-edge`, source: st.parent, target: st.id, width: 1, reason: `${st.count} more` }, classes: 'stub-edge' });
  }
  return out;
}

function layoutOptions(name: Layout, count: number, compound: boolean): LayoutOptions {
  const chosen = name === 'auto' ? (count <= 300 && !compound ? 'cola' : 'fcose') : name;
  const animate = count <= 150;
  switch (chosen) {
    case 'cola':
      return { name: 'cola', animate, randomize: false, maxSimulationTime: count > 150 ? 1500 : 2500, nodeSpacing: 12, edgeLength: 90, fit: true, padding: 40 } as LayoutOptions;
    case 'fcose':
      return { name: 'fcose', animate: false, randomize: compound, quality: count > 1000 ? 'draft' : 'default', nodeRepulsion: compound ? 9000 : 6000, idealEdgeLength: compound ? 110 : 80, nestingFactor: 0.2, gravity: 0.3, tile: true, fit: true, padding: 30 } as LayoutOptions;
    case 'concentric':
      return { name: 'concentric', animate: false, fit: true, padding: 30, minNodeSpacing: 12 } as LayoutOptions;
    case 'breadthfirst':
      return { name: 'breadthfirst', animate: false, fit: true, padding: 30, directed: false, spacingFactor: 1.1 } as LayoutOptions;
    default:
      return { name: 'grid', animate: false, fit: true, padding: 30 } as LayoutOptions;
  }
}

/** Runs the current layout over the whole canvas (measured for the status line and benchmarks). */
export function runLayout(): void {
  if (!cy) return;
  const s = appStore.getState();
  const t0 = performance.now();
  const layout = cy.layout(layoutOptions(s.layout, cy.nodes().length, cy.nodes(':parent').length > 0));
  layout.one('layoutstop', () => {
    lastLayoutMs = Math.round(performance.now() - t0);
    // Small graphs: do not blow nodes up to fill the screen.
    if (cy && cy.zoom() > 1.3) {
      cy.zoom(1.3);
      cy.center();
    }
  });
  layout.run();
}

function sync(s: AppState): void {
  if (!cy) return;
  const g = visibleGraph(s.graph, { hiddenTypes: s.hiddenTypes, from: s.dateFrom || undefined, to: s.dateTo || undefined });
  const wanted = elements(g, s);
  const wantedIds = new Set(wanted.map((e) => e.data.id!));
  let added = 0;
  cy.batch(() => {
    cy!.elements().filter((el) => !wantedIds.has(el.id())).remove();
    for (const el of wanted) {
      const existing = cy!.getElementById(el.data.id!);
      if (existing.nonempty()) {
        existing.data(el.data);
        existing.classes(el.classes ?? '');
        continue;
      }
      const originId = el.group === 'nodes' ? (s.graph.origin[el.data.id!] ?? (el.data.parentNode as string | undefined)) : undefined;
      const origin = originId ? cy!.getElementById(originId) : null;
      const pos = origin?.nonempty() ? origin.position() : { x: 0, y: 0 };
      const position = el.group === 'nodes' ? { x: pos.x + (Math.random() - 0.5) * 80, y: pos.y + (Math.random() - 0.5) * 80 } : undefined;
      cy!.add({ ...el, ...(position ? { position } : {}) });
      added++;
    }
    for (const id of s.pinned) cy!.getElementById(id).lock();
  });
  if (added > 0) runLayout();
}

/** Creates the canvas in `container`; returns a cleanup that destroys it. */
export function mountCanvas(container: HTMLElement, events: CanvasEvents): () => void {
  cy = cytoscape({ container, style: stylesheet() as cytoscape.StylesheetJson, minZoom: 0.05, maxZoom: 4, boxSelectionEnabled: false });
  (window as unknown as { __pge: unknown }).__pge = { cy, store: appStore };
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
  cy.on('mouseout', 'node, edge', (ev) => ev.target.removeClass('hover'));
  sync(appStore.getState());
  const unsubscribe = appStore.subscribe((s, prev) => {
    if (s.graph !== prev.graph || s.hiddenTypes !== prev.hiddenTypes || s.dateFrom !== prev.dateFrom || s.dateTo !== prev.dateTo || s.pinned !== prev.pinned || s.focus !== prev.focus || s.view !== prev.view) sync(s);
    if (s.layout !== prev.layout) runLayout();
    if (s.selection !== prev.selection && cy) {
      cy.elements().unselect();
      if (s.selection) cy.getElementById(s.selection.id).select();
    }
  });
  return () => {
    unsubscribe();
    cy?.destroy();
    cy = null;
  };
}

export function fit(): void {
  cy?.animate({ fit: { eles: cy.elements(), padding: 40 } }, { duration: 250 });
}

export function zoom(factor: number): void {
  if (!cy) return;
  cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}
