// Named user operations: each fetches from the API and updates the store (graph, view, errors in words).
// Components call these; nothing else fetches.
import { api, ApiError } from '../api/client.ts';
import type { GEdge, GNode, Graph } from '../api/types.ts';
import { appStore, type View } from '../store/index.ts';
import { fromSearch, toSearch } from '../url.ts';

const st = () => appStore.getState();

async function guarded<T>(fn: () => Promise<T>): Promise<T | undefined> {
  st().busy(1);
  st().setError(null);
  try {
    return await fn();
  } catch (e) {
    st().setError(e instanceof ApiError ? e.message : `Something went wrong: ${String(e)}`);
    return undefined;
  } finally {
    st().busy(-1);
  }
}

/** Expands a node on the canvas (all relationship types, or the given ones). */
export function expand(id: string, rels?: string[], limit = 25) {
  return guarded(async () => {
    const g = await api.neighbors(id, rels, limit);
    st().addGraph(g, id, g.more);
    syncUrl();
  });
}

/** Puts a node (and its first neighbours) on the Explore canvas and selects it. */
export function openNode(id: string) {
  return guarded(async () => {
    const fresh = st().view !== 'explore';
    if (fresh) st().setView('explore');
    const g = await api.neighbors(id, undefined, 12);
    // Coming from another view starts a clean exploration; within Explore the node joins the canvas.
    if (fresh) st().setGraph(g);
    st().addGraph({ nodes: [], edges: [], truncated: false }, id, g.more);
    if (!fresh) st().addGraph(g, id, g.more);
    st().select({ kind: 'node', id });
    st().setFocus(id);
    syncUrl();
  });
}

export function loadCoauthors(id: string, depth = st().depth) {
  return guarded(async () => {
    const g = await api.coauthors(id, depth);
    st().setGraph(g);
    st().setFocus(id);
    st().select({ kind: 'node', id });
    syncUrl();
  });
}

/** The topic map: coarse topics as compound parents of their subtopics, linked by similarity. */
export function loadTopics() {
  return guarded(async () => {
    const map = await api.topics();
    const nodes: GNode[] = map.topics.map((t) => ({ id: t.id, type: 'topic', label: `${t.label} (${t.size})`, props: { ...t, parentTopic: t.parent } }));
    const fine = new Set(map.topics.filter((t) => t.level === 1).map((t) => t.id));
    const edges: GEdge[] = map.links
      .filter((l) => fine.has(l.source) && fine.has(l.target) && l.similar >= 2)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, Math.max(12, fine.size))
      .map((l) => ({ id: `RELATED:${l.source}->${l.target}`, type: 'RELATED', source: l.source, target: l.target, props: { weight: l.similar, reason: `${l.similar} similar paper pairs` } }));
    st().setGraph({ nodes, edges, truncated: false });
    syncUrl();
  });
}

/** Related work of a paper: the paper, its related papers and an edge per relation carrying its reasons. */
export function loadRelated(id: string) {
  return guarded(async () => {
    const ans = await api.related(id, 12);
    // `date` is a date or a month: the month colours the paper when papers are coloured by month
    const month = (date: string | null) => (date ? { month: date.slice(0, 7) } : {});
    const centre: GNode = { id, type: 'paper', label: ans.paper.title, props: { ...month(ans.paper.date) } };
    const nodes: GNode[] = [centre, ...ans.related.map((r) => ({ id: r.id, type: 'paper' as const, label: r.title, props: { score: r.score, ...month(r.date) } }))];
    const edges: GEdge[] = ans.related.map((r) => ({
      id: `RELATED:${id}->${r.id}`,
      type: 'RELATED',
      source: id,
      target: r.id,
      props: { score: r.score, reasons: r.reasons, reason: r.reasons.map((x) => `${x.kind}: ${x.items.slice(0, 2).join(', ')}`).join(' · '), terms: r.reasons.find((x) => x.kind === 'terms')?.items ?? [] },
    }));
    // Focus first: the automatic layout places related papers around the focus when the graph arrives.
    st().setFocus(id);
    st().setGraph({ nodes, edges, truncated: false });
    relatedStore.set(ans);
    syncUrl();
  });
}

export const relatedStore = {
  value: null as Awaited<ReturnType<typeof api.related>> | null,
  listeners: new Set<() => void>(),
  set(v: Awaited<ReturnType<typeof api.related>> | null) {
    this.value = v;
    for (const l of this.listeners) l();
  },
};

export const pathStore = {
  value: null as Awaited<ReturnType<typeof api.paths>> | null,
  listeners: new Set<() => void>(),
  set(v: Awaited<ReturnType<typeof api.paths>> | null) {
    this.value = v;
    for (const l of this.listeners) l();
  },
};

export function tracePath(from: string, to: string) {
  return guarded(async () => {
    const ans = await api.paths(from, to, 4, 3);
    pathStore.set(ans);
    const edges: GEdge[] = ans.paths.flatMap((p) => p.steps.map((s) => {
      const [a, b] = s.direction === 'out' ? [s.from.id, s.to.id] : [s.to.id, s.from.id];
      return { id: `${s.rel}:${a}->${b}`, type: 'PATH', source: a, target: b, props: { why: s.why, rel: s.rel } };
    }));
    const g: Graph = { nodes: ans.graph.nodes, edges, truncated: false };
    st().setGraph(g);
    if (ans.paths.length === 0) st().setNotice(`No path within 4 steps between these two (paths avoid hubs of more than ${ans.maxDegree} links).`);
    syncUrl();
  });
}

