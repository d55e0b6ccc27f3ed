// Paper dates: a source's date wins; a paper no source dates gets the submission month its new-style arXiv id
// spells (YYMM), so topic evolution and the month filter cover undated digests too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../loader/read.ts';
import { arxivMonth, resolve } from '../../loader/resolve/index.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pge-dates-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('arxivMonth', () => {
  it('reads YYMM of new-style ids, versions allowed', () => {
    expect(arxivMonth('2505.16056')).toBe('2025-05');
    expect(arxivMonth('2410.0001v2')).toBe('2024-10');
    expect(arxivMonth('0704.0001')).toBe('2007-04');
    expect(arxivMonth('1412.6980')).toBe('2014-12');
  });

  it('has nothing for old-style ids, impossible months, ids before April 2007, or none', () => {
    expect(arxivMonth('hep-th/9901001')).toBeNull();
    expect(arxivMonth('2513.00001')).toBeNull();
    expect(arxivMonth('2500.00001')).toBeNull();
    expect(arxivMonth('0703.1234')).toBeNull();
    expect(arxivMonth('2505.16')).toBeNull();
    expect(arxivMonth(null)).toBeNull();
  });
});

describe('paper months after resolving', () => {
  it('take the source date when there is one, else the arXiv month, else none', async () => {
    const md = [
      '## Papers for 2024-10-01',
      '',
      '| Title | Authors | Summary | Classification | GitHub URLs | HuggingFace URLs |',
      '|---|---|---|---|---|---|',
      "| [Dated In The Header](https://arxiv.org/abs/2409.01234) | A. Author | s | ['NLP'] | N/A | N/A |",
      '',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'digest.md'), md);
    const json = [
      { title: 'Undated With An Id', arxiv_id: '2505.16056', authors: ['B. Author'] },
      { title: 'Undated Without An Id', authors: ['C. Author'] },
    ];
    fs.writeFileSync(path.join(dir, 'papers.json'), JSON.stringify(json));
    const read = await readInputs([dir], { cwd: dir });
    const papers = Object.fromEntries(resolve(read.files).papers.map((p) => [p.title, p]));
    expect(papers['Dated In The Header']!.month).toBe('2024-10'); // the digest's date, not the id's 2024-09
    expect(papers['Undated With An Id']).toMatchObject({ date: null, month: '2025-05' });
    expect(papers['Undated Without An Id']).toMatchObject({ date: null, month: null });
  });
});
