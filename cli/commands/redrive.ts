/** `briefing redrive <dead-letter queue>`: its definition; the work is in cli/actions/redrive.ts. */
import type { Command } from 'commander';
import { runCommand } from '../exit';
import { parsePositive } from '../options';

export interface RedriveOptions {
  readonly to?: string;
  readonly rate?: number;
  readonly wait?: boolean;
  readonly profile?: string;
  /** An SQS-compatible endpoint instead of AWS's (LocalStack, tests). */
  readonly sqsEndpoint?: string;
  /** Seconds between progress checks with --wait. */
  readonly pollSeconds: number;
}

export function registerRedrive(program: Command): void {
  program
    .command('redrive')
    .description("Move a dead-letter queue's messages back to be processed again (SQS message-move task).")
    .argument('<dead-letter-queue>', 'the queue ARN or URL (stack outputs ExtractDeadLetterQueueArn, RenderDeadLetterQueueArn)')
    .option('--to <queue-arn>', 'move them to this queue instead of the one each came from')
    .option('--rate <per-second>', 'at most this many messages per second (default: as fast as SQS goes, up to 500/s)', (v) => Math.max(1, Math.round(parsePositive(' of messages per second')(v))))
    .option('--wait', 'wait until the move has finished and say how many moved')
    .option('--poll-seconds <seconds>', 'with --wait, seconds between checks', parsePositive(' of seconds'), 5)
    .option('--profile <name>', 'AWS profile (~/.aws/config) (default: AWS_PROFILE, else the standard credential chain); the region comes from the queue')
    .option('--sqs-endpoint <url>', 'an SQS-compatible endpoint instead of AWS (e.g. LocalStack)')
    .addHelpText('after', [
      '',
      'Uses the standard AWS credentials (AWS_PROFILE, environment, SSO). The local pipeline keeps its',
      'dead letters as files under .local-s3/dead-letters/: upload those articles again instead.',
      'Exit codes: 0 moved (or nothing to move), 1 SQS refused or the move failed, 2 usage error.',
    ].join('\n'))
    .action((queue: string, options: RedriveOptions) => runCommand(queue, async () => (await import('../actions/redrive')).redriveCommand(queue, options)));
}
