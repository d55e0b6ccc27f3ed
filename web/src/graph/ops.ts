// Pure graph operations on the canvas graph: merge an expansion (keeping what is there), remove, collapse,
// "N more" stubs, type/date filters, and an undo/redo history. Every function returns a new value.
import type { GEdge, GNode, Graph, NodeType } from '../api/types.ts';

export interface Stub {
  id: string;
  parent: string;
  rel: string;
  count: number;
}

export interface CanvasGraph {
  nodes: GNode[];
  edges: GEdge[];
  stubs: Stub[];
  truncated: boolean;
  /** For nodes added by an expansion: the node they came from (new nodes are placed next to it). */
  origin: Record<string, string>;
}

export const emptyGraph = (): CanvasGraph => ({ nodes: [], edges: [], stubs: [], truncated: false, origin: {} });

/** Adds `add` to `g`; existing nodes and edges are kept as they are. */
export function mergeGraph(g: CanvasGraph, add: Graph, origin?: string, more: Record<string, number> = {}): CanvasGraph {
  const have = new Set(g.nodes.map((n) => n.id));
  const newNodes = add.nodes.filter((n) => !have.has(n.id));
  const nodes = [...g.nodes, ...newNodes];
  const ids = new Set(nodes.map((n) => n.id));
  const edgeIds = new Set(g.edges.map((e) => e.id));
  const edges = [...g.edges, ...add.edges.filter((e) => !edgeIds.has(e.id) && ids.has(e.source) && ids.has(e.target))];
  const originMap = { ...g.origin };
  if (origin) for (const n of newNodes) if (n.id !== origin) originMap[n.id] = origin;
  let stubs = g.stubs;
  if (origin) {
    stubs = stubs.filter((s) => s.parent !== origin || (more[s.rel] ?? 0) > 0);
    stubs = [...stubs.filter((s) => s.parent !== origin), ...Object.entries(more).filter(([, n]) => n > 0).map(([rel, count]) => ({ id: `more:${origin}:${rel}`, parent: origin, rel, count }))];
  }
  return { nodes, edges, stubs, truncated: g.truncated || add.truncated, origin: originMap };
}

/** Replaces the whole graph (a view loading its own picture). */
export function replaceGraph(add: Graph): CanvasGraph {
  return mergeGraph(emptyGraph(), add);
}

/** Removes nodes, their edges and their stubs. */
export function removeNodes(g: CanvasGraph, ids: string[]): CanvasGraph {
  const gone = new Set(ids);
  return {
    ...g,
    nodes: g.nodes.filter((n) => !gone.has(n.id)),
    edges: g.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
    stubs: g.stubs.filter((s) => !gone.has(s.parent)),
  };
}

/** Removes the neighbours of `id` that hang only on it (what an expansion added), keeping `id`. */
export function collapse(g: CanvasGraph, id: string): CanvasGraph {
  const degree = new Map<string, number>();
  for (const e of g.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const leaves = g.edges
    .filter((e) => e.source === id || e.target === id)
    .map((e) => (e.source === id ? e.target : e.source))
    .filter((n) => n !== id && (degree.get(n) ?? 0) <= 1);
  const next = removeNodes(g, leaves);
  return { ...next, stubs: next.stubs.filter((s) => s.parent !== id) };
}

export interface Filters {
  hiddenTypes: NodeType[];
  /** `YYYY-MM` bounds on paper months (inclusive); papers without a month stay visible. */
  from?: string;
  to?: string;
  /** When set, only these papers stay visible (other node types are not affected). */
  onlyPapers?: ReadonlySet<string>;
}

/** The part of the graph that passes the filters (edges need both ends visible). */
export function visibleGraph(g: CanvasGraph, f: Filters): CanvasGraph {
  const hidden = new Set(f.hiddenTypes);
  const keep = (n: GNode) => {
    if (hidden.has(n.type)) return false;
    const month = typeof n.props.month === 'string' ? n.props.month : null;
    if (n.type === 'paper' && month && ((f.from && month < f.from) || (f.to && month > f.to))) return false;
    if (n.type === 'paper' && f.onlyPapers && !f.onlyPapers.has(n.id)) return false;
    return true;
  };
  const nodes = g.nodes.filter(keep);
  const ids = new Set(nodes.map((n) => n.id));
  return { ...g, nodes, edges: g.edges.filter((e) => ids.has(e.source) && ids.has(e.target)), stubs: g.stubs.filter((s) => ids.has(s.parent)) };
}

/** Counts nodes per type (for the legend). */
export function countByType(g: CanvasGraph): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of g.nodes) out[n.type] = (out[n.type] ?? 0) + 1;
  return out;
}

export interface History {
  past: CanvasGraph[];
  future: CanvasGraph[];
}

const LIMIT = 50;

/** Records `before` so the change that follows can be undone. */
export function record(h: History, before: CanvasGraph): History {
  return { past: [...h.past, before].slice(-LIMIT), future: [] };
}

export function undo(h: History, current: CanvasGraph): { history: History; graph: CanvasGraph } | null {
  const prev = h.past[h.past.length - 1];
  if (!prev) return null;
  return { history: { past: h.past.slice(0, -1), future: [current, ...h.future] }, graph: prev };
}

export function redo(h: History, current: CanvasGraph): { history: History; graph: CanvasGraph } | null {
  const next = h.future[0];
  if (!next) return null;
  return { history: { past: [...h.past, current], future: h.future.slice(1) }, graph: next };
}

/** CSV of nodes (id,type,label) then edges (source,type,target). */
export function toCsv(g: CanvasGraph): string {
  const q = (s: unknown) => `"${String(s ?? '').replace(/"/g, '""')}"`;
  const lines = ['kind,id,type,label,source,target'];
  for (const n of g.nodes) lines.push(['node', q(n.id), n.type, q(n.label), '', ''].join(','));
  for (const e of g.edges) lines.push(['edge', q(e.id), e.type, '', q(e.source), q(e.target)].join(','));
  return lines.join('\n');
}
