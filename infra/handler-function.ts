/**
 * A Lambda function running one of the project's handler entries (bundling.ts), as every
 * function of the stack is built: Node.js on arm64, JSON logs to its own log group (`Logs`),
 * its own role (`Role`) with one managed policy, X-Ray tracing, the bundle the benchmark
 * measures. Created as children of the calling construct, so their logical ids stay its own.
 */
import { join } from 'node:path';
import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { afterBundlingCommands, HANDLER_BUNDLE, HANDLER_ENTRIES, type HandlerName, PROJECT_ROOT } from './bundling';
import { ManagedPolicyRole } from './stage-role';

export interface HandlerFunctionProps {
  readonly handler: HandlerName;
  /** What the role is for, in its description. */
  readonly description: string;
  readonly timeout: Duration;
  /** MiB. */
  readonly memorySize: number;
  readonly environment: Readonly<Record<string, string>>;
  readonly logRetention: logs.RetentionDays;
  /** Encrypts the log group. Default: the CloudWatch Logs service key. */
  readonly encryptionKey?: kms.IKey;
  /** Default: none (the account's pool). */
  readonly reservedConcurrentExecutions?: number;
}

export interface HandlerFunction {
  readonly function: NodejsFunction;
  readonly role: ManagedPolicyRole;
  readonly logGroup: logs.LogGroup;
}

export function handlerFunction(scope: Construct, props: HandlerFunctionProps): HandlerFunction {
  const logGroup = new logs.LogGroup(scope, 'Logs', {
    retention: props.logRetention,
    encryptionKey: props.encryptionKey,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  // Own role instead of the managed basic-execution policy: logs go to this group only.
  const role = new ManagedPolicyRole(scope, 'Role', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: props.description,
  });
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    resources: [logGroup.logGroupArn],
  }));
  const fn = new NodejsFunction(scope, 'Function', {
    entry: join(PROJECT_ROOT, HANDLER_ENTRIES[props.handler]),
    handler: 'handler',
    projectRoot: PROJECT_ROOT,
    depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
    runtime: lambda.Runtime.NODEJS_24_X,
    architecture: lambda.Architecture.ARM_64,
    timeout: props.timeout,
    memorySize: props.memorySize,
    role,
    logGroup,
    // Powertools already writes JSON; this makes Lambda's own START/REPORT lines JSON too.
    loggingFormat: lambda.LoggingFormat.JSON,
    // X-Ray segments for every invocation; the Powertools tracer adds one subsegment per article.
    tracing: lambda.Tracing.ACTIVE,
    reservedConcurrentExecutions: props.reservedConcurrentExecutions,
    environment: {
      POWERTOOLS_SERVICE_NAME: `briefing-${props.handler}`,
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
  return { function: fn, role, logGroup };
}
