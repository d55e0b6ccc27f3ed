// Digest Markdown: `## Papers for YYYY-MM-DD` headings date the GFM table rows under them; columns by header name.
// Rows broken across lines are joined before parsing; each row is parsed by a real GFM table parser.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { FormatAdapter, LoadIssue, PaperRecord, ParseResult } from '../types.ts';
import { type Column, columnOf, splitRow } from './columns.ts';
import { arxivIdFromUrl, clean, dateLike, isEmptyValue, isoDate, isPaperLink, parseList, splitAuthors, urlsInText } from './text.ts';

interface Cell {
  text: string;
  links: { url: string; text: string }[];
}

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
}

function textOf(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  if (node.type === 'html') return (node.value ?? '').replace(/<[^>]*>/g, ' ');
  if (node.type === 'break') return ' ';
  return (node.children ?? []).map(textOf).join('');
}

function linksOf(node: MdNode, out: { url: string; text: string }[] = []): { url: string; text: string }[] {
  if (node.type === 'link' && node.url) out.push({ url: node.url, text: clean(textOf(node)) });
  for (const c of node.children ?? []) linksOf(c, out);
  return out;
}

/** Parses one table row (with its header) by the GFM parser; returns cells or null when it is not a table. */
function parseRowCells(header: string, row: string): Cell[] | null {
  const columns = splitRow(header).length;
  const tree = fromMarkdown(`${header}\n|${' --- |'.repeat(columns)}\n${row}\n`, {
    extensions: [gfmTable()],
    mdastExtensions: [gfmTableFromMarkdown()],
  }) as MdNode;
  const table = tree.children?.find((n) => n.type === 'table');
  const tableRow = table?.children?.[1];
  if (!tableRow) return null;
  return (tableRow.children ?? []).map((cell) => ({ text: clean(textOf(cell)), links: linksOf(cell) }));
}

function titleFrom(cell: Cell): { title: string; url?: string; arxivId?: string } {
  let title = cell.text.replace(/\(\s*Read more on .*\)\s*$/i, '').trim();
  const paperLink = cell.links.find((l) => isPaperLink(l.url)) ?? cell.links[0];
  const first = cell.links[0];
  if (first && first.text && cell.text.startsWith(first.text) && !/^read more/i.test(first.text)) title = first.text;
  const url = paperLink && !isEmptyValue(paperLink.url) ? paperLink.url : undefined;
  const arxivId = url ? arxivIdFromUrl(url) : undefined;
  return { title: clean(title), ...(url ? { url } : {}), ...(arxivId ? { arxivId } : {}) };
}

