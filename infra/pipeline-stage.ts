/**
 * One stage of the pipeline: an SQS queue (with its dead-letter queue) feeding a Lambda function
 * that writes JSON logs to its own log group and traces to X-Ray. Validate → build → wire; the
 * pipeline construct decides what feeds the queue and what the function may touch.
 */
import { Duration, Token } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { HandlerName } from './bundling';
import { handlerFunction } from './handler-function';
import type { ManagedPolicyRole } from './stage-role';

/** AWS: the queue's visibility timeout should be at least six times the function timeout. */
export const VISIBILITY_FACTOR = 6;

/** How long a dead letter is kept: SQS's maximum, so nothing expires before someone redrives it. */
export const DEAD_LETTER_RETENTION = Duration.days(14);

export interface PipelineStageProps {
  readonly handler: HandlerName;
  readonly timeout: Duration;
  /** MiB. */
  readonly memorySize: number;
  readonly environment: Readonly<Record<string, string>>;
  /** SQS messages per invocation (1–10). */
  readonly batchSize: number;
  /** Deliveries before a message moves to the dead-letter queue. */
  readonly maxReceiveCount: number;
  readonly logRetention: logs.RetentionDays;
  /** Encrypts the queues and the log group. Default: SSE-SQS and the CloudWatch Logs service key. */
  readonly encryptionKey?: kms.IKey;
  /** Reserved concurrent executions of the function. Default: none (the account's pool). */
  readonly reservedConcurrency?: number;
  /** Cap on the concurrent invocations the SQS poller makes (2–1000). Default: none. */
  readonly maxConcurrency?: number;
}

export class PipelineStage extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly function: NodejsFunction;
  readonly logGroup: logs.LogGroup;
  readonly role: ManagedPolicyRole;
  readonly timeout: Duration;
  /** The handler the function runs. */
  readonly handlerName: HandlerName;

  constructor(scope: Construct, id: string, props: PipelineStageProps) {
    super(scope, id);
    // Validate
    const { maxConcurrency, reservedConcurrency } = props;
    if (maxConcurrency !== undefined && reservedConcurrency !== undefined && !Token.isUnresolved(maxConcurrency) && maxConcurrency > reservedConcurrency) {
      // AWS: a poller allowed more than the function's reserved concurrency is throttled, and throttled messages burn retries.
      throw new Error(`PipelineStage ${id}: maxConcurrency (${maxConcurrency}) must not exceed reservedConcurrency (${reservedConcurrency})`);
    }
    this.timeout = props.timeout;
    this.handlerName = props.handler;

    // Build
    const queueEncryption = props.encryptionKey
      ? { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: props.encryptionKey, dataKeyReuse: Duration.hours(1) }
      : { encryption: sqs.QueueEncryption.SQS_MANAGED };
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', { ...queueEncryption, enforceSSL: true, retentionPeriod: DEAD_LETTER_RETENTION });
    this.queue = new sqs.Queue(this, 'Queue', {
      ...queueEncryption,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(props.timeout.toSeconds() * VISIBILITY_FACTOR),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount },
    });
    const built = handlerFunction(this, '', {
      handler: props.handler,
      timeout: props.timeout,
      memorySize: props.memorySize,
      logRetention: props.logRetention,
      encryptionKey: props.encryptionKey,
      reservedConcurrency,
      purpose: `briefing pipeline ${props.handler} stage`,
      environment: {
        MAX_RECEIVE_COUNT: String(props.maxReceiveCount),
        ...props.environment,
      },
    });
    this.function = built.function;
    this.role = built.role;
    this.logGroup = built.logGroup;

    // Wire
    this.function.addEventSource(new SqsEventSource(this.queue, {
      batchSize: props.batchSize,
      reportBatchItemFailures: true,
      maxConcurrency,
    }));
  }
}
