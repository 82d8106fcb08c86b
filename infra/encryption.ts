/**
 * One encryption choice for everything the pipeline stores: `'s3'` (AWS-managed keys: SSE-S3 for
 * buckets, SSE-SQS for queues, the service's own keys for logs and topics) or `'kms'` (one
 * customer-managed key, created here or given, for the data buckets, the queues, the log groups
 * and the SNS topics alike). Validate → build → wire like the other constructs.
 */
import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export type EncryptionMode = 's3' | 'kms';

export interface PipelineEncryptionProps {
  /** Default: `'kms'` when `key` is given, else `'s3'`. */
  readonly mode?: EncryptionMode;
  /**
   * The key for `'kms'`. Default: a new key with yearly rotation. A given key's policy cannot be
   * changed from this stack: it must already allow the service principals `keyPolicyStatements` lists.
   */
  readonly key?: kms.IKey;
  /** Whether a created key survives `cdk destroy` (it still guards retained buckets). Default: true. */
  readonly retainKey?: boolean;
}

/** The services that write encrypted data on the pipeline's behalf and so must use the key. */
export function keyPolicyStatements(stack: Stack): iam.PolicyStatement[] {
  const account = stack.account;
  return [
    // CloudWatch Logs encrypts the log groups (the condition keeps it to this account's groups).
    new iam.PolicyStatement({
      sid: 'CloudWatchLogsOfThisAccount',
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }) } },
    }),
    // S3 sends notifications to the encrypted queues; CloudWatch alarms and EventBridge rules
    // publish to the encrypted topics. Each is limited to this account's resources.
    new iam.PolicyStatement({
      sid: 'ServicesPublishingForThisAccount',
      principals: ['s3.amazonaws.com', 'cloudwatch.amazonaws.com', 'events.amazonaws.com'].map((name) => new iam.ServicePrincipal(name)),
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': account } },
    }),
  ];
}

export class PipelineEncryption extends Construct {
  readonly mode: EncryptionMode;
  /** Set exactly when `mode` is `'kms'`. */
  readonly key?: kms.IKey;

  constructor(scope: Construct, id: string, props: PipelineEncryptionProps = {}) {
    super(scope, id);
    // Validate
    this.mode = props.mode ?? (props.key ? 'kms' : 's3');
    if (this.mode !== 's3' && this.mode !== 'kms') throw new Error(`PipelineEncryption: mode must be 's3' or 'kms', got ${JSON.stringify(this.mode)}`);
    if (this.mode === 's3' && props.key) throw new Error("PipelineEncryption: a key was given but mode is 's3'; use mode 'kms' or drop the key");
    if (this.mode === 's3') return;

    // Build
    this.key =
      props.key ??
      new kms.Key(this, 'Key', {
        description: 'Briefing pipeline: buckets, queues, log groups and topics',
        enableKeyRotation: true,
        removalPolicy: (props.retainKey ?? true) ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      });

    // Wire (a no-op for an imported key: its owner grants these)
    for (const statement of keyPolicyStatements(Stack.of(this))) this.key.addToResourcePolicy(statement);
  }
}
