/**
 * cdk-nag acknowledgements. Each one names the exact finding (rule id plus the resource or
 * policy it is about) and says why that finding is acceptable here; nothing is silenced by rule.
 */
import { type App, Stack, Validations } from 'aws-cdk-lib';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { BriefingPipeline } from './briefing-pipeline';

/** The rule packs every synthesis runs (`cdk synth`, `cdk deploy`, the tests): a finding fails it. */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }), new NIST80053R5Checks(app, { verbose: true }));
}

type Acknowledgement = readonly [rule: string, reason: string];

const acknowledge = (scope: IConstruct, ...findings: Acknowledgement[]): void => {
  for (const [id, reason] of findings) Validations.of(scope).acknowledge({ id, reason });
};

/**
 * Every finding that remains by design, with its reason: the README's compliance table says
 * what closing each would cost. Acknowledged on the exact resource, never for the whole stack.
 */
export function acknowledgeFindings(pipeline: BriefingPipeline): void {
  const kms = pipeline.encryption.mode === 'kms';
  const byChoice = "encryption: 's3' was chosen (AWS-managed keys, no key to pay for or manage); deploy with encryption 'kms' to use a customer-managed key";
  for (const stage of [pipeline.extract, pipeline.render, pipeline.eventFusion.stage]) {
    acknowledge(stage.role,
      ['AwsSolutions-IAM5[Resource::*]', 'X-Ray xray:PutTraceSegments and xray:PutTelemetryRecords (active tracing) accept no resource-level permission; every other statement names its resource.']);
    acknowledge(stage.function,
      ['NIST.800.53.R5-LambdaDLQ', "The function is invoked only by its SQS event source mapping; the queue's redrive policy is its dead-letter queue (alarmed, redriven with briefing redrive). A function-level DLQ applies to asynchronous invocations, which never happen."],
      ['NIST.800.53.R5-LambdaInsideVPC', 'The function reaches only AWS APIs (S3, SQS, EventBridge, X-Ray, CloudWatch Logs, KMS) over TLS with IAM; no private resource needs a VPC, which would add NAT or interface endpoints (about $7 per endpoint per AZ per month).']);
    if (!hasReservedConcurrency(stage)) {
      acknowledge(stage.function, ['NIST.800.53.R5-LambdaConcurrency', 'Concurrency is capped by the SQS event source mapping (maxConcurrency) instead of reserving capacity out of the account pool; set reservedConcurrency to reserve it too.']);
    }
    if (!kms) acknowledge(stage.logGroup, ['NIST.800.53.R5-CloudWatchLogGroupEncrypted', `CloudWatch Logs encrypts the log group with a service key; ${byChoice}.`]);
  }
  const job = pipeline.reconcile;
  if (job) {
    acknowledge(job.role,
      ['AwsSolutions-IAM5[Resource::*]', 'X-Ray xray:PutTraceSegments and xray:PutTelemetryRecords (active tracing) accept no resource-level permission; every other statement names its resource.']);
    acknowledge(job.function,
      ['NIST.800.53.R5-LambdaDLQ', 'Its only invocation is the scheduled EventBridge event, which carries no data: a failed run is retried twice, alarmed (ReconcileFailed), and the next scheduled run does the same work. A dead-letter queue would keep only empty schedule events.'],
      ['NIST.800.53.R5-LambdaInsideVPC', 'The function reaches only AWS APIs (S3, X-Ray, CloudWatch Logs, KMS) over TLS with IAM; no private resource needs a VPC, which would add NAT or interface endpoints (about $7 per endpoint per AZ per month).'],
      ['NIST.800.53.R5-LambdaConcurrency', 'One scheduled event per period invokes it; reserving concurrency would take capacity out of the account pool for a function that runs a few minutes a day.']);
    if (!kms) acknowledge(job.logGroup, ['NIST.800.53.R5-CloudWatchLogGroupEncrypted', `CloudWatch Logs encrypts the log group with a service key; ${byChoice}.`]);
  }
  const newBuckets = [pipeline.inputBucket, pipeline.outputBucket].filter((bucket) => bucket.node.scope === pipeline);
  const accessLogs = pipeline.node.tryFindChild('AccessLogsBucket');
  for (const bucket of [...newBuckets, ...(accessLogs ? [accessLogs] : [])]) {
    acknowledge(bucket, ['NIST.800.53.R5-S3BucketReplicationEnabled', 'Versioning and retention on cdk destroy keep every object; briefings and figures can be re-made from the inputs. Cross-region replication would double storage and add a second bucket in another region: pass your own replicated buckets (inputBucketName/outputBucketName) if you need it.']);
  }
  for (const bucket of [pipeline.inputBucket, pipeline.outputBucket]) {
    const notifications = bucket.node.tryFindChild('Notifications');
    if (notifications) acknowledge(notifications, ['NIST.800.53.R5-IAMNoInlinePolicy', "aws-cdk-lib's BucketNotificationsHandler: its deploy-time role gets this policy (s3:PutBucketNotification) from aws-cdk-lib; it runs only while deploying the S3 → SQS notifications."]);
  }
  if (accessLogs) acknowledge(accessLogs, ['NIST.800.53.R5-S3DefaultEncryptionKMS', 'S3 server access log delivery writes only to SSE-S3 buckets; the logs hold request metadata, not article text.']);
  if (!kms) {
    for (const bucket of newBuckets) acknowledge(bucket, ['NIST.800.53.R5-S3DefaultEncryptionKMS', `SSE-S3 (AES-256) encrypts every object; ${byChoice}.`]);
    acknowledge(pipeline.events.logGroup, ['NIST.800.53.R5-CloudWatchLogGroupEncrypted', `CloudWatch Logs encrypts the log group with a service key; ${byChoice}.`]);
    acknowledge(pipeline.alarms.topic, ['NIST.800.53.R5-SNSEncryptedKMS', `Alarm notifications carry alarm names and states, no article data; ${byChoice}.`]);
    if (pipeline.events.topic) acknowledge(pipeline.events.topic, ['NIST.800.53.R5-SNSEncryptedKMS', `Events carry object keys, counts and reasons, no article text; ${byChoice}.`]);
  }
}

