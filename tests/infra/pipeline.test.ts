/**
 * The synthesized CloudFormation template of the deployable stack (one synth, shared), checked
 * for what the issue asks of a well-run workload: wiring, retries, least privilege, no loops.
 */
import { Duration } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { resolveSettings, VISIBILITY_FACTOR } from '../../infra/briefing-pipeline';
import { synthStack } from './synth';

type Resource = { Type: string; Properties: Record<string, any> };

const { template, stack } = synthStack({ alarmEmail: 'ops@example.org', reservedConcurrency: 10, templatePrefixes: { 'flash/': 'flash' }, eventEmails: ['desk@example.org', 'editor@example.org'], web: false });
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
  reconcileFn: logicalId(pipeline.reconcile!.function),
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

/** Every policy (inline or customer-managed) of the template. */
const policies = (): Array<[string, Resource]> => [...ofType('AWS::IAM::Policy'), ...ofType('AWS::IAM::ManagedPolicy')];

/** Every Allow statement of the policies attached to the role of a function. */
function statementsOf(functionId: string): Array<{ actions: string[]; resources: string[] }> {
  const roleRef = resources[functionId]!.Properties.Role['Fn::GetAtt'][0] as string;
  return policies()
    .filter(([, p]) => (p.Properties.Roles ?? []).some((r: { Ref: string }) => r.Ref === roleRef))
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
    // Every queue is either fed by a bucket (the event stage's through EventBridge) or is a dead-letter queue: nothing else in the stack.
    expect(ofType('AWS::SQS::Queue')).toHaveLength(6);
  });

  it('runs both functions on arm64, Node.js 24, capped concurrency, traced, JSON logs kept a year', () => {
    for (const fn of [ids.extractFn, ids.renderFn]) {
      const p = resources[fn]!.Properties;
      expect(p.Architectures).toEqual(['arm64']);
      expect(p.Runtime).toBe('nodejs24.x');
      expect(p.ReservedConcurrentExecutions).toBe(10);
      expect(p.TracingConfig).toEqual({ Mode: 'Active' });
      expect(p.Environment.Variables.OUTPUT_BUCKET).toEqual({ Ref: ids.output });
      expect(p.Environment.Variables.EVENT_BUS_NAME).toBe('default');
      expect(p.LoggingConfig.LogFormat).toBe('JSON');
      const logGroup = resources[p.LoggingConfig.LogGroup.Ref]!;
      expect(logGroup.Properties.RetentionInDays).toBe(365);
      // Tracing needs the X-Ray write actions, and nothing broader.
      expect(statementsOf(fn)).toContainEqual({ actions: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], resources: ['*'] });
    }
    expect(resources[ids.extractFn]!.Properties.Environment.Variables.MAX_BYTES).toBe(String(5 * 1024 * 1024));
  });

  it('passes the key prefixes it maps to templates to both stages', () => {
    for (const fn of [ids.extractFn, ids.renderFn]) {
      expect(JSON.parse(resources[fn]!.Properties.Environment.Variables.TEMPLATE_PREFIXES)).toEqual({ 'flash/': 'flash' });
    }
  });

  it('grants no wildcard action, no AWS-managed and no inline policy to the stage roles', () => {
    for (const [, policy] of policies()) {
      for (const statement of policy.Properties.PolicyDocument.Statement) {
        for (const action of asArray(statement.Action as string | string[])) expect(action).not.toContain('*');
      }
    }
    for (const fn of [ids.extractFn, ids.renderFn]) {
      const roleId = resources[fn]!.Properties.Role['Fn::GetAtt'][0] as string;
      expect(resources[roleId]!.Properties.ManagedPolicyArns).toBeUndefined();
      expect(resources[roleId]!.Properties.Policies).toBeUndefined();
      expect(ofType('AWS::IAM::Policy').filter(([, p]) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId))).toEqual([]);
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

  it('alarms on dead letters, error rate, throttles, duration near the timeout, message age and a failed reconcile run, each notifying the alarm topic', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    expect(alarms).toHaveLength(16); // five per stage (extract, render and the event stage), and a failed reconcile run
    const topicId = logicalId(pipeline.alarms.topic);
    for (const alarm of alarms) {
      expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.OKActions).toEqual([{ Ref: topicId }]);
    }
    const on = (metricName: string, name: string, value: unknown) =>
      alarms.filter((a) => a.MetricName === metricName && a.Dimensions?.[0]?.Name === name && JSON.stringify(a.Dimensions[0].Value) === JSON.stringify(value));
    for (const [dlq, queue, fn] of [[ids.extractDlq, ids.extractQueue, ids.extractFn], [ids.renderDlq, ids.renderQueue, ids.renderFn]] as const) {
      expect(on('ApproximateNumberOfMessagesVisible', 'QueueName', { 'Fn::GetAtt': [dlq, 'QueueName'] })).toEqual([expect.objectContaining({ Threshold: 1 })]);
      expect(on('ApproximateAgeOfOldestMessage', 'QueueName', { 'Fn::GetAtt': [queue, 'QueueName'] })).toEqual([expect.objectContaining({ Threshold: 900 })]);
      expect(on('Throttles', 'FunctionName', { Ref: fn })).toHaveLength(1);
      const timeoutMs = resources[fn]!.Properties.Timeout * 1000;
      expect(on('Duration', 'FunctionName', { Ref: fn })).toEqual([expect.objectContaining({ Statistic: 'Maximum', Threshold: 0.8 * timeoutMs })]);
      // The error rate is errors ÷ invocations of this function, in percent.
      const rate = alarms.filter((a) => a.Metrics && JSON.stringify(a.Metrics).includes(JSON.stringify({ Ref: fn })));
      expect(rate).toHaveLength(1);
      expect(rate[0]!.Threshold).toBe(5);
      expect(rate[0]!.Metrics.map((m: { MetricStat?: { Metric: { MetricName: string } } }) => m.MetricStat?.Metric.MetricName).filter(Boolean).sort()).toEqual(['Errors', 'Invocations']);
    }
    expect(on('Errors', 'FunctionName', { Ref: ids.reconcileFn })).toEqual([expect.objectContaining({ Statistic: 'Sum', Threshold: 1 })]);
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org', TopicArn: { Ref: topicId } });
  });

  it('puts Briefing Ready / Failed of this stack on EventBridge, into a log group and, as sentences, an SNS topic with the e-mail subscriptions', () => {
    // Three rules for Ready / Failed; the fourth feeds the event stage (tests/infra/event-fusion.test.ts), the fifth runs reconcile.
    const rules = ofType('AWS::Events::Rule').map(([, r]) => r.Properties).filter((r) => JSON.stringify(r.EventPattern ?? '').includes('briefing'));
    expect(rules).toHaveLength(3);
    const pattern = (detailTypes: string[]) => ({ source: ['briefing'], 'detail-type': detailTypes, detail: { output: { bucket: [{ Ref: ids.output }] } } });
    const rule = rules.find((r) => JSON.stringify(r.EventPattern) === JSON.stringify(pattern(['Briefing Ready', 'Briefing Failed'])));
    const eventsTopic = logicalId(pipeline.events.topic!);
    for (const detailType of ['Briefing Ready', 'Briefing Failed']) {
      const mail = rules.find((r) => JSON.stringify(r.EventPattern) === JSON.stringify(pattern([detailType])))!;
      expect(mail.Targets).toEqual([expect.objectContaining({ Arn: { Ref: eventsTopic }, InputTransformer: expect.objectContaining({ InputTemplate: expect.stringContaining('<detail-input-key>') }) })]);
    }
    const targets = rule!.Targets.map((t: { Arn: unknown }) => JSON.stringify(t.Arn));
    expect(targets).toHaveLength(1);
    const eventsLogs = logicalId(pipeline.events.logGroup);
    expect(targets.some((arn: string) => arn.includes(':log-group:') && arn.includes(JSON.stringify({ Ref: eventsLogs })))).toBe(true);
    expect(resources[eventsLogs]!.Properties.LogGroupName).toBe('/aws/events/BriefingTest/briefings');
    for (const email of ['desk@example.org', 'editor@example.org']) {
      template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: email, TopicArn: { Ref: eventsTopic } });
    }
    // EventBridge may publish to the topic and write the log group; the functions may put events.
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'sns:Publish', Principal: { Service: 'events.amazonaws.com' } })]) },
    });
    const [[, logsPolicy]] = ofType('AWS::Logs::ResourcePolicy');
    const logsPolicyText = JSON.stringify(logsPolicy!.Properties.PolicyDocument);
    expect(logsPolicyText).toContain('events.amazonaws.com');
    expect(logsPolicyText).toContain(JSON.stringify({ Ref: eventsLogs }));
    for (const fn of [ids.extractFn, ids.renderFn]) expect(statementsOf(fn).some((s) => s.actions.includes('events:PutEvents'))).toBe(true);
  });

  it('lets only S3 of this account, for its own bucket, send to each queue (aws:SourceArn and aws:SourceAccount)', () => {
    for (const [queue, bucket] of [[ids.extractQueue, ids.input], [ids.renderQueue, ids.output]] as const) {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queue }],
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 's3.amazonaws.com' },
            Action: Match.arrayWith(['sqs:SendMessage']),
            Condition: { ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [bucket, 'Arn'] } }, StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          })]),
        },
      });
    }
  });

  it('runs reconcile every 6 hours: it may list and HEAD both buckets and copy unfinished objects onto themselves, never delete', () => {
    const scheduled = ofType('AWS::Events::Rule').map(([, r]) => r.Properties).filter((r) => r.ScheduleExpression);
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]!.ScheduleExpression).toBe('rate(6 hours)');
    expect(scheduled[0]!.Targets).toEqual([expect.objectContaining({ Arn: { 'Fn::GetAtt': [ids.reconcileFn, 'Arn'] }, RetryPolicy: expect.objectContaining({ MaximumRetryAttempts: 2 }) })]);
    template.hasResourceProperties('AWS::Lambda::Permission', { FunctionName: { 'Fn::GetAtt': [ids.reconcileFn, 'Arn'] }, Principal: 'events.amazonaws.com' });
    // Uploads still within the queues' retries are left alone: (30 s + 60 s + 60 s) × 6 × 3 deliveries, plus 5 minutes.
    expect(resources[ids.reconcileFn]!.Properties.Environment.Variables).toMatchObject({
      INPUT_BUCKET: { Ref: ids.input }, OUTPUT_BUCKET: { Ref: ids.output }, SETTLE_MINUTES: '50',
    });
    expect(writableBy(ids.reconcileFn).sort()).toEqual([`<${ids.input}>/*`, `<${ids.output}>/figures/*`]);
    const statements = statementsOf(ids.reconcileFn);
    expect(statements.flatMap((s) => s.actions)).not.toContain('s3:DeleteObject');
    const reads = statements.filter((s) => s.actions.includes('s3:GetObject')).flatMap((s) => s.resources).sort();
    expect(reads).toEqual([`<${ids.input}>/*`, `<${ids.output}>/briefings/*`, `<${ids.output}>/errors/*`, `<${ids.output}>/figures/*`]);
    // Never fed by a queue: nothing it copies can loop back into it.
    expect(ofType('AWS::Lambda::EventSourceMapping').filter(([, m]) => m.Properties.FunctionName.Ref === ids.reconcileFn)).toEqual([]);
  });

  it('outputs what an operator needs: buckets, dashboard, topics, log groups, functions, queues and dead-letter queues', () => {
    template.hasOutput('InputBucketName', { Value: { Ref: ids.input } });
    template.hasOutput('OutputBucketName', { Value: { Ref: ids.output } });
    template.hasOutput('DashboardName', { Value: { Ref: logicalId(pipeline.dashboard.dashboard) } });
    template.hasOutput('DashboardUrl', {});
    template.hasOutput('AlarmTopicArn', { Value: { Ref: logicalId(pipeline.alarms.topic) } });
    template.hasOutput('EventsTopicArn', { Value: { Ref: logicalId(pipeline.events.topic!) } });
    template.hasOutput('EventBusName', { Value: 'default' });
    template.hasOutput('EventsLogGroupName', { Value: { Ref: logicalId(pipeline.events.logGroup) } });
    for (const [name, stage] of [['Extract', pipeline.extract], ['Render', pipeline.render]] as const) {
      template.hasOutput(`${name}FunctionName`, { Value: { Ref: logicalId(stage.function) } });
      template.hasOutput(`${name}LogGroupName`, { Value: { Ref: logicalId(stage.logGroup) } });
      template.hasOutput(`${name}DeadLetterQueueArn`, { Value: { 'Fn::GetAtt': [logicalId(stage.deadLetterQueue), 'Arn'] } });
      template.hasOutput(`${name}DeadLetterQueueUrl`, { Value: { Ref: logicalId(stage.deadLetterQueue) } });
      template.hasOutput(`${name}QueueUrl`, { Value: { Ref: logicalId(stage.queue) } });
    }
    template.hasOutput('ReconcileFunctionName', { Value: { Ref: ids.reconcileFn } });
    template.hasOutput('ReconcileLogGroupName', { Value: { Ref: logicalId(pipeline.reconcile!.logGroup) } });
  });

  it('has a dashboard with articles, briefings, failures by reason, dead letters, durations and cold starts', () => {
    const [[, dashboard]] = ofType('AWS::CloudWatch::Dashboard');
    const body = JSON.stringify(stack.resolve(dashboard!.Properties.DashboardBody));
    for (const needle of ['NumberOfMessagesSent', 'ArticlesProcessed', 'ArticlesFailed', 'UploadsReannounced', 'Briefing Failed', 'ApproximateNumberOfMessagesVisible', 'p95', 'p50', 'initDurationMs']) {
      expect(body).toContain(needle);
    }
  });
});

