// Shared text helpers for the format adapters: empty markers, arXiv ids, URLs in text, Python-style lists.
// Pure functions; adapters combine them.
import JSON5 from 'json5';

const EMPTY = new Set(['', 'n/a', 'na', 'none', 'null', '-', '[]', 'nan']);

/** True for cells that mean "nothing": N/A, None, empty, `[Link](None)`. */
export function isEmptyValue(value: string | null | undefined): boolean {
  if (value === null || value === undefined) return true;
  const v = value.trim().toLowerCase();
  return EMPTY.has(v) || /^\[[^\]]*\]\((none|null|n\/a)?\)$/.test(v);
}

/** Collapses whitespace and trims. */
export function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const ARXIV = /arxiv\.org\/(?:abs|pdf|html)\/((?:[a-z-]+(?:\.[a-z]{2})?\/\d{7})|(?:\d{4}\.\d{4,5}))(?:v\d+)?/i;
const HF_PAPER = /huggingface\.co\/papers\/(\d{4}\.\d{4,5})(?:v\d+)?/i;

/** The arXiv id (no version) an URL points to, from arxiv.org or huggingface.co/papers links. */
export function arxivIdFromUrl(url: string): string | undefined {
  const m = ARXIV.exec(url) ?? HF_PAPER.exec(url);
  return m?.[1]?.toLowerCase();
}

/** True for a link that is the paper itself (arXiv or HF paper page), not an artifact. */
export function isPaperLink(url: string): boolean {
  return arxivIdFromUrl(url) !== undefined;
}

const URL_RE = /https?:\/\/[^\s<>"'()\][|,]+[^\s<>"'()\][|,.;:!?]/gi;

/** Every http(s) URL that appears in plain text. */
export function urlsInText(text: string): string[] {
  return [...text.matchAll(URL_RE)].map((m) => m[0]);
}

/** Parses a Python-style list (`['A', "B"]`, `[]`, bare `A, B`) into trimmed non-empty strings. */
export function parseList(raw: string): { items: string[]; ok: boolean } {
  const text = raw.trim();
  if (isEmptyValue(text)) return { items: [], ok: true };
  if (text.startsWith('[')) {
    const jsonish = text.replace(/\bNone\b/g, 'null').replace(/\bTrue\b/g, 'true').replace(/\bFalse\b/g, 'false');
    try {
      const value: unknown = JSON5.parse(jsonish);
      if (Array.isArray(value)) {
        return { items: value.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map((x) => clean(String(x))).filter(Boolean), ok: true };
      }
    } catch {
      const inner = text.replace(/^\[|\]$/g, '');
      const items = inner.split(',').map((s) => clean(s.trim().replace(/^['"]|['"]$/g, ''))).filter(Boolean);
      return { items, ok: !text.endsWith(']') ? false : items.length > 0 };
    }
  }
  return { items: text.split(/[,;]/).map((s) => clean(s.trim().replace(/^['"]|['"]$/g, ''))).filter(Boolean), ok: true };
}

/** Splits an author cell: commas/semicolons/" and ", dropping "et al." and empty parts. */
export function splitAuthors(raw: string): string[] {
  if (isEmptyValue(raw)) return [];
  return raw
    .replace(/\bet al\.?/gi, '')
    .split(/\s*[,;]\s*|\s+and\s+|\s*&\s*/)
    .map((s) => clean(s.replace(/^and\s+/i, '')))
    .filter((s) => s.length > 0 && !isEmptyValue(s));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `Sep 10` / `September 10` → `09-10`; undefined when the line is not such a date. */
export function monthDayOf(line: string): string | undefined {
  const m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})$/.exec(line.trim());
  if (!m) return undefined;
  const idx = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase());
  const day = Number(m[2]);
  if (idx < 0 || day < 1 || day > 31) return undefined;
  return `${String(idx + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Normalises a date string to YYYY-MM-DD when it holds one. */
export function isoDate(raw: string): string | undefined {
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(raw);
  if (!m || !validDate(Number(m[1]), Number(m[2]), Number(m[3]))) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** True for a real calendar day (2024-02-29 yes, 2023-02-29 and 2024-13-45 no). */
export function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The `YYYY-MM-DD` text of a string, valid or not (to name it in a warning). */
export function dateLike(raw: string): string | undefined {
  return /(\d{4}-\d{2}-\d{2})/.exec(raw)?.[1];
}
