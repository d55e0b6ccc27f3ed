// `npm run bench`: every benchmark in turn (load, analytics, API, soak, web, scale to 100k), each appending its dated section to
// bench/RESULTS.md; prints a closing table of which ran and how long each took. `--only load,api` picks some.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const ALL = ['load', 'analyse', 'api', 'soak', 'web', 'scale'] as const;

function pick(argv: string[]): string[] {
  const i = argv.indexOf('--only');
  if (i < 0) return [...ALL];
  const wanted = (argv[i + 1] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const bad = wanted.filter((w) => !(ALL as readonly string[]).includes(w));
  if (bad.length > 0) {
    console.error(`Unknown benchmark ${bad.map((b) => `"${b}"`).join(', ')}: choose from ${ALL.join(', ')}.`);
    process.exit(2);
  }
  return wanted;
}

const rows: string[] = [];
let failed = 0;
for (const name of pick(process.argv.slice(2))) {
  console.log(`\n=== bench:${name} ===`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', `${name}.ts`)], { cwd: ROOT, stdio: 'inherit' });
  const ok = r.status === 0;
  if (!ok) failed++;
  rows.push(`| bench:${name} | ${ok ? 'ok' : `exit ${r.status ?? r.signal}`} | ${((Date.now() - t0) / 1000).toFixed(0)} s |`);
}
console.log(`\n| benchmark | result | time |\n|---|---|---|\n${rows.join('\n')}\n\nResults appended to bench/RESULTS.md.`);
process.exit(failed > 0 ? 1 : 0);
