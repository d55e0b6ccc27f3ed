// The one store, made of typed slices (graph, selection, view, queries); actions live next to their state.
// `createAppState` is the pure state creator (tests use it with `createStore`); `useApp` is the React binding.
import { createStore, type StateCreator } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Graph, NodeType, QueryResult, SavedQuery } from '../api/types.ts';
import { collapse, emptyGraph, mergeGraph, record, redo, removeNodes, replaceGraph, undo, type CanvasGraph, type History } from '../graph/ops.ts';

export type View = 'explore' | 'coauthors' | 'topics' | 'related' | 'queries';
export type Layout = 'auto' | 'cola' | 'fcose' | 'concentric' | 'breadthfirst' | 'grid';
export type Selection = { kind: 'node'; id: string } | { kind: 'edge'; id: string } | null;

export interface GraphSlice {
  graph: CanvasGraph;
  history: History;
  pinned: string[];
  /** Replace the canvas (a view's own picture); undoable. */
  setGraph: (g: Graph) => void;
  /** Add an expansion next to `origin`; undoable. */
  addGraph: (g: Graph, origin?: string, more?: Record<string, number>) => void;
  hide: (ids: string[]) => void;
  collapseNode: (id: string) => void;
  togglePin: (id: string) => void;
  undo: () => void;
  redo: () => void;
  clear: () => void;
}

export interface SelectionSlice {
  selection: Selection;
  select: (s: Selection) => void;
}

export type PaperColour = 'type' | 'month';

export interface ViewSlice {
  view: View;
  layout: Layout;
  /** The node a view is about (author of the ego network, paper of related work, …). */
  focus: string | null;
  depth: number;
  hiddenTypes: NodeType[];
  /** What the colours of papers and topics say: their type, or their time (web/src/graph/months.ts). */
  paperColour: PaperColour;
  dateFrom: string;
  dateTo: string;
  /** Only papers of this tag, topic, author or repo stay visible (their ids, fetched once). */
  only: { id: string; label: string; ids: string[] } | null;
  /** Edges of the paths last found from the canvas, drawn highlighted. */
  pathEdges: string[];
  loading: number;
  error: string | null;
  notice: string | null;
  setView: (v: View) => void;
  setLayout: (l: Layout) => void;
  setFocus: (id: string | null) => void;
  setDepth: (d: number) => void;
  toggleType: (t: NodeType) => void;
  setPaperColour: (c: PaperColour) => void;
  setDates: (from: string, to: string) => void;
  setOnly: (only: { id: string; label: string; ids: string[] } | null) => void;
  setPathEdges: (ids: string[]) => void;
  setError: (e: string | null) => void;
  setNotice: (n: string | null) => void;
  busy: (delta: 1 | -1) => void;
}

export interface QueriesSlice {
  queries: SavedQuery[];
  queryName: string | null;
  queryParams: Record<string, string>;
  result: QueryResult | null;
  resultView: 'graph' | 'table';
  setQueries: (q: SavedQuery[]) => void;
  pickQuery: (name: string | null, params?: Record<string, string>) => void;
  setParam: (name: string, value: string) => void;
  setResult: (r: QueryResult | null) => void;
  setResultView: (v: 'graph' | 'table') => void;
}

export type AppState = GraphSlice & SelectionSlice & ViewSlice & QueriesSlice;

const graphSlice: StateCreator<AppState, [], [], GraphSlice> = (set, get) => {
  const change = (next: (g: CanvasGraph) => CanvasGraph) => {
    const before = get().graph;
    set({ graph: next(before), history: record(get().history, before) });
  };
  return {
    graph: emptyGraph(),
    history: { past: [], future: [] },
    pinned: [],
    setGraph: (g) => change(() => replaceGraph(g)),
    addGraph: (g, origin, more) => change((cur) => mergeGraph(cur, g, origin, more)),
    hide: (ids) => change((cur) => removeNodes(cur, ids)),
    collapseNode: (id) => change((cur) => collapse(cur, id)),
    togglePin: (id) => set((s) => ({ pinned: s.pinned.includes(id) ? s.pinned.filter((p) => p !== id) : [...s.pinned, id] })),
    undo: () => {
      const r = undo(get().history, get().graph);
      if (r) set({ graph: r.graph, history: r.history });
    },
    redo: () => {
      const r = redo(get().history, get().graph);
      if (r) set({ graph: r.graph, history: r.history });
    },
    clear: () => change(() => emptyGraph()),
  };
};

const selectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selection: null,
  select: (selection) => set({ selection }),
});

const viewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  view: 'explore',
  layout: 'auto',
  focus: null,
  depth: 1,
  hiddenTypes: ['source'],
  paperColour: 'type',
  dateFrom: '',
  dateTo: '',
  only: null,
  pathEdges: [],
  loading: 0,
  error: null,
  notice: null,
  setView: (view) => set({ view, error: null }),
  setLayout: (layout) => set({ layout }),
  setFocus: (focus) => set({ focus }),
  setDepth: (depth) => set({ depth: Math.min(3, Math.max(1, depth)) }),
  toggleType: (t) => set((s) => ({ hiddenTypes: s.hiddenTypes.includes(t) ? s.hiddenTypes.filter((x) => x !== t) : [...s.hiddenTypes, t] })),
  setPaperColour: (paperColour) => set({ paperColour }),
  setDates: (dateFrom, dateTo) => set({ dateFrom, dateTo }),
  setOnly: (only) => set({ only }),
  setPathEdges: (pathEdges) => set({ pathEdges }),
  setError: (error) => set({ error }),
  setNotice: (notice) => set({ notice }),
  busy: (delta) => set((s) => ({ loading: Math.max(0, s.loading + delta) })),
});

const queriesSlice: StateCreator<AppState, [], [], QueriesSlice> = (set) => ({
  queries: [],
  queryName: null,
  queryParams: {},
  result: null,
  resultView: 'graph',
  setQueries: (queries) => set({ queries }),
  pickQuery: (queryName, params = {}) => set({ queryName, queryParams: params, result: null }),
  setParam: (name, value) => set((s) => ({ queryParams: { ...s.queryParams, [name]: value } })),
  setResult: (result) => set({ result, resultView: result?.view ?? 'graph' }),
  setResultView: (resultView) => set({ resultView }),
});

export const createAppState: StateCreator<AppState> = (...a) => ({ ...graphSlice(...a), ...selectionSlice(...a), ...viewSlice(...a), ...queriesSlice(...a) });

export const appStore = createStore<AppState>()(createAppState);

/** React binding: pick one value per call. */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}
