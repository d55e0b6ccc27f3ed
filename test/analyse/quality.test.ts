// Topic and related-work quality on the hand-labelled seed fixture (test/fixtures/labelled/seed-topics.json):
// pairwise precision / recall / F1 of the clustering at the coarse and fine level, same-label related papers,
// determinism. The numbers are printed so a run shows where quality stands, not only whether it passed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/gen.ts';
import { toAnalysisPapers } from '../../loader/analyse/input.ts';
import { readInputs } from '../../loader/read.ts';
import { resolve } from '../../loader/resolve/index.ts';
import { analyse } from '../../loader/analyse/index.ts';
import type { Analysis, AnalysisPaper } from '../../loader/types.ts';
import { evaluate, rankedRelated, readLabelledFile } from '../../loader/analyse/evaluate.ts';
import { ARCHIVE_FIXTURE, labelsById, pairwise, predicted, readLabelled, relatedCheck, testPapers, type Labelled } from './labelled.ts';
import { ARCHIVE_DIR, samplePapers, seedPapers } from './seed-papers.ts';

let papers: AnalysisPaper[];
let analysis: Analysis;
const labelled = readLabelled();

beforeAll(async () => {
  papers = await seedPapers();
  analysis = analyse(papers);
}, 60_000);

const fmt = (s: { precision: number; recall: number; f1: number }) =>
  `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}`;

describe('topic clustering against the labelled seed fixture', () => {
  it('covers at least 50 labelled papers, every one found in the seed corpus', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(50);
    expect(labelsById(papers, labelled, 'fine').size).toBe(labelled.length);
  });

  it('coarse level: pairwise F1 ≥ 0.7', () => {
    const s = pairwise(labelsById(papers, labelled, 'coarse'), predicted(analysis, 0));
    console.log(`coarse topics vs labels (${s.pairs} papers): ${fmt(s)}`);
    expect(s.f1).toBeGreaterThanOrEqual(0.7);
  });

  it('fine level: pairwise F1 ≥ 0.5', () => {
    const s = pairwise(labelsById(papers, labelled, 'fine'), predicted(analysis, 1));
    console.log(`fine topics vs labels (${s.pairs} papers): ${fmt(s)}`);
    expect(s.f1).toBeGreaterThanOrEqual(0.5);
  });

  it('every paper with text has exactly one primary topic, a level-1 topic under a level-0 one', () => {
    const level = new Map(analysis.topics.map((t) => [t.id, t]));
    const primaries = new Map<string, number>();
    for (const r of analysis.inTopic) if (r.primary) primaries.set(r.paper, (primaries.get(r.paper) ?? 0) + 1);
    for (const p of papers) expect(primaries.get(p.id), p.title).toBe(1);
    for (const r of analysis.inTopic.filter((x) => x.primary)) {
      const t = level.get(r.topic)!;
      expect(t.level).toBe(1);
      expect(level.get(t.parent!)!.level).toBe(0);
    }
  });

  it('labels are 2–4 readable words, unique, never "cluster N"', () => {
    const labels = analysis.topics.map((t) => t.label);
    expect(new Set(labels.map((l) => l.toLowerCase())).size).toBe(labels.length);
    for (const l of labels) {
      const words = l.split(/\s+/).filter((w) => w !== '&');
      expect(words.length, l).toBeGreaterThanOrEqual(2);
      expect(words.length, l).toBeLessThanOrEqual(4);
      expect(l).not.toMatch(/cluster|topic \d/i);
    }
  });

  it('is deterministic: the same input gives the same topics, ids, labels and memberships', () => {
    const again = analyse([...papers].reverse());
    expect(again.topics).toEqual(analysis.topics);
    expect(again.inTopic).toEqual(analysis.inTopic);
    expect(again.similar).toEqual(analysis.similar);
  });
});

describe('the related-work test papers', () => {
  const l = (title: string, fine: string): Labelled => ({ title, coarse: fine, fine });

  it('are the first paper of each of the 10 largest labels, ties in fixture order', () => {
    const ls = [l('a1', 'a'), ...Array.from({ length: 11 }, (_, i) => l(`x${i}`, `x${i}`)), l('b1', 'b'), l('a2', 'a'), l('b2', 'b')];
    expect(testPapers(ls).map((x) => x.title)).toEqual(['a1', 'b1', 'x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7']);
  });

  it('take second and third papers of each label, largest first, when a fixture has fewer than 10 labels', () => {
    const ls = [l('a1', 'a'), l('b1', 'b'), l('a2', 'a'), l('c1', 'c'), l('b2', 'b'), l('a3', 'a'), l('a4', 'a'), l('a5', 'a'), l('a6', 'a'), l('b3', 'b'), l('a7', 'a')];
    expect(testPapers(ls).map((x) => x.title)).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3', 'b3', 'a4', 'a5', 'a6']);
    expect(testPapers(ls.slice(0, 4))).toHaveLength(4);
  });
});

