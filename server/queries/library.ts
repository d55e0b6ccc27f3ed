// The saved-query library: `cypher/queries/*.cypher` (shipped) and the user folder, each a comment header
// (title, description, params with type/default/description, view, layout) followed by one read-only statement.
import fs from 'node:fs';
import path from 'node:path';

export type ParamType = 'string' | 'int' | 'float' | 'bool' | 'date' | 'node';
export const NODE_LABELS = ['Paper', 'Author', 'Topic', 'Repo', 'Resource', 'Tag', 'Source'] as const;

export interface QueryParam {
  name: string;
  type: ParamType;
  default?: string | number | boolean | null;
  description: string;
  /** For `node` params: the API type of the node (author, paper, …). */
  label?: string;
}

export interface SavedQuery {
  name: string;
  title: string;
  description: string;
  params: QueryParam[];
  view: 'graph' | 'table';
  layout?: string;
  query: string;
  user: boolean;
}

export class QueryFileError extends Error {
  override name = 'QueryFileError';
}

const PARAM = /^([A-Za-z_][A-Za-z0-9_]*)\s*\(\s*(string|int|float|bool|date|node(?::([A-Za-z]+))?)\s*(?:,\s*default:\s*(.*?))?\s*\)\s*(.*)$/;

function coerceDefault(type: ParamType, raw: string | undefined): QueryParam['default'] {
  if (raw === undefined) return undefined;
  const v = raw.trim().replace(/^["']|["']$/g, '');
  if (type === 'int' || type === 'float') return Number(v);
  if (type === 'bool') return v === 'true';
  return v;
}

/** Parses one query file's text. */
export function parseQueryFile(name: string, text: string, user = false): SavedQuery {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const meta: Record<string, string> = {};
  const params: QueryParam[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (!line.startsWith('//')) break;
    const m = /^\/\/\s*([a-z]+):\s*(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === 'param') {
      const p = PARAM.exec(m[2]!.trim());
      if (!p) throw new QueryFileError(`${name}.cypher: cannot read the parameter line "${m[2]}" (expected "name (type, default: value) description")`);
      const type = (p[2]!.startsWith('node') ? 'node' : p[2]) as ParamType;
      const label = p[3] ? p[3].toLowerCase() : undefined;
      const def = coerceDefault(type, p[4]);
      params.push({ name: p[1]!, type, description: p[5] ?? '', ...(def !== undefined ? { default: def } : {}), ...(label ? { label } : {}) });
    } else meta[m[1]!] = m[2]!.trim();
  }
  const query = lines.slice(i).join('\n').trim().replace(/;\s*$/, '');
  if (!meta.title) throw new QueryFileError(`${name}.cypher: the header needs a "// title:" line`);
  if (!query) throw new QueryFileError(`${name}.cypher: no statement after the header`);
  const view = meta.view === 'table' ? 'table' : 'graph';
  return { name, title: meta.title, description: meta.description ?? '', params, view, ...(meta.layout ? { layout: meta.layout } : {}), query, user };
}

/** Renders a query back to file text (used by "save as"). */
export function renderQueryFile(q: Omit<SavedQuery, 'name' | 'user'>): string {
  const head = [`// title: ${q.title}`, `// description: ${q.description}`];
  for (const p of q.params) head.push(`// param: ${p.name} (${p.type}${p.label ? `:${p.label[0]!.toUpperCase()}${p.label.slice(1)}` : ''}${p.default !== undefined ? `, default: ${String(p.default)}` : ''}) ${p.description}`);
  head.push(`// view: ${q.view}`);
  if (q.layout) head.push(`// layout: ${q.layout}`);
  return `${head.join('\n')}\n${q.query.trim()}\n`;
}

/** Reads every query of the shipped folder and the user folder (user queries may not shadow shipped ones). */
export function loadLibrary(dir: string, userDir: string): SavedQuery[] {
  const read = (folder: string, user: boolean) =>
    fs.existsSync(folder)
      ? fs.readdirSync(folder).filter((f) => f.endsWith('.cypher')).sort().map((f) => parseQueryFile(f.replace(/\.cypher$/, ''), fs.readFileSync(path.join(folder, f), 'utf8'), user))
      : [];
  const shipped = read(dir, false);
  const names = new Set(shipped.map((q) => q.name));
  return [...shipped, ...read(userDir, true).filter((q) => !names.has(q.name))];
}