/** Keeps only the papers of a tag, topic, author or repo visible on the canvas (until cleared). */
export function filterPapersBy(id: string, label?: string) {
  return guarded(async () => {
    const [ans, name] = await Promise.all([api.paperIds(id), label ? Promise.resolve(label) : api.node(id).then((d) => d.node.label)]);
    st().setOnly({ id, label: name, ids: ans.ids });
    if (ans.total > ans.ids.length) st().setNotice(`Filtering by the first ${ans.ids.length} of ${ans.total} papers of ${name}.`);
    syncUrl();
  });
}

export function clearPaperFilter() {
  st().setOnly(null);
  syncUrl();
}

/** "Find path to…": the node a path starts from while the user picks where it ends. */
export const pathPick = {
  value: null as { from: string; label: string } | null,
  listeners: new Set<() => void>(),
  set(v: { from: string; label: string } | null) {
    this.value = v;
    for (const l of this.listeners) l();
  },
};

/** Adds up to 3 shortest paths between two nodes to the Explore canvas, each step explained. */
export function findPathOnCanvas(from: string, to: string) {
  return guarded(async () => {
    const ans = await api.paths(from, to, 4, 3);
    pathStore.set(ans);
    const edges: GEdge[] = ans.paths.flatMap((p) => p.steps.map((s) => {
      const [a, b] = s.direction === 'out' ? [s.from.id, s.to.id] : [s.to.id, s.from.id];
      return { id: `${s.rel}:${a}->${b}`, type: s.rel, source: a, target: b, props: { why: s.why, reason: s.why } };
    }));
    st().addGraph({ nodes: ans.graph.nodes, edges, truncated: false }, from);
    st().setPathEdges(edges.map((e) => e.id));
    const lengths = ans.paths.map((p) => p.steps.length);
    const span = lengths.length ? (Math.min(...lengths) === Math.max(...lengths) ? `${lengths[0]}` : `${Math.min(...lengths)}–${Math.max(...lengths)}`) : '';
    st().setNotice(ans.paths.length === 0 ? `No path within 4 steps between these two (paths avoid hubs of more than ${ans.maxDegree} links).` : `${ans.paths.length} path${ans.paths.length > 1 ? 's' : ''} of ${span} steps added to the canvas.`);
    syncUrl();
  });
}

export function loadQueries() {
  return guarded(async () => st().setQueries((await api.queries()).queries));
}

export function runSavedQuery(name: string, params: Record<string, string>) {
  return guarded(async () => {
    const q = st().queries.find((x) => x.name === name);
    const typed: Record<string, unknown> = {};
    for (const p of q?.params ?? []) {
      const v = params[p.name];
      if (v === undefined || v === '') continue;
      typed[p.name] = p.type === 'int' || p.type === 'float' ? Number(v) : p.type === 'bool' ? v === 'true' : v;
    }
    const r = await api.runQuery(name, typed);
    st().setResult(r);
    st().setGraph(r.graph);
    syncUrl();
  });
}

export function runCypher(query: string) {
  return guarded(async () => {
    const r = await api.cypher(query);
    st().setResult(r);
    st().setGraph(r.graph);
  });
}

/** Selects a node already on the canvas (or opens it in Explore when it is not there). */
export function selectOnCanvas(id: string): void {
  if (st().graph.nodes.some((n) => n.id === id)) st().select({ kind: 'node', id });
  else void openNode(id);
}

/** Switches view and loads its default picture. */
export function switchView(v: View) {
  st().setView(v);
  st().select(null);
  if (v === 'topics') void loadTopics();
  if (v === 'queries' && st().queries.length === 0) void loadQueries();
  if (v === 'coauthors' && st().focus?.startsWith('author:')) void loadCoauthors(st().focus!);
  if (v === 'related' && st().focus?.startsWith('paper:')) void loadRelated(st().focus!);
  syncUrl();
}

let pathTo: string | undefined;
export const setPathTarget = (id: string | undefined) => (pathTo = id);

/** Writes the view state into the address bar (replaceState: no history spam). */
export function syncUrl(): void {
  const s = st();
  const expanded = s.view === 'explore' ? [...new Set(Object.values(s.graph.origin))].slice(0, 20) : [];
  const search = toSearch({ view: s.view, ...(s.focus ? { focus: s.focus } : {}), ...(pathTo && s.view === 'related' ? { to: pathTo } : {}), ...(s.only ? { only: s.only.id } : {}), depth: s.depth, layout: s.layout, colour: s.paperColour, ...(s.view === 'queries' && s.queryName ? { query: s.queryName } : {}), params: s.queryParams, expanded });
  if (typeof window !== 'undefined' && window.location.search !== search) window.history.replaceState(null, '', search);
}

/** Restores a shared link's state; returns false when the URL holds none. */
export async function restoreFromUrl(search: string): Promise<boolean> {
  const u = fromSearch(search);
  if (!search || search === '?') return false;
  const s = st();
  if (u.layout) s.setLayout(u.layout as never);
  if (u.colour === 'month') s.setPaperColour('month');
  if (u.depth) s.setDepth(u.depth);
  s.setView(u.view as View);
  if (u.view === 'queries') {
    await loadQueries();
    if (u.query) {
      s.pickQuery(u.query, u.params);
      await runSavedQuery(u.query, u.params);
    }
    return true;
  }
  if (u.only) await filterPapersBy(u.only);
  if (u.view === 'topics') await loadTopics();
  else if (u.view === 'coauthors' && u.focus) await loadCoauthors(u.focus, u.depth ?? 1);
  else if (u.view === 'related' && u.focus && u.to) {
    pathTo = u.to;
    await tracePath(u.focus, u.to);
  } else if (u.view === 'related' && u.focus) await loadRelated(u.focus);
  else if (u.focus) {
    await openNode(u.focus);
    for (const x of u.expanded) if (x !== u.focus) await expand(x);
  } else return false;
  return true;
}
