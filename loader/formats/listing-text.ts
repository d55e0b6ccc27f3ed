// Listing text captured from paper-listing pages: a title line, then an abstract paragraph; page chrome ignored
// (also when glued to a title, `SubscribeCAMERA: …`); short date lines (`Sep 10`) give month/day, never a year.
import type { FormatAdapter, LoadIssue, PaperRecord, ParseResult } from '../types.ts';
import { clean, monthDayOf, urlsInText } from './text.ts';

const CHROME = [
  'get trending papers in your email inbox once a day!',
  'get trending papers in your email inbox!',
  'byak and the research community',
  'daily papers',
  'subscribe',
  'new',
];
const GLUED = /^(?:(?:Get trending papers in your email inbox(?: once a day)?!)|Subscribe|Daily Papers|byAK and the research community|new)+(?=[A-Z0-9"'“([])/;

/** True for a line that is only page chrome. */
export function isChrome(line: string): boolean {
  return CHROME.includes(line.trim().toLowerCase());
}

/** Removes chrome glued to the start of a title line. */
export function stripGluedChrome(line: string): string {
  return line.replace(GLUED, '').trim();
}

/** An abstract-like line: a long prose paragraph rather than a title. */
function isProse(line: string): boolean {
  const words = line.split(/\s+/).length;
  return line.length >= 300 || (words >= 30 && /[.!?)\]]$/.test(line)) || words >= 45;
}

export function parseListing(text: string, file: string): ParseResult {
  const lines = text.split('\n');
  const records: PaperRecord[] = [];
  const issues: LoadIssue[] = [];
  let monthDay: string | undefined;
  let current: PaperRecord | null = null;
  let rows = 0;
  const finish = () => {
    if (current && !current.abstract) issues.push({ file, line: current.source.line, reason: `title "${current.title.slice(0, 60)}" has no abstract`, severity: 'warning' });
    current = null;
  };
  for (const [index, raw] of lines.entries()) {
    const line = clean(raw);
    if (!line || isChrome(line)) continue;
    const md = monthDayOf(line);
    if (md) {
      finish();
      monthDay = md;
      continue;
    }
    if (isProse(line)) {
      if (current && !current.abstract) {
        current.abstract = line;
        current.links.push(...urlsInText(line));
      } else if (current) current.abstract = `${current.abstract} ${line}`;
      else issues.push({ file, line: index + 1, reason: 'paragraph without a title line before it', severity: 'error' });
      continue;
    }
    finish();
    const title = stripGluedChrome(line);
    if (!title) continue;
    rows++;
    current = { title, authors: [], tags: [], links: [], source: { file, line: index + 1 }, ...(monthDay ? { monthDay } : {}) };
    records.push(current);
  }
  finish();
  return { format: 'listing-text', records, issues, rows };
}

export const listingText: FormatAdapter = {
  name: 'listing-text',
  detect(text) {
    const lines = text.split('\n', 200).map(clean).filter(Boolean);
    if (lines.length === 0) return 0;
    const chrome = lines.filter(isChrome).length + lines.filter((l) => GLUED.test(l)).length;
    const prose = lines.filter(isProse).length;
    if (lines.some((l) => l.startsWith('|'))) return 0.05;
    if (chrome > 0 && prose > 0) return 0.9;
    return prose > 0 && prose * 3 >= lines.length ? 0.6 : 0.1;
  },
  parse: parseListing,
};
