/**
 * `briefing batch <in-dir> -o <out-dir> [--jobs N]`: a folder of articles → `<name>.json` and
 * `<name>.pdf` for each, on worker threads, with a progress bar on a terminal and a summary.
 * Bad files do not stop the run; they are listed with their reasons at the end (exit 3).
 */
import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { IntakeError, UsageError } from '../../lambdas/core/errors';
import { articleFiles, runBatch } from '../../local/batch/run-batch';
import { progressBar } from '../../local/progress';
import { errorLine, EXIT_BAD_INPUT, runCommand } from '../exit';
import { parsePublished } from '../options';

export interface BatchCommandOptions {
  readonly output: string;
  readonly jobs: number;
  readonly published?: string;
}

export async function batchCommand(inDir: string, options: BatchCommandOptions): Promise<number> {
  const info = await stat(inDir).catch(() => null);
  if (!info?.isDirectory()) throw new UsageError(`${inDir}: not a directory; batch takes a folder of articles`);
  const total = (await articleFiles(inDir)).length;
  if (total === 0) throw new IntakeError('no_articles', `${inDir}: no article files in this folder`);

  const bar = progressBar(total, 'batch');
  const summary = await runBatch({ inDir, outDir: options.output, jobs: options.jobs, published: options.published, onResult: () => bar.tick() });
  bar.stop();

  const failed = summary.results.filter((result) => !result.ok).sort((a, b) => a.file.localeCompare(b.file));
  const ok = summary.results.length - failed.length;
  const seconds = summary.ms / 1000;
  process.stdout.write(
    `${summary.results.length} article${summary.results.length === 1 ? '' : 's'}, ${ok} ok, ${failed.length} failed in ${seconds.toFixed(1)} s ` +
      `(${(ok / seconds).toFixed(1)} briefings/s on ${summary.workers} worker${summary.workers === 1 ? '' : 's'}) → ${relative(process.cwd(), options.output) || '.'}\n`,
  );
  for (const result of failed) process.stderr.write(`${errorLine(result.file, result.reason ?? 'failed')}\n`);
  return failed.length > 0 ? EXIT_BAD_INPUT : 0;
}

function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!/^\d+$/.test(value) || jobs < 1 || jobs > 256) throw new InvalidArgumentError('expected a whole number of worker threads from 1 to 256.');
  return jobs;
}

export function registerBatch(program: Command): void {
  program
    .command('batch')
    .description('Brief every article in a folder (no S3): <name>.json and <name>.pdf per article, on worker threads.')
    .argument('<in-dir>', 'folder of articles (.txt .md .html .json), searched recursively; hidden files and *.gold.json are skipped')
    .requiredOption('-o, --output <out-dir>', 'where the .json and .pdf files go (created if missing)')
    .option('--jobs <n>', 'worker threads; the default is the number of cores available', parseJobs, availableParallelism())
    .option('--published <YYYY-MM-DD>', "publication date for every article; overrides the articles' own", parsePublished)
    .addHelpText('after', '\nExit codes: 0 all briefed, 2 usage error, 3 some articles failed (each listed on stderr with its reason).')
    .action((inDir: string, options: BatchCommandOptions) => runCommand(inDir, () => batchCommand(inDir, options)));
}
