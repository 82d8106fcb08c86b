/**
 * cdk-nag acknowledgements. Each one names the exact finding (rule id plus the resource or
 * policy it is about) and says why that finding is acceptable here; nothing is silenced by rule.
 */
import { type App, Stack, Validations } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { BriefingPipeline } from './briefing-pipeline';
import type { BriefingWeb } from './briefing-web';

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
  if (pipeline.web) acknowledgeWebFindings(pipeline.web, kms ? null : byChoice);
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
  if ('Fn::Sub' in v && typeof v['Fn::Sub'] === 'string') return v['Fn::Sub'].replace(/\$\{([^}]+)\}/g, '<$1>');
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

/** Findings about the web page (infra/briefing-web.ts) that remain by design, each with its reason; `byChoice` when the stack chose AWS-managed keys. */
function acknowledgeWebFindings(web: BriefingWeb, byChoice: string | null): void {
  const noReplication: Acknowledgement = ['NIST.800.53.R5-S3BucketReplicationEnabled', 'It holds the built page (made again from the repository by every deploy) or access logs; a copy in a second region would protect nothing that matters.'];
  acknowledge(web.siteBucket,
    ['NIST.800.53.R5-S3DefaultEncryptionKMS', 'The site bucket holds only the page\'s own code, which every browser that opens it downloads; CloudFront reads it through origin access control, which would also need the KMS key\'s policy opened to it.'],
    ['NIST.800.53.R5-S3BucketVersioningEnabled', 'Every deploy replaces the built page from the repository, which is its version history.'],
    noReplication);
  acknowledge(web.logsBucket,
    ['NIST.800.53.R5-S3DefaultEncryptionKMS', 'CloudFront standard logs and S3 server access logs are delivered only to SSE-S3 buckets; they hold request metadata, not articles.'],
    noReplication);
  acknowledge(web.function,
    ['NIST.800.53.R5-LambdaDLQ', 'API Gateway invokes the function synchronously and the page shows a failure to the person who asked; a function-level DLQ applies to asynchronous invocations, which never happen.'],
    ['NIST.800.53.R5-LambdaInsideVPC', 'The function reaches only S3 (and, for a pasted address, public web servers) over TLS; inside a VPC it would need a NAT gateway to fetch pages, about $32 a month per AZ.'],
    ['NIST.800.53.R5-LambdaConcurrency', 'The HTTP API stage throttles every route (requestsPerSecond, bursts of twice that), which caps the function; reserving capacity out of the account pool would fail in small accounts.']);
  acknowledge(web.functionRole,
    ['AwsSolutions-IAM5[Resource::*]', 'X-Ray xray:PutTraceSegments and xray:PutTelemetryRecords (active tracing) accept no resource-level permission; every other statement names its resource.']);
  if (byChoice) {
    for (const logGroup of web.logGroups) acknowledge(logGroup, ['NIST.800.53.R5-CloudWatchLogGroupEncrypted', `CloudWatch Logs encrypts the log group with a service key; ${byChoice}.`]);
  }
  acknowledge(web.distribution,
    ['AwsSolutions-CFR1', 'The page serves analysts wherever they work; who may use it is decided by signing in (Cognito), not by country.'],
    ['AwsSolutions-CFR2', 'The distribution serves only the static page (GET and HEAD of files that hold no data); every request for data goes to the HTTP API, which needs a signed-in user and is throttled. A WAF web ACL would cost more than the page it protects.'],
    ['AwsSolutions-CFR4', "The page uses the distribution's own *.cloudfront.net address, whose default certificate fixes the viewer policy; a deployment with its own domain and ACM certificate sets TLSv1.2_2021."]);
  acknowledge(web.userPool,
    ['AwsSolutions-COG8', "Users are created by an administrator (no self sign-up by default) and MFA is required; the Plus feature plan's threat protection is a per-user cost the deployment can choose later."]);
  // aws-cdk-lib's BucketDeployment: one Lambda function per stack that copies the built page into the site bucket at deploy time.
  const stack = Stack.of(web);
  const copier = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!copier) return;
  const why = 'aws-cdk-lib BucketDeployment copies the built page (a CDK asset) into the site bucket and invalidates the distribution, only while deploying';
  acknowledge(copier,
    ['AwsSolutions-L1', `${why}; aws-cdk-lib chooses and updates its runtime.`],
    ['NIST.800.53.R5-LambdaDLQ', `${why}; CloudFormation invokes it and reports its failure as a failed deploy.`],
    ['NIST.800.53.R5-LambdaInsideVPC', `${why}; it reaches only S3 and CloudFront.`],
    ['NIST.800.53.R5-LambdaConcurrency', `${why}; it runs once per deploy.`],
    ['NIST.800.53.R5-IAMNoInlinePolicy', `${why}; aws-cdk-lib writes its role's policy inline.`],
    ['NIST.800.53.R5-CloudWatchLogGroupEncrypted', `${why}; its log group, made by aws-cdk-lib, holds only the copy's progress.`],
    ['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', `${why}; its role, built by aws-cdk-lib, writes only its own logs with this policy.`],
    ...['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map((action): Acknowledgement =>
      [`AwsSolutions-IAM5[Action::${action}]`, `${why}: aws-cdk-lib grants ${action} on the asset and site buckets only.`]),
    [`AwsSolutions-IAM5[Resource::${nagText(stack.resolve(web.siteBucket.arnForObjects('*')))}]`, `${why}: it replaces every file of the site bucket, which holds nothing else.`],
    ['AwsSolutions-IAM5[Resource::*]', `${why}: CloudFront invalidations cannot be scoped to one distribution by resource in the policy aws-cdk-lib writes.`]);
  // The bootstrap asset bucket's ARN is spelled with the stack's environment (a region given, or not).
  const policy = copier.node.tryFindChild('ServiceRole')?.node.tryFindChild('DefaultPolicy') as iam.Policy | undefined;
  const statements = (stack.resolve(policy?.document.toJSON() ?? {}) as { Statement?: Array<{ Resource: unknown }> }).Statement ?? [];
  for (const assets of new Set(statements.flatMap((s) => [s.Resource].flat()).map(nagText).filter((r) => r.includes('-assets-') && r.endsWith('/*')))) {
    acknowledge(copier, [`AwsSolutions-IAM5[Resource::${assets}]`, `${why}: it reads the page from the CDK bootstrap asset bucket.`]);
  }
}
