/**
 * `briefing batch`: a folder of articles → `<name>.json` and `<name>.pdf` for each, on worker
 * threads, with a progress bar on a terminal and a summary (or, with `--json`, one line per
 * article). Bad files do not stop the run; they are listed with their reasons at the end (exit 3).
 */
import { stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { IntakeError, UsageError } from '../../lambdas/core/errors';
import { withoutExtension } from '../../lambdas/handlers/s3-keys';
import { articleFiles, runBatch, type BatchResult } from '../../local/batch/run-batch';
import { tuneTieringForBatch } from '../../local/batch/tiering';
import { endColdStart } from '../../lambdas/core/cold-start';
import { progressBar } from '../../local/progress';
import { writeArticleRecord, type ArticleRecord } from '../article-record';
import type { BatchCommandOptions } from '../commands/batch';
import { errorLine, EXIT_BAD_INPUT } from '../exit';

/** An article's line for `--json`; paths as the user gave the folders. */
function recordOf(result: BatchResult, inDir: string, outDir: string): ArticleRecord {
  const file = join(inDir, result.file);
  if (!result.ok) return { file, status: result.refused ? 'refused' : 'failed', reason: result.reason ?? 'failed' };
  const base = join(outDir, withoutExtension(result.file));
  return { file, status: 'ok', outputs: [`${base}.pdf`, `${base}.json`] };
}

export async function batchCommand(inDir: string, options: BatchCommandOptions): Promise<number> {
  const info = await stat(inDir).catch(() => null);
  if (!info?.isDirectory()) throw new UsageError(`${inDir}: not a directory; batch takes a folder of articles`);
  const total = (await articleFiles(inDir)).length;
  if (total === 0) throw new IntakeError('no_articles', `${inDir}: no article files in this folder`);

  // V8's flags are the process's: set here, by the command, before runBatch makes its threads.
  endColdStart();
  tuneTieringForBatch();
  // A bar redrawn on the terminal would tear the JSON lines apart: none with --json.
  const bar = progressBar(options.json ? 0 : total, 'batch');
  const summary = await runBatch({
    inDir,
    outDir: options.output,
    jobs: options.jobs,
    published: options.published,
    onResult: (result) => {
      if (options.json) writeArticleRecord(recordOf(result, inDir, options.output));
      bar.tick();
    },
  });
  bar.stop();

  const failed = summary.results.filter((result) => !result.ok).sort((a, b) => a.file.localeCompare(b.file));
  if (!options.json) {
    const ok = summary.results.length - failed.length;
    const seconds = summary.ms / 1000;
    process.stdout.write(
      `${summary.results.length} article${summary.results.length === 1 ? '' : 's'}, ${ok} ok, ${failed.length} failed in ${seconds.toFixed(1)} s ` +
        `(${(ok / seconds).toFixed(1)} briefings/s on ${summary.workers} worker${summary.workers === 1 ? '' : 's'}) → ${relative(process.cwd(), options.output) || '.'}\n`,
    );
  }
  for (const result of failed) process.stderr.write(`${errorLine(result.file, result.reason ?? 'failed')}\n`);
  for (const warning of summary.warnings) process.stderr.write(`warning: batch: ${warning}\n`);
  return failed.length > 0 ? EXIT_BAD_INPUT : 0;
}
