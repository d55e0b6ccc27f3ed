// Test access to the run's real Neo4j: a driver, a wipe, and "make sure this corpus is loaded" with a marker.
// Integration test files run one at a time, so a file that needs the seeds loads them only if they are not there yet.
import { inject } from 'vitest';
import neo4j, { type Driver } from 'neo4j-driver';
import { applySchema } from '../../neo4j/schema.ts';

export const DATABASE = 'neo4j';
let shared: Driver | null = null;

/** The driver for the run's embedded Neo4j (one per test file process). */
export function testDriver(): Driver {
  if (!shared) shared = neo4j.driver(inject('neo4jUri'), undefined, { logging: { level: 'error', logger: () => {} } });
  return shared;
}

export function testUri(): string {
  return inject('neo4jUri');
}

/** Deletes every node and relationship (schema stays). */
export async function wipe(driver = testDriver()): Promise<void> {
  const session = driver.session({ database: DATABASE });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
  await applySchema(driver, DATABASE);
}

/** Counts nodes per label and relationships per type, as plain numbers. */
export async function graphCounts(driver = testDriver()): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const nodes = await driver.executeQuery('MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS c', {}, { database: DATABASE });
  for (const r of nodes.records) out[r.get('l') as string] = Number(r.get('c'));
  const rels = await driver.executeQuery('MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c', {}, { database: DATABASE });
  for (const r of rels.records) out[r.get('t') as string] = Number(r.get('c'));
  return out;
}

/** Records which fixture corpus the database holds, so files can share a load. */
export async function fixtureName(driver = testDriver()): Promise<string | null> {
  const res = await driver.executeQuery("MATCH (m:Meta {id: 'test-fixture'}) RETURN m.name AS name", {}, { database: DATABASE });
  return (res.records[0]?.get('name') as string | undefined) ?? null;
}

export async function setFixtureName(name: string, driver = testDriver()): Promise<void> {
  await driver.executeQuery("MERGE (m:Meta {id: 'test-fixture'}) SET m.name = $name", { name }, { database: DATABASE });
}

export async function closeTestDriver(): Promise<void> {
  await shared?.close();
  shared = null;
}
