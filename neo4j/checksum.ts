// A content checksum of the whole graph: every node's labels and properties and every relationship's endpoints,
// type and properties, sorted and hashed. Equal checksums mean equal graphs (volatile load timestamps excluded).
import crypto from 'node:crypto';
import type { Driver } from 'neo4j-driver';

const VOLATILE = new Set(['loadedAt', 'updatedAt']);

function stable(value: unknown): string {
  if (value && typeof value === 'object' && !Array.isArray(value) && !('low' in (value as object))) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => !VOLATILE.has(k)).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${k}:${stable(v)}`).join(',')}}`;
  }
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  return String(value);
}

/** Node and relationship counts plus a sha256 over the sorted content of the graph. */
export async function graphChecksum(driver: Driver, database: string): Promise<{ nodes: number; relationships: number; sha256: string }> {
  const nodes = await driver.executeQuery("MATCH (n) WHERE NOT n:Meta RETURN labels(n) AS l, properties(n) AS p", {}, { database });
  const rels = await driver.executeQuery(
    "MATCH (a)-[r]->(b) RETURN coalesce(a.id, elementId(a)) AS a, type(r) AS t, coalesce(b.id, elementId(b)) AS b, properties(r) AS p",
    {},
    { database },
  );
  const lines = [
    ...nodes.records.map((r) => `N ${stable(r.get('l'))} ${stable(r.get('p'))}`),
    ...rels.records.map((r) => `R ${r.get('a')} ${r.get('t')} ${r.get('b')} ${stable(r.get('p'))}`),
  ].sort();
  return { nodes: nodes.records.length, relationships: rels.records.length, sha256: crypto.createHash('sha256').update(lines.join('\n')).digest('hex') };
}
