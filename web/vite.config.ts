// Vite build of the web app into web/dist (served by the API server at /); dev server proxies /api.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy next to every text file of the build of at least 1 KB, at the
 * highest levels (done once per build), so the server sends ~a third of the bytes without compressing per request
 * (@fastify/static `preCompressed`).
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'pge-precompress',
    apply: 'build',
    configResolved(c) {
      outDir = path.resolve(c.root, c.build.outDir);
    },
    writeBundle() {
      for (const e of fs.readdirSync(outDir, { withFileTypes: true, recursive: true })) {
        if (!e.isFile() || !/\.(js|mjs|css|html|svg|json|txt)$/.test(e.name)) continue;
        const file = path.join(e.parentPath, e.name);
        const body = fs.readFileSync(file);
        if (body.length < 1024) continue;
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: path.resolve(import.meta.dirname),
  plugins: [react(), precompress()],
  // The precompression above is most of the build's time, by design: the bundler's warning about slow plugin hooks is
  // switched off so every `npm start` that builds does not print it.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500, rolldownOptions: { checks: { bundlerTimings: false } } },
  // The layout worker (web/src/canvas/layout.worker.ts) is an ES module worker, bundled on its own.
  worker: { format: 'es' },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