describe('related work against the labelled seed fixture', () => {
  // The 10 largest fine labels, the first paper of each in fixture order (test/analyse/labelled.ts). Its related
  // papers (SIMILAR_TO) are ranked by score; the top five that carry a fixture label are compared with its own.
  // The ranking the API shows (text plus shared authors, code, topic, tags) is checked the same way in
  // test/server/related.int.test.ts.
  const ranked = () => rankedRelated(analysis);

  it('for the first paper of each of the 10 largest labels, ≥ 3 of its 5 nearest labelled papers share its label (8 of 10)', async () => {
    const rows = await relatedCheck(papers, labelled, ranked());
    for (const r of rows) console.log(`related ${r.same}/${r.compared} same label  [${r.label}] ${r.title.slice(0, 70)}`);
    const passing = rows.filter((r) => r.same >= 3).length;
    console.log(`${passing} of 10 papers have ≥ 3 of 5 related papers with their label`);
    expect(rows).toHaveLength(10);
    expect(passing).toBeGreaterThanOrEqual(8);
  });

  it('the same check with the topic seeds 1–5: 6.5 of 10 or more on average (the same-topic tie-break follows the clustering)', async () => {
    // Related work breaks near-ties by the primary fine topic, so another clustering seed moves a paper or two.
    const counts = [rankedRelated(analysis), ...[1, 2, 3, 4, 5].map((seed) => rankedRelated(analyse(papers, { seed })))];
    const passing = await Promise.all(counts.map(async (r) => (await relatedCheck(papers, labelled, r)).filter((x) => x.same >= 3).length));
    const mean = passing.reduce((s, x) => s + x, 0) / passing.length;
    console.log(`seeds default, 1–5: ${passing.join(', ')} of 10 (mean ${mean.toFixed(2)})`);
    expect(mean).toBeGreaterThanOrEqual(6.5);
  }, 60_000);

  it('over every labelled paper, two thirds have ≥ 3 of their 5 nearest labelled papers of their own label', async () => {
    const rows = await relatedCheck(papers, labelled, ranked(), true);
    const passing = rows.filter((r) => r.same >= 3).length;
    const mean = rows.reduce((s, r) => s + r.same, 0) / rows.length;
    console.log(`${passing} of ${rows.length} labelled papers have ≥ 3 of 5 related papers with their label (mean ${mean.toFixed(2)} of 5)`);
    expect(rows).toHaveLength(labelled.length);
    expect(passing).toBeGreaterThanOrEqual(Math.ceil((2 / 3) * labelled.length));
  });
});

describe('topics and related work against the labelled 2024 archive', () => {
  // test/fixtures/labelled/archive-2024-topics.json: 192 papers of the 2024 archive labelled from their titles into
  // 15 coarse and 21 fine topics, by task (video understanding vs video generation), before any measurement. The
  // clustering may group by modality instead (all video together), which costs coarse F1 without being wrong.
  it('fine F1 ≥ 0.45, coarse ≥ 0.4; related work: 7 of the 10 test papers and 60 % of all with ≥ 3 of 5 same-label', async () => {
    // Guards at the measured level (2026-12-01: coarse 0.441, fine 0.460, 7 of 10, 122 of 192), not targets.
    const { papers: archive } = await samplePapers(ARCHIVE_DIR);
    const r = await evaluate(archive, analyse(archive), readLabelledFile(ARCHIVE_FIXTURE));
    console.log(`2024 archive (${r.matched} labelled): coarse ${fmt(r.coarse!)}; fine ${fmt(r.fine)}; related: ${r.test.passing} of 10, ${r.all.passing} of ${r.all.papers} (mean ${r.all.mean.toFixed(2)} of 5)`);
    expect(r.missing).toEqual([]);
    expect(r.matched).toBe(192);
    expect(r.fine.f1).toBeGreaterThanOrEqual(0.45);
    expect(r.coarse!.f1).toBeGreaterThanOrEqual(0.4);
    expect(r.test.passing).toBeGreaterThanOrEqual(7);
    expect(r.all.passing).toBeGreaterThanOrEqual(Math.ceil(0.6 * r.all.papers));
  }, 60_000);
});

describe('topic clustering against a generated corpus with known areas and subtopics', () => {
  // bench/gen.ts writes 1 500 papers from 10 areas / 29 subtopics with their own vocabularies plus shared and
  // background words; its labels file is the truth. Areas should come out as coarse topics, subtopics as fine ones.
  it('recovers areas (coarse F1 ≥ 0.7) and subtopics (fine F1 ≥ 0.6)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pge-gen-quality-'));
    try {
      generate({ papers: 1500, seed: 3, out: path.join(dir, 'corpus'), labels: path.join(dir, 'labels.json') });
      const read = await readInputs([path.join(dir, 'corpus')], { cwd: dir });
      const generated = toAnalysisPapers(resolve(read.files));
      const a = analyse(generated);
      const truth = JSON.parse(fs.readFileSync(path.join(dir, 'labels.json'), 'utf8')) as { id: string; area: string; subtopic: string }[];
      const coarse = new Map(truth.map((t) => [`arxiv:${t.id}`, t.area]));
      const fine = new Map(truth.map((t) => [`arxiv:${t.id}`, t.subtopic]));
      expect(generated.every((p) => coarse.has(p.id))).toBe(true);
      const c = pairwise(coarse, predicted(a, 0));
      const f = pairwise(fine, predicted(a, 1));
      console.log(`generated corpus (${generated.length} papers): coarse ${fmt(c)}; fine ${fmt(f)}`);
      expect(c.f1).toBeGreaterThanOrEqual(0.7);
      expect(f.f1).toBeGreaterThanOrEqual(0.6);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