describe('BriefingStack with no options', () => {
  const bare = synthStack({});
  const bareResources = bare.template.toJSON().Resources as Record<string, Resource>;
  const bareOf = (type: string) => Object.entries(bareResources).filter(([, r]) => r.Type === type);

  it('still creates the alarm topic, with every alarm acting on it, and no events topic', () => {
    const topics = bareOf('AWS::SNS::Topic');
    expect(topics).toHaveLength(1);
    const [[topicId]] = topics;
    for (const [, alarm] of bareOf('AWS::CloudWatch::Alarm')) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
    expect(bareOf('AWS::SNS::Subscription')).toEqual([]);
    // The events log group's, and the event stage's; the reconcile schedule has no pattern.
    expect(bareOf('AWS::Events::Rule').filter(([, r]) => r.Properties.EventPattern)).toHaveLength(2);
  });

  it('caps each event source mapping at 10 concurrent invocations, reserves none, and uses AWS-managed keys', () => {
    for (const [, mapping] of bareOf('AWS::Lambda::EventSourceMapping')) expect(mapping.Properties.ScalingConfig).toEqual({ MaximumConcurrency: 10 });
    for (const [, fn] of bareOf('AWS::Lambda::Function').filter(([id]) => /Extract|Render/.test(id))) expect(fn.Properties.ReservedConcurrentExecutions).toBeUndefined();
    expect(bareOf('AWS::KMS::Key')).toEqual([]);
    for (const [, queue] of bareOf('AWS::SQS::Queue')) expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
  });
});

