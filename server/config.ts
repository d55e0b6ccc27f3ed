// Server settings from the environment (port, host, CORS, Cypher limits, user query folder).
// Pure: returns a typed object; defaults are safe for a laptop (loopback only, CORS off).
import path from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  /** Allowed CORS origins; empty = CORS off. */
  corsOrigins: string[];
  /** Timeout for every read transaction the API runs, ms. */
  readTimeoutMs: number;
  /** Timeout for ad-hoc and saved Cypher, ms. */
  cypherTimeoutMs: number;
  /** Row cap for ad-hoc and saved Cypher. */
  cypherRowCap: number;
  /** Requests per minute per client on the Cypher endpoints. */
  cypherRateLimit: number;
  queriesDir: string;
  userQueriesDir: string;
  webDist: string;
  bodyLimit: number;
  /** Largest co-author graph (COAUTHORED_WITH pairs) kept in memory for co-author networks; 0 = never. */
  coauthorProjectionMaxPairs: number;
  /** Check every answer against its route's schema (on under tests, or with RESPONSE_CHECKS=1). */
  checkResponses: boolean;
}

function num(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name}=${raw} must be a positive number; fix or unset it.`);
  return n;
}

export function readServerConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): ServerConfig {
  return {
    port: num(env, 'PORT', 8080),
    host: env.HOST?.trim() || '127.0.0.1',
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    readTimeoutMs: num(env, 'API_TIMEOUT_MS', 10_000),
    cypherTimeoutMs: num(env, 'CYPHER_TIMEOUT_MS', 5_000),
    cypherRowCap: num(env, 'CYPHER_ROW_CAP', 1_000),
    cypherRateLimit: num(env, 'CYPHER_RATE_LIMIT', 120),
    queriesDir: path.resolve(root, 'cypher/queries'),
    userQueriesDir: path.resolve(root, env.USER_QUERIES_DIR?.trim() || 'cypher/queries/user'),
    webDist: path.resolve(root, 'web/dist'),
    bodyLimit: num(env, 'BODY_LIMIT', 256 * 1024),
    coauthorProjectionMaxPairs: env.COAUTHOR_PROJECTION_MAX_PAIRS === '0' ? 0 : num(env, 'COAUTHOR_PROJECTION_MAX_PAIRS', 5_000_000),
    checkResponses: env.RESPONSE_CHECKS === '1' || (env.RESPONSE_CHECKS !== '0' && Boolean(env.VITEST)),
  };
}
