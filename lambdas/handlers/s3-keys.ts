/**
 * Object keys as S3 event notifications spell them, and the output keys each stage derives from
 * an input key (docs/contract.md: `2019/idlib.html` → `figures/2019/idlib.json`,
 * `briefings/2019/idlib.pdf`, `errors/2019/idlib.html.json`).
 */
import { BriefingError } from '../core/errors';

export const FIGURES_PREFIX = 'figures/';
export const BRIEFINGS_PREFIX = 'briefings/';
export const ERRORS_PREFIX = 'errors/';

/**
 * Notification keys are form-encoded: a space arrives as `+`, a real `+` as `%2B`, non-ASCII
 * as UTF-8 `%XX`. The `+` must be replaced before percent-decoding, or `%2B` would turn into a space.
 */
export function decodeEventKey(encoded: string): string {
  try {
    return decodeURIComponent(encoded.replace(/\+/g, ' '));
  } catch (cause) {
    throw new BriefingError('storage', 'bad_key', `object key "${encoded}" is not valid URL encoding`, { cause });
  }
}

/** The inverse, as S3 writes keys into notifications (slashes stay readable). */
export function encodeEventKey(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/');
}

/** `2019/idlib.html` → `2019/idlib`; only the last path segment's extension goes, a leading dot is a name. */
export function withoutExtension(key: string): string {
  return key.replace(/(?<=[^/])\.[^./]*$/, '');
}

export const figuresKeyFor = (inputKey: string): string => `${FIGURES_PREFIX}${withoutExtension(inputKey)}.json`;

export const errorKeyFor = (sourceKey: string): string => `${ERRORS_PREFIX}${sourceKey}.json`;

/** `figures/2019/idlib.json` → `briefings/2019/idlib.pdf`; null for a key outside `figures/…json`. */
export function briefingKeyFor(figuresKey: string): string | null {
  if (!figuresKey.startsWith(FIGURES_PREFIX) || !figuresKey.endsWith('.json')) return null;
  return `${BRIEFINGS_PREFIX}${figuresKey.slice(FIGURES_PREFIX.length, -'.json'.length)}.pdf`;
}
