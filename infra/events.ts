/**
 * "Your briefing is ready": both stages put one event per finished article on an EventBridge bus
 * (`source: briefing`, `Briefing Ready` / `Briefing Failed`; the detail is documented in
 * lambdas/handlers/events.ts). A rule matching this pipeline's events (by its output bucket, so
 * two stacks in one account never see each other's) copies them into a log group, which
 * `aws logs tail --follow` watches and the dashboard queries, and, when asked, into an SNS
 * topic with e-mail subscriptions.
 */
import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { EVENT_SOURCE, EVENT_TYPES } from '../lambdas/contract/names';
import { assertEmail } from './validate';

export interface BriefingEventsProps {
  /** The functions that publish events. */
  readonly publishers: readonly lambda.IFunction[];
  /** The pipeline's output bucket name: events carry it, and the rule matches only it. */
  readonly outputBucketName: string;
  /** Default: the account's default event bus. */
  readonly eventBus?: events.IEventBus;
  /** E-mail addresses subscribed to every Ready and Failed event. Default: none. */
  readonly emails?: readonly string[];
  /** Create the SNS topic even without e-mails (for other subscribers). Default: true when `emails` is not empty. */
  readonly topic?: boolean;
  /** Retention of the events log group. */
  readonly logRetention: logs.RetentionDays;
  /** Encrypts the events log group and topic. Default: the services' own keys. */
  readonly encryptionKey?: kms.IKey;
  /** Whether Ready events carry a pre-signed URL, so the e-mail can offer it. Default: false. */
  readonly withUrl?: boolean;
}

export class BriefingEvents extends Construct {
  readonly eventBus: events.IEventBus;
  /** Every Ready and Failed event of this pipeline → the log group. */
  readonly rule: events.Rule;
  readonly logGroup: logs.LogGroup;
  readonly topic?: sns.Topic;
  /** With the topic: one rule per detail type, each turning its events into a readable e-mail. */
  readonly topicRules: events.Rule[] = [];

  constructor(scope: Construct, id: string, props: BriefingEventsProps) {
    super(scope, id);
    // Validate
    const emails = props.emails ?? [];
    for (const email of emails) assertEmail('BriefingEvents', 'emails', email);
    const wantsTopic = props.topic ?? emails.length > 0;
    if (!wantsTopic && emails.length > 0) throw new Error('BriefingEvents: e-mail subscriptions need the topic (topic: false was given)');

    // Build
    const stack = Stack.of(this);
    this.eventBus = props.eventBus ?? events.EventBus.fromEventBusName(this, 'DefaultBus', 'default');
    const pattern = (detailType: string[]): events.EventPattern => ({
      source: [EVENT_SOURCE],
      detailType,
      detail: { output: { bucket: [props.outputBucketName] } },
    });
    this.rule = new events.Rule(this, 'Rule', {
      eventBus: this.eventBus,
      description: 'Briefing pipeline: every Briefing Ready and Briefing Failed event of this stack',
      eventPattern: pattern([EVENT_TYPES.ready, EVENT_TYPES.failed]),
    });
    // EventBridge delivers to log groups named /aws/events/… through a resource policy.
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/events/${stack.stackName}/briefings`,
      retention: props.logRetention,
      encryptionKey: props.encryptionKey,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    if (wantsTopic) {
      this.topic = new sns.Topic(this, 'Topic', { displayName: 'Briefing ready or failed', enforceSSL: true, masterKey: props.encryptionKey });
      for (const email of emails) this.topic.addSubscription(new subscriptions.EmailSubscription(email));
    }

    // Wire
    for (const fn of props.publishers) this.eventBus.grantPutEventsTo(fn);
    // The resource policy is a plain CloudFormation resource here; aws-cdk-lib's CloudWatchLogGroup
    // target would deploy a custom-resource Lambda to write the same policy.
    const logGroupArn = stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: this.logGroup.logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    // (aws:SourceAccount rather than the rule's ARN: the rule must wait for the policy, not the reverse.)
    const policy = new logs.ResourcePolicy(this, 'LogsPolicy', {
      policyStatements: [new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('events.amazonaws.com'), new iam.ServicePrincipal('delivery.logs.amazonaws.com')],
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [`${logGroupArn}:*`],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      })],
    });
    this.rule.addTarget({ bind: () => ({ arn: logGroupArn }) });
    this.rule.node.addDependency(policy);
    if (this.topic) {
      // E-mail readers get a sentence, not the event's JSON (subscribers over SQS or HTTPS get the same text).
      const field = (path: string) => events.EventField.fromPath(`$.detail.${path}`);
      const messages = {
        [EVENT_TYPES.ready]: [
          `The briefing of ${field('input.key')} is ready: ${field('figures')} figures, s3://${field('output.bucket')}/${field('output.briefingKey')}`,
          ...(props.withUrl ? [`Download (until ${field('urlExpiresAt')}): ${field('url')}`] : []),
          `Correlation id: ${field('correlationId')}`,
        ],
        [EVENT_TYPES.failed]: [
          `No briefing for ${field('input.key')}: the ${field('stage')} stage could not make it (${field('error')}).`,
          `Reason: ${field('reason')}`,
          `Correlation id: ${field('correlationId')}`,
        ],
      };
      for (const [detailType, lines] of Object.entries(messages)) {
        const rule = new events.Rule(this, `${detailType.replace(/\W/g, '')}Mail`, {
          eventBus: this.eventBus,
          description: `Briefing pipeline: ${detailType} events of this stack to the SNS topic`,
          eventPattern: pattern([detailType]),
        });
        rule.addTarget(new targets.SnsTopic(this.topic, { message: events.RuleTargetInput.fromMultilineText(lines.join('\n')) }));
        this.topicRules.push(rule);
      }
    }
  }
}
