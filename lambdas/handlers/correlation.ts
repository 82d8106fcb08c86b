/**
 * One id follows an article through both stages: its input bucket, key and version (the S3
 * version id on a versioned bucket, else the ETag), `bucket/key@version`. It is on every log
 * line (`correlation_id`), in the metrics' EMF metadata, on the X-Ray subsegment and in every
 * event. The extract stage records the source on the figures object's metadata, so the render
 * stage, fed by that object, reports the same id.
 */
import type { ObjectHead } from './s3-io';

export interface ArticleSource {
  readonly bucket: string;
  readonly key: string;
  readonly versionId?: string;
  readonly etag: string;
}

/** Without a version yet (before the first HEAD), just `bucket/key`. */
export function correlationIdOf(source: ArticleSource): string {
  const version = source.versionId ?? source.etag;
  return version ? `${source.bucket}/${source.key}@${version}` : `${source.bucket}/${source.key}`;
}

/** User metadata keys on the figures object. Values are URI-encoded: metadata travels as ASCII headers, keys need not be ASCII. */
const META = { bucket: 'source-bucket', key: 'source-key', version: 'source-version', etag: 'source-article-etag' } as const;

export function sourceMetadata(source: ArticleSource): Record<string, string> {
  const entries: Array<[string, string | undefined]> = [[META.bucket, source.bucket], [META.key, source.key], [META.version, source.versionId], [META.etag, source.etag]];
  return Object.fromEntries(entries.filter((entry): entry is [string, string] => entry[1] !== undefined).map(([name, value]) => [name, encodeURIComponent(value)]));
}

/** The article behind an object the extract stage wrote; `undefined` when the object does not say (written by hand). */
export function sourceFromMetadata(metadata: Readonly<Record<string, string>>): ArticleSource | undefined {
  const read = (name: string): string | undefined => {
    const value = metadata[name];
    if (value === undefined) return undefined;
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  };
  const bucket = read(META.bucket);
  const key = read(META.key);
  const etag = read(META.etag);
  if (bucket === undefined || key === undefined || etag === undefined) return undefined;
  return { bucket, key, versionId: read(META.version), etag };
}

/** The object itself as the source (an input of the extract stage, or figures written by hand). */
export const sourceOfObject = (bucket: string, key: string, head: ObjectHead): ArticleSource => ({ bucket, key, versionId: head.versionId, etag: head.etag });
