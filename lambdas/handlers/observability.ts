/**
 * Powertools logging and metrics shared by both stages: one namespace, one metric vocabulary,
 * so a dashboard can sum the stages or tell them apart by the `service` dimension.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRICS_NAMESPACE } from '../contract/names';

export { METRIC, METRICS_NAMESPACE } from '../contract/names';

export const newLogger = (serviceName: string): Logger => new Logger({ serviceName });

export const newMetrics = (serviceName: string): Metrics => new Metrics({ namespace: METRICS_NAMESPACE, serviceName });

export const count = (metrics: Metrics, name: string, value = 1): void => {
  metrics.addMetric(name, MetricUnit.Count, value);
};

export const milliseconds = (metrics: Metrics, name: string, value: number): void => {
  metrics.addMetric(name, MetricUnit.Milliseconds, value);
};

/** Flush once per invocation; an invocation that only skipped duplicates may have nothing to say. */
export function flushMetrics(metrics: Metrics): void {
  if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
}
