// Response compression for the API's JSON (and any other text answer the app builds in memory): gzip or brotli when
// the client accepts it and the body is at least `COMPRESS_MIN_BYTES`. A 150-author co-author network is ~150 KB of
// JSON and ~16 KB gzipped (gzip level 1 takes ~0.5 ms for 150 KB; on loopback it neither costs nor saves measurable
// throughput, the gain is the bytes a browser on a real network waits for). Static files are not touched here: the
// web build ships precompressed copies (`.br`, `.gz`) that @fastify/static serves directly.
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const COMPRESS_MIN_BYTES = 1024;

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

export type Encoding = 'br' | 'gzip';

/**
 * The encoding to answer with for an Accept-Encoding header: gzip when accepted (cheaper to make than brotli at a
 * similar size for these payloads), else brotli, else none. Honours q=0 ("identity only", "not gzip").
 */
export function chooseEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (e: string) => (q.get(e) ?? q.get('*') ?? 0) > 0;
  if (accepts('gzip')) return 'gzip';
  if (accepts('br')) return 'br';
  return null;
}

/**
 * Below this size a body is gzipped on the event loop: the thread-pool round trip of `zlib.gzip` costs ~150–230 µs,
 * while compressing a 2.6 KB related-work answer takes ~17 µs (100k graph, related work at 8 clients: server CPU
 * 1.60–1.65 → 1.39–1.51 ms a request, same session).
 */
export const COMPRESS_SYNC_MAX_BYTES = 64 * 1024;

/** Compresses `body` (level tuned for speed: these are answers to interactive requests). */
export async function compress(body: Buffer, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'gzip') return body.length <= COMPRESS_SYNC_MAX_BYTES ? zlib.gzipSync(body, { level: 1 }) : gzip(body, { level: 1 });
  return brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
}

async function onSend(req: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload; // streams (static files) pass through
  if (req.method === 'HEAD' || reply.statusCode === 204 || reply.statusCode === 304 || reply.hasHeader('content-encoding')) return payload;
  const length = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
  if (length < COMPRESS_MIN_BYTES) return payload;
  const type = String(reply.getHeader('content-type') ?? '');
  if (!/json|text|javascript|xml|svg/.test(type)) return payload;
  // added to what is there (CORS answers vary by Origin)
  const vary = reply.getHeader('vary');
  if (!vary) reply.header('vary', 'Accept-Encoding');
  else if (!/accept-encoding/i.test(String(vary))) reply.header('vary', `${String(vary)}, Accept-Encoding`);
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  if (!encoding) return payload;
  const body = await compress(typeof payload === 'string' ? Buffer.from(payload) : payload, encoding);
  reply.header('content-encoding', encoding);
  reply.removeHeader('content-length');
  return body;
}

/** Registers compression on `app` (every route, the error and not-found answers included). */
export function registerCompression(app: FastifyInstance): void {
  app.addHook('onSend', onSend);
}
