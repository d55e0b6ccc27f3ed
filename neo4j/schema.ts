// Applies cypher/schema/NNN-*.cypher in order; every statement is idempotent (IF NOT EXISTS).
// Waits for indexes to come online so loads and searches that follow can rely on them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';

export const SCHEMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'cypher', 'schema');

/** Splits a schema file into statements (`;`-terminated, `//` comments dropped). */
export function schemaStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Lists the schema files in the order they apply. */
export function schemaFiles(dir = SCHEMA_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}-.+\.cypher$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** The schema statement that creates the index named `name` (a bulk write drops and rebuilds one). */
export function indexStatement(name: string, dir = SCHEMA_DIR): string {
  const creates = new RegExp(`^CREATE\\s+(?:\\w+\\s+)?INDEX\\s+${name}\\s`, 'i');
  for (const file of schemaFiles(dir)) {
    const found = schemaStatements(fs.readFileSync(file, 'utf8')).find((s) => creates.test(s));
    if (found) return found;
  }
  throw new Error(`no schema statement creates the index ${name} (${dir})`);
}

/** Applies every schema statement and waits for the indexes to be online. */
export async function applySchema(driver: Driver, database: string, dir = SCHEMA_DIR): Promise<number> {
  let count = 0;
  for (const file of schemaFiles(dir)) {
    for (const statement of schemaStatements(fs.readFileSync(file, 'utf8'))) {
      await driver.executeQuery(statement, {}, { database });
      count++;
    }
  }
  await driver.executeQuery('CALL db.awaitIndexes(120)', {}, { database });
  return count;
}
