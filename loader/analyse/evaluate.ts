// Quality of the analytics against a hand-labelled set of papers: pairwise precision / recall / F1 of the topic
// clustering at the coarse and the fine level, and how many of each paper's nearest related papers carry its label.
// Used by the quality tests (test/analyse/quality.test.ts) and by `npm run quality` on any corpus and labelled set.
import fs from 'node:fs';
import type { Analysis, AnalysisPaper } from '../types.ts';

/** One labelled paper: found by title (normalised) or by id (an arXiv id or a paper key), a fine and maybe a coarse label. */
export interface Labelled {
  title?: string;
  id?: string;
  coarse?: string;
  fine: string;
}

export interface PairScores {
  precision: number;
  recall: number;
  f1: number;
  /** Labelled papers compared. */
  pairs: number;
}

/** NFKD, marks removed, lower case, letters and digits only, single spaces. */
export const normTitle = (t: string): string =>
  t.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

const ARXIV = /(\d{4}\.\d{4,5})(?:v\d+)?/;
/** A labelled id as the graph keys papers: an arXiv id anywhere in it (bare, `arxiv:…` or a URL) gives `arxiv:<id>`. */
export const paperKey = (id: string): string => {
  const m = ARXIV.exec(id);
  return m ? `arxiv:${m[1]}` : id.trim();
};

/**
 * Parses a labelled set: `{ "papers": [...] }` or a bare array; each entry has a `title` or an `id`, a `fine` label
 * (or `label`) and optionally a `coarse` one. Throws an error naming the file and the entry for anything else.
 */
export function parseLabelled(text: string, file = 'labels.json'): Labelled[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const list = Array.isArray(json) ? json : (json as { papers?: unknown } | null)?.papers;
  if (!Array.isArray(list)) throw new Error(`${file}: expected an array of papers or { "papers": [...] }`);
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  return list.map((entry: unknown, i) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const title = str(e.title);
    const id = str(e.id);
    const fine = str(e.fine) ?? str(e.label);
    const coarse = str(e.coarse);
    if (!title && !id) throw new Error(`${file}: papers[${i}]: needs a "title" or an "id"`);
    if (!fine) throw new Error(`${file}: papers[${i}] (${title ?? id}): needs a "fine" (or "label") label`);
    return { ...(title ? { title } : {}), ...(id ? { id } : {}), ...(coarse ? { coarse } : {}), fine };
  });
}

/** Reads a labelled set from a file (see `parseLabelled`). */
export function readLabelledFile(file: string): Labelled[] {
  return parseLabelled(fs.readFileSync(file, 'utf8'), file);
}

/** The labelled papers found in `papers` (by id first, then by normalised title), and those that are not. */
export function matchLabelled(papers: AnalysisPaper[], labelled: Labelled[]): { found: { paper: string; label: Labelled }[]; missing: Labelled[] } {
  const ids = new Set(papers.map((p) => p.id));
  const byTitle = new Map(papers.map((p) => [normTitle(p.title), p.id]));
  const found: { paper: string; label: Labelled }[] = [];
  const missing: Labelled[] = [];
  const seen = new Set<string>();
  for (const l of labelled) {
    const key = l.id ? paperKey(l.id) : undefined;
    const paper = key && ids.has(key) ? key : l.title ? byTitle.get(normTitle(l.title)) : undefined;
    // a paper labelled twice keeps its first label
    if (paper && !seen.has(paper)) {
      seen.add(paper);
      found.push({ paper, label: l });
    } else if (!paper) missing.push(l);
  }
  return { found, missing };
}

/** Paper id → label at `level`, for the labelled papers found in `papers` (throws when one is missing). */
export function labelsById(papers: AnalysisPaper[], labelled: Labelled[], level: 'coarse' | 'fine'): Map<string, string> {
  const { found, missing } = matchLabelled(papers, labelled);
  if (missing.length > 0) throw new Error(`labelled paper not in corpus: ${missing[0]!.title ?? missing[0]!.id}`);
  const out = new Map<string, string>();
  for (const { paper, label } of found) {
    const value = level === 'coarse' ? label.coarse : label.fine;
    if (value !== undefined) out.set(paper, value);
  }
  return out;
}

