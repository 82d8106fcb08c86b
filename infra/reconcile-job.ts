/**
 * The reconcile pass on a schedule: S3 notifications can be lost (a queue purged, a
 * notification configuration replaced, a message dead-lettered by a crash that left no record),
 * so every `every` a function finds the uploads whose outputs do not record their current
 * version and copies each onto itself, which S3 announces to the pipeline's queues again.
 * Validate → build → wire; the pipeline grants what it may read and copy.
 */
import { Duration, Token } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { handlerFunction } from './handler-function';
import type { ManagedPolicyRole } from './stage-role';

/** Listing and HEADing a large bucket takes minutes; a run cut short is finished by the next. */
export const RECONCILE_TIMEOUT = Duration.minutes(10);

export interface ReconcileJobProps {
  /** How often it runs: 15 minutes to 7 days. */
  readonly every: Duration;
  readonly inputBucketName: string;
  readonly outputBucketName: string;
  /** Objects changed this recently are left alone (still in flight). */
  readonly settle: Duration;
  readonly logRetention: logs.RetentionDays;
  /** Encrypts the log group. Default: the CloudWatch Logs service key. */
  readonly encryptionKey?: kms.IKey;
}

export class ReconcileJob extends Construct {
  readonly function: NodejsFunction;
  readonly role: ManagedPolicyRole;
  readonly logGroup: logs.LogGroup;
  readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: ReconcileJobProps) {
    super(scope, id);
    // Validate
    const minutes = props.every.toMinutes();
    if (!Token.isUnresolved(minutes) && (minutes < 15 || minutes > 7 * 24 * 60)) {
      throw new Error(`ReconcileJob: every must be from 15 minutes to 7 days, got ${props.every.toHumanString()}`);
    }
    if (props.settle.toMinutes() < 1) throw new Error(`ReconcileJob: settle must be at least 1 minute, got ${props.settle.toHumanString()}`);

    // Build
    const built = handlerFunction(this, '', {
      handler: 'reconcile',
      purpose: 'briefing pipeline scheduled reconcile',
      timeout: RECONCILE_TIMEOUT,
      memorySize: 512,
      logRetention: props.logRetention,
      encryptionKey: props.encryptionKey,
      environment: {
        INPUT_BUCKET: props.inputBucketName,
        OUTPUT_BUCKET: props.outputBucketName,
        SETTLE_MINUTES: String(props.settle.toMinutes()),
      },
    });
    this.function = built.function;
    this.role = built.role;
    this.logGroup = built.logGroup;

    // Wire: a missed or failed run is retried twice; the next scheduled run covers the rest.
    this.rule = new events.Rule(this, 'Schedule', {
      description: `Briefing pipeline: find uploads with no outcome and announce them again, every ${props.every.toHumanString()}`,
      schedule: events.Schedule.rate(props.every),
      targets: [new targets.LambdaFunction(this.function, { retryAttempts: 2, maxEventAge: Duration.minutes(15) })],
    });
  }
}
