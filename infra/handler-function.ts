/**
 * One Lambda function for a handler of infra/bundling.ts, built the same way for the pipeline's
 * stages and the web page's API: its own log group and its own role that may write only there
 * (instead of the managed basic-execution policy; every grant in one customer-managed policy),
 * Node.js 24 on ARM, JSON logs, X-Ray tracing, and the bundle made by esbuild with the assets the
 * handler reads at run time built or copied beside it (infra/bundling.ts; never Docker).
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
  readonly timeout: Duration;
  /** MiB. */
  readonly memorySize: number;
  readonly logRetention: logs.RetentionDays;
  readonly environment: Readonly<Record<string, string>>;
  /** Encrypts the log group. Default: the CloudWatch Logs service key. */
  readonly encryptionKey?: kms.IKey;
  readonly reservedConcurrency?: number;
  /** What the role is for, in its description. */
  readonly purpose: string;
}

export interface HandlerFunction {
  readonly function: NodejsFunction;
  readonly role: ManagedPolicyRole;
  readonly logGroup: logs.LogGroup;
}

/** `<prefix>Logs`, `<prefix>Role` and `<prefix>Function` in `scope`. */
export function handlerFunction(scope: Construct, prefix: string, props: HandlerFunctionProps): HandlerFunction {
  const logGroup = new logs.LogGroup(scope, `${prefix}Logs`, { retention: props.logRetention, encryptionKey: props.encryptionKey, removalPolicy: RemovalPolicy.DESTROY });
  const role = new ManagedPolicyRole(scope, `${prefix}Role`, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), description: props.purpose });
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
  const fn = new NodejsFunction(scope, `${prefix}Function`, {
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
    // X-Ray segments for every invocation; the handlers add their subsegments (lambdas/handlers/xray.ts).
    tracing: lambda.Tracing.ACTIVE,
    reservedConcurrentExecutions: props.reservedConcurrency,
    environment: { POWERTOOLS_SERVICE_NAME: `briefing-${props.handler}`, ...props.environment },
    bundling: {
      forceDockerBundling: false,
      // CommonJS code run by the code-cache loader with its code cache (bundling.ts, code-cache.ts).
      format: OutputFormat.CJS,
      target: HANDLER_BUNDLE.target,
      minify: HANDLER_BUNDLE.minify,
      sourceMap: HANDLER_BUNDLE.sourcemap,
      mainFields: [...HANDLER_BUNDLE.mainFields],
      externalModules: [...HANDLER_BUNDLE.external],
      banner: HANDLER_BUNDLE.banner,
      define: HANDLER_BUNDLE.define,
      // BundlingOptions has no alias or supported field; CDK passes each entry on as --alias:name=path, --supported:feature=true.
      esbuildArgs: {
        '--alias': Object.entries(HANDLER_BUNDLE.alias).map(([name, path]) => `${name}=${path}`),
        ...Object.fromEntries(Object.entries(HANDLER_BUNDLE.supported).map(([feature, on]) => [`--supported:${feature}`, String(on)])),
      },
      commandHooks: {
        beforeBundling: () => [],
        beforeInstall: () => [],
        afterBundling: (_inputDir: string, outputDir: string) => afterBundlingCommands(props.handler, outputDir, props.memorySize),
      },
    },
  });
  return { function: fn, role, logGroup };
}
