// The quality measures (loader/analyse/evaluate.ts) on hand-made analyses with known answers, and `npm run quality`
// (loader/quality.ts) on the seed corpus and its labelled fixture.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, matchLabelled, paperKey, parseLabelled } from '../../loader/analyse/evaluate.ts';
import { analyse } from '../../loader/analyse/index.ts';
import type { Analysis, AnalysisPaper } from '../../loader/types.ts';
import { quality } from '../../loader/quality.ts';
import { FIXTURE, readLabelled } from './labelled.ts';
import { SEEDS_DIR, seedPapers } from './seed-papers.ts';

const paper = (id: string, title: string): AnalysisPaper => ({ id, title, abstract: null, summary: null, month: null, authors: [], repos: [], tags: [] });

describe('parseLabelled', () => {
  it('reads { papers: [...] } and bare arrays, with "label" for "fine" and an optional coarse label', () => {
    expect(parseLabelled('{"papers":[{"title":"A","coarse":"c","fine":"f"}]}')).toEqual([{ title: 'A', coarse: 'c', fine: 'f' }]);
    expect(parseLabelled('[{"id":"2505.15389","label":"x"}]')).toEqual([{ id: '2505.15389', fine: 'x' }]);
  });

  it('names the file and the entry for what it cannot use', () => {
    expect(() => parseLabelled('{', 'l.json')).toThrow(/^l\.json: not valid JSON/);
    expect(() => parseLabelled('{"rows":[]}', 'l.json')).toThrow('l.json: expected an array of papers or { "papers": [...] }');
    expect(() => parseLabelled('[{"title":"A","fine":"f"},{"fine":"g"}]', 'l.json')).toThrow('l.json: papers[1]: needs a "title" or an "id"');
    expect(() => parseLabelled('[{"title":"A"}]', 'l.json')).toThrow('l.json: papers[0] (A): needs a "fine" (or "label") label');
  });
});

describe('matchLabelled', () => {
  const papers = [paper('arxiv:2505.15389', 'Are Vision-Language Models Safe in the Wild?'), paper('title:some-paper', 'Some Paper')];

  it('finds papers by arXiv id in any spelling, by key, or by normalised title; reports the rest', () => {
    expect(paperKey('https://arxiv.org/abs/2505.15389v2')).toBe('arxiv:2505.15389');
    const { found, missing } = matchLabelled(papers, [
      { id: 'arXiv:2505.15389v1', fine: 'a' },
      { title: 'SOME  paper', fine: 'b' },
      { title: 'Not here', fine: 'c' },
      { id: 'title:some-paper', fine: 'd' },
    ]);
    expect(found.map((f) => [f.paper, f.label.fine])).toEqual([
      ['arxiv:2505.15389', 'a'],
      ['title:some-paper', 'b'],
    ]);
    // a paper labelled twice keeps its first label; a title that matches nothing is missing
    expect(missing.map((m) => m.title)).toEqual(['Not here']);
  });
});

describe('evaluate', () => {
  // p1, p2 labelled x; p3, p4 labelled y; all coarse X. Topics: p1, p2, p3 in a1; p4 in a2; both under A.
  const papers = ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => paper(id, `Paper ${id}`));
  const analysis: Pick<Analysis, 'topics' | 'inTopic' | 'similar'> = {
    topics: [
      { id: 'A', level: 0, parent: null, label: 'Area', terms: [], size: 4, pinned: false },
      { id: 'a1', level: 1, parent: 'A', label: 'Sub one', terms: [], size: 3, pinned: false },
      { id: 'a2', level: 1, parent: 'A', label: 'Sub two', terms: [], size: 1, pinned: false },
    ],
    inTopic: (
      [
        ['p1', 'a1'],
        ['p2', 'a1'],
        ['p3', 'a1'],
        ['p4', 'a2'],
      ] as const
    ).map(([p, t]) => ({ paper: p, topic: t, score: 1, primary: true })) as Analysis['inTopic'],
    similar: (
      [
        ['p1', 'p3', 0.9],
        ['p1', 'p5', 0.8],
        ['p1', 'p2', 0.5],
        ['p3', 'p4', 0.7],
        ['p3', 'p1', 0.6],
      ] as const
    ).map(([source, target, score]) => ({ source, target, score, terms: [] })) as Analysis['similar'],
  };
  const labelled = [
    { title: 'Paper p1', coarse: 'X', fine: 'x' },
    { title: 'Paper p2', coarse: 'X', fine: 'x' },
    { title: 'Paper p3', coarse: 'X', fine: 'y' },
    { title: 'Paper p4', coarse: 'X', fine: 'y' },
    { title: 'Paper p9', coarse: 'X', fine: 'y' },
  ];

  it('computes pairwise scores, the related-work check and the per-label breakdown', async () => {
    const r = await evaluate(papers, analysis, labelled);
    expect(r).toMatchObject({ labelled: 5, matched: 4, missing: ['Paper p9'] });
    // fine pairs: (1,2) same/same tp; (1,3) (2,3) other/same fp; (3,4) same/other fn → P 1/3, R 1/2, F1 0.4
    expect(r.fine.precision).toBeCloseTo(1 / 3, 10);
    expect(r.fine.recall).toBeCloseTo(0.5, 10);
    expect(r.fine.f1).toBeCloseTo(0.4, 10);
    expect(r.coarse).toEqual({ precision: 1, recall: 1, f1: 1, pairs: 4 });
    // p1's labelled related papers, best first: p3 (y), p2 (x) — p5 has no label; p3's: p4 (y), p1 (x)
    expect(r.test.rows.map((x) => [x.id, x.same, x.compared])).toEqual([
      ['p1', 1, 2],
      ['p3', 1, 2],
      ['p2', 0, 0],
      ['p4', 0, 0],
    ]);
    expect(r.all).toEqual({ papers: 4, passing: 0, mean: 0.5 });
    expect(r.labels).toEqual([
      { label: 'x', papers: 2, topic: 'Sub one', share: 1, relatedSame: 0.5 },
      { label: 'y', papers: 2, topic: 'Sub one', share: 0.5, relatedSame: 0.5 },
    ]);
  });

  it('leaves the coarse level out when a labelled paper has no coarse label', async () => {
    const r = await evaluate(papers, analysis, [{ title: 'Paper p1', fine: 'x' }, ...labelled.slice(1)]);
    expect(r.coarse).toBeNull();
  });
});

