// Full-text index checks for tests: which nodes an index does not return for their own words.
import type { Driver } from 'neo4j-driver';
import { DATABASE } from './db.ts';

/** A Lucene phrase query for `text` (the index's analyzer cuts it into words the way it cut the stored field). */
export function phraseQuery(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/** The rows whose node (`id`) is not among the hits of `index` for the row's query `q`. */
export async function missingFromIndex(db: Driver, index: string, rows: { id: string; q: string }[]): Promise<{ id: string; q: string }[]> {
  const res = await db.executeQuery(
    `UNWIND $rows AS row
     CALL (row) { CALL db.index.fulltext.queryNodes($index, row.q, {limit: 1000}) YIELD node WHERE node.id = row.id RETURN count(*) AS hit }
     WITH row WHERE hit = 0
     RETURN collect(row) AS rows`,
    { rows, index },
    { database: DATABASE },
  );
  return res.records[0]!.get('rows') as { id: string; q: string }[];
}
