// Start-up faults of `npm start` (the real server process): Neo4j unreachable, the web port in use, a data folder
// that cannot be written, no `java`, no `mvn` — each ends in one clear sentence and a non-zero exit.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLauncher, LauncherError } from '../../neo4j/launcher.ts';
import { ROOT } from '../support/app.ts';
import { testUri } from '../support/db.ts';
import { freePort } from '../support/neo4j-global.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pge-faults-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs `npm start`'s entry point with `env` and returns its exit code and everything it printed. */
function start(env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/server.ts')], {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: '', SKIP_SAMPLE: '1', LOG_LEVEL: 'error', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running after ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

/** A PATH holding only the given commands (symlinks to the real ones). */
function pathWith(commands: string[]): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'bin-'));
  for (const c of commands) {
    const real = (process.env.PATH ?? '').split(path.delimiter).map((d) => path.join(d, c)).find((f) => fs.existsSync(f));
    if (real) fs.symlinkSync(real, path.join(dir, c));
  }
  return dir;
}

const lastLine = (out: string) => out.trim().split('\n').at(-1) ?? '';

describe('npm start refuses to start, in one sentence', () => {
  it('when Neo4j cannot be reached', async () => {
    const port = await freePort();
    const { code, out } = await start({ NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_WAIT_MS: '3000' });
    expect(code).not.toBe(0);
    expect(lastLine(out)).toMatch(new RegExp(`^Cannot reach Neo4j at bolt://127\\.0\\.0\\.1:${port} \\(database neo4j\\): .*Check NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE\\.$`));
    expect(out).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('when the web port is in use', async () => {
    const busy = net.createServer();
    const port = await freePort();
    await new Promise<void>((r) => busy.listen(port, '127.0.0.1', () => r()));
    try {
      const { code, out } = await start({ NEO4J_URI: testUri(), PORT: String(port) });
      expect(code).toBe(1);
      expect(out).toContain(`Port ${port} on 127.0.0.1 is already in use: stop what uses it or set PORT to a free port.`);
      expect(out).not.toMatch(/\n\s+at /);
    } finally {
      busy.close();
    }
  });

  it('when the data folder cannot be written', async () => {
    const file = path.join(tmp, 'a-file');
    fs.writeFileSync(file, 'not a folder');
    const dataDir = path.join(file, 'neo4j');
    const { code, out } = await start({ NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(await freePort()) });
    expect(code).toBe(1);
    expect(lastLine(out)).toBe(`The data folder ${dataDir} cannot be created or written (ENOTDIR): set NEO4J_DATA_DIR to a writable folder.`);
  });

  it('when java is missing', async () => {
    const { code, out } = await start({ PATH: pathWith([]), NEO4J_DATA_DIR: path.join(tmp, 'no-java'), NEO4J_BOLT_PORT: String(await freePort()) });
    expect(code).toBe(1);
    expect(lastLine(out)).toBe('Java 17+ is needed for the embedded Neo4j: install a JDK (e.g. `apt-get install openjdk-17-jdk`) or set NEO4J_URI to an existing Neo4j.');
  });

  it('when mvn is missing and the embedded Neo4j still has to be fetched', async () => {
    const saved = process.env.PATH;
    process.env.PATH = pathWith(['java']);
    try {
      const err = await buildLauncher(() => {}).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LauncherError);
      expect((err as LauncherError).code).toBe('mvn-missing');
      expect((err as LauncherError).message).toBe('Maven is needed once to fetch the embedded Neo4j: install it (e.g. `apt-get install maven`) or set NEO4J_URI to an existing Neo4j.');
    } finally {
      process.env.PATH = saved;
    }
  });
});
