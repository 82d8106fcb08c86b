/**
 * The deployable stack: a BriefingPipeline configured from CDK context, so `cdk deploy -c …`
 * can point it at existing buckets, a KMS key or an alarm e-mail without code changes.
 */
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { BriefingPipeline, type BriefingPipelineProps } from './briefing-pipeline';

/** `cdk.json` / `-c key=value` settings; all optional. */
export interface BriefingContext {
  readonly inputBucketName?: string;
  readonly outputBucketName?: string;
  readonly kmsKeyArn?: string;
  readonly alarmEmail?: string;
  readonly reservedConcurrency?: number;
  readonly maxBytes?: number;
  readonly errorsExpirationDays?: number;
  readonly retainData?: boolean;
  /** Article key prefix → template name (`-c 'templatePrefixes={"flash/":"flash"}'`). */
  readonly templatePrefixes?: Readonly<Record<string, string>>;
}

export interface BriefingStackProps extends StackProps {
  readonly context?: BriefingContext;
}

export class BriefingStack extends Stack {
  readonly pipeline: BriefingPipeline;

  constructor(scope: Construct, id: string, props: BriefingStackProps = {}) {
    super(scope, id, props);
    const ctx = props.context ?? {};
    const pipelineProps: BriefingPipelineProps = {
      inputBucket: ctx.inputBucketName ? s3.Bucket.fromBucketName(this, 'ExistingInput', ctx.inputBucketName) : undefined,
      outputBucket: ctx.outputBucketName ? s3.Bucket.fromBucketName(this, 'ExistingOutput', ctx.outputBucketName) : undefined,
      encryptionKey: ctx.kmsKeyArn ? kms.Key.fromKeyArn(this, 'Key', ctx.kmsKeyArn) : undefined,
      alarmEmail: ctx.alarmEmail,
      reservedConcurrency: ctx.reservedConcurrency,
      maxBytes: ctx.maxBytes,
      errorsExpiration: ctx.errorsExpirationDays === undefined ? undefined : Duration.days(ctx.errorsExpirationDays),
      retainData: ctx.retainData,
      templatePrefixes: ctx.templatePrefixes,
    };
    this.pipeline = new BriefingPipeline(this, 'Pipeline', pipelineProps);
  }
}
