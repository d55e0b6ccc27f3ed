// The hand-labelled fixtures (test/fixtures/labelled/); the metrics live in
// loader/analyse/evaluate.ts, which `npm run quality` uses on any corpus and labelled set.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLabelledFile, type Labelled } from '../../loader/analyse/evaluate.ts';

export { labelsById, pairwise, predicted, relatedCheck, testPapers, type Labelled, type PairScores, type RelatedCheck } from '../../loader/analyse/evaluate.ts';
export { normTitle } from '../../loader/analyse/evaluate.ts';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'labelled');
/** 105 seed papers labelled by title + abstract. */
export const FIXTURE = path.join(DIR, 'seed-topics.json');
/** 192 papers of the 2024 archive labelled by title. */
export const ARCHIVE_FIXTURE = path.join(DIR, 'archive-2024-topics.json');

/** The labelled papers of the fixture (each with a title, a coarse and a fine label). */
export function readLabelled(): (Labelled & { title: string; coarse: string })[] {
  return readLabelledFile(FIXTURE) as (Labelled & { title: string; coarse: string })[];
}