function hasReservedConcurrency(stage: BriefingPipeline['extract']): boolean {
  const fn = stage.function.node.defaultChild as { reservedConcurrentExecutions?: number } | undefined;
  return fn?.reservedConcurrentExecutions !== undefined;
}

/** A resolved CloudFormation value written the way cdk-nag prints it (`<Logical.Arn>`, `<AWS::Partition>`). */
function nagText(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, unknown>;
  if ('Ref' in v) return `<${String(v.Ref)}>`;
  if ('Fn::GetAtt' in v) return `<${(v['Fn::GetAtt'] as string[]).join('.')}>`;
  if ('Fn::Join' in v) {
    const [separator, parts] = v['Fn::Join'] as [string, unknown[]];
    return parts.map(nagText).join(separator);
  }
  throw new Error(`nag: cannot print ${JSON.stringify(value)}`);
}

/**
 * IAM5 flags `arn:…:bucket/figures/*`-style resources. These are the narrowest grant S3 allows
 * for "objects under a prefix": one bucket, one prefix, one explicit action.
 */
export function acknowledgeObjectWildcards(role: IConstruct, bucket: s3.IBucket, prefixes: readonly string[], action: string, purpose: string): void {
  const stack = Stack.of(role);
  for (const prefix of prefixes) {
    const resource = nagText(stack.resolve(bucket.arnForObjects(prefix)));
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${resource}]`,
      reason: `${action} on objects under "${prefix}" of one bucket only: ${purpose}; S3 object ARNs cannot name keys that do not exist yet.`,
    });
  }
}

/** CDK's own deploy-time helper that writes the bucket notification configuration. */
export function acknowledgeNotificationsHandler(stack: Stack): void {
  const handler = stack.node.children.find((c) => c.node.id.startsWith('BucketNotificationsHandler'));
  if (!handler) return;
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      'aws-cdk-lib BucketNotificationsHandler runs only during deployment to set the S3 → SQS notifications; its role is built by aws-cdk-lib and only writes its own logs with this policy.',
  });
}
