/**
 * `briefing redrive <dead-letter queue>`: moves the messages a stage gave up on back to the
 * queue they came from (an SQS message-move task), once the cause is mended. The queue is the
 * stack output ExtractDeadLetterQueueArn / RenderDeadLetterQueueArn (or its …Url). Each moved
 * message is processed again from scratch; outputs already written are skipped as duplicates.
 */
import {
  GetQueueAttributesCommand, GetQueueUrlCommand, ListMessageMoveTasksCommand, SQSClient, StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { BriefingError, UsageError } from '../../lambdas/core/errors';
import type { RedriveOptions } from '../commands/redrive';

interface QueueRef {
  readonly arn: string;
  readonly url: string;
  readonly region: string;
}

const ARN = /^arn:[a-z-]+:sqs:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_-]{1,80}(?:\.fifo)?)$/;
const URL_PATH = /^\/(\d{12})\/([A-Za-z0-9_-]{1,80}(?:\.fifo)?)$/;

/** The region the queue lives in, from its ARN or its URL (`https://sqs.<region>.amazonaws.com/…`). */
function regionOf(queue: string): string | undefined {
  const arn = ARN.exec(queue);
  if (arn) return arn[1];
  try {
    return /^sqs\.([a-z0-9-]+)\./.exec(new URL(queue).hostname)?.[1];
  } catch {
    return undefined;
  }
}

async function resolveQueue(sqs: SQSClient, queue: string, region: string): Promise<QueueRef & { readonly messages: number }> {
  const arn = ARN.exec(queue);
  const url = arn
    ? (await sqs.send(new GetQueueUrlCommand({ QueueName: arn[3], QueueOwnerAWSAccountId: arn[2] }))).QueueUrl!
    : queue;
  const attributes = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn', 'ApproximateNumberOfMessages'] }))).Attributes ?? {};
  return { arn: attributes.QueueArn ?? queue, url, region, messages: Number(attributes.ApproximateNumberOfMessages ?? 0) };
}

const FINISHED = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);

export async function redriveCommand(queue: string, options: RedriveOptions): Promise<number> {
  const isUrl = /^https?:\/\//.test(queue);
  if (!ARN.test(queue) && !(isUrl && URL_PATH.test(new URL(queue).pathname))) {
    throw new UsageError(`"${queue}" is not an SQS queue ARN or URL; use the stack output ExtractDeadLetterQueueArn or RenderDeadLetterQueueArn`);
  }
  const region = regionOf(queue) ?? process.env.AWS_REGION;
  if (!region) throw new UsageError(`cannot tell the region of ${queue}; set AWS_REGION`);
  const sqs = new SQSClient({ region, endpoint: options.sqsEndpoint, profile: options.profile });
  try {
    const source = await resolveQueue(sqs, queue, region);
    if (source.messages === 0) {
      process.stdout.write(`nothing to redrive: ${source.arn} is empty\n`);
      return 0;
    }
    const started = await sqs.send(new StartMessageMoveTaskCommand({
      SourceArn: source.arn,
      DestinationArn: options.to,
      MaxNumberOfMessagesPerSecond: options.rate,
    }));
    const destination = options.to ?? 'the queue each message came from';
    process.stdout.write(`moving about ${source.messages} message(s) from ${source.arn} to ${destination} (task ${started.TaskHandle})\n`);
    if (!options.wait) return 0;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, options.pollSeconds * 1000));
      const [task] = (await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: source.arn, MaxResults: 1 }))).Results ?? [];
      if (!task?.Status || !FINISHED.has(task.Status)) continue;
      const moved = task.ApproximateNumberOfMessagesMoved ?? 0;
      if (task.Status === 'COMPLETED') {
        process.stdout.write(`done: ${moved} message(s) moved\n`);
        return 0;
      }
      throw new BriefingError('storage', 'redrive', `the move task ${task.Status.toLowerCase()} after ${moved} message(s): ${task.FailureReason ?? 'no reason given'}`, { permanent: false });
    }
  } catch (error) {
    if (error instanceof BriefingError) throw error;
    const e = error as { name?: string; message?: string };
    throw new BriefingError('storage', 'redrive', `${e.name ?? 'Error'}: ${e.message ?? String(error)}`, { cause: error, permanent: false });
  } finally {
    sqs.destroy();
  }
}
