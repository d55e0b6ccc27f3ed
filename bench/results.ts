// Benchmark results: machine facts, a dated section appended to bench/RESULTS.md, and the shared --data option.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultThreads } from '../loader/analyse/search.ts';

const FILE = path.resolve(import.meta.dirname, 'RESULTS.md');

export function machineFacts(): string {
  return `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, Neo4j 5.26 (embedded); similarity search on ${defaultThreads()} thread(s).`;
}

export function appendResults(title: string, body: string): void {
  const stamp = new Date().toISOString().slice(0, 16).replace('T', ' ');
  if (!fs.existsSync(FILE)) fs.writeFileSync(FILE, '# Benchmark results\n\nEach section is appended by the command in its title.\n');
  fs.appendFileSync(FILE, `\n## ${title} — ${stamp} UTC\n\n${body}\n`);
}

/** `--data DIR` of bench:api and bench:web: an already loaded Neo4j data folder to measure (absolute), or null. */
export function loadedGraphOption(argv = process.argv): string | null {
  const i = argv.indexOf('--data');
  return i < 0 ? null : path.resolve(argv[i + 1] ?? '');
}