describe('npm run quality', () => {
  const run = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await quality(
      argv,
      (s) => void (out += s),
      (s) => void (err += s),
    );
    return { code, out, err };
  };

  it('reports on the seed corpus what the analysis gives in process', async () => {
    const { code, out, err } = await run('--labels', FIXTURE, SEEDS_DIR, '--report', 'json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const papers = await seedPapers();
    const expected = await evaluate(papers, analyse(papers), readLabelled());
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify({ papers: papers.length, ...expected })));
    const text = await run('--labels', FIXTURE, SEEDS_DIR, '--tree');
    expect(text.out).toContain(`coarse: P ${expected.coarse!.precision.toFixed(3)}`);
    expect(text.out).toContain(`test papers (first of each of the 10 largest labels): ${expected.test.passing} of 10 have ≥ 3`);
    expect(text.out).toContain('Mixture of experts');
  }, 60_000);

  it('--seeds N reports the spread of every number over the default seed and seeds 1…N', async () => {
    const { code, out } = await run('--labels', FIXTURE, SEEDS_DIR, '--seeds', '2', '--report', 'json');
    expect(code).toBe(0);
    const papers = await seedPapers();
    const runs = await Promise.all([{}, { seed: 1 }, { seed: 2 }].map((o) => evaluate(papers, analyse(papers, o), readLabelled())));
    const fine = runs.map((r) => r.fine.f1);
    const passing = runs.map((r) => r.test.passing);
    const { spread } = JSON.parse(out) as { spread: { seeds: number; fineF1: { min: number; max: number; mean: number }; testPassing: { min: number; max: number } } };
    expect(spread.seeds).toBe(3);
    expect(spread.fineF1.min).toBeCloseTo(Math.min(...fine), 12);
    expect(spread.fineF1.max).toBeCloseTo(Math.max(...fine), 12);
    expect(spread.fineF1.mean).toBeCloseTo((fine[0]! + fine[1]! + fine[2]!) / 3, 12);
    expect(spread.testPassing).toMatchObject({ min: Math.min(...passing), max: Math.max(...passing) });
    expect((await run('--labels', FIXTURE, SEEDS_DIR, '--seeds', '0')).err).toBe('--seeds: expected a whole number from 1 to 50, got "0"\n');
  }, 60_000);

  it('fails with a clear message, not a stack trace, on unusable labels or input', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pge-quality-'));
    try {
      const bad = path.join(dir, 'bad.json');
      fs.writeFileSync(bad, '[{"title":"A"}]');
      expect(await run('--labels', bad, SEEDS_DIR)).toMatchObject({ code: 1, err: `${bad}: papers[0] (A): needs a "fine" (or "label") label\n` });
      const none = path.join(dir, 'none.json');
      fs.writeFileSync(none, '[{"title":"No such paper","fine":"f"}]');
      expect(await run('--labels', none, SEEDS_DIR)).toMatchObject({ code: 1, err: 'None of the 1 labelled papers is in the corpus (matched by id, then by title).\n' });
      const missing = await run('--labels', path.join(dir, 'nope.json'), SEEDS_DIR);
      expect(missing.code).toBe(1);
      expect(missing.err).toMatch(/ENOENT.*nope\.json/);
      expect((await run(SEEDS_DIR)).code).toBe(1);
      const empty = await run('--labels', none, path.join(dir, 'empty'));
      expect(empty).toMatchObject({ code: 1 });
      expect(empty.err).toContain('no such file or folder');
      expect(empty.err).toContain('No paper found in the input.');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
