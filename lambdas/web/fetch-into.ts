/**
 * An article by its web address, put into the input bucket as if it had been uploaded: fetched
 * within the command line's limits (lambdas/intake/fetch.ts: size, time, redirects, documents
 * refused by type), stored under a name from the address with the extension of the format the
 * server named, and with its content type, so extraction reads it as that format.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { FETCH_LIMITS, fetchArticle, type FetchLimits } from '../intake/fetch';
import { uploadName } from './keys';
import type { Store } from './status';

/** `https://example.org/news/flood-toll?id=3` as `html` → `flood-toll.html`; a bare host → `example.org.html`. */
export function nameForAddress(address: string, format: string | undefined): string {
  const url = new URL(address);
  let last = url.pathname.split('/').filter(Boolean).pop() ?? '';
  try {
    last = decodeURIComponent(last);
  } catch {
    // A malformed escape: keep the segment as written.
  }
  const stem = last.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 120) || url.hostname;
  const extension = format ?? (/\.([a-z]{2,4})$/i.exec(last)?.[1]?.toLowerCase() ?? 'html');
  return uploadName(`${stem}.${extension}`);
}

/** Fetches `address` and stores it under the space; returns the input key. A deployed API passes `checkAddress`. */
export async function fetchIntoBucket(store: Store, space: string, address: string, maxBytes: number, checkAddress?: FetchLimits['checkAddress']): Promise<string> {
  const page = await fetchArticle(address, { ...FETCH_LIMITS, maxBytes, checkAddress });
  const key = space + nameForAddress(page.url, page.format);
  await store.s3.send(new PutObjectCommand({ Bucket: store.inputBucket, Key: key, Body: page.bytes, ContentType: page.contentType }));
  return key;
}
