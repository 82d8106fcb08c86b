/**
 * What the render stage does differently for an event: `figures/events/<name>.json` written by
 * the event stage (metadata `kind: event`) is Event JSON, briefed with the event template, and
 * its PDF records that template's name and hash as any briefing records its own.
 */
import { BriefingError } from '../core/errors';
import { eventTemplate, renderEventBriefing } from '../event/render';
import type { EventDocument } from '../event/types';
import { KIND } from './event-handler';
import type { ObjectHead } from './s3-io';
import { TEMPLATE_HASH_METADATA, TEMPLATE_METADATA } from './template-choice';

export const isEventFigures = (head: ObjectHead): boolean => head.metadata[KIND] === 'event';

export function eventFingerprint(): Record<string, string> {
  const t = eventTemplate();
  return { [TEMPLATE_METADATA]: t.name, [TEMPLATE_HASH_METADATA]: t.sha256 };
}

/** The event briefing of Event JSON bytes (its template, and its measures as the figures it shows); bytes that are not Event JSON are a permanent error. */
export async function renderEventFigures(bytes: Uint8Array, key: string): Promise<{ pdf: Uint8Array; template: string; figures: number }> {
  let event: EventDocument;
  try {
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as Partial<EventDocument>;
    if (parsed.schemaVersion !== 1 || parsed.kind !== 'event' || !Array.isArray(parsed.measures) || !Array.isArray(parsed.articles)) {
      throw new Error('not schemaVersion 1 of kind "event"');
    }
    event = parsed as EventDocument;
  } catch (cause) {
    throw new BriefingError('render', 'bad_event', `${key}: not Event JSON (${(cause as Error).message})`, { cause, permanent: true });
  }
  return { pdf: await renderEventBriefing(event), template: eventTemplate().name, figures: event.measures.length };
}
