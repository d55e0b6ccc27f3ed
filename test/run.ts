// `npm test`: type-check, lint, then every vitest project (unit, web, integration on a real embedded Neo4j,
// e2e in Chromium). Prints a closing "N passed, N failed" line and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function step(title: string, cmd: string, args: string[]): boolean {
  console.log(`\n▶ ${title}`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (res.status !== 0) console.log(`✖ ${title} failed`);
  return res.status === 0;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

const only = process.argv.slice(2);
let ok = step('Type-check (tsc)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
ok = step('Lint (eslint)', bin('eslint'), ['.', '--max-warnings=0']) && ok;

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pge-vitest-')), 'report.json');
const projects = only.length > 0 ? only.flatMap((p) => ['--project', p]) : [];
const vitestOk = step('Tests (vitest: unit, web, integration, e2e)', bin('vitest'), ['run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
ok = vitestOk && ok;

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8')) as VitestJson;
  passed = r.numPassedTests;
  failed = r.numFailedTests;
  skipped = r.numPendingTests + r.numTodoTests;
}
if (!ok && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok ? 0 : 1);
