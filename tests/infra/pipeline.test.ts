/**
 * The synthesized CloudFormation template of the deployable stack (one synth, shared), checked
 * for what the issue asks of a well-run workload: wiring, retries, least privilege, no loops.
 */
import { Match } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { resolveSettings, VISIBILITY_FACTOR } from '../../infra/briefing-pipeline';
import { synthStack } from './synth';

type Resource = { Type: string; Properties: Record<string, any> };

const { template, stack } = synthStack({ alarmEmail: 'ops@example.org', reservedConcurrency: 10, templatePrefixes: { 'flash/': 'flash' } });
const resources = template.toJSON().Resources as Record<string, Resource>;
const ofType = (type: string): Array<[string, Resource]> => Object.entries(resources).filter(([, r]) => r.Type === type);
const logicalId = (construct: { node: { defaultChild?: unknown } }): string =>
  stack.getLogicalId(construct.node.defaultChild as never);

const pipeline = stack.pipeline;
const ids = {
  input: logicalId(pipeline.inputBucket as never),
  output: logicalId(pipeline.outputBucket as never),
  extractQueue: logicalId(pipeline.extract.queue),
  renderQueue: logicalId(pipeline.render.queue),
  extractDlq: logicalId(pipeline.extract.deadLetterQueue),
  renderDlq: logicalId(pipeline.render.deadLetterQueue),
  extractFn: logicalId(pipeline.extract.function),
  renderFn: logicalId(pipeline.render.function),
};

