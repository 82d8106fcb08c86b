/**
 * Alarms that reach someone: one SNS topic, always created and the action of every alarm (so
 * an alarm is never silent and Control Tower's CT.CLOUDWATCH.PR.1 holds); `alarmEmail` only
 * adds a subscription, and anything else (chat, paging) can subscribe to the topic later.
 * Per stage: dead letters, error rate, throttles, duration near the timeout, oldest message age.
 * Per scheduled job (reconcile): a failed run.
 */
import { Duration, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { PipelineStage } from './pipeline-stage';
import { assertEmail } from './validate';

/** A function whose slowest invocation takes this share of its timeout is about to time out. */
export const DURATION_ALARM_SHARE = 0.8;

export interface PipelineAlarmsProps {
  /** The stages to watch, by the name alarms use (`Extract`, `Render`). */
  readonly stages: Readonly<Record<string, PipelineStage>>;
  /** Scheduled functions to watch, by name (`Reconcile`): an alarm when a run fails. Default: none. */
  readonly jobs?: Readonly<Record<string, lambda.IFunction>>;
  /** Deliveries before a message is dead-lettered, for the alarm's description. */
  readonly maxReceiveCount: number;
  /** E-mail subscribed to the alarm topic. Default: none (subscribe to the topic's ARN output). */
  readonly alarmEmail?: string;
  /** Encrypts the topic. Default: none (alarm notifications carry no article data). */
  readonly encryptionKey?: kms.IKey;
  /** Alarm when more than this share of a stage's invocations fail, in percent. Default: 5. */
  readonly errorRatePercent?: number;
  /** Alarm when a queue's oldest message is older than this. Default: 15 minutes. */
  readonly maxMessageAge?: Duration;
}

export class PipelineAlarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: PipelineAlarmsProps) {
    super(scope, id);
    // Validate
    const errorRatePercent = props.errorRatePercent ?? 5;
    const maxMessageAge = props.maxMessageAge ?? Duration.minutes(15);
    if (!Token.isUnresolved(errorRatePercent) && !(errorRatePercent > 0 && errorRatePercent <= 100)) {
      throw new Error(`PipelineAlarms: errorRatePercent must be above 0 and at most 100, got ${errorRatePercent}`);
    }
    if (maxMessageAge.toSeconds() < 60) throw new Error(`PipelineAlarms: maxMessageAge must be at least 1 minute, got ${maxMessageAge.toHumanString()}`);
    const email = props.alarmEmail;
    assertEmail('PipelineAlarms', 'alarmEmail', email);

    // Build
    this.topic = new sns.Topic(this, 'Topic', { displayName: 'Briefing pipeline alarms', enforceSSL: true, masterKey: props.encryptionKey });
    if (email) this.topic.addSubscription(new subscriptions.EmailSubscription(email));
    const minutes = (n: number) => Duration.minutes(n);
    for (const [name, stage] of Object.entries(props.stages)) {
      const fn = stage.function;
      this.alarm(`${name}DeadLetters`, `${name}: messages gave up after ${props.maxReceiveCount} tries (redrive with \`briefing redrive\`)`, 1,
        stage.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: minutes(1), statistic: 'Maximum' }));
      this.alarm(`${name}ErrorRate`, `${name}: more than ${errorRatePercent}% of invocations failed in 5 minutes`, errorRatePercent,
        new cloudwatch.MathExpression({
          label: `${name} error rate (%)`,
          expression: 'IF(invocations > 0, 100 * errors / invocations, 0)',
          usingMetrics: {
            errors: fn.metricErrors({ period: minutes(5), statistic: 'Sum' }),
            invocations: fn.metricInvocations({ period: minutes(5), statistic: 'Sum' }),
          },
          period: minutes(5),
        }), cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD);
      this.alarm(`${name}Throttles`, `${name}: invocations were throttled (concurrency exhausted)`, 1,
        fn.metricThrottles({ period: minutes(5), statistic: 'Sum' }));
      const nearTimeout = Math.round(stage.timeout.toMilliseconds() * DURATION_ALARM_SHARE);
      this.alarm(`${name}DurationNearTimeout`, `${name}: an invocation took ${DURATION_ALARM_SHARE * 100}% or more of the ${stage.timeout.toHumanString()} timeout`, nearTimeout,
        fn.metricDuration({ period: minutes(5), statistic: 'Maximum' }));
      this.alarm(`${name}OldestMessage`, `${name}: the oldest queued message waited more than ${maxMessageAge.toHumanString()}`, maxMessageAge.toSeconds(),
        stage.queue.metricApproximateAgeOfOldestMessage({ period: minutes(5), statistic: 'Maximum' }));
    }

    for (const [name, fn] of Object.entries(props.jobs ?? {})) {
      this.alarm(`${name}Failed`, `${name}: a scheduled run failed (its log group says which objects)`, 1,
        fn.metricErrors({ period: minutes(5), statistic: 'Sum' }));
    }

    // Wire: every alarm notifies the topic, and says so when it recovers.
    const action = new cloudwatchActions.SnsAction(this.topic);
    for (const alarm of this.alarms) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
  }

  private alarm(
    id: string,
    description: string,
    threshold: number,
    metric: cloudwatch.IMetric,
    comparisonOperator = cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
  ): void {
    this.alarms.push(new cloudwatch.Alarm(this, id, {
      metric,
      alarmDescription: `Briefing pipeline ${description}`,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }));
  }
}
