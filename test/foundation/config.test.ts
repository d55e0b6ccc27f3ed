// Database configuration from the environment: embedded defaults, external URIs, and one-sentence errors.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, boltUri, memorySizing, readDbConfig } from '../../neo4j/config.ts';

describe('readDbConfig', () => {
  it('defaults to the embedded Neo4j on loopback:7687 with data in .data/neo4j', () => {
    const c = readDbConfig({}, '/work/x', 24 * 1024);
    expect(c).toEqual({ mode: 'embedded', host: '127.0.0.1', port: 7687, dataDir: path.resolve('/work/x/.data/neo4j'), database: 'neo4j', heapMb: 3072, pageCacheMb: 3072 });
    expect(boltUri(c)).toBe('bolt://127.0.0.1:7687');
  });

  it('sizes heap and page cache from the machine memory, within bounds, unless set', () => {
    expect(memorySizing(4 * 1024)).toEqual({ heapMb: 512, pageCacheMb: 512 });
    expect(memorySizing(8 * 1024)).toEqual({ heapMb: 1024, pageCacheMb: 1024 });
    expect(memorySizing(16 * 1024 - 100)).toEqual({ heapMb: 1792, pageCacheMb: 1792 });
    expect(memorySizing(2 * 1024)).toEqual({ heapMb: 512, pageCacheMb: 256 });
    expect(memorySizing(256 * 1024)).toEqual({ heapMb: 4096, pageCacheMb: 4096 });
    expect(readDbConfig({ NEO4J_HEAP_MB: '700', NEO4J_PAGECACHE_MB: '300' }, '/w', 24 * 1024)).toMatchObject({ heapMb: 700, pageCacheMb: 300 });
  });

  it('honours NEO4J_BOLT_PORT, NEO4J_DATA_DIR and NEO4J_DATABASE', () => {
    const c = readDbConfig({ NEO4J_BOLT_PORT: '7999', NEO4J_DATA_DIR: '/tmp/d', NEO4J_DATABASE: 'papers' }, '/w');
    expect(c).toMatchObject({ mode: 'embedded', port: 7999, dataDir: '/tmp/d', database: 'papers' });
  });

  it('uses an external server when NEO4J_URI is set, always with a database name', () => {
    for (const uri of ['bolt://db:7687', 'neo4j://db:7687', 'neo4j+s://x.databases.neo4j.io']) {
      const c = readDbConfig({ NEO4J_URI: uri, NEO4J_USER: 'u', NEO4J_PASSWORD: 'p' });
      expect(c).toEqual({ mode: 'external', uri, user: 'u', password: 'p', database: 'neo4j' });
    }
  });

  it('rejects a bad URI scheme and a bad port with ConfigError', () => {
    expect(() => readDbConfig({ NEO4J_URI: 'http://db:7474' })).toThrow(ConfigError);
    expect(() => readDbConfig({ NEO4J_BOLT_PORT: '70000' })).toThrow(ConfigError);
    expect(() => readDbConfig({ NEO4J_BOLT_PORT: 'abc' })).toThrow(/NEO4J_BOLT_PORT=abc/);
  });
});