describe("BriefingStack with encryption: 'kms'", () => {
  const encrypted = synthStack({ encryption: 'kms', eventEmails: ['desk@example.org'], web: false });
  const all = encrypted.template.toJSON().Resources as Record<string, Resource>;
  const of = (type: string) => Object.entries(all).filter(([, r]) => r.Type === type);
  const [[keyId, key]] = of('AWS::KMS::Key');
  const isKey = (value: unknown) => JSON.stringify(value) === JSON.stringify({ 'Fn::GetAtt': [keyId, 'Arn'] });

  it('creates one rotating key and uses it for the data buckets, every queue, every log group and both topics', () => {
    expect(of('AWS::KMS::Key')).toHaveLength(1);
    expect(key!.Properties.EnableKeyRotation).toBe(true);
    const p = encrypted.stack.pipeline;
    for (const bucket of [p.inputBucket, p.outputBucket]) {
      const sse = all[encrypted.stack.getLogicalId(bucket.node.defaultChild as never)]!.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0];
      expect(sse.ServerSideEncryptionByDefault.SSEAlgorithm).toBe('aws:kms');
      expect(isKey(sse.ServerSideEncryptionByDefault.KMSMasterKeyID)).toBe(true);
      expect(sse.BucketKeyEnabled).toBe(true);
    }
    const queues = of('AWS::SQS::Queue');
    expect(queues).toHaveLength(6);
    for (const [, queue] of queues) expect(isKey(queue.Properties.KmsMasterKeyId)).toBe(true);
    const logGroups = of('AWS::Logs::LogGroup');
    expect(logGroups).toHaveLength(5); // three stages, the events, the scheduled reconcile
    for (const [, group] of logGroups) expect(isKey(group.Properties.KmsKeyId)).toBe(true);
    const topics = of('AWS::SNS::Topic');
    expect(topics).toHaveLength(2);
    for (const [, topic] of topics) expect(isKey(topic.Properties.KmsMasterKeyId)).toBe(true);
  });

  it('lets the services that write for the pipeline use the key, for this account only', () => {
    const statements = key!.Properties.KeyPolicy.Statement as Array<{ Sid?: string; Principal: { Service?: unknown }; Condition?: Record<string, Record<string, unknown>> }>;
    const services = statements.flatMap((s) => [s.Principal.Service ?? []].flat()).map((name) => JSON.stringify(name));
    for (const service of ['s3.amazonaws.com', 'cloudwatch.amazonaws.com', 'events.amazonaws.com']) expect(services).toContain(JSON.stringify(service));
    expect(services.some((name) => name.includes('logs.'))).toBe(true);
    const ours = statements.filter((s) => s.Sid);
    expect(ours).toHaveLength(2);
    for (const statement of ours) expect(statement.Condition).toBeDefined();
  });
});

