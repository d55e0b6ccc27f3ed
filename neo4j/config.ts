// Connection settings from the environment: an external Neo4j (NEO4J_URI) or the embedded one.
// Pure: reads an env object, returns a typed config; the launcher and drivers use it.
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

/** Reads the database configuration from `env` (default `process.env`). */
export function readDbConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): DbConfig {
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
  return {
    mode: 'embedded',
    host: '127.0.0.1',
    port: intSetting(env, 'NEO4J_BOLT_PORT', 7687, 1, 65535),
    dataDir: path.resolve(cwd, env.NEO4J_DATA_DIR?.trim() || '.data/neo4j'),
    database,
    heapMb: intSetting(env, 'NEO4J_HEAP_MB', 1024, 256, 65536),
    pageCacheMb: intSetting(env, 'NEO4J_PAGECACHE_MB', 512, 64, 65536),
  };
}

/** The Bolt URI a config connects to. */
export function boltUri(config: DbConfig): string {
  return config.mode === 'external' ? config.uri : `bolt://${config.host}:${config.port}`;
}
