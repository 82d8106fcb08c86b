/**
 * `briefing submit <article…>`: upload articles to the pipeline's input bucket — the local one
 * (`npm start`) by default, or a deployed stack with `--bucket` and the standard AWS
 * credentials (`--profile`, `--region`) — and with `--wait` fetch each briefing (PDF + figures
 * JSON) into `-o`. A file that cannot be read is refused here and the others go on. Locally
 * `--wait` listens to the pipeline's Briefing Ready / Failed events; a deployed stack's events go
 * to EventBridge, which a terminal cannot subscribe to, so there it polls S3.
 */
import { basename, relative } from 'node:path';
import { isBriefingError } from '../../lambdas/core/errors';
import { DEFAULT_MAX_BYTES } from '../../lambdas/intake/types';
import { subscribeToEvents, waitForAnnounced } from '../../local/event-stream';
import { readInputFile } from '../../local/input-file';
import { mapLimit } from '../../lambdas/core/map-limit';
import { countPdfPages } from '../../local/pdf-pages';
import { progressBar } from '../../local/progress';
import { downloadBriefing, uploadArticle, waitForOutcome } from '../../local/submit-client';
import { writeArticleRecord, type ArticleRecord } from '../article-record';
import { DEFAULT_ENDPOINT } from '../commands/stack-options';
import type { SubmitOptions } from '../commands/submit';
import { errorLine, EXIT_BAD_INPUT, EXIT_FAILURE } from '../exit';
import { checkAwsSetup, isDeployed, stackFor, unreachable } from './stack';

/** Waits in flight at once: each polls a few HEADs every 200 ms. */
const WAIT_LANES = 8;

/**
 * Where each article's outcome goes: with --json a record on stdout as soon as it is known;
 * otherwise a line (ok to stdout, refusals to stderr) held until the progress bar is gone.
 */
class Report {
  private readonly held: Array<() => void> = [];
  constructor(private readonly json: boolean) {}

  add(record: ArticleRecord, line: string | null): void {
    const write = () => {
      if (this.json) writeArticleRecord(record);
      if (record.status === 'refused' || record.status === 'failed') process.stderr.write(`${errorLine(record.file, record.reason)}\n`);
      else if (!this.json && line !== null) process.stdout.write(`${line}\n`);
    };
    if (this.json) write();
    else this.held.push(write);
  }

  flush(): void {
    for (const write of this.held.splice(0)) write();
  }
}

export async function submitCommand(files: readonly string[], options: SubmitOptions): Promise<number> {
  const stack = stackFor(options, options.wait ? '--wait' : false);
  const report = new Report(options.json ?? false);
  let refused = 0;
  let stuck = 0;
  // Subscribed before the first upload, so no event can be missed; without the endpoint, poll.
  const events = options.wait && !isDeployed(options) ? await subscribeToEvents(options.endpoint ?? DEFAULT_ENDPOINT).catch(() => null) : null;
  try {
    if (isDeployed(options)) await checkAwsSetup(stack.client, options);
    const uploads: Array<{ file: string; key: string; etag: string }> = [];
    const bar = progressBar(options.json ? 0 : files.length * (options.wait ? 2 : 1), options.wait ? 'submit+wait' : 'submit');
    try {
      for (const file of files) {
        // A missing, oversized or wrong-kind file is refused here, with its name, not as an error record.
        const bytes = await readInputFile(file, DEFAULT_MAX_BYTES).catch((error: unknown) => {
          if (!isBriefingError(error)) throw error;
          refused += 1;
          report.add({ file, status: 'refused', reason: error.message }, null);
          if (options.wait) bar.tick(); // nothing to wait for either
          return null;
        });
        bar.tick();
        if (bytes === null) continue;
        const key = basename(file);
        const etag = await uploadArticle(stack, key, bytes, options.published).catch((error: unknown) => {
          throw unreachable(error, options) ?? error;
        });
        uploads.push({ file, key, etag });
        const object = `s3://${stack.inputBucket}/${key}`;
        if (!options.wait) report.add({ file, status: 'submitted', outputs: [object] }, `uploaded ${file} → ${object}`);
      }
      if (options.wait) {
        await mapLimit(uploads, WAIT_LANES, async ({ file, key, etag }) => {
          try {
            const timeoutMs = options.timeout * 1000;
            const outcome = events ? await waitForAnnounced(events, stack, key, etag, timeoutMs) : await waitForOutcome(stack, key, etag, { timeoutMs });
            if (!outcome.ok) {
              refused += 1;
              report.add({ file, status: 'refused', reason: outcome.reason }, null);
              return;
            }
            const saved = await downloadBriefing(stack, outcome, options.output);
            const pages = countPdfPages(saved.pdfBytes);
            report.add(
              { file, status: 'ok', outputs: [saved.pdf, saved.json] },
              `ok    ${file} → ${relative(process.cwd(), saved.pdf)} (${pages} pages, ${saved.extraction.figures.length} figures), ${relative(process.cwd(), saved.json)}`,
            );
          } catch (error) {
            // One article that never finishes must not hide the others' results.
            stuck += 1;
            report.add({ file, status: 'failed', reason: error instanceof Error ? error.message : String(error) }, null);
          } finally {
            bar.tick();
          }
        });
      }
    } finally {
      bar.stop();
      report.flush();
    }
    return stuck > 0 ? EXIT_FAILURE : refused > 0 ? EXIT_BAD_INPUT : 0;
  } finally {
    events?.close();
    stack.client.destroy();
  }
}