describe('cdk-nag in the same synthesis', () => {
  it('fails synthesis on an unacknowledged finding of either pack (the checks are really on)', () => {
    let error: unknown;
    try {
      synthStack({ web: false }, (s) => {
        s.pipeline.extract.function.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
        // A log group with retention but no KMS key: NIST wants it encrypted and nothing acknowledges this one.
        new logs.LogGroup(s, 'Unacknowledged', { retention: logs.RetentionDays.ONE_YEAR });
      });
    } catch (caught) {
      error = caught;
    }
    expect(String(error)).toMatch(/AwsSolutions-IAM5/);
    expect(String(error)).toMatch(/NIST\.800\.53\.R5-CloudWatchLogGroupEncrypted[\s\S]*Unacknowledged|Unacknowledged[\s\S]*NIST\.800\.53\.R5-CloudWatchLogGroupEncrypted/);
  });
});

describe('BriefingPipeline props', () => {
  it.each([
    [{ maxReceiveCount: 2 }, /maxReceiveCount/],
    [{ maxReceiveCount: 6 }, /maxReceiveCount/],
    [{ reservedConcurrency: 1 }, /reservedConcurrency/],
    [{ alarmEmail: 'not-an-address' }, /alarmEmail/],
    [{ eventEmails: ['desk@example.org', 'desk'] }, /eventEmails "desk"/],
    [{ maxConcurrency: 1 }, /maxConcurrency/],
    [{ presignedUrlLifetime: Duration.days(1) }, /presignedUrlLifetime/],
    [{ renderMemorySize: 64 }, /renderMemorySize/],
    [{ templatePrefixes: { 'flash/': 'flashy' } }, /"flash\/" maps to unknown template "flashy"; templates\/ deploys: briefing, flash/],
    [{ templatePrefixes: { '': 'flash' } }, /prefix must not be empty/],
    [{ reconcileEvery: Duration.minutes(5) }, /reconcileEvery must be zero \(no scheduled reconcile\) or from 15 minutes to 7 days/],
    [{ reconcileEvery: Duration.days(8) }, /reconcileEvery/],
  ])('refuses %o', (props, message) => {
    expect(() => resolveSettings(props)).toThrow(message);
  });

  it('documents its defaults', () => {
    const s = resolveSettings({});
    expect([s.maxReceiveCount, s.extractTimeout.toSeconds(), s.renderTimeout.toSeconds(), s.errorsExpiration.toDays(), s.retainData]).toEqual([3, 30, 60, 90, true]);
    expect([s.logRetention, s.maxConcurrency, s.eventEmails, s.encryption, s.presignedUrlLifetime]).toEqual([365, 10, [], undefined, undefined]);
    expect(resolveSettings({ reservedConcurrency: 4 }).maxConcurrency).toBe(4);
    expect(s.reconcileEvery.toHours()).toBe(6);
  });

  it('leaves the scheduled reconcile out with reconcileEveryHours: 0 (briefing reconcile still runs it on demand)', () => {
    const { stack, template: off } = synthStack({ reconcileEveryHours: 0 }, undefined, { bundle: false });
    expect(stack.pipeline.reconcile).toBeUndefined();
    const rules = Object.values(off.toJSON().Resources as Record<string, Resource>).filter((r) => r.Type === 'AWS::Events::Rule');
    expect(rules.filter((r) => r.Properties.ScheduleExpression)).toEqual([]);
    expect(rules).toHaveLength(2); // the events log group's, and the event stage's
  });
});
