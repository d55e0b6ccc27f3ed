// Opens the project's database: starts/reuses the embedded Neo4j or connects to NEO4J_URI, returns one driver.
// Used by the start command, the loader CLI, the query CLI, tests and benchmarks.
import neo4j, { type Driver } from 'neo4j-driver';
import { boltUri, readDbConfig, type DbConfig } from './config.ts';
import { startEmbedded } from './launcher.ts';
import { applySchema } from './schema.ts';

export interface Db {
  driver: Driver;
  database: string;
  uri: string;
  config: DbConfig;
  /** Closes the driver and stops the embedded Neo4j if this process started it. */
  close(): Promise<void>;
}

export interface OpenOptions {
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /** Apply cypher/schema before returning (default true). */
  schema?: boolean;
}

/** Creates a driver for a config; always pass `database` when running queries with it. */
export function createDriver(config: DbConfig, uri = boltUri(config)): Driver {
  const auth = config.mode === 'external' ? neo4j.auth.basic(config.user, config.password) : undefined;
  return neo4j.driver(uri, auth, {
    disableLosslessIntegers: false,
    connectionTimeout: 5_000,
    connectionAcquisitionTimeout: 10_000,
    maxConnectionPoolSize: 50,
    // Retry transient failures briefly: an outage must surface as a 503 in seconds, not after 30 s of retries.
    maxTransactionRetryTime: 3_000,
    logging: { level: 'error', logger: () => {} },
  });
}

/** Waits until the database answers a query (Bolt up and the database online). */
export async function waitForDatabase(driver: Driver, database: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      await driver.executeQuery('RETURN 1', {}, { database });
      return;
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Neo4j did not answer within ${timeoutMs / 1000} s: ${last instanceof Error ? last.message : String(last)}`);
}

/** Opens the configured database (starting the embedded one when NEO4J_URI is unset). */
export async function openDb(options: OpenOptions = {}): Promise<Db> {
  const config = readDbConfig(options.env);
  const log = options.log ?? console.log;
  const embedded = config.mode === 'embedded' ? await startEmbedded(config, log) : null;
  const uri = embedded?.uri ?? boltUri(config);
  const driver = createDriver(config, uri);
  try {
    const waitMs = Number(options.env?.NEO4J_WAIT_MS ?? process.env.NEO4J_WAIT_MS) || (config.mode === 'external' ? 15_000 : 60_000);
    await waitForDatabase(driver, config.database, waitMs);
    if (options.schema !== false) await applySchema(driver, config.database);
  } catch (e) {
    await driver.close();
    await embedded?.stop();
    if (config.mode === 'external') {
      throw new Error(`Cannot reach Neo4j at ${uri} (database ${config.database}): ${e instanceof Error ? e.message : String(e)}. Check NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE.`);
    }
    throw e;
  }
  return {
    driver,
    database: config.database,
    uri,
    config,
    close: async () => {
      await driver.close();
      await embedded?.stop();
    },
  };
}
