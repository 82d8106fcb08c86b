/**
 * The briefing pipeline as one construct: validate props → build resources → wire them.
 *
 *   input bucket ──ObjectCreated──▶ extract queue (+DLQ) ──▶ extract λ ──▶ output figures/*.json
 *   output bucket ──ObjectCreated figures/*.json──▶ render queue (+DLQ) ──▶ render λ ──▶ briefings/*.pdf
 *
 * No write can re-trigger its own stage: extract writes only to the output bucket (it is fed by
 * the input bucket, which must be a different bucket), and render writes only `briefings/` and
 * `errors/`, outside the `figures/` filter that feeds it. IAM enforces both.
 */
import { join } from 'node:path';
import { CfnOutput, Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DEFAULT_MAX_BYTES } from '../lambdas/intake/types';
import { ASSETS_FOR, copyAssetCommands, HANDLER_BUNDLE, HANDLER_ENTRIES, type HandlerName, PROJECT_ROOT } from './bundling';
import { acknowledgeNotificationsHandler, acknowledgeObjectWildcards } from './nag';
import { TemplateStore, templateName } from '../lambdas/template/load';
import { TEMPLATE_PREFIXES_ENV } from '../lambdas/handlers/template-choice';

export interface BriefingPipelineProps {
  /** Bucket that receives articles. Default: a new bucket (see the bucket settings below). */
  readonly inputBucket?: s3.IBucket;
  /** Bucket for `figures/`, `briefings/` and `errors/`; must not be the input bucket. Default: a new bucket. */
  readonly outputBucket?: s3.IBucket;
  /** Encrypt the new buckets (and the alarm topic) with this key. Default: S3-managed keys (SSE-S3). */
  readonly encryptionKey?: kms.IKey;
  /** Cap on concurrent executions of each function (also the SQS poller's cap, 2–1000). Default: no cap. */
  readonly reservedConcurrency?: number;
  /** E-mail subscribed to the alarms. Default: alarms without notification. */
  readonly alarmEmail?: string;
  /** Articles larger than this are refused from their HEAD. Default: 5 MB (DEFAULT_MAX_BYTES). */
  readonly maxBytes?: number;
  /** Retention of both functions' log groups. Default: one month. */
  readonly logRetention?: logs.RetentionDays;
  /** Default: 30 seconds. */
  readonly extractTimeout?: Duration;
  /** Default: 60 seconds. */
  readonly renderTimeout?: Duration;
  /** MiB. Default: 1024. */
  readonly extractMemorySize?: number;
  /** MiB; CPU scales with memory and rendering is CPU-bound. Default: 1769 (one full vCPU). */
  readonly renderMemorySize?: number;
  /** SQS messages per invocation. Default: 5. */
  readonly batchSize?: number;
  /** Deliveries before a message moves to its dead-letter queue, 3–5. Default: 3. */
  readonly maxReceiveCount?: number;
  /** Error records under `errors/` expire after this. Default: 90 days. */
  readonly errorsExpiration?: Duration;
  /** Whether new buckets (and their objects) survive `cdk destroy`. Default: true (retain). */
  readonly retainData?: boolean;
  /**
   * Article key prefixes mapped to a template of `templates/` (`{ 'flash/': 'flash' }`): an
   * article under the prefix is briefed with it unless its `template` metadata names another.
   * Default: none (every article gets `briefing` unless its metadata says otherwise).
   */
  readonly templatePrefixes?: Readonly<Record<string, string>>;
}

/** Every prop with its default applied. */
type Settings = Required<Omit<BriefingPipelineProps, 'inputBucket' | 'outputBucket' | 'encryptionKey' | 'reservedConcurrency' | 'alarmEmail'>> &
  Pick<BriefingPipelineProps, 'inputBucket' | 'outputBucket' | 'encryptionKey' | 'reservedConcurrency' | 'alarmEmail'>;

/** AWS: the queue's visibility timeout should be at least six times the function timeout. */
export const VISIBILITY_FACTOR = 6;

const MAX_LAMBDA_TIMEOUT = Duration.minutes(15);

