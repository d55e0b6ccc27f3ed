// Compression: API answers of ≥ 1 KB are gzipped (or brotli-compressed) for clients that accept it and decode to the
// exact same JSON; small answers and clients that do not accept it get plain bytes; the web build's precompressed
// copies are sent as they are, hashed assets cached for good, index.html revalidated.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { readServerConfig } from '../../server/config.ts';
import { chooseEncoding, COMPRESS_MIN_BYTES } from '../../server/plugins/compress.ts';
import { ensureCorpus, ROOT, testApp } from '../support/app.ts';
import { DATABASE, testDriver, testUri } from '../support/db.ts';

describe('chooseEncoding', () => {
  it('prefers gzip, falls back to brotli, honours q=0 and *', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('gzip');
    expect(chooseEncoding('br')).toBe('br');
    expect(chooseEncoding('gzip;q=0, br;q=0.5')).toBe('br');
    expect(chooseEncoding('GZIP')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('gzip');
    expect(chooseEncoding('*;q=0, identity')).toBeNull();
    expect(chooseEncoding('deflate')).toBeNull();
    expect(chooseEncoding('')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });
});

describe('API answers', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await ensureCorpus('seeds');
    app = await testApp();
  });
  afterAll(async () => app?.close());

  it('are gzipped for a browser and decode to the same JSON as the plain answer', async () => {
    const plain = await app.inject('/api/topics');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(COMPRESS_MIN_BYTES);
    const gz = await app.inject({ url: '/api/topics', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(gz.statusCode).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(String(gz.headers.vary)).toMatch(/accept-encoding/i);
    expect(Number(gz.headers['content-length'])).toBe(gz.rawPayload.length);
    expect(gz.rawPayload.length).toBeLessThan(plain.body.length / 3);
    expect(JSON.parse(zlib.gunzipSync(gz.rawPayload).toString('utf8'))).toEqual(plain.json());
  });

  it('are brotli-compressed for a client that only accepts brotli', async () => {
    const plain = await app.inject('/api/topics');
    const br = await app.inject({ url: '/api/topics', headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(plain.json());
  });

  it('stay plain when small, and problems stay problem+json', async () => {
    const ping = await app.inject({ url: '/api/ping', headers: { 'accept-encoding': 'gzip' } });
    expect(ping.statusCode).toBe(200);
    expect(ping.headers['content-encoding']).toBeUndefined();
    expect(ping.json()).toBeTruthy();
    const missing = await app.inject({ url: '/api/nodes/paper%3Anope', headers: { 'accept-encoding': 'gzip' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.headers['content-encoding']).toBeUndefined();
    expect(missing.json()).toMatchObject({ status: 404 });
  });

  it('keep the Vary of a CORS answer and add Accept-Encoding to it', async () => {
    const cors = await testApp({ CORS_ORIGINS: 'http://example.org' });
    try {
      const res = await cors.inject({ url: '/api/topics', headers: { origin: 'http://example.org', 'accept-encoding': 'gzip' } });
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers['access-control-allow-origin']).toBe('http://example.org');
      const vary = String(res.headers.vary).toLowerCase();
      expect(vary).toContain('origin');
      expect(vary).toContain('accept-encoding');
    } finally {
      await cors.close();
    }
  });

  it('leave HEAD requests without a body', async () => {
    const head = await app.inject({ method: 'HEAD', url: '/api/topics', headers: { 'accept-encoding': 'gzip' } });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-encoding']).toBeUndefined();
    expect(head.rawPayload.length).toBe(0);
  });
});

describe('the web build', () => {
  let app: FastifyInstance;
  let dist: string;
  const js = `console.log(${JSON.stringify('graph '.repeat(400))});\n`;
  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'pge-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>t</title><script type="module" src="/assets/app-1a2b.js"></script>');
    fs.writeFileSync(path.join(dist, 'assets', 'app-1a2b.js'), js);
    fs.writeFileSync(path.join(dist, 'assets', 'app-1a2b.js.gz'), zlib.gzipSync(js));
    fs.writeFileSync(path.join(dist, 'assets', 'app-1a2b.js.br'), zlib.brotliCompressSync(js));
    const config = { ...readServerConfig({ RESPONSE_CHECKS: '1' }, ROOT), webDist: dist };
    app = await buildApp({ driver: testDriver(), database: DATABASE, config, dbUri: testUri(), logger: { level: 'error' } });
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('sends the precompressed copy the client accepts, the plain file otherwise', async () => {
    const br = await app.inject({ url: '/assets/app-1a2b.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(js);
    const gz = await app.inject({ url: '/assets/app-1a2b.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(js);
    const plain = await app.inject('/assets/app-1a2b.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
    for (const r of [br, gz, plain]) {
      expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(String(r.headers.vary)).toMatch(/accept-encoding/i);
    }
  });

  it('revalidates index.html, at / and at any app URL', async () => {
    for (const url of ['/', '/topics/anything']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('/assets/app-1a2b.js');
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });
});