function linkValues(cell: Cell): string[] {
  if (isEmptyValue(cell.text) && cell.links.every((l) => isEmptyValue(l.url))) return [];
  const urls = [...cell.links.map((l) => l.url), ...urlsInText(cell.text)];
  return [...new Set(urls.map((u) => u.trim().replace(/\s+/g, '')).filter((u) => /^https?:\/\//i.test(u)))];
}

/** Builds a record from a parsed row, or returns the reason it cannot be one. */
function toRecord(cells: Cell[], columns: (Column | null)[], file: string, line: number, date: string | undefined): PaperRecord | string {
  const get = (c: Column) => columns.flatMap((col, i) => (col === c && cells[i] ? [cells[i]!] : []));
  const titleCell = get('title')[0];
  if (!titleCell || isEmptyValue(titleCell.text)) return 'row has no title';
  const { title, url, arxivId } = titleFrom(titleCell);
  if (!title) return 'row has no title';
  const record: PaperRecord = { title, authors: [], tags: [], links: [], source: { file, line } };
  if (url) record.url = url;
  if (arxivId) record.arxivId = arxivId;
  for (const cell of get('url')) {
    for (const u of linkValues(cell)) {
      const id = arxivIdFromUrl(u);
      if (id && !record.arxivId) record.arxivId = id;
      if (!record.url) record.url = u;
    }
  }
  const authors = get('authors')[0];
  if (authors) record.authors = splitAuthors(authors.text);
  const summary = get('summary')[0]?.text;
  if (summary && !isEmptyValue(summary)) record.summary = summary;
  const abstract = get('abstract')[0]?.text;
  if (abstract && !isEmptyValue(abstract)) record.abstract = abstract;
  for (const cell of get('tags')) record.tags.push(...parseList(cell.text).items);
  for (const cell of get('links')) record.links.push(...linkValues(cell).filter((u) => !isPaperLink(u)));
  const rowDate = get('date')[0]?.text;
  const d = (rowDate && isoDate(rowDate)) || date;
  if (d) {
    record.date = d;
    record.month = d.slice(0, 7);
  }
  return record;
}

function isDelimiter(line: string): boolean {
  return /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line);
}

/** Parses a digest file: every table under date headings. */
export function parseDigest(text: string, file: string): ParseResult {
  const lines = text.split('\n');
  const records: PaperRecord[] = [];
  const issues: LoadIssue[] = [];
  let rows = 0;
  let date: string | undefined;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      const written = dateLike(heading[1]!);
      if (written && !isoDate(written)) {
        issues.push({ file, line: i + 1, reason: `heading date ${written} is not a real date; the rows under it are undated`, severity: 'warning' });
        date = undefined;
      } else date = isoDate(heading[1]!) ?? date;
    }
    const next = lines[i + 1];
    if (!line.trim().startsWith('|') || next === undefined || !isDelimiter(next)) {
      // A header row that names a Title column but has no |---| line under it: say so instead of reading nothing.
      if (line.trim().startsWith('|') && next?.trim().startsWith('|') && splitRow(line.trim()).map(columnOf).includes('title') && !isDelimiter(lines[i - 1] ?? '') && !(lines[i - 1] ?? '').trim().startsWith('|')) {
        issues.push({ file, line: i + 1, reason: 'table header has no delimiter row (|---|) under it; the table was not read', severity: 'error' });
        while (i < lines.length && lines[i]!.trim().startsWith('|')) {
          rows++;
          i++;
        }
        rows--;
        continue;
      }
      i++;
      continue;
    }
    const header = line.trim();
    const headerCells = splitRow(header);
    const columns = headerCells.map(columnOf);
    if (!columns.includes('title')) issues.push({ file, line: i + 1, reason: `table header has no Title column (${headerCells.join(', ')})`, severity: 'error' });
    i += 2;
    while (i < lines.length && lines[i]!.trim().startsWith('|')) {
      const start = i;
      let row = lines[i]!.trim();
      i++;
      // A row broken across lines: join continuation lines until the row has all its cells.
      while (i < lines.length && splitRow(row).length < headerCells.length && lines[i]!.trim() !== '' && !/^#{1,6}\s/.test(lines[i]!)) {
        row += ` ${lines[i]!.trim()}`;
        i++;
      }
      rows++;
      if (!columns.includes('title')) continue;
      const cellCount = splitRow(row).length;
      if (cellCount < headerCells.length && !row.trim().endsWith('|')) {
        issues.push({ file, line: start + 1, reason: `row is truncated (${cellCount} of ${headerCells.length} cells)`, severity: 'error' });
        continue;
      }
      const cells = parseRowCells(header, row);
      const rec = cells ? toRecord(cells, columns, file, start + 1, date) : 'row could not be parsed as a table row';
      if (typeof rec === 'string') issues.push({ file, line: start + 1, reason: rec, severity: 'error' });
      else {
        // `[Title](https://… ` with the link never closed: keep the title text and the URL, and say so.
        const open = /^\[([^\]]+)\]\((\S*)$/.exec(rec.title);
        if (open) {
          rec.title = open[1]!.trim();
          const id = arxivIdFromUrl(open[2]!);
          if (id && !rec.arxivId) rec.arxivId = id;
          issues.push({ file, line: start + 1, reason: `the title's link is not closed; read the title as "${rec.title}"`, severity: 'warning' });
        }
        if (cellCount > headerCells.length) issues.push({ file, line: start + 1, reason: `row has ${cellCount} cells but the header has ${headerCells.length}; extra cells ignored`, severity: 'warning' });
        records.push(rec);
      }
    }
  }
  return { format: 'digest-md', records, issues, rows };
}

export const digestMarkdown: FormatAdapter = {
  name: 'digest-md',
  detect(text, file) {
    const lines = text.split('\n', 400);
    const tableHeader = lines.some((l, i) => l.trim().startsWith('|') && /title/i.test(l) && isDelimiter(lines[i + 1] ?? ''));
    if (tableHeader) return 0.95;
    return /\.md$/i.test(file) && lines.some((l) => l.trim().startsWith('|')) ? 0.4 : 0;
  },
  parse: parseDigest,
};
