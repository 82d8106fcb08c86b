/**
 * Names that code outside the handlers matches on: the events' source and detail types (the CDK
 * rule, `briefing submit --wait`, the local page), the metric namespace and names (the
 * dashboard), the stages' service names (log groups, metric dimensions), the environment the
 * stack gives the stages. Plain constants, so infra and clients import them without loading the
 * AWS SDK or Powertools.
 */
export const EVENT_SOURCE = 'briefing';

export const EVENT_TYPES = {
  ready: 'Briefing Ready',
  failed: 'Briefing Failed',
} as const;

export type BriefingEventType = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES];

export const METRICS_NAMESPACE = 'BriefingPipeline';

export const METRIC = {
  processed: 'ArticlesProcessed',
  failed: 'ArticlesFailed',
  duplicates: 'DuplicatesSkipped',
  figures: 'FiguresFound',
  /** Steps or rules of extraction that failed on an article (its figures are still written, with `problems`). */
  problems: 'ExtractionProblems',
  renderMs: 'RenderMs',
  eventsNotPublished: 'EventsNotPublished',
  /** Uploads the scheduled reconcile found unfinished and had S3 announce again (lost notifications). */
  reannounced: 'UploadsReannounced',
} as const;

export const SERVICE = {
  extract: 'briefing-extract',
  render: 'briefing-render',
} as const;

/** The event stage (fusing an event's articles): not an article stage, so not in SERVICE. */
export const EVENT_SERVICE = 'briefing-event';

/** The scheduled reconcile job's service name (not a stage: it handles no article itself). */
export const RECONCILE_SERVICE = 'briefing-reconcile';

/** Environment variable the stack gives the stages: its key prefix → template map as JSON (`{"flash/":"flash"}`). */
export const TEMPLATE_PREFIXES_ENV = 'TEMPLATE_PREFIXES';
