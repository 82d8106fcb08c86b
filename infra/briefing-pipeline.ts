/**
 * The briefing pipeline as one construct: validate props → build resources → wire them.
 *
 *   input bucket ──ObjectCreated──▶ extract queue (+DLQ) ──▶ extract λ ──▶ output figures/*.json
 *   output bucket ──ObjectCreated figures/*.json──▶ render queue (+DLQ) ──▶ render λ ──▶ briefings/*.pdf
 *   output bucket ──figures/events/<name>/*.json──▶ EventBridge ──▶ event queue (+DLQ) ──▶ event λ ──▶ figures/events/<name>.json
 *   both λ ──Briefing Ready / Failed──▶ EventBridge ──rule──▶ events log group (+ SNS e-mail)
 *   schedule ──▶ reconcile λ ──copy onto itself──▶ unfinished inputs / figures (S3 announces them again)
 *
 * No write can re-trigger its own stage: extract writes only to the output bucket (it is fed by
 * the input bucket, which must be a different bucket), and render writes only `briefings/` and
 * `errors/`, outside the `figures/` filter that feeds it; the event stage writes only the Event
 * JSON, which its rule does not match (render briefs it as any figures). IAM enforces all three. Around the stages:
 * alarms with an always-present topic (alarms.ts), events (events.ts), a dashboard
 * (dashboard.ts), and one encryption choice for all of it (encryption.ts).
 */
