// Bad input gets a clear `file:line: reason`, keeps its good rows and never yields a partial paper: 29 kinds of
// broken files, written to a temporary folder and read by the real loader stages (no database needed).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssue, readInputs } from '../../loader/read.ts';
import { resolve } from '../../loader/resolve/index.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pge-bad-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const HEAD = '## Papers for 2024-10-01\n\n| Title | Authors | Summary | Classification | GitHub URLs | HuggingFace URLs |\n|---|---|---|---|---|---|\n';
const row = (title: string, extra = 'A. Author, B. Author | s | [\'NLP\'] | N/A | N/A') => `| [${title}](https://arxiv.org/abs/2410.0000${title.length % 10}) | ${extra} |\n`;

async function read(name: string, content: string | Buffer) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  const res = await readInputs([file], { cwd: dir });
  const issues = [...res.issues, ...res.files.flatMap((f) => f.issues)].map(formatIssue);
  return { res, issues, records: res.files.flatMap((f) => f.records) };
}

describe('broken input files', () => {
  it('1 empty file', async () => expect((await read('empty.md', '')).issues).toEqual(['empty.md:0: the file is empty']));
  it('2 binary file', async () => expect((await read('bin.md', Buffer.from([0x89, 0x50, 0, 0, 1, 2]))).issues).toEqual(['bin.md:0: the file is binary, not text']));
  it('3 undetectable format', async () => expect((await read('notes.txt', 'hello\nworld\n')).issues).toEqual(['notes.txt:1: the format could not be detected (expected a digest table, listing text or JSON); use --format']));

  it('4 truncated table keeps the good rows', async () => {
    const { issues, records } = await read('trunc.md', HEAD + row('Good One') + '| [Cut Off](https://arxiv.org/abs/2410.00001) | A. B');
    expect(records.map((r) => r.title)).toEqual(['Good One']);
    expect(issues).toEqual(['trunc.md:6: row is truncated (2 of 6 cells)']);
  });

  it('5 table without a Title column', async () => {
    const { issues, records } = await read('nohead.md', '| Name of it | Authors |\n|---|---|\n| x | y |\n');
    expect(records).toEqual([]);
    expect(issues).toEqual(['nohead.md:1: table header has no Title column (Name of it, Authors)']);
  });

  it('6 header-only table loads nothing and says nothing is wrong with a row', async () => {
    const { issues, records, res } = await read('headonly.md', HEAD);
    expect(records).toEqual([]);
    expect(res.files[0]!.rows).toBe(0);
    expect(issues).toEqual([]);
  });

  it('7 row without a title', async () => {
    const { issues, records } = await read('notitle.md', HEAD + '| N/A | A. B | s | [] | N/A | N/A |\n' + row('Kept'));
    expect(records.map((r) => r.title)).toEqual(['Kept']);
    expect(issues).toEqual(['notitle.md:5: row has no title']);
  });

  it('8 CRLF line endings and 9 a BOM read like plain files', async () => {
    const crlf = await read('crlf.md', (HEAD + row('Windows Paper')).replace(/\n/g, '\r\n'));
    const bom = await read('bom.md', '\uFEFF' + HEAD + row('Bom Paper'));
    expect(crlf.records.map((r) => [r.title, r.source.line])).toEqual([['Windows Paper', 5]]);
    expect(bom.records.map((r) => r.title)).toEqual(['Bom Paper']);
    expect([...crlf.issues, ...bom.issues]).toEqual([]);
  });

  it('10 Latin-1 bytes are decoded with a warning', async () => {
    const { issues, records } = await read('latin1.md', Buffer.from(HEAD + row('Caf\xe9 Models', 'J\xfcrgen M\xfcller, Ana | s | [] | N/A | N/A'), 'latin1'));
    expect(records[0]!.title).toBe('Café Models');
    expect(records[0]!.authors).toEqual(['Jürgen Müller', 'Ana']);
    expect(issues).toEqual(['latin1.md:1: the file is not valid UTF-8; read as Latin-1 (Windows-1252)']);
  });

  it('11 a giant cell is cut with a warning and the row kept', async () => {
    const { issues, records } = await read('huge.md', HEAD + row('Huge', `A. B | ${'x'.repeat(60_000)} | [] | N/A | N/A`));
    expect(records.map((r) => r.title)).toEqual([]);
    expect(issues[0]).toMatch(/^huge\.md:5: line is 600\d\d characters long; cut to 50000$/);
    expect(issues[1]).toBe('huge.md:5: row is truncated (3 of 6 cells)');
  });

  it('12 duplicate rows become one paper with both lines as provenance', async () => {
    const { res } = await read('dup.md', HEAD + row('Same Paper') + row('Same Paper'));
    const corpus = resolve(res.files);
    expect(corpus.papers).toHaveLength(1);
    expect(corpus.fromSource.map((f) => f.line)).toEqual([5, 6]);
    expect(corpus.authored).toHaveLength(2);
  });

  it('13 one arXiv id with two different titles is one paper and a warning naming both places', async () => {
    const text = HEAD + '| [First Title](https://arxiv.org/abs/2410.11111) | A. B | s | [] | N/A | N/A |\n| [Another Name](https://arxiv.org/abs/2410.11111v2) | A. B | s | [] | N/A | N/A |\n';
    const { res } = await read('conflict.md', text);
    const corpus = resolve(res.files);
    expect(corpus.papers.map((p) => [p.id, p.title])).toEqual([['arxiv:2410.11111', 'First Title']]);
    expect(corpus.issues.map(formatIssue)).toEqual(['conflict.md:6: arXiv 2410.11111 has two different titles: "Another Name" here and "First Title" at conflict.md:5; kept as one paper']);
  });

  it('14 links with spaces, .git and /tree/ paths become one canonical repo', async () => {
    const { res } = await read('links.md', HEAD + row('Linked', 'A. B | s | [] | [Code](https://github.com/Org/Repo.git), https://github.com/org/repo/tree/main/src | N/A'));
    const corpus = resolve(res.files);
    expect(corpus.repos.map((r) => r.id)).toEqual(['https://github.com/org/repo']);
  });

  it('15 HTML in cells is reduced to text', async () => {
    const { records } = await read('html.md', HEAD + '| [<b>Bold</b> Title](https://arxiv.org/abs/2410.22222) | A. B | <i>so</i> good | [] | N/A | N/A |\n');
    expect(records[0]!.title).toBe('Bold Title');
    expect(records[0]!.summary).toBe('so good');
  });

  it('16 a row with too many cells keeps its known columns and warns', async () => {
    const { issues, records } = await read('wide.md', HEAD + '| [Wide](https://arxiv.org/abs/2410.33333) | A. B | s | [] | N/A | N/A | extra |\n');
    expect(records.map((r) => r.title)).toEqual(['Wide']);
    expect(issues).toEqual(['wide.md:5: row has 7 cells but the header has 6; extra cells ignored']);
  });

  it('17 an unclosed Python list still yields its labels', async () => {
    const { records } = await read('list.md', HEAD + row('Listy', "A. B | s | ['Multimodal', 'Audio' | N/A | N/A"));
    expect(records[0]!.tags).toEqual(['Multimodal', 'Audio']);
  });

  it('18 escaped pipes survive in a title', async () => {
    const { records } = await read('pipe.md', HEAD + '| [A \\| B: Pipes](https://arxiv.org/abs/2410.44444) | A. B | s | [] | N/A | N/A |\n');
    expect(records[0]!.title).toBe('A | B: Pipes');
  });

  it('19 JSON syntax error names the line', async () => {
    const { issues } = await read('bad.json', '[\n  {"title": "ok"},\n  {"title": \n]');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^bad\.json:4: invalid JSON: /);
  });

  it('20 JSON items that are not papers are reported by line; good items load', async () => {
    const text = '[\n  {"title": "Good", "authors": "A, B", "link": "https://arxiv.org/abs/2410.55555", "date": "2024-10-02"},\n  42,\n  {"summary": "no title"}\n]';
    const { issues, records } = await read('items.json', text);
    expect(records.map((r) => [r.title, r.arxivId, r.authors, r.date])).toEqual([['Good', '2410.55555', ['A', 'B'], '2024-10-02']]);
    expect(issues).toEqual(['items.json:3: item 2 is not an object', 'items.json:4: item 3 has no title']);
  });

  it('21 listing text with only page chrome gives no paper', async () => {
    const { records } = await read('chrome.txt', 'new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\nSep 10\n');
    expect(records).toEqual([]);
  });

  it('22 a missing path is reported, not thrown', async () => {
    const res = await readInputs([path.join(dir, 'nope.md')], { cwd: dir });
    expect(res.issues.map(formatIssue)).toEqual(['nope.md:0: no such file or folder']);
  });
  it('23 UTF-16 with a byte-order mark is decoded, not called binary', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEAD + '| [Wide Load](https://arxiv.org/abs/2410.12345) | A. B | s | [] | N/A | N/A |\n', 'utf16le')]);
    const { issues, records } = await read('utf16.md', bytes);
    expect(issues).toEqual([]);
    expect(records.map((r) => [r.title, r.arxivId, r.date])).toEqual([['Wide Load', '2410.12345', '2024-10-01']]);
  });

  it('24 a table header without its |---| row is reported, not silently skipped', async () => {
    const { issues, records } = await read('nosep.md', '## Papers for 2024-10-01\n\n| Title | Authors | Summary |\n| [No Sep](https://arxiv.org/abs/2410.11111) | A. B | s |\n');
    expect(records).toEqual([]);
    expect(issues).toEqual(['nosep.md:3: table header has no delimiter row (|---|) under it; the table was not read']);
  });

  it('25 a title link that is never closed keeps the title text and warns', async () => {
    const { issues, records } = await read('badlink.md', HEAD + '| [Broken Link](https://arxiv.org/abs/2410.2 | A. B | s | [] | N/A | N/A |\n' + row('Fine'));
    expect(records.map((r) => r.title)).toEqual(['Broken Link', 'Fine']);
    expect(issues).toEqual(['badlink.md:5: the title\'s link is not closed; read the title as "Broken Link"']);
  });

  it('26 an impossible date heading leaves its rows undated (never the previous date) and warns', async () => {
    const text = HEAD + row('Before') + '\n## Papers for 2024-13-45\n\n| Title | Authors | Summary |\n|---|---|---|\n| [Dated](https://arxiv.org/abs/2410.33331) | A. B | s |\n';
    const { issues, records } = await read('baddate.md', text);
    expect(records.map((r) => [r.title, r.date ?? null])).toEqual([['Before', '2024-10-01'], ['Dated', null]]);
    expect(issues).toEqual(['baddate.md:7: heading date 2024-13-45 is not a real date; the rows under it are undated']);
  });

  it('27 JSON fields of the wrong type are named; the item loads without them', async () => {
    const { issues, records } = await read('types.json', '[\n  {"title": 5, "authors": "A, B"},\n  {"title": "Typed", "authors": 7, "date": "yesterday"}\n]');
    expect(records.map((r) => [r.title, r.authors, r.date ?? null])).toEqual([['Typed', [], null]]);
    expect(issues).toEqual([
      'types.json:2: item 1 has a title that is not text (number)',
      'types.json:3: item 2: "authors" is a number, not text or a list; ignored',
      'types.json:3: item 2: date "yesterday" is not a YYYY-MM-DD date; ignored',
    ]);
  });

  it('28 a stray NUL byte is removed from its line; the file still loads', async () => {
    const { issues, records } = await read('nul.md', HEAD + '| [Nul\u0000 Title](https://arxiv.org/abs/2410.44441) | A. B | s | [] | N/A | N/A |\n' + row('Other'));
    expect(records.map((r) => r.title)).toEqual(['Nul Title', 'Other']);
    expect(issues).toEqual(['nul.md:5: NUL bytes removed from the line']);
  });

  it('29 a file of blank lines and tabs is empty', async () => {
    expect((await read('blank.md', '   \n\n\t\n')).issues).toEqual(['blank.md:0: the file is empty']);
  });
});
