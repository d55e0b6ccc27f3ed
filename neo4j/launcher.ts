// Starts (or finds) the embedded Neo4j: builds the Java launcher once with Maven, spawns it, waits for Bolt.
// The JVM stops when our process exits (its stdin closes), so no Neo4j outlives the product or a test run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmbeddedConfig } from './config.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TARGET = path.join(HERE, 'target');
const MAIN_CLASS = 'pge.EmbeddedNeo4j';

/** A start-up failure with a one-sentence, actionable message and a stable code. */
export class LauncherError extends Error {
  override name = 'LauncherError';
  constructor(
    readonly code: 'java-missing' | 'mvn-missing' | 'build-failed' | 'port-busy' | 'data-dir' | 'locked' | 'start' | 'timeout',
    message: string,
  ) {
    super(message);
  }
}

export interface EmbeddedHandle {
  uri: string;
  /** True when this process started the JVM (and will stop it). */
  owned: boolean;
  stop(): Promise<void>;
}

type Log = (line: string) => void;

function hasCommand(cmd: string): boolean {
  return spawnSync(cmd, ['-version'], { stdio: 'ignore' }).error === undefined;
}

/** True when something accepts TCP connections on host:port. */
export function portOpen(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** True when host:port answers the Bolt handshake (so it is a Neo4j, not just any server). */
export function speaksBolt(host: string, port: number, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('close', () => {
      clearTimeout(timer);
      done(false);
    });
    socket.once('error', () => done(false));
    socket.once('connect', () => {
      // Magic preamble, then four proposed versions (5.x ranges, 4.4).
      socket.write(Buffer.from([0x60, 0x60, 0xb0, 0x17, 0, 8, 8, 5, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0]));
    });
    socket.once('data', (d: Buffer) => {
      clearTimeout(timer);
      done(d.length >= 4 && d.readUInt32BE(0) !== 0);
    });
  });
}

function newestMtime(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** True when the compiled launcher and its jars are present and newer than the sources and pom. */
export function isBuilt(): boolean {
  const classFile = path.join(TARGET, 'classes', 'pge', 'EmbeddedNeo4j.class');
  const lib = path.join(TARGET, 'lib');
  if (!fs.existsSync(classFile) || !fs.existsSync(lib) || fs.readdirSync(lib).length < 50) return false;
  const built = fs.statSync(classFile).mtimeMs;
  return built >= newestMtime(path.join(HERE, 'src')) && built >= fs.statSync(path.join(HERE, 'pom.xml')).mtimeMs;
}

/** Builds the launcher with Maven (first run fetches Neo4j from Maven Central; later runs are offline). */
export async function buildLauncher(log: Log = console.log): Promise<void> {
  if (!hasCommand('java')) throw new LauncherError('java-missing', 'Java 17+ is needed for the embedded Neo4j: install a JDK (e.g. `apt-get install openjdk-17-jdk`) or set NEO4J_URI to an existing Neo4j.');
  if (!hasCommand('mvn')) throw new LauncherError('mvn-missing', 'Maven is needed once to fetch the embedded Neo4j: install it (e.g. `apt-get install maven`) or set NEO4J_URI to an existing Neo4j.');
  log('Preparing embedded Neo4j 5.26 with Maven (the first run downloads about 120 MB; later runs are offline)…');
  const started = Date.now();
  const ticker = setInterval(() => log(`  …still fetching/building (${Math.round((Date.now() - started) / 1000)} s)`), 15_000);
  try {
    const code = await new Promise<number>((resolve) => {
      const mvn = spawn('mvn', ['-B', '-q', '-f', path.join(HERE, 'pom.xml'), 'package', '-DskipTests'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      mvn.stdout.on('data', (d: Buffer) => (out += d.toString()));
      mvn.stderr.on('data', (d: Buffer) => (out += d.toString()));
      mvn.on('close', (c) => {
        if (c !== 0) log(out.split('\n').filter((l) => l.includes('ERROR')).slice(0, 5).join('\n'));
        resolve(c ?? 1);
      });
    });
    if (code !== 0) throw new LauncherError('build-failed', 'Maven could not build the embedded Neo4j launcher (see the errors above); check network access to Maven Central for the first run.');
  } finally {
    clearInterval(ticker);
  }
  log(`Embedded Neo4j ready to start (${Math.round((Date.now() - started) / 1000)} s).`);
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new LauncherError('timeout', `Neo4j did not start within ${timeoutMs / 1000} s; see the log above.`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      buffer += d.toString();
      for (const line of buffer.split('\n')) {
        if (line.startsWith('READY ')) {
          clearTimeout(timer);
          child.stdout?.off('data', onData);
          resolve();
          return;
        }
        const m = /^ERROR (\S+) (.*)$/.exec(line);
        if (m) {
          clearTimeout(timer);
          reject(new LauncherError((m[1] as LauncherError['code']) ?? 'start', m[2] ?? 'Neo4j did not start.'));
          return;
        }
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new LauncherError('start', `Neo4j exited during start-up (code ${code ?? 'signal'}).`));
    });
  });
}