import { join } from 'node:path';
import { Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { TEMPLATE_PREFIXES_ENV } from '../lambdas/contract/names';
import { DEFAULT_MAX_BYTES } from '../lambdas/intake/types';
import { TemplateStore, templateName } from '../lambdas/template/load';
import { PipelineAlarms } from './alarms';
import { type HandlerName, PROJECT_ROOT } from './bundling';
import { PipelineDashboard } from './dashboard';
import { type EncryptionMode, PipelineEncryption } from './encryption';
import { EventFusion } from './event-fusion';
import { BriefingEvents } from './events';
import { acknowledgeNotificationsHandler, acknowledgeObjectWildcards } from './nag';
import { BriefingWeb, type BriefingWebOptions } from './briefing-web';
import { DEFAULT_MEMORY_MB } from './memory';
import { PipelineStage, VISIBILITY_FACTOR } from './pipeline-stage';
import { ReconcileJob } from './reconcile-job';
import { AccountBoundQueueDestination } from './queue-destination';
import { assertEmail } from './validate';

export { VISIBILITY_FACTOR } from './pipeline-stage';

export interface BriefingPipelineProps {
  /** Bucket that receives articles. Default: a new bucket (see the bucket settings below). */
  readonly inputBucket?: s3.IBucket;
  /** Bucket for `figures/`, `briefings/` and `errors/`; must not be the input bucket. Default: a new bucket. */
  readonly outputBucket?: s3.IBucket;
  /**
   * `'s3'`: AWS-managed keys everywhere (no key to pay for or manage). `'kms'`: one customer-managed
   * key (`encryptionKey`, or a new one) for the new data buckets, the queues, the log groups and the
   * topics. Default: `'kms'` when `encryptionKey` is given, else `'s3'`.
   */
  readonly encryption?: EncryptionMode;
  /** The key for `encryption: 'kms'`. Default: a new key with yearly rotation, retained on `cdk destroy`. */
  readonly encryptionKey?: kms.IKey;
  /** Reserved concurrent executions of each function (2–1000). Default: none (the account's unreserved pool). */
  readonly reservedConcurrency?: number;
  /** Concurrent invocations each SQS event source mapping may make (2–1000), so a flood cannot exhaust the account. Default: `reservedConcurrency` when set, else 10. */
  readonly maxConcurrency?: number;
  /** E-mail subscribed to the alarm topic (which exists either way). Default: none. */
  readonly alarmEmail?: string;
  /** Alarm when more than this share of a stage's invocations fail in 5 minutes, in percent. Default: 5. */
  readonly errorRatePercent?: number;
  /** Alarm when a stage's oldest queued message is older than this. Default: 15 minutes. */
  readonly maxMessageAge?: Duration;
  /** E-mail addresses told of every Briefing Ready / Failed event (through an SNS topic). Default: none. */
  readonly eventEmails?: readonly string[];
  /** Create the events SNS topic even without `eventEmails`. Default: true exactly when `eventEmails` is not empty. */
  readonly eventsTopic?: boolean;
  /** The bus the stages publish to. Default: the account's default event bus. */
  readonly eventBus?: events.IEventBus;
  /**
   * Put a pre-signed GET URL of the PDF in each Briefing Ready event, valid this long (1 minute to
   * 12 hours; it also stops working when the function's session credentials expire). Anyone holding
   * the event (e-mail included) can download the PDF while it is valid. Default: no URL.
   */
  readonly presignedUrlLifetime?: Duration;
  /** Articles larger than this are refused from their HEAD. Default: 5 MB (DEFAULT_MAX_BYTES). */
  readonly maxBytes?: number;
  /** Retention of the functions' and the events' log groups. Default: one year. */
  readonly logRetention?: logs.RetentionDays;
  /** Default: 30 seconds. */
  readonly extractTimeout?: Duration;
  /** Default: 60 seconds. */
  readonly renderTimeout?: Duration;
  /** MiB. Default: 1024. */
  readonly extractMemorySize?: number;
  /** MiB; CPU scales with memory and rendering is CPU-bound. Default: 1769 (one full vCPU). */
  readonly renderMemorySize?: number;
  /** The event stage's (it reads every article's figures of an event, a few KB each). Default: 60 seconds. */
  readonly eventTimeout?: Duration;
  /** MiB. Default: 1024. */
  readonly eventMemorySize?: number;
  /** SQS messages per invocation. Default: 5. */
  readonly batchSize?: number;
  /** Deliveries before a message moves to its dead-letter queue, 3–5. Default: 3. */
  readonly maxReceiveCount?: number;
  /** Error records under `errors/` expire after this. Default: 90 days. */
  readonly errorsExpiration?: Duration;
  /** Whether new buckets (and their objects) and a created KMS key survive `cdk destroy`. Default: true (retain). */
  readonly retainData?: boolean;
  /**
   * Article key prefixes mapped to a template of `templates/` (`{ 'flash/': 'flash' }`): an
   * article under the prefix is briefed with it unless its `template` metadata names another.
   * Default: none (every article gets `briefing` unless its metadata says otherwise).
   */
  readonly templatePrefixes?: Readonly<Record<string, string>>;
  /**
   * The web page (infra/briefing-web.ts): a static site behind CloudFront, a Cognito user pool,
   * an HTTP API with a JWT authorizer on every route. `false` leaves it out; an object sets its
   * options. Default: true (with BriefingWebOptions' defaults).
   */
  readonly web?: boolean | BriefingWebOptions;
  /**
   * How often a scheduled job finds uploads with no outcome for their current version (a lost
   * S3 notification, a crash that left no record) and has S3 announce them again; uploads still
   * within their queues' retry window are left alone. 15 minutes to 7 days, or zero for no job
   * (`briefing reconcile` still runs the same pass on demand). Default: 6 hours.
   */
  readonly reconcileEvery?: Duration;
}

type Optional = 'inputBucket' | 'outputBucket' | 'encryptionKey' | 'reservedConcurrency' | 'alarmEmail' | 'errorRatePercent' | 'maxMessageAge' | 'eventsTopic' | 'eventBus' | 'presignedUrlLifetime' | 'encryption' | 'web';

/** Every prop with its default applied (the sub-constructs default and check their own). */
type Settings = Required<Omit<BriefingPipelineProps, Optional>> & Pick<BriefingPipelineProps, Optional>;

const MAX_LAMBDA_TIMEOUT = Duration.minutes(15);
const MAX_PRESIGNED_LIFETIME = Duration.hours(12);

function integerIn(name: string, value: number, min: number, max: number): void {
  if (Token.isUnresolved(value)) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`BriefingPipeline: ${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

export function resolveSettings(props: BriefingPipelineProps): Settings {
  const settings: Settings = {
    ...props,
    maxConcurrency: props.maxConcurrency ?? props.reservedConcurrency ?? 10,
    eventEmails: props.eventEmails ?? [],
    maxBytes: props.maxBytes ?? DEFAULT_MAX_BYTES,
    logRetention: props.logRetention ?? logs.RetentionDays.ONE_YEAR,
    extractTimeout: props.extractTimeout ?? Duration.seconds(30),
    renderTimeout: props.renderTimeout ?? Duration.seconds(60),
    extractMemorySize: props.extractMemorySize ?? DEFAULT_MEMORY_MB.extract,
    renderMemorySize: props.renderMemorySize ?? DEFAULT_MEMORY_MB.render,
    eventTimeout: props.eventTimeout ?? Duration.seconds(60),
    eventMemorySize: props.eventMemorySize ?? DEFAULT_MEMORY_MB.event,
    batchSize: props.batchSize ?? 5,
    maxReceiveCount: props.maxReceiveCount ?? 3,
    errorsExpiration: props.errorsExpiration ?? Duration.days(90),
    retainData: props.retainData ?? true,
    templatePrefixes: props.templatePrefixes ?? {},
    reconcileEvery: props.reconcileEvery ?? Duration.hours(6),
  };
  checkTemplatePrefixes(settings.templatePrefixes);
  integerIn('maxReceiveCount', settings.maxReceiveCount, 3, 5);
  integerIn('maxBytes', settings.maxBytes, 1, 1024 ** 3);
  integerIn('extractMemorySize', settings.extractMemorySize, 128, 10240);
  integerIn('renderMemorySize', settings.renderMemorySize, 128, 10240);
  integerIn('eventMemorySize', settings.eventMemorySize, 128, 10240);
  integerIn('batchSize', settings.batchSize, 1, 10);
  if (settings.reservedConcurrency !== undefined) integerIn('reservedConcurrency', settings.reservedConcurrency, 2, 1000);
  integerIn('maxConcurrency', settings.maxConcurrency, 2, 1000);
  for (const [name, timeout] of [['extractTimeout', settings.extractTimeout], ['renderTimeout', settings.renderTimeout], ['eventTimeout', settings.eventTimeout]] as const) {
    if (timeout.toSeconds() < 1 || timeout.toSeconds() > MAX_LAMBDA_TIMEOUT.toSeconds()) {
      throw new Error(`BriefingPipeline: ${name} must be from 1 second to 15 minutes, got ${timeout.toHumanString()}`);
    }
  }
  if (settings.errorsExpiration.toDays() < 1) {
    throw new Error(`BriefingPipeline: errorsExpiration must be at least 1 day, got ${settings.errorsExpiration.toHumanString()}`);
  }
  const every = settings.reconcileEvery.toSeconds();
  if (every !== 0 && (every < 15 * 60 || every > 7 * 24 * 3600)) {
    throw new Error(`BriefingPipeline: reconcileEvery must be zero (no scheduled reconcile) or from 15 minutes to 7 days, got ${settings.reconcileEvery.toHumanString()}`);
  }
  const lifetime = settings.presignedUrlLifetime;
  if (lifetime && (lifetime.toSeconds() < 60 || lifetime.toSeconds() > MAX_PRESIGNED_LIFETIME.toSeconds())) {
    throw new Error(`BriefingPipeline: presignedUrlLifetime must be from 1 minute to 12 hours, got ${lifetime.toHumanString()}`);
  }
  // Checked here as well as by the constructs that use them, so a typo fails before any bundling.
  assertEmail('BriefingPipeline', 'alarmEmail', settings.alarmEmail);
  for (const email of settings.eventEmails) assertEmail('BriefingPipeline', 'eventEmails', email);
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

export class BriefingPipeline extends Construct {
  readonly inputBucket: s3.IBucket;
  readonly outputBucket: s3.IBucket;
  readonly encryption: PipelineEncryption;
  readonly extract: PipelineStage;
  readonly render: PipelineStage;
  /** Fuses the articles under `events/<name>/` (event-fusion.ts). */
  readonly eventFusion: EventFusion;
  readonly alarms: PipelineAlarms;
  readonly events: BriefingEvents;
  readonly dashboard: PipelineDashboard;
  /** The web page, unless `web: false`. */
  readonly web?: BriefingWeb;
  /** The scheduled reconcile; undefined when `reconcileEvery` is zero. */
  readonly reconcile?: ReconcileJob;

  constructor(scope: Construct, id: string, props: BriefingPipelineProps = {}) {
    super(scope, id);
    const settings = resolveSettings(props);

    // Build
    this.encryption = new PipelineEncryption(this, 'Encryption', { mode: settings.encryption, key: settings.encryptionKey, retainKey: settings.retainData });
    const key = this.encryption.key;
    const needsBuckets = !props.inputBucket || !props.outputBucket;
    const accessLogs = needsBuckets ? this.accessLogsBucket(settings) : undefined;
    this.inputBucket = props.inputBucket ?? this.dataBucket('InputBucket', settings, key, accessLogs!, []);
    this.outputBucket =
      props.outputBucket ??
      this.dataBucket('OutputBucket', settings, key, accessLogs!, [
        { id: 'ExpireErrorRecords', prefix: 'errors/', expiration: settings.errorsExpiration },
      ]);
    // Both stages resolve an upload's template: extract records its choice and hash, render draws with it.
    const templates: Record<string, string> = Object.keys(settings.templatePrefixes).length > 0 ? { [TEMPLATE_PREFIXES_ENV]: JSON.stringify(settings.templatePrefixes) } : {};
    const stage = (id: string, handler: HandlerName, timeout: Duration, memorySize: number, environment: Record<string, string>) =>
      new PipelineStage(this, id, {
        handler,
        timeout,
        memorySize,
        environment: { OUTPUT_BUCKET: this.outputBucket.bucketName, ...templates, ...environment },
        batchSize: settings.batchSize,
        maxReceiveCount: settings.maxReceiveCount,
        logRetention: settings.logRetention,
        encryptionKey: key,
        reservedConcurrency: settings.reservedConcurrency,
        maxConcurrency: settings.maxConcurrency,
      });
    this.extract = stage('Extract', 'extract', settings.extractTimeout, settings.extractMemorySize, { MAX_BYTES: String(settings.maxBytes) });
    this.render = stage('Render', 'render', settings.renderTimeout, settings.renderMemorySize,
      settings.presignedUrlLifetime ? { PRESIGNED_URL_SECONDS: String(settings.presignedUrlLifetime.toSeconds()) } : {});
    this.eventFusion = new EventFusion(this, 'EventFusion', {
      outputBucket: this.outputBucket,
      stage: stage('Event', 'event', settings.eventTimeout, settings.eventMemorySize, {}),
    });
    this.reconcile = settings.reconcileEvery.toSeconds() === 0 ? undefined : new ReconcileJob(this, 'Reconcile', {
      every: settings.reconcileEvery,
      inputBucketName: this.inputBucket.bucketName,
      outputBucketName: this.outputBucket.bucketName,
      // An upload may be in flight until every stage's queue has used every delivery, plus a margin.
      settle: Duration.minutes(Math.ceil(((settings.extractTimeout.toSeconds() + settings.eventTimeout.toSeconds() + settings.renderTimeout.toSeconds()) * VISIBILITY_FACTOR * settings.maxReceiveCount) / 60) + 5),
      logRetention: settings.logRetention,
      encryptionKey: key,
    });
    this.events = new BriefingEvents(this, 'Events', {
      publishers: [this.extract.function, this.render.function],
      outputBucketName: this.outputBucket.bucketName,
      eventBus: settings.eventBus,
      emails: settings.eventEmails,
      topic: settings.eventsTopic,
      logRetention: settings.logRetention,
      encryptionKey: key,
      withUrl: settings.presignedUrlLifetime !== undefined,
    });
    this.alarms = new PipelineAlarms(this, 'Alarms', {
      stages: { Extract: this.extract, Render: this.render, Event: this.eventFusion.stage },
      jobs: this.reconcile ? { Reconcile: this.reconcile.function } : {},
      maxReceiveCount: settings.maxReceiveCount,
      alarmEmail: settings.alarmEmail,
      encryptionKey: key,
      errorRatePercent: settings.errorRatePercent,
      maxMessageAge: settings.maxMessageAge,
    });
    this.dashboard = new PipelineDashboard(this, 'Dashboard', {
      extract: this.extract,
      render: this.render,
      eventsLogGroup: this.events.logGroup,
      alarms: this.alarms.alarms,
    });

    // Wire: notifications (render only on figures/*.json, so its own outputs never feed it)
    this.inputBucket.addEventNotification(s3.EventType.OBJECT_CREATED, new AccountBoundQueueDestination(this.extract.queue));
    this.outputBucket.addEventNotification(s3.EventType.OBJECT_CREATED, new AccountBoundQueueDestination(this.render.queue), {
      prefix: 'figures/',
      suffix: '.json',
    });
    acknowledgeNotificationsHandler(Stack.of(this));
    for (const { function: fn } of [this.extract, this.render]) fn.addEnvironment('EVENT_BUS_NAME', this.events.eventBus.eventBusName);

    // Wire: least privilege. HEAD of a missing key answers 403 instead of 404 without
    // s3:ListBucket, and the handlers need the 404 to tell "deleted" or "not done yet" apart.
    const extractFn = this.extract.function;
    const renderFn = this.render.function;
    this.allowRead(extractFn, this.inputBucket, ['*'], 'articles may be uploaded under any key');
    this.allowRead(extractFn, this.outputBucket, ['figures/*', 'errors/*'], 'HEAD of its own outputs to skip duplicate deliveries');
    this.allowWrite(extractFn, this.outputBucket, ['figures/*', 'errors/*'], 'the extract stage owns figures/ and writes error records');
    this.allowCleanup(extractFn, this.outputBucket, ['briefings/*'], 'a briefing made from figures that a newer version of the article replaced by an error record is removed');
    this.allowRead(renderFn, this.outputBucket, ['figures/*', 'briefings/*', 'errors/*'], 'it reads figures, HEADs its own outputs to skip duplicate deliveries and signs briefing URLs');
    this.allowWrite(renderFn, this.outputBucket, ['briefings/*', 'errors/*'], 'the render stage owns briefings/ and writes error records');
    const eventFn = this.eventFusion.stage.function;
    this.allowRead(eventFn, this.outputBucket, ['figures/events/*'], 'it lists and reads the figures of an event\'s articles and HEADs the Event JSON');
    this.allowWrite(eventFn, this.outputBucket, ['figures/events/*'], 'the event stage writes figures/events/<name>.json');
    if (key) for (const fn of [extractFn, renderFn, eventFn]) key.grant(fn, 'kms:Decrypt', 'kms:GenerateDataKey');
    if (this.reconcile) {
      const fn = this.reconcile.function;
      this.allowRead(fn, this.inputBucket, ['*'], 'it lists the uploads and copies the unfinished ones onto themselves');
      this.allowRead(fn, this.outputBucket, ['figures/*', 'briefings/*', 'errors/*'], 'it HEADs the outcomes to find uploads without one');
      this.allowAnnounce(fn, this.inputBucket, ['*'], 'an unfinished upload is copied onto itself, unchanged, so S3 announces it again');
      this.allowAnnounce(fn, this.outputBucket, ['figures/*'], 'figures without a briefing are copied onto themselves, unchanged, so S3 announces them to the render (and event) stage');
      if (key) key.grant(fn, 'kms:Decrypt', 'kms:GenerateDataKey');
    }

    // Wire: the web page, on the same buckets
    if (settings.web !== false) {
      this.web = new BriefingWeb(this, 'Web', {
        ...(settings.web === true || settings.web === undefined ? {} : settings.web),
        inputBucket: this.inputBucket,
        outputBucket: this.outputBucket,
        encryptionKey: key,
        maxBytes: settings.maxBytes,
        logRetention: settings.logRetention,
        retainData: settings.retainData,
      });
    }
  }

  private accessLogsBucket(settings: Settings): s3.Bucket {
    return new s3.Bucket(this, 'AccessLogsBucket', {
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
  }

  private dataBucket(id: string, settings: Settings, key: kms.IKey | undefined, accessLogs: s3.IBucket, rules: s3.LifecycleRule[]): s3.Bucket {
    return new s3.Bucket(this, id, {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: key ? s3.BucketEncryption.KMS : s3.BucketEncryption.S3_MANAGED,
      encryptionKey: key,
      // One KMS request per object per bucket key period instead of one per object: the KMS bill stays flat.
      bucketKeyEnabled: key ? true : undefined,
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

  /** s3:GetObject (GET and HEAD) under the prefixes, s3:ListBucket so HEAD of a missing key is a 404. */
  private allowRead(fn: lambda.IFunction, bucket: s3.IBucket, prefixes: string[], purpose: string): void {
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: prefixes.map((p) => bucket.arnForObjects(p)) }));
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
    acknowledgeObjectWildcards(fn.role!, bucket, prefixes, 's3:GetObject', purpose);
  }

  /** s3:PutObject, and s3:DeleteObject for the stage's own outputs that a newer version makes stale. */
  private allowWrite(fn: lambda.IFunction, bucket: s3.IBucket, prefixes: string[], purpose: string): void {
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:PutObject', 's3:DeleteObject'], resources: prefixes.map((p) => bucket.arnForObjects(p)) }));
    acknowledgeObjectWildcards(fn.role!, bucket, prefixes, 's3:PutObject and s3:DeleteObject', purpose);
  }

  /** s3:PutObject for a copy of an object onto itself (CopyObject also needs s3:GetObject on it), never a delete. */
  private allowAnnounce(fn: lambda.IFunction, bucket: s3.IBucket, prefixes: string[], purpose: string): void {
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: prefixes.map((p) => bucket.arnForObjects(p)) }));
    acknowledgeObjectWildcards(fn.role!, bucket, prefixes, 's3:PutObject', purpose);
  }

  /** HEAD and conditional delete of a later stage's outputs, never a write. */
  private allowCleanup(fn: lambda.IFunction, bucket: s3.IBucket, prefixes: string[], purpose: string): void {
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:DeleteObject'], resources: prefixes.map((p) => bucket.arnForObjects(p)) }));
    acknowledgeObjectWildcards(fn.role!, bucket, prefixes, 's3:GetObject and s3:DeleteObject', purpose);
  }
}
