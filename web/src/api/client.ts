// The only place the web app talks to the server: typed fetch wrappers; failures become ApiError with words.
import type { CoauthorPair, Graph, NodeDetails, PathsAnswer, QueryResult, RelatedAnswer, SavedQuery, SearchResult, Stats, TopicMap, TopicPage } from './types.ts';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Turns a failed response into an ApiError with a readable message. */
export async function toApiError(res: Response): Promise<ApiError> {
  let detail = '';
  let code = 'HTTP_' + res.status;
  try {
    const body = (await res.json()) as { detail?: string; code?: string };
    detail = body.detail ?? '';
    code = body.code ?? code;
  } catch {
    /* not JSON */
  }
  const fallback = res.status === 503 ? 'The graph database is not reachable right now; retry in a few seconds.' : `The server answered ${res.status}.`;
  return new ApiError(res.status, code, detail || fallback);
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { Accept: 'application/json', ...(init?.body ? { 'Content-Type': 'application/json' } : {}), ...init?.headers } });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Cannot reach the server. Is it running?');
  }
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as T;
}

const enc = encodeURIComponent;

export const api = {
  stats: () => request<Stats>('/api/stats'),
  search: (q: string, types?: string[], limit = 8) => request<{ results: SearchResult[] }>(`/api/search?q=${enc(q)}&limit=${limit}${types?.length ? `&types=${types.join(',')}` : ''}`),
  node: (id: string) => request<NodeDetails>(`/api/nodes/${enc(id)}`),
  neighbors: (id: string, rels?: string[], limit = 25) => request<Graph & { more: Record<string, number> }>(`/api/nodes/${enc(id)}/neighbors?limit=${limit}${rels?.length ? `&rel=${rels.join(',')}` : ''}`),
  coauthors: (id: string, depth: number) => request<Graph>(`/api/authors/${enc(id)}/coauthors?depth=${depth}`),
  coauthorPair: (a: string, b: string) => request<CoauthorPair>(`/api/authors/${enc(a)}/coauthors/${enc(b)}`),
  paperIds: (id: string) => request<{ ids: string[]; total: number }>(`/api/nodes/${enc(id)}/papers`),
  topics: () => request<TopicMap>('/api/topics'),
  topic: (id: string) => request<TopicPage>(`/api/topics/${enc(id)}`),
  related: (id: string, limit = 12) => request<RelatedAnswer>(`/api/papers/${enc(id)}/related?limit=${limit}`),
  paths: (from: string, to: string, maxHops = 4, k = 3) => request<PathsAnswer>(`/api/paths?from=${enc(from)}&to=${enc(to)}&maxHops=${maxHops}&k=${k}`),
  queries: () => request<{ queries: SavedQuery[] }>('/api/queries'),
  runQuery: (name: string, params: Record<string, unknown>) => request<QueryResult>(`/api/queries/${enc(name)}/run`, { method: 'POST', body: JSON.stringify({ params }) }),
  cypher: (query: string, params: Record<string, unknown> = {}) => request<QueryResult>('/api/cypher', { method: 'POST', body: JSON.stringify({ query, params }) }),
  saveQuery: (q: { name: string; title: string; description: string; query: string; view: 'graph' | 'table' }) => request<{ query: SavedQuery }>('/api/queries', { method: 'POST', body: JSON.stringify(q) }),
};
