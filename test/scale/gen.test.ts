// The corpus generator's author structure: heavy-tailed but bounded productivity (Lotka-like, as in real
// archives), recurring collaborators, Hugging Face handles among names, deterministic for a seed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenLabel, zipfMandelbrotIndex } from '../../bench/gen.ts';

describe('zipfMandelbrotIndex', () => {
  it('with q = 1 gives the first index ln 2 / ln(n + 1) of the draws; a larger q flattens the head', () => {
    const draws = (q: number) => {
      let x = 0;
      const counts = new Map<number, number>();
      for (let i = 0; i < 100_000; i++) {
        x = (x + 0.6180339887498949) % 1; // low-discrepancy uniform sequence
        const r = zipfMandelbrotIndex(() => x, 10_000, q);
        counts.set(r, (counts.get(r) ?? 0) + 1);
      }
      return counts;
    };
    const plain = draws(1);
    expect(plain.get(0)! / 100_000).toBeCloseTo(Math.log(2) / Math.log(10_001), 2);
    const flat = draws(10);
    // P(0) = ln(11/10) / ln(10010/10)
    expect(flat.get(0)! / 100_000).toBeCloseTo(Math.log(1.1) / Math.log(1001), 3);
    expect(Math.max(...flat.keys())).toBeLessThan(10_000);
    expect(Math.min(...flat.keys())).toBe(0);
  });
});

describe('generated authors (20 000 papers)', () => {
  let dir = '';
  let rows: GenLabel[] = [];
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pge-gen-authors-'));
    generate({ papers: 20_000, seed: 5, out: path.join(dir, 'corpus'), labels: path.join(dir, 'labels.json') });
    rows = JSON.parse(fs.readFileSync(path.join(dir, 'labels.json'), 'utf8')) as GenLabel[];
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('productivity is heavy-tailed but bounded: most authors write one paper, the most prolific ≤ 1.5 % of the corpus', () => {
    const papersOf = new Map<string, number>();
    for (const r of rows) for (const a of r.authors) papersOf.set(a, (papersOf.get(a) ?? 0) + 1);
    const counts = [...papersOf.values()].sort((a, b) => b - a);
    const single = counts.filter((n) => n === 1).length / counts.length;
    console.log(`${rows.length} papers, ${counts.length} authors; most prolific ${counts.slice(0, 5).join(', ')}; single-paper authors ${(single * 100).toFixed(0)} %`);
    expect(rows.length).toBeGreaterThan(19_000);
    expect(single).toBeGreaterThan(0.3);
    expect(counts[0]!).toBeGreaterThanOrEqual(50);
    expect(counts[0]! / rows.length).toBeLessThanOrEqual(0.015);
    // a tail, not one outlier: the 20th most prolific author still has ≥ 20 papers
    expect(counts[19]!).toBeGreaterThanOrEqual(20);
  });

  it('collaborators recur (many pairs share ≥ 3 papers) and Hugging Face handles appear among names', () => {
    const pairs = new Map<string, number>();
    for (const r of rows) {
      const names = [...new Set(r.authors)].sort();
      for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) pairs.set(`${names[i]}|${names[j]}`, (pairs.get(`${names[i]}|${names[j]}`) ?? 0) + 1);
    }
    const recurring = [...pairs.values()].filter((n) => n >= 3).length;
    const handles = new Set(rows.flatMap((r) => r.authors).filter((a) => !a.includes(' ')));
    console.log(`${pairs.size} co-author pairs, ${recurring} with ≥ 3 joint papers; ${handles.size} handle-style authors`);
    expect(recurring).toBeGreaterThan(500);
    expect(handles.size).toBeGreaterThan(100);
  });

  it('is deterministic for a seed', () => {
    const again = path.join(dir, 'again.json');
    generate({ papers: 20_000, seed: 5, out: path.join(dir, 'corpus2'), labels: again });
    expect(fs.readFileSync(again, 'utf8')).toBe(fs.readFileSync(path.join(dir, 'labels.json'), 'utf8'));
  });
});
