/**
 * Keys the page may name, and where a person's revisions live. A user's articles live under
 * their own prefix (`users/<sub>/` deployed, none locally); the page only ever names keys within
 * it, and every key it sends is checked here before it reaches S3.
 */
import { BriefingError } from '../core/errors';
import { withoutExtension } from '../handlers/s3-keys';

export const REVISIONS_PREFIX = 'revisions/';

/** `2019/idlib.txt` → `revisions/2019/idlib/v2.json`: outside `figures/`, so saving one triggers nothing. */
export const revisionKeyFor = (inputKey: string, revision: number): string => `${REVISIONS_PREFIX}${withoutExtension(inputKey)}/v${revision}.json`;

const CONTROL = /[\p{Cc}\p{Cf}]/u;
/** S3 allows 1024 bytes; outputs add `briefings/` or `revisions/…/v12.json` to the input key. */
const MAX_KEY_BYTES = 900;
const MAX_NAME_LENGTH = 200;

const refused = (code: string, reason: string): BriefingError => new BriefingError('usage', code, reason);

/** A file name from the page (no folders): the key of its upload within the user's space. */
export function uploadName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') throw refused('bad_name', 'the file has no name');
  if (name.length > MAX_NAME_LENGTH) throw refused('bad_name', `the file name is longer than ${MAX_NAME_LENGTH} characters; rename it`);
  if (/[/\\]/.test(name) || CONTROL.test(name) || name === '.' || name === '..') {
    throw refused('bad_name', 'the file name holds a slash, a backslash or a control character; rename it');
  }
  return name;
}

/** A key the page names (an article of the list): within the space, no control characters, no `..` step. */
export function articleKey(key: unknown): string {
  if (typeof key !== 'string' || key === '') throw refused('bad_key', 'no article named');
  if (CONTROL.test(key) || key.startsWith('/') || key.split('/').some((part) => part === '..' || part === '.' || part === '')) {
    throw refused('bad_key', 'not an article key');
  }
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) throw refused('bad_key', 'the article key is too long');
  return key;
}

/** The space's prefix must end in a slash (or be empty): `users/abc` would also match `users/abcd/…`. */
export function spacePrefix(prefix: string): string {
  if (prefix !== '' && !prefix.endsWith('/')) throw new Error(`space prefix "${prefix}" must end in /`);
  return prefix;
}