/** "<LogicalId>" or "<LogicalId>/prefix" for a CloudFormation ARN expression of a bucket. */
function arnText(value: unknown): string {
  const v = value as Record<string, any>;
  if (typeof value === 'string') return value;
  if (v['Fn::GetAtt']) return `<${v['Fn::GetAtt'][0]}>`;
  if (v['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(arnText).join('');
  if (v.Ref) return `<${v.Ref}>`;
  return JSON.stringify(value);
}

const asArray = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

/** Every Allow statement of the policies attached to the role of a function. */
function statementsOf(functionId: string): Array<{ actions: string[]; resources: string[] }> {
  const roleRef = resources[functionId]!.Properties.Role['Fn::GetAtt'][0] as string;
  return ofType('AWS::IAM::Policy')
    .filter(([, p]) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleRef))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
    .map((s: { Action: string | string[]; Resource: unknown }) => ({ actions: asArray(s.Action), resources: asArray(s.Resource).map(arnText) }));
}

const writableBy = (functionId: string): string[] =>
  statementsOf(functionId).filter((s) => s.actions.includes('s3:PutObject')).flatMap((s) => s.resources);

describe('BriefingStack template', () => {
  it('has three buckets, all private, encrypted, versioned and TLS-only', () => {
    const buckets = ofType('AWS::S3::Bucket');
    expect(buckets).toHaveLength(3);
    for (const [, bucket] of buckets) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
      expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    }
    for (const [id] of buckets) {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: id },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Action: 's3:*', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });

  it('logs access to the data buckets and expires error records', () => {
    for (const id of [ids.input, ids.output]) {
      expect(resources[id]!.Properties.LoggingConfiguration.DestinationBucketName.Ref).toMatch(/AccessLogs/);
    }
    expect(resources[ids.output]!.Properties.LifecycleConfiguration.Rules).toContainEqual(
      expect.objectContaining({ Prefix: 'errors/', ExpirationInDays: 90, Status: 'Enabled' }),
    );
  });

  it('notifies the extract queue of every new input and the render queue of figures/*.json only', () => {
    const notifications = ofType('Custom::S3BucketNotifications').map(([, r]) => r.Properties);
    const forBucket = (id: string) => notifications.find((n) => n.BucketName.Ref === id)!.NotificationConfiguration.QueueConfigurations;
    expect(forBucket(ids.input)).toEqual([{ Events: ['s3:ObjectCreated:*'], QueueArn: { 'Fn::GetAtt': [ids.extractQueue, 'Arn'] } }]);
    const [render] = forBucket(ids.output);
    expect(forBucket(ids.output)).toHaveLength(1);
    expect(render.QueueArn).toEqual({ 'Fn::GetAtt': [ids.renderQueue, 'Arn'] });
    expect(render.Filter.Key.FilterRules).toEqual(expect.arrayContaining([{ Name: 'prefix', Value: 'figures/' }, { Name: 'suffix', Value: '.json' }]));
  });

  it('dead-letters after 3 deliveries, with visibility ≥ 6× the function timeout, and reports batch item failures', () => {
    for (const [queue, dlq, fn] of [[ids.extractQueue, ids.extractDlq, ids.extractFn], [ids.renderQueue, ids.renderDlq, ids.renderFn]] as const) {
      const q = resources[queue]!.Properties;
      expect(q.RedrivePolicy).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [dlq, 'Arn'] }, maxReceiveCount: 3 });
      expect(q.SqsManagedSseEnabled).toBe(true);
      expect(q.VisibilityTimeout).toBeGreaterThanOrEqual(VISIBILITY_FACTOR * resources[fn]!.Properties.Timeout);
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [queue, 'Arn'] },
        FunctionName: { Ref: fn },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        ScalingConfig: { MaximumConcurrency: 10 },
      });
    }
    // Every queue is either fed by a bucket or is a dead-letter queue: nothing else in the stack.
    expect(ofType('AWS::SQS::Queue')).toHaveLength(4);
  });

  it('runs both functions on arm64, Node.js 24, capped concurrency, retained JSON logs', () => {
    for (const fn of [ids.extractFn, ids.renderFn]) {
      const p = resources[fn]!.Properties;
      expect(p.Architectures).toEqual(['arm64']);
      expect(p.Runtime).toBe('nodejs24.x');
      expect(p.ReservedConcurrentExecutions).toBe(10);
      expect(p.Environment.Variables.OUTPUT_BUCKET).toEqual({ Ref: ids.output });
      expect(p.LoggingConfig.LogFormat).toBe('JSON');
      const logGroup = resources[p.LoggingConfig.LogGroup.Ref]!;
      expect(logGroup.Properties.RetentionInDays).toBe(30);
    }
    expect(resources[ids.extractFn]!.Properties.Environment.Variables.MAX_BYTES).toBe(String(5 * 1024 * 1024));
  });

  it('passes the key prefixes it maps to templates to both stages', () => {
    for (const fn of [ids.extractFn, ids.renderFn]) {
      expect(JSON.parse(resources[fn]!.Properties.Environment.Variables.TEMPLATE_PREFIXES)).toEqual({ 'flash/': 'flash' });
    }
  });

  it('grants no wildcard action and no managed policy to the stage roles', () => {
    for (const [, policy] of ofType('AWS::IAM::Policy')) {
      for (const statement of policy.Properties.PolicyDocument.Statement) {
        for (const action of asArray(statement.Action as string | string[])) expect(action).not.toContain('*');
      }
    }
    for (const fn of [ids.extractFn, ids.renderFn]) {
      const role = resources[resources[fn]!.Properties.Role['Fn::GetAtt'][0]]!;
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('lets each stage write only the output prefixes it owns, never the input bucket', () => {
    expect(writableBy(ids.extractFn).sort()).toEqual([`<${ids.output}>/errors/*`, `<${ids.output}>/figures/*`]);
    expect(writableBy(ids.renderFn).sort()).toEqual([`<${ids.output}>/briefings/*`, `<${ids.output}>/errors/*`]);
    const reads = statementsOf(ids.extractFn).filter((s) => s.actions.includes('s3:GetObject')).flatMap((s) => s.resources);
    expect(reads).toContain(`<${ids.input}>/*`);
  });

  it('has no path by which a stage output triggers the same stage again', () => {
    // Trigger graph: a function's writable (bucket, prefix) → notifications whose filter matches → queue → function.
    const queueToFn = new Map(ofType('AWS::Lambda::EventSourceMapping').map(([, m]) => [m.Properties.EventSourceArn['Fn::GetAtt'][0], m.Properties.FunctionName.Ref]));
    const triggers = ofType('Custom::S3BucketNotifications').flatMap(([, n]) =>
      n.Properties.NotificationConfiguration.QueueConfigurations.map((c: Record<string, any>) => ({
        bucket: n.Properties.BucketName.Ref as string,
        prefix: (c.Filter?.Key.FilterRules.find((r: { Name: string }) => r.Name === 'prefix')?.Value as string | undefined) ?? '',
        fn: queueToFn.get(c.QueueArn['Fn::GetAtt'][0]) as string,
      })),
    );
    const next = (fn: string): string[] =>
      writableBy(fn).flatMap((resource) => {
        const [, bucket, prefix] = /^<([^>]+)>\/(.*)\*$/.exec(resource)!;
        // Overlap: either prefix extends the other.
        return triggers.filter((t) => t.bucket === bucket && (prefix!.startsWith(t.prefix) || t.prefix.startsWith(prefix!))).map((t) => t.fn);
      });
    expect(next(ids.extractFn)).toEqual([ids.renderFn]);
    expect(next(ids.renderFn)).toEqual([]);
  });

  it('alarms on dead letters and function errors, notifying the e-mail subscription', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    expect(alarms).toHaveLength(4);
    for (const dlq of [ids.extractDlq, ids.renderDlq]) {
      expect(alarms).toContainEqual(expect.objectContaining({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlq, 'QueueName'] } }],
        Threshold: 1,
      }));
    }
    for (const fn of [ids.extractFn, ids.renderFn]) {
      expect(alarms).toContainEqual(expect.objectContaining({ MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: { Ref: fn } }] }));
    }
    const [[topicId]] = ofType('AWS::SNS::Topic');
    for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org' });
  });

  it('outputs the bucket names', () => {
    template.hasOutput('InputBucketName', { Value: { Ref: ids.input } });
    template.hasOutput('OutputBucketName', { Value: { Ref: ids.output } });
  });
});

describe('cdk-nag in the same synthesis', () => {
  it('fails synthesis on an unacknowledged finding (the checks are really on)', () => {
    expect(() =>
      synthStack({}, (s) => {
        s.pipeline.extract.function.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
      }),
    ).toThrow(/AwsSolutions-IAM5/);
  });
});

describe('BriefingPipeline props', () => {
  it.each([
    [{ maxReceiveCount: 2 }, /maxReceiveCount/],
    [{ maxReceiveCount: 6 }, /maxReceiveCount/],
    [{ reservedConcurrency: 1 }, /reservedConcurrency/],
    [{ alarmEmail: 'not-an-address' }, /alarmEmail/],
    [{ renderMemorySize: 64 }, /renderMemorySize/],
    [{ templatePrefixes: { 'flash/': 'flashy' } }, /"flash\/" maps to unknown template "flashy"; templates\/ deploys: briefing, flash/],
    [{ templatePrefixes: { '': 'flash' } }, /prefix must not be empty/],
  ])('refuses %o', (props, message) => {
    expect(() => resolveSettings(props)).toThrow(message);
  });

  it('documents its defaults', () => {
    const s = resolveSettings({});
    expect([s.maxReceiveCount, s.extractTimeout.toSeconds(), s.renderTimeout.toSeconds(), s.errorsExpiration.toDays(), s.retainData]).toEqual([3, 30, 60, 90, true]);
  });
});
