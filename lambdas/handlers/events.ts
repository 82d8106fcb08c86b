/**
 * One event per finished article: `Briefing Ready` when its PDF is written, `Briefing Failed`
 * when a stage refused it (an `errors/` record) or gave up on it (its last delivery failed).
 * The publisher is passed in: EventBridge on AWS (eventbridge.ts), the local pipeline's own hub
 * on a laptop.
 * A publish that fails is logged and counted, never turned into a failed article: the outputs
 * in S3 are the truth, and a retried message would find them done and publish nothing.
 */
import { type ArticleSource, correlationIdOf } from './correlation';
import { EVENT_SOURCE, EVENT_TYPES, type BriefingEventType } from '../contract/names';

export interface BriefingEventDetail {
  /** `bucket/key@version` of the input article: the same id as on the stages' log lines. */
  readonly correlationId: string;
  /** The stage that finished the article. */
  readonly stage: 'extract' | 'render';
  readonly input: { readonly bucket: string; readonly key: string; readonly versionId?: string; readonly etag: string };
  readonly output: { readonly bucket: string; readonly figuresKey?: string; readonly briefingKey?: string; readonly errorKey?: string };
  /** Ready: the template the briefing was drawn with. */
  readonly template?: string;
  /** Ready: figures in the briefing. */
  readonly figures?: number;
  /** Failed: a stable code (`too_large`, `binary`, `gave_up`…) and the reason in words. */
  readonly error?: string;
  readonly reason?: string;
  /** Ready, when the stack enables it: a pre-signed GET URL of the PDF, and when it stops working. */
  readonly url?: string;
  readonly urlExpiresAt?: string;
}

export interface BriefingEvent {
  readonly source: typeof EVENT_SOURCE;
  readonly detailType: BriefingEventType;
  readonly time: string;
  readonly detail: BriefingEventDetail;
}

export interface EventPublisher {
  /** `signal` bounds the publishing (the invocation's deadline). */
  publish(event: BriefingEvent, signal?: AbortSignal): Promise<void>;
}

/** What became of an article: its briefing, or why there is none. */
export type ArticleOutcome =
  | { readonly ready: true; readonly figuresKey: string; readonly briefingKey: string; readonly template: string; readonly figures: number; readonly url?: { readonly url: string; readonly expiresAt: string } }
  | { readonly ready: false; readonly stage: 'extract' | 'render'; readonly error: string; readonly reason: string; readonly errorKey?: string };

/** The event for one article, from its source and what became of it. */
export function briefingEvent(source: ArticleSource, outputBucket: string, outcome: ArticleOutcome, now = new Date()): BriefingEvent {
  const input = { bucket: source.bucket, key: source.key, ...(source.versionId ? { versionId: source.versionId } : {}), etag: source.etag };
  const common = { correlationId: correlationIdOf(source), input };
  const detail: BriefingEventDetail = outcome.ready
    ? {
        ...common,
        stage: 'render',
        output: { bucket: outputBucket, figuresKey: outcome.figuresKey, briefingKey: outcome.briefingKey },
        template: outcome.template,
        figures: outcome.figures,
        ...(outcome.url ? { url: outcome.url.url, urlExpiresAt: outcome.url.expiresAt } : {}),
      }
    : {
        ...common,
        stage: outcome.stage,
        output: { bucket: outputBucket, ...(outcome.errorKey ? { errorKey: outcome.errorKey } : {}) },
        error: outcome.error,
        reason: outcome.reason,
      };
  return { source: EVENT_SOURCE, detailType: outcome.ready ? EVENT_TYPES.ready : EVENT_TYPES.failed, time: now.toISOString(), detail };
}
