/**
 * `briefing status <key…>`: where an uploaded article is, from what the stages wrote for its
 * current version: briefed, failed (with the reason), being rendered, or queued for
 * extraction. Local pipeline by default, a deployed stack with `--bucket` and `--output-bucket`.
 */
import { headObject } from '../../lambdas/handlers/s3-io';
import { checkProgress, type Progress } from '../../local/submit-client';
import type { StatusOptions } from '../commands/status';
import { errorLine, EXIT_BAD_INPUT, EXIT_FAILURE } from '../exit';
import { checkAwsSetup, isDeployed, stackFor, unreachable } from './stack';
import { sdkObjectStore } from '../../lambdas/handlers/sdk-object-store';

/** A queued article older than this may be stuck: say where to look. */
const STUCK_AFTER_MS = 5 * 60_000;

export interface ArticleStatus {
  readonly key: string;
  readonly state: 'briefed' | 'failed' | 'rendering' | 'queued';
  readonly uploaded: string;
  readonly briefing?: string;
  readonly figures?: string;
  readonly errorRecord?: string;
  readonly reason?: string;
}

const describeProgress = (progress: Progress, uploaded: Date): Omit<ArticleStatus, 'key'> => {
  const base = { uploaded: uploaded.toISOString() };
  if (progress.ok === true) return { ...base, state: 'briefed', briefing: progress.briefingKey, figures: progress.figuresKey };
  if (progress.ok === false) return { ...base, state: 'failed', errorRecord: progress.errorKey, reason: progress.reason };
  return { ...base, state: progress.pending === 'render' ? 'rendering' : 'queued' };
};

function line(status: ArticleStatus, outputBucket: string, now: number): string {
  const where = (key: string) => `s3://${outputBucket}/${key}`;
  switch (status.state) {
    case 'briefed':
      return `briefed   ${status.key} → ${where(status.briefing!)}`;
    case 'failed':
      return `failed    ${status.key}: ${status.reason} (${where(status.errorRecord!)})`;
    case 'rendering':
      return `rendering ${status.key}: figures written, the briefing is not there yet`;
    case 'queued': {
      const waited = now - Date.parse(status.uploaded);
      const hint = waited > STUCK_AFTER_MS ? '; if it stays so, its message may be in a dead-letter queue (briefing redrive)' : '';
      return `queued    ${status.key}: uploaded ${Math.round(waited / 1000)} s ago, no figures yet${hint}`;
    }
  }
}

export async function statusCommand(keys: readonly string[], options: StatusOptions): Promise<number> {
  const stack = stackFor(options, 'status');
  let failed = 0;
  let missing = 0;
  const statuses: ArticleStatus[] = [];
  try {
    if (isDeployed(options)) await checkAwsSetup(stack.client, options);
    for (const key of keys) {
      const head = await headObject(sdkObjectStore(stack.client), stack.inputBucket, key).catch((error: unknown) => {
        throw unreachable(error, options) ?? error;
      });
      if (!head) {
        missing += 1;
        process.stderr.write(`${errorLine(key, `no such article in s3://${stack.inputBucket}/ (keys are case-sensitive and include folders)`)}\n`);
        continue;
      }
      const status: ArticleStatus = { key, ...describeProgress(await checkProgress(stack, key, head.etag), head.lastModified) };
      if (status.state === 'failed') failed += 1;
      statuses.push(status);
      if (!options.json) process.stdout.write(`${line(status, stack.outputBucket, Date.now())}\n`);
    }
    if (options.json) process.stdout.write(`${JSON.stringify(statuses, null, 2)}\n`);
    return missing > 0 ? EXIT_FAILURE : failed > 0 ? EXIT_BAD_INPUT : 0;
  } finally {
    stack.client.destroy();
  }
}
