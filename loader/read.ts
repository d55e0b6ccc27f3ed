// Reads input paths: walks folders, decodes bytes (BOM, UTF-8 or Latin-1, CRLF), detects each file's format and
// parses it. Unreadable, binary, empty or undetectable files become `file:line: reason` issues; nothing throws.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { detectFormat, parseAs } from './formats/index.ts';
import type { FormatName, LoadIssue, PaperRecord } from './types.ts';

export interface ReadFile {
  /** Relative to cwd when inside it, else absolute. */
  path: string;
  format: FormatName;
  sha256: string;
  /** True when the file was skipped before parsing (`ReadOptions.unchanged`): no rows, no records. */
  unchanged?: boolean;
  rows: number;
  records: PaperRecord[];
  issues: LoadIssue[];
}

export interface ReadResult {
  files: ReadFile[];
  /** Issues of files that could not be parsed at all. */
  issues: LoadIssue[];
}

export interface ReadOptions {
  format?: FormatName;
  cwd?: string;
  /** Longest cell/line accepted before it is cut (characters). */
  maxLine?: number;
  /** Files for which this returns true (by shown path and sha256 of the bytes) are not decoded or parsed. */
  unchanged?: (path: string, sha256: string) => boolean;
}

const SKIP = /^(license|licence|readme|changelog|copying)(\.[a-z]+)?$/i;
const TEXT_EXT = /\.(md|markdown|txt|json|text)$/i;

/** `file:line: reason`. */
export function formatIssue(i: LoadIssue): string {
  return `${i.file}:${i.line}: ${i.reason}`;
}

function walk(p: string, out: string[], explicit: boolean): void {
  const stat = fs.statSync(p);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      walk(path.join(p, name), out, false);
    }
  } else if (explicit || (!SKIP.test(path.basename(p)) && (TEXT_EXT.test(p) || !path.extname(p)))) out.push(p);
}

/**
 * Decodes bytes: UTF-16 by its byte-order mark, UTF-8 (BOM stripped), else Windows-1252 when the bytes are not
 * valid UTF-8.
 */
export function decode(bytes: Buffer): { text: string; latin1: boolean } {
  let buf = bytes;
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    return { text: new TextDecoder(buf[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(buf.subarray(2)).replace(/\r\n?/g, '\n'), latin1: false };
  }
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/\r\n?/g, '\n'), latin1: false };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(buf).replace(/\r\n?/g, '\n'), latin1: true };
  }
}

/** Binary: more than 1 % of the first 8 KB are NUL or other control bytes that text never holds. */
function isBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  let bad = 0;
  for (const b of head) if (b === 0 || (b < 9) || (b > 13 && b < 32 && b !== 27)) bad++;
  return bad > Math.max(1, head.length * 0.01);
}

function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.resolve(file);
}

function readOne(file: string, shown: string, options: ReadOptions): ReadFile | LoadIssue {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { file: shown, line: 0, reason: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, severity: 'error' };
  }
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  if (options.unchanged?.(shown, sha256)) return { path: shown, format: options.format ?? 'digest-md', sha256, unchanged: true, rows: 0, records: [], issues: [] };
  if (bytes.length === 0 || bytes.toString('utf8').trim() === '') return { file: shown, line: 0, reason: 'the file is empty', severity: 'error' };
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && isBinary(bytes)) return { file: shown, line: 0, reason: 'the file is binary, not text', severity: 'error' };
  const { text: withNul, latin1 } = decode(bytes);
  const issues: LoadIssue[] = [];
  // A stray NUL in a text file is dropped (and named), not a reason to lose the whole file.
  const decoded = withNul.includes('\u0000')
    ? withNul
        .split('\n')
        .map((line, i) => {
          if (!line.includes('\u0000')) return line;
          issues.push({ file: shown, line: i + 1, reason: 'NUL bytes removed from the line', severity: 'warning' });
          return line.replaceAll('\u0000', '');
        })
        .join('\n')
    : withNul;
  if (latin1) issues.push({ file: shown, line: 1, reason: 'the file is not valid UTF-8; read as Latin-1 (Windows-1252)', severity: 'warning' });
  const maxLine = options.maxLine ?? 50_000;
  const text = decoded
    .split('\n')
    .map((line, i) => {
      if (line.length <= maxLine) return line;
      issues.push({ file: shown, line: i + 1, reason: `line is ${line.length} characters long; cut to ${maxLine}`, severity: 'warning' });
      return line.slice(0, maxLine);
    })
    .join('\n');
  const format = options.format ?? detectFormat(text, file);
  if (!format) return { file: shown, line: 1, reason: 'the format could not be detected (expected a digest table, listing text or JSON); use --format', severity: 'error' };
  const parsed = parseAs(format, text, shown);
  return {
    path: shown,
    format,
    sha256,
    rows: parsed.rows,
    records: parsed.records,
    issues: [...issues, ...parsed.issues],
  };
}

/** Reads every file under `paths` (sorted, deterministic). */
export async function readInputs(paths: string[], options: ReadOptions = {}): Promise<ReadResult> {
  const cwd = options.cwd ?? process.cwd();
  const files: ReadFile[] = [];
  const issues: LoadIssue[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    if (!fs.existsSync(abs)) {
      issues.push({ file: displayPath(abs, cwd), line: 0, reason: 'no such file or folder', severity: 'error' });
      continue;
    }
    const found: string[] = [];
    walk(abs, found, true);
    for (const f of found) {
      const res = readOne(f, displayPath(f, cwd), options);
      if ('records' in res) files.push(res);
      else issues.push(res);
    }
  }
  return { files, issues };
}
