// Builds web/dist with Vite when it is missing or older than the web sources (npm start and e2e tests use it).
// Runs Vite as a child process so the server never imports the web toolchain.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, fs.statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return t;
}

/** True when web/dist is missing or older than web/src, web/index.html or the Vite config. */
export function webNeedsBuild(root = ROOT): boolean {
  const dist = path.join(root, 'web', 'dist', 'index.html');
  const src = path.join(root, 'web', 'src');
  if (!fs.existsSync(src)) return false;
  if (!fs.existsSync(dist)) return true;
  const inputs = [newest(src), ...['index.html', 'vite.config.ts'].map((f) => path.join(root, 'web', f)).filter((f) => fs.existsSync(f)).map((f) => fs.statSync(f).mtimeMs)];
  return fs.statSync(dist).mtimeMs < Math.max(...inputs);
}

/** Builds the web app when needed; throws with one sentence when the build fails. */
export function ensureWebBuilt(log: (l: string) => void = console.log, root = ROOT): void {
  if (!webNeedsBuild(root)) return;
  log('Building the web app…');
  // Always a production build: Vite honours an inherited NODE_ENV, and a test runner's (NODE_ENV=test) gave a
  // development React build (~25 % more script, slower) that `npm start` then kept serving.
  const res = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (res.status !== 0) throw new Error('The web app did not build (see above).');
}
