// The hand-labelled seed fixture (test/fixtures/labelled/seed-topics.json); the metrics live in
// loader/analyse/evaluate.ts, which `npm run quality` uses on any corpus and labelled set.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLabelledFile, type Labelled } from '../../loader/analyse/evaluate.ts';

export { labelsById, pairwise, predicted, relatedCheck, testPapers, type Labelled, type PairScores, type RelatedCheck } from '../../loader/analyse/evaluate.ts';
export { normTitle } from '../../loader/analyse/evaluate.ts';

export const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'labelled', 'seed-topics.json');

/** The labelled papers of the fixture (each with a title, a coarse and a fine label). */
export function readLabelled(): (Labelled & { title: string; coarse: string })[] {
  return readLabelledFile(FIXTURE) as (Labelled & { title: string; coarse: string })[];
}
