/**
 * The deployable stack: a BriefingPipeline configured from CDK context, so `cdk deploy -c …`
 * can point it at existing buckets, a KMS key or an alarm e-mail without code changes. The
 * stack composes and owns the outputs: what an operator needs to watch, subscribe and redrive.
 */
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { BriefingPipeline, type BriefingPipelineProps } from './briefing-pipeline';
import type { EncryptionMode } from './encryption';
import { acknowledgeFindings } from './nag';

/** `cdk.json` / `-c key=value` settings; all optional. */
export interface BriefingContext {
  readonly inputBucketName?: string;
  readonly outputBucketName?: string;
  readonly encryption?: EncryptionMode;
  readonly kmsKeyArn?: string;
  readonly alarmEmail?: string;
  readonly eventEmails?: readonly string[];
  readonly presignedUrlMinutes?: number;
  readonly reservedConcurrency?: number;
  readonly maxConcurrency?: number;
  readonly maxBytes?: number;
  readonly logRetentionDays?: number;
  readonly errorsExpirationDays?: number;
  readonly retainData?: boolean;
  /** Article key prefix → template name (`-c 'templatePrefixes={"flash/":"flash"}'`). */
  readonly templatePrefixes?: Readonly<Record<string, string>>;
  /** `-c web=false` leaves the web page out. */
  readonly web?: boolean;
  /** The sign-in pages' address prefix (`https://<prefix>.auth.<region>.amazoncognito.com`). */
  readonly webSignInDomainPrefix?: string;
  /** `-c webSelfSignUp=true` lets anyone with the address create an account. */
  readonly webSelfSignUp?: boolean;
  /** Hours between scheduled reconcile runs (1–168); 0 turns the job off. Default: 6. */
  readonly reconcileEveryHours?: number;
}

export interface BriefingStackProps extends StackProps {
  readonly context?: BriefingContext;
}

/** CloudWatch Logs accepts only these retention periods. */
function retention(days: number): logs.RetentionDays {
  const allowed = Object.values(logs.RetentionDays).filter((v): v is logs.RetentionDays => typeof v === 'number');
  if (!allowed.includes(days)) throw new Error(`context logRetentionDays must be one of ${allowed.join(', ')}, got ${days}`);
  return days;
}

export class BriefingStack extends Stack {
  readonly pipeline: BriefingPipeline;

  constructor(scope: Construct, id: string, props: BriefingStackProps = {}) {
    super(scope, id, props);
    const ctx = props.context ?? {};
    const pipelineProps: BriefingPipelineProps = {
      inputBucket: ctx.inputBucketName ? s3.Bucket.fromBucketName(this, 'ExistingInput', ctx.inputBucketName) : undefined,
      outputBucket: ctx.outputBucketName ? s3.Bucket.fromBucketName(this, 'ExistingOutput', ctx.outputBucketName) : undefined,
      encryption: ctx.encryption,
      encryptionKey: ctx.kmsKeyArn ? kms.Key.fromKeyArn(this, 'Key', ctx.kmsKeyArn) : undefined,
      alarmEmail: ctx.alarmEmail,
      eventEmails: ctx.eventEmails,
      presignedUrlLifetime: ctx.presignedUrlMinutes === undefined ? undefined : Duration.minutes(ctx.presignedUrlMinutes),
      reservedConcurrency: ctx.reservedConcurrency,
      maxConcurrency: ctx.maxConcurrency,
      maxBytes: ctx.maxBytes,
      logRetention: ctx.logRetentionDays === undefined ? undefined : retention(ctx.logRetentionDays),
      errorsExpiration: ctx.errorsExpirationDays === undefined ? undefined : Duration.days(ctx.errorsExpirationDays),
      retainData: ctx.retainData,
      templatePrefixes: ctx.templatePrefixes,
      web: ctx.web === false ? false : { signInDomainPrefix: ctx.webSignInDomainPrefix, selfSignUp: ctx.webSelfSignUp },
      reconcileEvery: ctx.reconcileEveryHours === undefined ? undefined : Duration.hours(ctx.reconcileEveryHours),
    };
    const pipeline = (this.pipeline = new BriefingPipeline(this, 'Pipeline', pipelineProps));
    acknowledgeFindings(pipeline);

    const output = (id: string, value: string, description: string) => new CfnOutput(this, id, { value, description });
    output('InputBucketName', pipeline.inputBucket.bucketName, 'Upload articles here');
    output('OutputBucketName', pipeline.outputBucket.bucketName, 'figures/, briefings/ and errors/ appear here');
    output('DashboardName', pipeline.dashboard.dashboard.dashboardName, 'CloudWatch dashboard: articles in, briefings out, failures, DLQs, durations, cold starts');
    output('DashboardUrl', `https://console.aws.amazon.com/cloudwatch/home?region=${this.region}#dashboards:name=${pipeline.dashboard.dashboard.dashboardName}`, 'The dashboard in the console');
    output('AlarmTopicArn', pipeline.alarms.topic.topicArn, 'Every alarm notifies this topic; subscribe to it');
    output('EventBusName', pipeline.events.eventBus.eventBusName, 'Briefing Ready / Briefing Failed events (source "briefing") go to this bus');
    output('EventsLogGroupName', pipeline.events.logGroup.logGroupName, 'Every Briefing Ready / Failed event, one JSON line each: aws logs tail --follow');
    if (pipeline.events.topic) output('EventsTopicArn', pipeline.events.topic.topicArn, 'SNS topic fed with every Briefing Ready / Failed event');
    if (pipeline.web) {
      output('WebUrl', `${pipeline.web.url}/`, 'The web page (sign in with a user of WebUserPoolId)');
      output('WebUserPoolId', pipeline.web.userPool.userPoolId, 'Create users here: aws cognito-idp admin-create-user --user-pool-id <this> --username <e-mail>');
      output('WebApiUrl', pipeline.web.api.apiEndpoint, "The page's API (a signed-in user's token on every route)");
      output('WebSignInUrl', pipeline.web.signInUrl, "The user pool's sign-in pages");
    }
    for (const [name, stage] of [['Extract', pipeline.extract], ['Render', pipeline.render]] as const) {
      output(`${name}FunctionName`, stage.function.functionName, `The ${name.toLowerCase()} Lambda function`);
      output(`${name}LogGroupName`, stage.logGroup.logGroupName, `JSON logs of the ${name.toLowerCase()} function`);
      output(`${name}QueueUrl`, stage.queue.queueUrl, `The ${name.toLowerCase()} stage's queue`);
      output(`${name}DeadLetterQueueArn`, stage.deadLetterQueue.queueArn, 'briefing redrive moves its messages back');
      output(`${name}DeadLetterQueueUrl`, stage.deadLetterQueue.queueUrl, `Messages the ${name.toLowerCase()} stage gave up on`);
    }
    if (pipeline.reconcile) {
      output('ReconcileFunctionName', pipeline.reconcile.function.functionName, 'The scheduled reconcile: invoke it to run a pass now');
      output('ReconcileLogGroupName', pipeline.reconcile.logGroup.logGroupName, 'What each reconcile run found and announced again');
    }
  }
}