/** Paper id → its topic at `level` (coarse 0, fine 1): the primary topic, and its parent for the coarse level. */
export function predicted(analysis: Pick<Analysis, 'topics' | 'inTopic'>, level: 0 | 1): Map<string, string> {
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
 * The 10 test papers of the related-work check: the first paper (fixture order) of each of the 10 largest fine labels
 * (ties by fixture order). A fixture with fewer labels gives each label's second paper next, then its third…, largest
 * label first, so any fixture of 10 or more papers gives 10.
 */
export function testPapers<T extends { fine: string }>(labelled: T[], n = 10): T[] {
  const sizes = new Map<string, number>();
  for (const l of labelled) sizes.set(l.fine, (sizes.get(l.fine) ?? 0) + 1);
  const labels = [...sizes.keys()].sort((a, b) => sizes.get(b)! - sizes.get(a)!);
  const members = new Map(labels.map((label) => [label, labelled.filter((l) => l.fine === label)]));
  const out: T[] = [];
  for (let round = 0; out.length < n && out.length < labelled.length; round++) {
    for (const label of labels) {
      const next = members.get(label)![round];
      if (next && out.length < n) out.push(next);
    }
  }
  return out;
}

/**
 * The related-work check: the 10 test papers (`testPapers`) — or every labelled paper with `all` — and, of the
 * related papers `rankedOf(id)` lists best first, how many of the first five that carry a label share the paper's
 * own. Labelled papers missing from `papers` are left out.
 */
export async function relatedCheck(papers: AnalysisPaper[], labelled: Labelled[], rankedOf: (id: string) => string[] | Promise<string[]>, all = false): Promise<RelatedCheck[]> {
  const { found } = matchLabelled(papers, labelled);
  const fine = new Map(found.map((f) => [f.paper, f.label.fine]));
  const titleOf = new Map(papers.map((p) => [p.id, p.title]));
  const rows = found.map((f) => ({ fine: f.label.fine, paper: f.paper }));
  const out: RelatedCheck[] = [];
  for (const { fine: label, paper } of all ? rows : testPapers(rows)) {
    const top = (await rankedOf(paper)).filter((q) => fine.has(q)).slice(0, 5);
    out.push({ label, id: paper, title: titleOf.get(paper) ?? paper, same: top.filter((q) => fine.get(q) === label).length, compared: top.length });
  }
  return out;
}

/** Related papers of every paper from the SIMILAR_TO rows, best score first. */
export function rankedRelated(analysis: Pick<Analysis, 'similar'>): (id: string) => string[] {
  const out = new Map<string, { id: string; score: number }[]>();
  for (const r of analysis.similar) (out.get(r.source) ?? out.set(r.source, []).get(r.source)!).push({ id: r.target, score: r.score });
  for (const list of out.values()) list.sort((a, b) => b.score - a.score);
  return (id) => (out.get(id) ?? []).map((n) => n.id);
}

export interface LabelBreakdown {
  label: string;
  papers: number;
  /** The fine topic holding most of the label's papers, and its share of them. */
  topic: string;
  share: number;
  /** Mean number of the 5 nearest labelled related papers that carry the label. */
  relatedSame: number;
}

export interface QualityReport {
  labelled: number;
  matched: number;
  missing: string[];
  coarse: PairScores | null;
  fine: PairScores;
  /** The 10 test papers' rows, and how many have ≥ 3 of 5 same-label related papers. */
  test: { rows: RelatedCheck[]; passing: number };
  /** Every labelled paper: how many have ≥ 3 of 5, and the mean. */
  all: { papers: number; passing: number; mean: number };
  labels: LabelBreakdown[];
}

/** Everything `npm run quality` prints: clustering F1 at both levels and the related-work checks, overall and per label. */
export async function evaluate(papers: AnalysisPaper[], analysis: Pick<Analysis, 'topics' | 'inTopic' | 'similar'>, labelled: Labelled[]): Promise<QualityReport> {
  const { found, missing } = matchLabelled(papers, labelled);
  const present = found.map((f) => f.label);
  const fine = labelsById(papers, present, 'fine');
  const coarse = labelsById(papers, present, 'coarse');
  const predFine = predicted(analysis, 1);
  const ranked = rankedRelated(analysis);
  const test = await relatedCheck(papers, present, ranked);
  const all = await relatedCheck(papers, present, ranked, true);
  const label = new Map(analysis.topics.map((t) => [t.id, t.label]));
  const labels = [...new Set(present.map((l) => l.fine))].map((name) => {
    const members = found.filter((f) => f.label.fine === name).map((f) => f.paper);
    const counts = new Map<string, number>();
    for (const p of members) {
      const t = predFine.get(p) ?? '(no topic)';
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    const [topic, n] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    const rows = all.filter((r) => r.label === name);
    return { label: name, papers: members.length, topic: label.get(topic) ?? topic, share: n / members.length, relatedSame: rows.reduce((s, r) => s + r.same, 0) / rows.length };
  });
  labels.sort((a, b) => b.papers - a.papers || (a.label < b.label ? -1 : 1));
  return {
    labelled: labelled.length,
    matched: found.length,
    missing: missing.map((m) => m.title ?? m.id ?? ''),
    // the coarse level only when every matched paper has a coarse label
    coarse: coarse.size === found.length && found.length > 0 ? pairwise(coarse, predicted(analysis, 0)) : null,
    fine: pairwise(fine, predFine),
    test: { rows: test, passing: test.filter((r) => r.same >= 3).length },
    all: { papers: all.length, passing: all.filter((r) => r.same >= 3).length, mean: all.length ? all.reduce((s, r) => s + r.same, 0) / all.length : 0 },
    labels,
  };
}

const pct = (x: number) => x.toFixed(3);
const scores = (s: PairScores) => `P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}`;

/** The report as text lines. */
export function formatQuality(r: QualityReport): string {
  const lines = [`Labelled papers: ${r.labelled} (found in the corpus ${r.matched}, missing ${r.missing.length})`];
  for (const m of r.missing.slice(0, 20)) lines.push(`  missing: ${m}`);
  if (r.missing.length > 20) lines.push(`  … and ${r.missing.length - 20} more`);
  lines.push(
    '',
    'Topic clustering against the labels (pairwise over labelled papers):',
    `  coarse: ${r.coarse ? scores(r.coarse) : 'not every paper has a coarse label'}`,
    `  fine:   ${scores(r.fine)}`,
    '',
    'Related work: of each paper’s 5 nearest labelled related papers, how many carry its label',
  );
  for (const row of r.test.rows) lines.push(`  ${row.same}/${row.compared}  [${row.label}] ${row.title.slice(0, 80)}`);
  lines.push(
    `  test papers (first of each of the 10 largest labels): ${r.test.passing} of ${r.test.rows.length} have ≥ 3`,
    `  every labelled paper: ${r.all.passing} of ${r.all.papers} have ≥ 3 (mean ${r.all.mean.toFixed(2)} of 5)`,
    '',
    'Per label: papers · the fine topic holding most of them (share) · mean same-label related papers of 5',
  );
  const width = Math.max(5, ...r.labels.map((l) => l.label.length));
  for (const l of r.labels) lines.push(`  ${l.label.padEnd(width)}  ${String(l.papers).padStart(3)}  ${l.topic} (${Math.round(l.share * 100)} %)  ${l.relatedSame.toFixed(2)}`);
  return lines.join('\n');
}
