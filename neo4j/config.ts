// Connection settings from the environment: an external Neo4j (NEO4J_URI) or the embedded one.
// Pure: reads an env object (and the machine's memory size, passed in), returns a typed config; the launcher and
// drivers use it.
import os from 'node:os';
import path from 'node:path';

export interface ExternalConfig {
  mode: 'external';
  uri: string;
  user: string;
  password: string;
  database: string;
}

export interface EmbeddedConfig {
  mode: 'embedded';
  host: string;
  port: number;
  dataDir: string;
  database: string;
  heapMb: number;
  pageCacheMb: number;
}

export type DbConfig = ExternalConfig | EmbeddedConfig;

/** Raised when a setting cannot be used; its message is one sentence saying what to do. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const SCHEMES = ['bolt://', 'bolt+s://', 'bolt+ssc://', 'neo4j://', 'neo4j+s://', 'neo4j+ssc://'];

function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name}=${raw} is not a whole number between ${min} and ${max}; fix or unset it.`);
  }
  return n;
}

/**
 * Memory for the embedded Neo4j from the machine's memory: an eighth each for heap and page cache (a quarter in all,
 * leaving room for the loader, the server and a browser), in 256 MB steps, heap 512 MB–4 GB, page cache
 * 256 MB–4 GB. 24 GB gives 3 GB + 3 GB, enough to keep a 100k-paper store in the page cache; 8 GB gives 1 GB + 1 GB.
 */
export function memorySizing(totalMb = os.totalmem() / 2 ** 20): { heapMb: number; pageCacheMb: number } {
  const eighth = Math.floor(totalMb / 8 / 256) * 256;
  return { heapMb: Math.min(4096, Math.max(512, eighth)), pageCacheMb: Math.min(4096, Math.max(256, eighth)) };
}

/** Reads the database configuration from `env` (default `process.env`); embedded memory is sized from `totalMb`. */
export function readDbConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd(), totalMb = os.totalmem() / 2 ** 20): DbConfig {
  const database = env.NEO4J_DATABASE?.trim() || 'neo4j';
  const uri = env.NEO4J_URI?.trim();
  if (uri) {
    if (!SCHEMES.some((s) => uri.startsWith(s))) {
      throw new ConfigError(`NEO4J_URI=${uri} must start with bolt://, neo4j:// or neo4j+s://.`);
    }
    return {
      mode: 'external',
      uri,
      user: env.NEO4J_USER?.trim() || 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database,
    };
  }
  const sized = memorySizing(totalMb);
  return {
    mode: 'embedded',
    host: '127.0.0.1',
    port: intSetting(env, 'NEO4J_BOLT_PORT', 7687, 1, 65535),
    dataDir: path.resolve(cwd, env.NEO4J_DATA_DIR?.trim() || '.data/neo4j'),
    database,
    heapMb: intSetting(env, 'NEO4J_HEAP_MB', sized.heapMb, 256, 65536),
    pageCacheMb: intSetting(env, 'NEO4J_PAGECACHE_MB', sized.pageCacheMb, 64, 65536),
  };
}

/** The Bolt URI a config connects to. */
export function boltUri(config: DbConfig): string {
  return config.mode === 'external' ? config.uri : `bolt://${config.host}:${config.port}`;
}
