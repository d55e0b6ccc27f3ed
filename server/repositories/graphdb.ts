// The one gateway from repositories to Neo4j: read transactions with a timeout, database always passed,
// driver errors mapped to API errors (503 while unreachable, timeouts named), results as plain objects.
import neo4j, { type Driver, type QueryResult, type RecordShape } from 'neo4j-driver';
import { DbUnavailableError, QueryTimeoutError } from '../errors.ts';
import { toPlainObject, type Plain } from './plain.ts';

export type Row = { [key: string]: Plain };

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/** True when an error means the database cannot be reached (as opposed to a bad query). */
export function isUnavailable(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  if (err.code && UNAVAILABLE.has(err.code)) return true;
  return /ECONNREFUSED|Connection was closed|Failed to connect|Pool is closed|connection acquisition timed out/i.test(err.message ?? '');
}

function isTimeout(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return code.includes('TransactionTimedOut') || code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration';
}

export class GraphDb {
  constructor(
    readonly driver: Driver,
    readonly database: string,
    readonly timeoutMs: number,
  ) {}

  /** Runs one read query in a read transaction; returns plain rows. */
  async read(query: string, params: Record<string, unknown> = {}, timeoutMs = this.timeoutMs): Promise<Row[]> {
    const res = await this.readRaw(query, params, timeoutMs);
    return res.records.map((r) => toPlainObject(r.toObject() as Record<string, unknown>));
  }

  /** Runs one read query and returns the driver result (for code that needs keys or summaries). */
  async readRaw(query: string, params: Record<string, unknown> = {}, timeoutMs = this.timeoutMs): Promise<QueryResult<RecordShape>> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead((tx) => tx.run(query, params), { timeout: timeoutMs });
    } catch (e) {
      throw mapDbError(e, timeoutMs);
    } finally {
      await session.close().catch(() => {});
    }
  }

  /** Runs `RETURN 1` (health checks and the benchmark baseline). */
  async ping(timeoutMs = 2_000): Promise<boolean> {
    try {
      await this.read('RETURN 1 AS ok', {}, timeoutMs);
      return true;
    } catch {
      return false;
    }
  }
}

/** Maps a driver error to an API error where one applies; returns other errors unchanged. */
export function mapDbError(e: unknown, timeoutMs: number): unknown {
  if (isUnavailable(e)) return new DbUnavailableError();
  if (isTimeout(e)) return new QueryTimeoutError(timeoutMs);
  return e;
}

/** A Neo4j integer parameter (LIMIT, SKIP and integer comparisons need one). */
export const int = (n: number) => neo4j.int(Math.trunc(n));
