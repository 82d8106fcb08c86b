/**
 * Where an event lives in S3 (docs/contract.md): every article under `events/<name>/` (any
 * depth) belongs to event `<name>`; its figures land under `figures/events/<name>/`, the fused
 * Event JSON at `figures/events/<name>.json` and its briefing at `briefings/events/<name>.pdf`.
 * An article directly under `events/` (no folder) is an ordinary article.
 */
import { FIGURES_PREFIX } from './s3-keys';

export const EVENTS_PREFIX = 'events/';

/** `figures/events/<name>/…/x.json` → `<name>`; null for any other key (the Event JSON itself included). */
export function eventOfFiguresKey(key: string): string | null {
  const m = new RegExp(`^${FIGURES_PREFIX}${EVENTS_PREFIX}([^/]+)/.+\\.json$`).exec(key);
  return m ? m[1]! : null;
}

/** `figures/events/<name>/`: where the figures of the event's articles are. */
export const eventFiguresPrefix = (name: string): string => `${FIGURES_PREFIX}${EVENTS_PREFIX}${name}/`;

/** `figures/events/<name>.json`: the fused Event JSON (the render stage makes `briefings/events/<name>.pdf` of it). */
export const eventJsonKey = (name: string): string => `${FIGURES_PREFIX}${EVENTS_PREFIX}${name}.json`;
