// The hand-labelled seed fixture and clustering metrics: pairwise precision / recall / F1 of a clustering against
// the labels, at the coarse and the fine level.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Analysis, AnalysisPaper } from '../../loader/types.ts';

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'labelled', 'seed-topics.json');

export interface Labelled {
  title: string;
  coarse: string;
  fine: string;
}

export interface PairScores {
  precision: number;
  recall: number;
  f1: number;
  pairs: number;
}

/** NFKD, marks removed, lower case, letters and digits only, single spaces. */
export const normTitle = (t: string): string =>
  t.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The labelled papers of the fixture. */
export function readLabelled(): Labelled[] {
  return (JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as { papers: Labelled[] }).papers;
}

/** Paper id → label, for the fixture papers found in `papers` (throws when a fixture title is missing). */
export function labelsById(papers: AnalysisPaper[], labelled: Labelled[], level: 'coarse' | 'fine'): Map<string, string> {
  const byTitle = new Map(papers.map((p) => [normTitle(p.title), p.id]));
  const out = new Map<string, string>();
  for (const l of labelled) {
    const id = byTitle.get(normTitle(l.title));
    if (!id) throw new Error(`labelled paper not in corpus: ${l.title}`);
    out.set(id, l[level]);
  }
  return out;
}

/** Paper id → its topic at `level` (coarse 0, fine 1), from the IN_TOPIC rows. */
export function predicted(analysis: Analysis, level: 0 | 1): Map<string, string> {
  const levelOf = new Map(analysis.topics.map((t) => [t.id, t.level]));
  const out = new Map<string, string>();
  for (const r of analysis.inTopic) {
    if (levelOf.get(r.topic) !== level) continue;
    if (level === 1 ? r.primary : !out.has(r.paper)) out.set(r.paper, r.topic);
  }
  // Primary rows decide level 1; the coarse topic is the parent of the primary fine topic.
  if (level === 0) {
    const parent = new Map(analysis.topics.map((t) => [t.id, t.parent]));
    for (const r of analysis.inTopic) if (r.primary) out.set(r.paper, parent.get(r.topic) ?? r.topic);
  }
  return out;
}

/** Pairwise precision, recall and F1 of `pred` against `truth` over the papers `truth` labels. */
export function pairwise(truth: Map<string, string>, pred: Map<string, string>): PairScores {
  const ids = [...truth.keys()].sort();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const sameT = truth.get(ids[i]!) === truth.get(ids[j]!);
      const pi = pred.get(ids[i]!);
      const sameP = pi !== undefined && pi === pred.get(ids[j]!);
      if (sameT && sameP) tp++;
      else if (sameP) fp++;
      else if (sameT) fn++;
    }
  }
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1), pairs: ids.length };
}

export interface RelatedCheck {
  label: string;
  id: string;
  title: string;
  /** How many of the paper's 5 nearest labelled related papers carry its label. */
  same: number;
  /** How many labelled related papers were compared (at most 5). */
  compared: number;
}

/**
 * The related-work check: the first paper (fixture order) of each of the 10 largest fine labels (ties by fixture
 * order) — or every labelled paper with `all` — and, of the related papers `rankedOf(id)` lists best first, how many
 * of the first five that carry a fixture label share the paper's own.
 */
export async function relatedCheck(papers: AnalysisPaper[], labelled: Labelled[], rankedOf: (id: string) => string[] | Promise<string[]>, all = false): Promise<RelatedCheck[]> {
  const fine = labelsById(papers, labelled, 'fine');
  const sizes = new Map<string, number>();
  for (const l of labelled) sizes.set(l.fine, (sizes.get(l.fine) ?? 0) + 1);
  const byTitle = new Map(papers.map((p) => [normTitle(p.title), p.id]));
  const chosen = all
    ? labelled
    : [...new Set(labelled.map((l) => l.fine))]
        .sort((a, b) => sizes.get(b)! - sizes.get(a)!)
        .slice(0, 10)
        .map((label) => labelled.find((l) => l.fine === label)!);
  const out: RelatedCheck[] = [];
  for (const l of chosen) {
    const id = byTitle.get(normTitle(l.title))!;
    const top = (await rankedOf(id)).filter((q) => fine.has(q)).slice(0, 5);
    out.push({ label: l.fine, id, title: l.title, same: top.filter((q) => fine.get(q) === l.fine).length, compared: top.length });
  }
  return out;
}
