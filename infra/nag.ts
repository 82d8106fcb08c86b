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

/** The parts of the web page (infra/briefing-web.ts) that cdk-nag has findings about. */
export interface WebParts {
  readonly distribution: IConstruct;
  readonly userPool: IConstruct;
  readonly siteBucket: s3.IBucket;
}

/** Findings of the web page's parts that are acceptable, each with its reason. */
export function acknowledgeWebFindings(web: WebParts): void {
  const acknowledge = (scope: IConstruct, id: string, reason: string): void => Validations.of(scope).acknowledge({ id, reason });
  acknowledge(web.distribution, 'AwsSolutions-CFR1', 'The page serves analysts wherever they work; who may use it is decided by signing in (Cognito), not by country.');
  acknowledge(web.distribution, 'AwsSolutions-CFR2',
    'The distribution serves only the static page (GET and HEAD of files that hold no data); every request for data goes to the HTTP API, which needs a signed-in user and is throttled. A WAF web ACL would cost more than the page it protects.');
  acknowledge(web.distribution, 'AwsSolutions-CFR4',
    'The page uses the distribution\'s own *.cloudfront.net address, whose default certificate fixes the viewer policy; a deployment with its own domain and ACM certificate sets TLSv1.2_2021.');
  acknowledge(web.userPool, 'AwsSolutions-COG8',
    'Users are created by an administrator (no self sign-up by default) and MFA is required; the Plus feature plan\'s threat protection is a per-user cost the deployment can choose later.');
  // aws-cdk-lib's BucketDeployment: one Lambda function per stack that copies the built page into the site bucket at deploy time.
  const stack = Stack.of(web.distribution);
  const copier = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!copier) return;
  const why = 'aws-cdk-lib BucketDeployment copies the built page (a CDK asset) into the site bucket and invalidates the distribution, only while deploying';
  acknowledge(copier, 'AwsSolutions-L1', `${why}; aws-cdk-lib chooses and updates its runtime.`);
  acknowledge(copier, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', `${why}; its role, built by aws-cdk-lib, writes only its own logs with this policy.`);
  for (const action of ['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*']) {
    acknowledge(copier, `AwsSolutions-IAM5[Action::${action}]`, `${why}: aws-cdk-lib grants ${action} on the asset and site buckets only.`);
  }
  acknowledge(copier, `AwsSolutions-IAM5[Resource::${nagText(stack.resolve(web.siteBucket.arnForObjects('*')))}]`, `${why}: it replaces every file of the site bucket, which holds nothing else.`);
  acknowledge(copier, 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]', `${why}: it reads the page from the CDK bootstrap asset bucket.`);
  acknowledge(copier, 'AwsSolutions-IAM5[Resource::*]', `${why}: CloudFront invalidations cannot be scoped to one distribution by resource in the policy aws-cdk-lib writes.`);
}
