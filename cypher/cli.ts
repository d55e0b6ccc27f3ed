// `npm run query -- <name> --param key=value … [--format table|json|csv]` (and `--list`): runs a saved query from
// cypher/queries with the same validation and read-only proof as the API.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { openDb } from '../neo4j/db.ts';
import { readServerConfig } from '../server/config.ts';
import { loadLibrary } from '../server/queries/library.ts';
import { coerceParams } from '../server/queries/params.ts';
import { runReadOnly } from '../server/queries/runner.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    const o = v as { label?: string };
    return o.label ?? JSON.stringify(v);
  }
  return String(v);
}

/** Renders columns and rows as an aligned text table, JSON or CSV. */
export function render(columns: string[], rows: unknown[][], format: string): string {
  if (format === 'json') return JSON.stringify(rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]]))), null, 2);
  if (format === 'csv') {
    const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    return [columns.join(','), ...rows.map((r) => r.map((v) => q(text(v))).join(','))].join('\n');
  }
  const cells = rows.map((r) => r.map((v) => text(v).slice(0, 80)));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((v, i) => v.padEnd(widths[i]!)).join('  ');
  return [line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('query')
    .argument('[name]', 'saved query name (file name without .cypher)')
    .option('--param <key=value...>', 'parameter values', [])
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--list', 'list the saved queries')
    .exitOverride();
  program.parse(argv);
  const opts = program.opts<{ param: string[]; format: string; list?: boolean }>();
  const config = readServerConfig(process.env, ROOT);
  const library = loadLibrary(config.queriesDir, config.userQueriesDir);
  const name = program.args[0];
  if (opts.list || !name) {
    for (const q of library) console.log(`${q.name.padEnd(30)} ${q.title}${q.params.length ? `  (${q.params.map((p) => `${p.name}: ${p.type}`).join(', ')})` : ''}`);
    return 0;
  }
  const q = library.find((x) => x.name === name);
  if (!q) {
    console.error(`No saved query named "${name}". Use --list to see them.`);
    return 1;
  }
  const given: Record<string, string> = {};
  for (const kv of opts.param) {
    const i = kv.indexOf('=');
    if (i < 1) {
      console.error(`--param ${kv}: expected key=value`);
      return 1;
    }
    given[kv.slice(0, i)] = kv.slice(i + 1);
  }
  const log = (l: string) => process.stderr.write(`${l}\n`);
  const db = await openDb({ log, schema: false });
  try {
    const res = await runReadOnly(db.driver, db.database, q.query, coerceParams(q.params, given), { timeoutMs: config.cypherTimeoutMs, rowCap: config.cypherRowCap });
    console.log(render(res.columns, res.rows, opts.format));
    if (opts.format === 'table') log(`${res.rows.length} rows${res.truncated ? ' (capped)' : ''} in ${res.ms} ms`);
    return 0;
  } finally {
    await db.close();
  }
}

main(process.argv)
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    const err = e as { code?: string; message?: string };
    if (err.code === 'commander.helpDisplayed') process.exit(0);
    console.error(err.message ?? String(e));
    process.exit(1);
  });
