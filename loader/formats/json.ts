// JSON exports: an array of paper objects (or `{papers: [...]}`) — the sidecar format digest generators publish.
// Fields: title, authors (string or list), link/url, summary/abstract, classification, github_urls, huggingface_urls, date.
import JSON5 from 'json5';
import type { FormatAdapter, LoadIssue, PaperRecord, ParseResult } from '../types.ts';
import { arxivIdFromUrl, clean, isEmptyValue, isoDate, isPaperLink, parseList, splitAuthors, urlsInText } from './text.ts';

type Obj = Record<string, unknown>;

function str(o: Obj, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string' && !isEmptyValue(v)) return clean(v);
  }
  return undefined;
}

function list(o: Obj, ...keys: string[]): string[] {
  const out: string[] = [];
  for (const k of keys) {
    const v = o[k];
    if (Array.isArray(v)) out.push(...v.filter((x): x is string => typeof x === 'string' && !isEmptyValue(x)).map(clean));
    else if (typeof v === 'string') out.push(...parseList(v).items);
  }
  return out;
}

/** Line (1-based) on which each element of the paper array starts (the array at depth 1, or under "papers"). */
function elementLines(text: string, arrayDepth: number): number[] {
  const starts: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let expecting = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (depth === arrayDepth && expecting && !/[\s,\]]/.test(ch)) {
      starts.push(line);
      expecting = false;
    }
    if (ch === ',' && depth === arrayDepth) expecting = true;
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      depth++;
      if (ch === '[' && depth === arrayDepth) expecting = true;
    } else if (ch === '}' || ch === ']') depth--;
  }
  return starts;
}

export function parseJson(text: string, file: string): ParseResult {
  const issues: LoadIssue[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    let line = 1;
    try {
      JSON5.parse(text);
    } catch (e5) {
      line = (e5 as { lineNumber?: number }).lineNumber ?? 1;
    }
    return { format: 'json', records: [], rows: 0, issues: [{ file, line, reason: `invalid JSON: ${(e as Error).message}`, severity: 'error' }] };
  }
  const items = Array.isArray(data) ? data : Array.isArray((data as Obj | null)?.papers) ? ((data as Obj).papers as unknown[]) : null;
  if (!items) return { format: 'json', records: [], rows: 0, issues: [{ file, line: 1, reason: 'expected an array of paper objects (or {"papers": [...]})', severity: 'error' }] };
  const lines = elementLines(text, Array.isArray(data) ? 1 : 2);
  const records: PaperRecord[] = [];
  items.forEach((item, index) => {
    const line = lines[index] ?? 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      issues.push({ file, line, reason: `item ${index + 1} is not an object`, severity: 'error' });
      return;
    }
    const o = item as Obj;
    const title = str(o, 'title', 'Title', 'name');
    if (!title) {
      const raw = o.title ?? o.Title ?? o.name;
      const why = raw === undefined || raw === null || (typeof raw === 'string') ? 'has no title' : `has a title that is not text (${Array.isArray(raw) ? 'array' : typeof raw})`;
      issues.push({ file, line, reason: `item ${index + 1} ${why}`, severity: 'error' });
      return;
    }
    const authorsValue = o.authors ?? o.Authors;
    if (authorsValue !== undefined && authorsValue !== null && typeof authorsValue !== 'string' && !Array.isArray(authorsValue)) {
      issues.push({ file, line, reason: `item ${index + 1}: "authors" is a ${typeof authorsValue}, not text or a list; ignored`, severity: 'warning' });
    }
    const dateText = str(o, 'date', 'published');
    if (dateText && !isoDate(dateText)) {
      issues.push({ file, line, reason: `item ${index + 1}: date "${dateText.slice(0, 40)}" is not a YYYY-MM-DD date; ignored`, severity: 'warning' });
    }
    const url = str(o, 'link', 'url', 'arxiv_url', 'paper_url', 'pdf_url');
    const authorsRaw = o.authors ?? o.Authors;
    const authors = Array.isArray(authorsRaw) ? authorsRaw.filter((a): a is string => typeof a === 'string').map(clean).filter((a) => !isEmptyValue(a)) : typeof authorsRaw === 'string' ? splitAuthors(authorsRaw) : [];
    const links = [...list(o, 'github_urls', 'github', 'code', 'huggingface_urls', 'hf_urls', 'links')].flatMap((l) => (urlsInText(l).length ? urlsInText(l) : []));
    const arxivId = (url && arxivIdFromUrl(url)) || str(o, 'arxiv_id', 'arxivId')?.replace(/v\d+$/, '');
    const date = isoDate(str(o, 'date', 'published') ?? '');
    const record: PaperRecord = {
      title,
      authors,
      tags: list(o, 'classification', 'tags', 'categories'),
      links: links.filter((l) => !isPaperLink(l)),
      source: { file, line },
      ...(url ? { url } : {}),
      ...(arxivId ? { arxivId } : {}),
      ...(str(o, 'summary', 'tldr') ? { summary: str(o, 'summary', 'tldr')! } : {}),
      ...(str(o, 'abstract') ? { abstract: str(o, 'abstract')! } : {}),
      ...(date ? { date, month: date.slice(0, 7) } : {}),
    };
    records.push(record);
  });
  return { format: 'json', records, issues, rows: items.length };
}

export const jsonExport: FormatAdapter = {
  name: 'json',
  detect(text, file) {
    const t = text.trimStart();
    if (t.startsWith('[') || t.startsWith('{')) return /\.json$/i.test(file) ? 0.99 : 0.8;
    return 0;
  },
  parse: parseJson,
};
