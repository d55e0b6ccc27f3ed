// The view's state in the URL: view, focus node, depth, layout, papers' colouring, query and its parameters, a
// second node for paths, and the expanded nodes of Explore. Reload or share the link and the same graph comes back.
export interface UrlState {
  view: string;
  focus?: string;
  to?: string;
  /** Only papers of this node stay visible. */
  only?: string;
  depth?: number;
  layout?: string;
  /** Papers coloured by month ("month"; by type when absent). */
  colour?: string;
  query?: string;
  params: Record<string, string>;
  expanded: string[];
}

const RESERVED = new Set(['view', 'focus', 'to', 'only', 'depth', 'layout', 'colour', 'query', 'x']);

export function toSearch(s: UrlState): string {
  const p = new URLSearchParams();
  p.set('view', s.view);
  if (s.query) {
    // A saved query's link carries only the query and its parameters (any name, even "depth").
    p.set('query', s.query);
    for (const [k, v] of Object.entries(s.params)) if (k !== 'view' && k !== 'query' && v !== '') p.set(k, v);
    return `?${p.toString()}`;
  }
  if (s.focus) p.set('focus', s.focus);
  if (s.to) p.set('to', s.to);
  if (s.only) p.set('only', s.only);
  if (s.depth && s.depth !== 1) p.set('depth', String(s.depth));
  if (s.layout && s.layout !== 'auto') p.set('layout', s.layout);
  if (s.colour && s.colour !== 'type') p.set('colour', s.colour);
  for (const id of s.expanded) p.append('x', id);
  return `?${p.toString()}`;
}

export function fromSearch(search: string): UrlState {
  const p = new URLSearchParams(search);
  const params: Record<string, string> = {};
  const query = p.get('query');
  for (const [k, v] of p.entries()) if (query ? k !== 'view' && k !== 'query' : !RESERVED.has(k)) params[k] = v;
  if (query) return { view: p.get('view') ?? 'queries', query, params, expanded: [] };
  const depth = Number(p.get('depth'));
  return {
    view: p.get('view') ?? (p.get('query') ? 'queries' : 'explore'),
    ...(p.get('focus') ? { focus: p.get('focus')! } : {}),
    ...(p.get('to') ? { to: p.get('to')! } : {}),
    ...(p.get('only') ? { only: p.get('only')! } : {}),
    ...(depth >= 1 && depth <= 3 ? { depth } : {}),
    ...(p.get('layout') ? { layout: p.get('layout')! } : {}),
    ...(p.get('colour') ? { colour: p.get('colour')! } : {}),
    ...(p.get('query') ? { query: p.get('query')! } : {}),
    params,
    expanded: p.getAll('x'),
  };
}
