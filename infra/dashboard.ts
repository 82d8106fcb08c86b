/**
 * One CloudWatch dashboard per stack: articles in, briefings out, failures by reason, uploads
 * the scheduled reconcile announced again, dead letters, p50/p95 duration, cold starts, and
 * every alarm's state. Failures by reason and cold starts are Logs Insights queries (over the
 * events log group and the functions' JSON platform reports), which cost nothing until someone
 * looks, where a metric per reason would be billed every month.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { EVENT_TYPES, METRIC, METRICS_NAMESPACE, RECONCILE_SERVICE, SERVICE } from '../lambdas/contract/names';
import type { PipelineStage } from './pipeline-stage';

export interface PipelineDashboardProps {
  readonly extract: PipelineStage;
  readonly render: PipelineStage;
  /** Where the rule copies Briefing Ready / Failed events. */
  readonly eventsLogGroup: logs.ILogGroup;
  readonly alarms: readonly cloudwatch.IAlarm[];
  /** Default: CloudFormation's generated name. */
  readonly dashboardName?: string;
}

const PERIOD = Duration.minutes(5);

export class PipelineDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: PipelineDashboardProps) {
    super(scope, id);
    const { extract, render } = props;
    const custom = (metricName: string, service: string, label: string) =>
      new cloudwatch.Metric({ namespace: METRICS_NAMESPACE, metricName, dimensionsMap: { service }, statistic: 'Sum', period: PERIOD, label });
    const stages = [['extract', extract], ['render', render]] as const;

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.hours(24),
    });
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Articles in, briefings out, failures',
        width: 12,
        left: [
          extract.queue.metricNumberOfMessagesSent({ period: PERIOD, statistic: 'Sum', label: 'articles in (extract queue)' }),
          custom(METRIC.processed, SERVICE.render, 'briefings out'),
          custom(METRIC.failed, SERVICE.extract, 'refused by extract'),
          custom(METRIC.failed, SERVICE.render, 'refused by render'),
          // Uploads the scheduled reconcile found with no outcome: each is a lost notification or an unrecorded crash.
          custom(METRIC.reannounced, RECONCILE_SERVICE, 'announced again by reconcile'),
        ],
      }),
      new cloudwatch.LogQueryWidget({
        title: 'Failures by reason (Briefing Failed events)',
        width: 12,
        logGroupNames: [props.eventsLogGroup.logGroupName],
        view: cloudwatch.LogQueryVisualizationType.TABLE,
        queryLines: [
          `filter \`detail-type\` = "${EVENT_TYPES.failed}"`,
          'stats count(*) as failures by detail.stage, detail.error',
          'sort failures desc',
        ],
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Dead-letter queue depth',
        width: 8,
        left: stages.map(([name, stage]) => stage.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum', label: `${name} DLQ` })),
      }),
      new cloudwatch.GraphWidget({
        title: 'Duration p50 / p95 (ms)',
        width: 8,
        left: stages.flatMap(([name, stage]) => ['p50', 'p95'].map((statistic) => stage.function.metricDuration({ period: PERIOD, statistic, label: `${name} ${statistic}` }))),
      }),
      new cloudwatch.LogQueryWidget({
        title: 'Cold starts (init duration, ms)',
        width: 8,
        logGroupNames: stages.map(([, stage]) => stage.logGroup.logGroupName),
        view: cloudwatch.LogQueryVisualizationType.TABLE,
        queryLines: [
          'filter type = "platform.report" and ispresent(record.metrics.initDurationMs)',
          'stats count(*) as coldStarts, pct(record.metrics.initDurationMs, 50) as initP50, max(record.metrics.initDurationMs) as initMax by @log',
        ],
      }),
    );
    this.dashboard.addWidgets(new cloudwatch.AlarmStatusWidget({ title: 'Alarms', width: 24, alarms: [...props.alarms] }));
  }
}