function integerIn(name: string, value: number, min: number, max: number): void {
  if (Token.isUnresolved(value)) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`BriefingPipeline: ${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

export function resolveSettings(props: BriefingPipelineProps): Settings {
  const settings: Settings = {
    ...props,
    maxBytes: props.maxBytes ?? DEFAULT_MAX_BYTES,
    logRetention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
    extractTimeout: props.extractTimeout ?? Duration.seconds(30),
    renderTimeout: props.renderTimeout ?? Duration.seconds(60),
    extractMemorySize: props.extractMemorySize ?? 1024,
    renderMemorySize: props.renderMemorySize ?? 1769,
    batchSize: props.batchSize ?? 5,
    maxReceiveCount: props.maxReceiveCount ?? 3,
    errorsExpiration: props.errorsExpiration ?? Duration.days(90),
    retainData: props.retainData ?? true,
    templatePrefixes: props.templatePrefixes ?? {},
  };
  checkTemplatePrefixes(settings.templatePrefixes);
  integerIn('maxReceiveCount', settings.maxReceiveCount, 3, 5);
  integerIn('maxBytes', settings.maxBytes, 1, 1024 ** 3);
  integerIn('extractMemorySize', settings.extractMemorySize, 128, 10240);
  integerIn('renderMemorySize', settings.renderMemorySize, 128, 10240);
  integerIn('batchSize', settings.batchSize, 1, 10);
  if (settings.reservedConcurrency !== undefined) integerIn('reservedConcurrency', settings.reservedConcurrency, 2, 1000);
  for (const [name, timeout] of [['extractTimeout', settings.extractTimeout], ['renderTimeout', settings.renderTimeout]] as const) {
    if (timeout.toSeconds() < 1 || timeout.toSeconds() > MAX_LAMBDA_TIMEOUT.toSeconds()) {
      throw new Error(`BriefingPipeline: ${name} must be from 1 second to 15 minutes, got ${timeout.toHumanString()}`);
    }
  }
  if (settings.errorsExpiration.toDays() < 1) {
    throw new Error(`BriefingPipeline: errorsExpiration must be at least 1 day, got ${settings.errorsExpiration.toHumanString()}`);
  }
  if (settings.alarmEmail !== undefined && !Token.isUnresolved(settings.alarmEmail) && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(settings.alarmEmail)) {
    throw new Error(`BriefingPipeline: alarmEmail "${settings.alarmEmail}" is not an e-mail address`);
  }
  const input = props.inputBucket?.bucketName;
  if (input !== undefined && !Token.isUnresolved(input) && input === props.outputBucket?.bucketName) {
    throw new Error('BriefingPipeline: inputBucket and outputBucket must differ, or every output would re-trigger extraction');
  }
  return settings;
}

/** Every mapped template must be one `templates/` deploys, so a typo fails at synth, not per article. */
function checkTemplatePrefixes(prefixes: Readonly<Record<string, string>>): void {
  const known = new TemplateStore(join(PROJECT_ROOT, 'templates')).names();
  for (const [prefix, name] of Object.entries(prefixes)) {
    if (prefix === '') throw new Error('BriefingPipeline: templatePrefixes: a prefix must not be empty (the default template covers every other key)');
    if (!known.includes(templateName(name))) {
      throw new Error(`BriefingPipeline: templatePrefixes: "${prefix}" maps to unknown template "${name}"; templates/ deploys: ${known.join(', ')}`);
    }
  }
}

/** A stage's queue pair and function. */
export interface Stage {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly function: NodejsFunction;
}

export class BriefingPipeline extends Construct {
  readonly inputBucket: s3.IBucket;
  readonly outputBucket: s3.IBucket;
  readonly extract: Stage;
  readonly render: Stage;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly alarmTopic?: sns.Topic;

  constructor(scope: Construct, id: string, props: BriefingPipelineProps = {}) {
    super(scope, id);
    const settings = resolveSettings(props);

    // Build
    const needsBuckets = !props.inputBucket || !props.outputBucket;
    const accessLogs = needsBuckets ? this.accessLogsBucket(settings) : undefined;
    this.inputBucket = props.inputBucket ?? this.dataBucket('InputBucket', settings, accessLogs!, []);
    this.outputBucket =
      props.outputBucket ??
      this.dataBucket('OutputBucket', settings, accessLogs!, [
        { id: 'ExpireErrorRecords', prefix: 'errors/', expiration: settings.errorsExpiration },
      ]);
    const templates: Record<string, string> = Object.keys(settings.templatePrefixes).length > 0 ? { [TEMPLATE_PREFIXES_ENV]: JSON.stringify(settings.templatePrefixes) } : {};
    this.extract = this.stage('Extract', 'extract', settings, settings.extractTimeout, settings.extractMemorySize, {
      MAX_BYTES: String(settings.maxBytes),
      ...templates,
    });
    this.render = this.stage('Render', 'render', settings, settings.renderTimeout, settings.renderMemorySize, templates);

    // Wire: notifications (render only on figures/*.json, so its own outputs never feed it)
    this.inputBucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.SqsDestination(this.extract.queue));
    this.outputBucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.SqsDestination(this.render.queue), {
      prefix: 'figures/',
      suffix: '.json',
    });
    acknowledgeNotificationsHandler(Stack.of(this));

    // Wire: least privilege. HEAD of a missing key answers 403 instead of 404 without
    // s3:ListBucket, and the handlers need the 404 to tell "deleted" or "not done yet" apart.
    this.allowRead(this.extract.function, this.inputBucket, ['*'], 'articles may be uploaded under any key');
    this.allowRead(this.extract.function, this.outputBucket, ['figures/*', 'errors/*'], 'HEAD of its own outputs to skip duplicate deliveries');
    this.allowWrite(this.extract.function, this.outputBucket, ['figures/*', 'errors/*'], 'the extract stage owns figures/ and writes error records');
    this.allowRead(this.render.function, this.outputBucket, ['figures/*', 'briefings/*', 'errors/*'], 'it reads figures and HEADs its own outputs to skip duplicate deliveries');
    this.allowWrite(this.render.function, this.outputBucket, ['briefings/*', 'errors/*'], 'the render stage owns briefings/ and writes error records');
    if (settings.encryptionKey) {
      settings.encryptionKey.grant(this.extract.function, 'kms:Decrypt', 'kms:GenerateDataKey');
      settings.encryptionKey.grant(this.render.function, 'kms:Decrypt', 'kms:GenerateDataKey');
    }

    // Wire: alarms
    this.alarmTopic = settings.alarmEmail ? this.topic(settings) : undefined;
    for (const [name, stage] of [['Extract', this.extract], ['Render', this.render]] as const) {
      this.alarm(`${name}DeadLetters`, `${name} messages gave up after ${settings.maxReceiveCount} tries`,
        stage.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }));
      this.alarm(`${name}Errors`, `${name} function invocations failed`,
        stage.function.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }));
    }

    const stack = Stack.of(this);
    new CfnOutput(stack, 'InputBucketName', { value: this.inputBucket.bucketName, description: 'Upload articles here' });
    new CfnOutput(stack, 'OutputBucketName', { value: this.outputBucket.bucketName, description: 'figures/, briefings/ and errors/ appear here' });
    new CfnOutput(stack, 'ExtractDeadLetterQueueUrl', { value: this.extract.deadLetterQueue.queueUrl });
    new CfnOutput(stack, 'RenderDeadLetterQueueUrl', { value: this.render.deadLetterQueue.queueUrl });
  }

  private accessLogsBucket(settings: Settings): s3.Bucket {
    const bucket = new s3.Bucket(this, 'AccessLogsBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // Server access log delivery supports SSE-S3 only, whatever the data buckets use.
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [{ id: 'ExpireAccessLogs', expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: settings.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: !settings.retainData,
    });
    return bucket;
  }

  private dataBucket(id: string, settings: Settings, accessLogs: s3.IBucket, rules: s3.LifecycleRule[]): s3.Bucket {
    return new s3.Bucket(this, id, {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: settings.encryptionKey ? s3.BucketEncryption.KMS : s3.BucketEncryption.S3_MANAGED,
      encryptionKey: settings.encryptionKey,
      bucketKeyEnabled: settings.encryptionKey ? true : undefined,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: `${id}/`,
      // Reprocessing overwrites outputs; old versions are kept a while, not forever.
      lifecycleRules: [{ id: 'ExpireOldVersions', noncurrentVersionExpiration: Duration.days(30) }, ...rules],
      removalPolicy: settings.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: !settings.retainData,
    });
  }

  private stage(id: string, handler: HandlerName, settings: Settings, timeout: Duration, memorySize: number, env: Record<string, string>): Stage {
    const deadLetterQueue = new sqs.Queue(this, `${id}DeadLetterQueue`, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    const queue = new sqs.Queue(this, `${id}Queue`, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(timeout.toSeconds() * VISIBILITY_FACTOR),
      deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: settings.maxReceiveCount },
    });
    const logGroup = new logs.LogGroup(this, `${id}Logs`, {
      retention: settings.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Own role instead of the managed basic-execution policy: logs go to this group only.
    const role = new iam.Role(this, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `briefing pipeline ${handler} stage`,
    });
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [logGroup.logGroupArn],
    }));
    const assets = ASSETS_FOR[handler];
    const fn = new NodejsFunction(this, `${id}Function`, {
      entry: join(PROJECT_ROOT, HANDLER_ENTRIES[handler]),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      timeout,
      memorySize,
      role,
      logGroup,
      // Powertools already writes JSON; this makes Lambda's own START/REPORT lines JSON too.
      loggingFormat: lambda.LoggingFormat.JSON,
      reservedConcurrentExecutions: settings.reservedConcurrency,
      environment: {
        OUTPUT_BUCKET: this.outputBucket.bucketName,
        POWERTOOLS_SERVICE_NAME: `briefing-${handler}`,
        ...env,
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: HANDLER_BUNDLE.target,
        minify: HANDLER_BUNDLE.minify,
        sourceMap: HANDLER_BUNDLE.sourcemap,
        mainFields: [...HANDLER_BUNDLE.mainFields],
        externalModules: [...HANDLER_BUNDLE.external],
        banner: HANDLER_BUNDLE.banner,
        // BundlingOptions has no alias field; CDK passes each entry on as --alias:name=path.
        esbuildArgs: { '--alias': Object.entries(HANDLER_BUNDLE.alias).map(([name, path]) => `${name}=${path}`) },
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) => copyAssetCommands(outputDir, PROJECT_ROOT, assets),
        },
      },
    });
    fn.addEventSource(new SqsEventSource(queue, {
      batchSize: settings.batchSize,
      reportBatchItemFailures: true,
      maxConcurrency: settings.reservedConcurrency,
    }));
    return { queue, deadLetterQueue, function: fn };
  }

  /** s3:GetObject (GET and HEAD) under the prefixes, s3:ListBucket so HEAD of a missing key is a 404. */
  private allowRead(fn: lambda.IFunction, bucket: s3.IBucket, prefixes: string[], purpose: string): void {
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: prefixes.map((p) => bucket.arnForObjects(p)) }));
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
    acknowledgeObjectWildcards(fn.role!, bucket, prefixes, 's3:GetObject', purpose);
  }

  private allowWrite(fn: lambda.IFunction, bucket: s3.IBucket, prefixes: string[], purpose: string): void {
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: prefixes.map((p) => bucket.arnForObjects(p)) }));
    acknowledgeObjectWildcards(fn.role!, bucket, prefixes, 's3:PutObject', purpose);
  }

  private topic(settings: Settings): sns.Topic {
    const topic = new sns.Topic(this, 'AlarmTopic', { enforceSSL: true, masterKey: settings.encryptionKey });
    if (settings.encryptionKey) {
      // CloudWatch must be able to encrypt what it publishes to the topic.
      settings.encryptionKey.addToResourcePolicy(new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
      }));
    }
    topic.addSubscription(new subscriptions.EmailSubscription(settings.alarmEmail!));
    return topic;
  }

  private alarm(id: string, description: string, metric: cloudwatch.Metric): void {
    const alarm = metric.createAlarm(this, `${id}Alarm`, {
      alarmDescription: `Briefing pipeline: ${description}`,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    if (this.alarmTopic) alarm.addAlarmAction(new cloudwatchActions.SnsAction(this.alarmTopic));
    this.alarms.push(alarm);
  }
}
