/**
 * cdk-nag acknowledgements. Each one names the exact finding (rule id plus the resource or
 * policy it is about) and says why that finding is acceptable here; nothing is silenced by rule.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';

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
