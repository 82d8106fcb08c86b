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
 * Validate → build → wire; the pipeline construct makes the stage as it makes the others.
 */
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { PipelineStage } from './pipeline-stage';

export interface EventFusionProps {
  /** The bucket holding `figures/`; the Event JSON is written beside the figures. */
  readonly outputBucket: s3.IBucket;
  /** The event stage (handler `event`): its queue is fed here. */
  readonly stage: PipelineStage;
}

/** The keys of the figures of an event's articles (`*` matches across `/`): not `figures/events/<name>.json`. */
export const EVENT_FIGURES_PATTERN = 'figures/events/*/*.json';

export class EventFusion extends Construct {
  readonly stage: PipelineStage;
  readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: EventFusionProps) {
    super(scope, id);
    // Validate
    if (props.stage.handlerName !== 'event') throw new Error(`EventFusion: the stage must run the event handler, not ${props.stage.handlerName}`);

    // Build
    this.stage = props.stage;
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
