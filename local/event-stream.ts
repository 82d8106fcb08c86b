/**
 * A client of the local pipeline's event endpoint (Server-Sent Events, local/event-hub.ts):
 * `briefing submit --wait` subscribes before uploading and is told of each article's Briefing
 * Ready / Failed instead of polling S3 every 200 ms. Matched by input key and ETag, so an older
 * upload of the same key never answers for the new one. S3 stays the truth: an upload of bytes
 * already briefed is a duplicate the pipeline skips without an event, so its outputs are
 * looked at first, and again now and then in case an event was lost.
 */
import type { BriefingEvent } from '../lambdas/handlers/events';
import { EVENT_TYPES } from '../lambdas/contract/names';
import { EVENTS_PATH } from './event-hub';
import { checkProgress, notInTime, type Outcome, type Stack } from './submit-client';

/** Between two looks at S3 while waiting for an event. */
const RECHECK_MS = 5_000;

export interface EventSubscription {
  /** The outcome the pipeline announces for this upload (pending until its event arrives). */
  outcome(key: string, etag: string): Promise<Outcome>;
  close(): void;
}

/** The upload's outcome: from S3 if it is already there, else from its event, whichever comes first. */
export async function waitForAnnounced(subscription: EventSubscription, stack: Stack, key: string, etag: string, timeoutMs: number): Promise<Outcome> {
  const deadline = Date.now() + timeoutMs;
  const announced = subscription.outcome(key, etag);
  for (;;) {
    const progress = await checkProgress(stack, key, etag);
    if (progress.ok !== null) return progress;
    const left = deadline - Date.now();
    if (left <= 0) throw notInTime(timeoutMs);
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([announced, new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), Math.min(RECHECK_MS, left)); })]);
    clearTimeout(timer);
    if (outcome) return outcome;
  }
}

const uploadId = (key: string, etag: string): string => `${etag} ${key}`;

function outcomeOf(event: BriefingEvent): Outcome {
  const { detail } = event;
  if (event.detailType === EVENT_TYPES.ready) {
    return { ok: true, key: detail.input.key, figuresKey: detail.output.figuresKey!, briefingKey: detail.output.briefingKey! };
  }
  return { ok: false, key: detail.input.key, errorKey: detail.output.errorKey ?? '', reason: detail.reason ?? detail.error ?? 'failed' };
}

/**
 * Subscribes to `<endpoint>/_briefing/events`; resolves once the stream is open, or rejects (an
 * endpoint without events, such as a plain S3 server) so the caller can poll instead.
 */
export async function subscribeToEvents(endpoint: string): Promise<EventSubscription> {
  const abort = new AbortController();
  const response = await fetch(`${endpoint.replace(/\/$/, '')}${EVENTS_PATH}`, { signal: abort.signal, headers: { Accept: 'text/event-stream' } });
  if (!response.ok || !response.body || !response.headers.get('content-type')?.startsWith('text/event-stream')) {
    abort.abort();
    throw new Error(`${endpoint} has no event stream (HTTP ${response.status})`);
  }
  const seen = new Map<string, Outcome>();
  const waiting = new Map<string, (outcome: Outcome) => void>();
  const deliver = (event: BriefingEvent): void => {
    const id = uploadId(event.detail.input.key, event.detail.input.etag);
    const outcome = outcomeOf(event);
    const resolve = waiting.get(id);
    if (resolve) resolve(outcome);
    else seen.set(id, outcome);
  };
  // Read in the background until closed; a broken stream leaves the waits to time out.
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const data = buffer.slice(0, end).split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
        buffer = buffer.slice(end + 2);
        if (data) deliver(JSON.parse(data) as BriefingEvent);
      }
    }
  })().catch(() => {});

  return {
    outcome(key, etag) {
      const id = uploadId(key, etag);
      const known = seen.get(id);
      if (known) return Promise.resolve(known);
      return new Promise<Outcome>((resolve) => {
        waiting.set(id, (outcome) => {
          waiting.delete(id);
          resolve(outcome);
        });
      });
    },
    close: () => abort.abort(),
  };
}
