/**
 * The event stage: articles under `events/<name>/` are extracted (and briefed) one by one as
 * any article; each time the figures of one land in `figures/events/<name>/`, the event stage
 * fuses all of the event's figures into `figures/events/<name>.json`, which the render stage
 * turns into `briefings/events/<name>.pdf`.
 *
 *   output bucket ──Object Created figures/events/*\/*.json──▶ EventBridge rule ──▶ event queue (+DLQ) ──▶ event λ
 *
 * The render stage's S3 → SQS notification already covers `figures/`, and S3 refuses a second
 * notification on an overlapping prefix, so the event queue is fed through EventBridge instead,
 * which matches the keys of the event's articles only (not the Event JSON the stage writes).
 * Validate → build → wire; the pipeline construct gives the bucket and the stage settings.
 */
import { Duration, Token } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { PipelineStage } from './pipeline-stage';

export interface EventFusionProps {
  /** The bucket holding `figures/`; the Event JSON is written beside the figures. */
  readonly outputBucket: s3.IBucket;
  /** Default: 60 seconds (an event reads every article's figures, a few KB each). */
  readonly timeout?: Duration;
  /** MiB. Default: 1024. */
  readonly memorySize?: number;
  readonly batchSize: number;
  readonly maxReceiveCount: number;
  readonly logRetention: logs.RetentionDays;
  /** Encrypts the queues and the log group. Default: the services' own keys. */
  readonly encryptionKey?: kms.IKey;
  readonly reservedConcurrency?: number;
  readonly maxConcurrency?: number;
}

/** The keys of the figures of an event's articles (`*` matches across `/`): not `figures/events/<name>.json`. */
export const EVENT_FIGURES_PATTERN = 'figures/events/*/*.json';

export class EventFusion extends Construct {
  readonly stage: PipelineStage;
  readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: EventFusionProps) {
    super(scope, id);
    // Validate
    const timeout = props.timeout ?? Duration.seconds(60);
    const memorySize = props.memorySize ?? 1024;
    if (timeout.toSeconds() < 1 || timeout.toSeconds() > Duration.minutes(15).toSeconds()) {
      throw new Error(`EventFusion: timeout must be from 1 second to 15 minutes, got ${timeout.toHumanString()}`);
    }
    if (!Token.isUnresolved(memorySize) && (!Number.isInteger(memorySize) || memorySize < 128 || memorySize > 10240)) {
      throw new Error(`EventFusion: memorySize must be an integer from 128 to 10240, got ${memorySize}`);
    }

    // Build
    this.stage = new PipelineStage(this, 'Stage', {
      handler: 'event',
      timeout,
      memorySize,
      environment: { OUTPUT_BUCKET: props.outputBucket.bucketName },
      batchSize: props.batchSize,
      maxReceiveCount: props.maxReceiveCount,
      logRetention: props.logRetention,
      encryptionKey: props.encryptionKey,
      reservedConcurrency: props.reservedConcurrency,
      maxConcurrency: props.maxConcurrency,
    });
    this.rule = new events.Rule(this, 'ArticleFigures', {
      description: 'Briefing pipeline: figures of an article under events/<name>/ → the event stage',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: { bucket: { name: [props.outputBucket.bucketName] }, object: { key: [{ wildcard: EVENT_FIGURES_PATTERN }] } },
      },
    });

    // Wire
    props.outputBucket.enableEventBridgeNotification();
    this.rule.addTarget(new targets.SqsQueue(this.stage.queue));
  }
}