const live = new Set<ChildProcess>();
let hooksInstalled = false;

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  // stdin closing already stops the JVM; killing on exit makes it immediate.
  process.once('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

/** Starts the embedded Neo4j, or reuses one already answering on the configured port. */
export async function startEmbedded(config: EmbeddedConfig, log: Log = console.log): Promise<EmbeddedHandle> {
  const uri = `bolt://${config.host}:${config.port}`;
  if (await portOpen(config.host, config.port)) {
    if (!(await speaksBolt(config.host, config.port))) {
      throw new LauncherError('port-busy', `Port ${config.port} on ${config.host} is used by something that is not Neo4j: stop it or set NEO4J_BOLT_PORT to a free port.`);
    }
    log(`Using the Neo4j already running on ${uri}.`);
    return { uri, owned: false, stop: async () => {} };
  }
  if (!isBuilt()) await buildLauncher(log);
  if (!hasCommand('java')) throw new LauncherError('java-missing', 'Java 17+ is needed for the embedded Neo4j: install a JDK (e.g. `apt-get install openjdk-17-jdk`) or set NEO4J_URI to an existing Neo4j.');
  let logFile: number;
  try {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.accessSync(config.dataDir, fs.constants.W_OK);
    logFile = fs.openSync(path.join(config.dataDir, 'launcher.log'), 'a');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new LauncherError('data-dir', `The data folder ${config.dataDir} cannot be created or written (${code}): set NEO4J_DATA_DIR to a writable folder.`);
  }
  const child = spawn(
    'java',
    [`-Xms${Math.min(512, config.heapMb)}m`, `-Xmx${config.heapMb}m`, '-XX:+UseG1GC', '-cp', `${path.join(TARGET, 'classes')}${path.delimiter}${path.join(TARGET, 'lib', '*')}`, MAIN_CLASS],
    {
      stdio: ['pipe', 'pipe', logFile],
      env: {
        ...process.env,
        NEO4J_DATA_DIR: config.dataDir,
        NEO4J_BOLT_HOST: config.host,
        NEO4J_BOLT_PORT: String(config.port),
        NEO4J_PAGECACHE_MB: String(config.pageCacheMb),
      },
    },
  );
  fs.closeSync(logFile);
  live.add(child);
  installExitHooks();
  child.once('exit', () => live.delete(child));
  log(`Starting embedded Neo4j on ${uri} (data in ${config.dataDir})…`);
  const t0 = Date.now();
  await waitForReady(child, 180_000);
  child.stdout?.resume();
  log(`Neo4j is up (${((Date.now() - t0) / 1000).toFixed(1)} s).`);
  return {
    uri,
    owned: true,
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.stdin?.end('stop\n');
  });
}
