/**
 * One stage of the pipeline: an SQS queue (with its dead-letter queue) feeding a Lambda function
 * that writes JSON logs to its own log group and traces to X-Ray. Validate → build → wire; the
 * pipeline construct decides what feeds the queue and what the function may touch.
 */
import { join } from 'node:path';
import { Duration, RemovalPolicy, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { afterBundlingCommands, HANDLER_BUNDLE, HANDLER_ENTRIES, type HandlerName, PROJECT_ROOT } from './bundling';
import { ManagedPolicyRole } from './stage-role';

/** AWS: the queue's visibility timeout should be at least six times the function timeout. */
export const VISIBILITY_FACTOR = 6;

/** How long a dead letter is kept: SQS's maximum, so nothing expires before someone redrives it. */
export const DEAD_LETTER_RETENTION = Duration.days(14);

export interface PipelineStageProps {
  readonly handler: HandlerName;
  readonly timeout: Duration;
  /** MiB. */
  readonly memorySize: number;
  readonly environment: Readonly<Record<string, string>>;
  /** SQS messages per invocation (1–10). */
  readonly batchSize: number;
  /** Deliveries before a message moves to the dead-letter queue. */
  readonly maxReceiveCount: number;
  readonly logRetention: logs.RetentionDays;
  /** Encrypts the queues and the log group. Default: SSE-SQS and the CloudWatch Logs service key. */
  readonly encryptionKey?: kms.IKey;
  /** Reserved concurrent executions of the function. Default: none (the account's pool). */
  readonly reservedConcurrency?: number;
  /** Cap on the concurrent invocations the SQS poller makes (2–1000). Default: none. */
  readonly maxConcurrency?: number;
}

export class PipelineStage extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly function: NodejsFunction;
  readonly logGroup: logs.LogGroup;
  readonly role: ManagedPolicyRole;
  readonly timeout: Duration;
  /** The handler the function runs. */
  readonly handlerName: HandlerName;

  constructor(scope: Construct, id: string, props: PipelineStageProps) {
    super(scope, id);
    // Validate
    const { maxConcurrency, reservedConcurrency } = props;
    if (maxConcurrency !== undefined && reservedConcurrency !== undefined && !Token.isUnresolved(maxConcurrency) && maxConcurrency > reservedConcurrency) {
      // AWS: a poller allowed more than the function's reserved concurrency is throttled, and throttled messages burn retries.
      throw new Error(`PipelineStage ${id}: maxConcurrency (${maxConcurrency}) must not exceed reservedConcurrency (${reservedConcurrency})`);
    }
    this.timeout = props.timeout;
    this.handlerName = props.handler;

    // Build
    const queueEncryption = props.encryptionKey
      ? { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: props.encryptionKey, dataKeyReuse: Duration.hours(1) }
      : { encryption: sqs.QueueEncryption.SQS_MANAGED };
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', { ...queueEncryption, enforceSSL: true, retentionPeriod: DEAD_LETTER_RETENTION });
    this.queue = new sqs.Queue(this, 'Queue', {
      ...queueEncryption,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(props.timeout.toSeconds() * VISIBILITY_FACTOR),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount },
    });
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      encryptionKey: props.encryptionKey,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Own role instead of the managed basic-execution policy: logs go to this group only.
    this.role = new ManagedPolicyRole(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `briefing pipeline ${props.handler} stage`,
    });
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [this.logGroup.logGroupArn],
    }));
    this.function = new NodejsFunction(this, 'Function', {
      entry: join(PROJECT_ROOT, HANDLER_ENTRIES[props.handler]),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      timeout: props.timeout,
      memorySize: props.memorySize,
      role: this.role,
      logGroup: this.logGroup,
      // Powertools already writes JSON; this makes Lambda's own START/REPORT lines JSON too.
      loggingFormat: lambda.LoggingFormat.JSON,
      // X-Ray segments for every invocation; the Powertools tracer adds one subsegment per article.
      tracing: lambda.Tracing.ACTIVE,
      reservedConcurrentExecutions: reservedConcurrency,
      environment: {
        POWERTOOLS_SERVICE_NAME: `briefing-${props.handler}`,
        // A batch response names message ids only; it says nothing a trace needs.
        POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false',
        MAX_RECEIVE_COUNT: String(props.maxReceiveCount),
        ...props.environment,
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
          afterBundling: (_inputDir: string, outputDir: string) => afterBundlingCommands(props.handler, outputDir),
        },
      },
    });

    // Wire
    this.function.addEventSource(new SqsEventSource(this.queue, {
      batchSize: props.batchSize,
      reportBatchItemFailures: true,
      maxConcurrency,
    }));
  }
}
