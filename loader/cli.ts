// `npm run load -- <paths…> [--format …] [--dry-run] [--force] [--report json]`: loads files/folders into Neo4j.
// A progress bar on a terminal, plain lines otherwise; a closing summary; exit 0 ok, 2 some input rejected, 1 nothing valid.
import { Command, Option } from 'commander';
import cliProgress from 'cli-progress';
import { openDb, type Db } from '../neo4j/db.ts';
import { exitCodeOf, loadPaths, type LoadSummary } from './pipeline.ts';
import type { FormatName } from './types.ts';

interface CliOptions {
  format?: FormatName;
  dryRun?: boolean;
  force?: boolean;
  report?: 'text' | 'json';
  batchSize?: string;
  concurrency?: string;
}

/** Renders the closing summary as text lines. */
export function formatSummary(s: LoadSummary): string {
  const lines = [
    `Files: ${s.files} (${s.filesSkipped} unchanged, skipped) · rows: ${s.rows} · records: ${s.records}`,
    `Papers: ${s.papers.total} (new ${s.papers.new}, updated ${s.papers.updated}, unchanged ${s.papers.unchanged})`,
    `Authors: ${s.authors} · repos: ${s.repos} · resources: ${s.resources} · tags: ${s.tags}`,
    `Warnings: ${s.warnings} · errors: ${s.errors}`,
  ];
  for (const i of s.issues.slice(0, 50)) lines.push(`  ${i.severity === 'error' ? 'error' : 'warning'} ${i.file}:${i.line}: ${i.reason}`);
  if (s.issues.length > 50) lines.push(`  … and ${s.issues.length - 50} more (use --report json for all)`);
  if (s.topicTree) lines.push('', 'Topics:', s.topicTree);
  lines.push('', `Timings (ms): ${Object.entries(s.timings).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('load')
    .description('Load paper digests, listing pages and JSON exports into the graph')
    .argument('<paths...>', 'files or folders (walked recursively)')
    .addOption(new Option('--format <name>', 'force a format instead of detecting it').choices(['digest-md', 'listing-text', 'json']))
    .option('--dry-run', 'parse and resolve only; write nothing')
    .option('--force', 'reload files even when unchanged since their last load')
    .addOption(new Option('--report <kind>', 'summary format').choices(['text', 'json']).default('text'))
    .option('--batch-size <n>', 'papers per write transaction', '1000')
    .option('--concurrency <n>', 'write transactions in flight at once', '2')
    .exitOverride();
  program.parse(argv);
  const paths = program.args;
  const opts = program.opts<CliOptions>();
  const json = opts.report === 'json';
  const log = json ? (l: string) => process.stderr.write(`${l}\n`) : (l: string) => console.log(l);

  let db: Db | null = null;
  if (!opts.dryRun) db = await openDb({ log });
  const bar = process.stderr.isTTY && !json ? new cliProgress.SingleBar({ format: ' {stage} [{bar}] {value}/{total}', noTTYOutput: false }, cliProgress.Presets.shades_classic) : null;
  let barStarted = false;
  try {
    const summary = await loadPaths(db?.driver ?? null, db?.database ?? 'neo4j', paths, {
      ...(opts.format ? { format: opts.format } : {}),
      dryRun: opts.dryRun ?? false,
      force: opts.force ?? false,
      batchSize: Math.max(1, Number(opts.batchSize ?? 1000) || 1000),
      concurrency: Math.max(1, Math.trunc(Number(opts.concurrency ?? 2)) || 2),
      log,
      onProgress: (stage, done, total) => {
        if (bar) {
          if (!barStarted) bar.start(total, 0, { stage });
          barStarted = true;
          bar.update(done, { stage });
        } else if (done === total || done % 10 === 0) log(`${stage}: batch ${done}/${total}`);
      },
    });
    bar?.stop();
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    if (json) process.stdout.write(`${JSON.stringify({ ...summary, peakRssMb }, null, 2)}\n`);
    else console.log(formatSummary(summary));
    const code = exitCodeOf(summary);
    if (code === 1) log('Nothing valid was found in the input: no paper was loaded.');
    else if (code === 2) log('Some input was rejected (see the errors above); the valid rows were loaded.');
    return code;
  } finally {
    bar?.stop();
    await db?.close();
  }
}

main(process.argv)
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    const err = e as { code?: string; message?: string };
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') process.exit(0);
    console.error(err.message ?? String(e));
    process.exit(1);
  });
