// Small helpers shared by the writers: batching, stable content hashes, and waiting for the search indexes.
import crypto from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import type { PaperNode } from '../types.ts';

/** Splits `items` into arrays of at most `size` items (the last may be shorter). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new RangeError('chunk: size must be ≥ 1');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A stable hash of a paper's own properties (what a re-load compares to tell "updated" from "unchanged"). */
export function paperHash(p: PaperNode): string {
  const { id, title, abstract, summary, arxivId, url, date, month, monthDay, sources } = p;
  return crypto
    .createHash('sha1')
    .update(JSON.stringify([id, title, abstract, summary, arxivId, url, date, month, monthDay, sources]))
    .digest('hex');
}

/** Returns a copy of `row` with the named number fields as Neo4j integers (JS numbers travel as floats). */
export function withInts<T extends object>(row: T, keys: readonly (keyof T)[]): T {
  const out = { ...row } as Record<string, unknown>;
  for (const k of keys) {
    const v = out[k as string];
    if (typeof v === 'number') out[k as string] = neo4j.int(Math.trunc(v));
  }
  return out as T;
}

/**
 * Waits until every committed write is in the (eventually consistent) full-text indexes, so a load that has returned
 * is searchable (cypher/schema/003-fulltext.cypher).
 */
export async function awaitSearchIndexes(driver: Driver, database: string): Promise<void> {
  await driver.executeQuery('CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()', {}, { database });
}
