/**
 * Finds the uploads the pipeline has not finished: inputs whose outputs do not record their
 * current ETag. S3 notifications can be lost (a misconfiguration, a queue purged, the local
 * pipeline killed between an upload and its notification), so the local pipeline runs this at
 * start, the deployed stack on a schedule (reconcile-job.ts) and `briefing reconcile` on demand.
 *
 * An input is finished when `errors/<key>.json` records it, or `figures/<stem>.json` records it
 * and the briefing or the render's error record records those figures. Inputs sharing a stem
 * (`a.html`, `a.txt`) share `figures/a.json`: the newest upload owns it, the older ones count as
 * replaced.
 */
import { CopyObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { bareEtag, headObject, isPreconditionFailed, recordsSource } from './s3-io';
import { briefingKeyFor, errorKeyFor, figuresKeyFor, withoutExtension } from './s3-keys';
import { sdkObjectStore } from './sdk-object-store';

/** The pipeline's two stages, named as their queues and functions are. */
export type StageName = 'extract' | 'render';

export interface Unfinished {
  /** The stage whose output is missing. */
  readonly stage: StageName;
  readonly bucket: string;
  readonly key: string;
  readonly etag: string;
  readonly size: number;
  /** Epoch milliseconds. */
  readonly lastModified: number;
}

export interface ReconcileBuckets {
  readonly input: string;
  readonly output: string;
}

interface Listed {
  readonly key: string;
  readonly etag: string;
  readonly size: number;
  readonly lastModified: number;
}

export async function* listObjects(s3: S3Client, bucket: string, prefix?: string): AsyncGenerator<Listed> {
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const object of page.Contents ?? []) {
      yield { key: object.Key!, etag: bareEtag(object.ETag), size: object.Size ?? 0, lastModified: object.LastModified?.getTime() ?? 0 };
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

/** Runs `work` over `items`, `limit` at a time. */
async function eachLimit<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

export interface FindOptions {
  /**
   * Only objects last modified before this instant (epoch ms) count: a newer one is most likely
   * still on its way through the queues. Default: every object.
   */
  readonly settledBefore?: number;
}

/** Every unfinished input (stage `extract`) and every finished extraction not yet rendered (stage `render`). */
export async function findUnfinished(s3: S3Client, buckets: ReconcileBuckets, options: FindOptions = {}): Promise<Unfinished[]> {
  const settled = (lastModified: number): boolean => options.settledBefore === undefined || lastModified < options.settledBefore;
  const inputs: Listed[] = [];
  for await (const object of listObjects(s3, buckets.input)) inputs.push(object);
  // The newest upload of a stem owns its figures and briefing.
  const owner = new Map<string, Listed>();
  for (const input of inputs) {
    const stem = withoutExtension(input.key);
    const current = owner.get(stem);
    if (!current || input.lastModified > current.lastModified || (input.lastModified === current.lastModified && input.key > current.key)) owner.set(stem, input);
  }
  const unfinished: Unfinished[] = [];
  await eachLimit(inputs, 8, async (input) => {
    const errorRecord = await headObject(sdkObjectStore(s3), buckets.output, errorKeyFor(input.key));
    if (recordsSource(errorRecord, input.key, input.etag)) return;
    if (owner.get(withoutExtension(input.key)) !== input) return;
    const figuresKey = figuresKeyFor(input.key);
    const figures = await headObject(sdkObjectStore(s3), buckets.output, figuresKey);
    if (!figures || !recordsSource(figures, input.key, input.etag)) {
      if (settled(input.lastModified)) unfinished.push({ stage: 'extract', bucket: buckets.input, ...input });
      return;
    }
    const [briefing, renderError] = await Promise.all([
      headObject(sdkObjectStore(s3), buckets.output, briefingKeyFor(figuresKey)!),
      headObject(sdkObjectStore(s3), buckets.output, errorKeyFor(figuresKey)),
    ]);
    if (recordsSource(briefing, figuresKey, figures.etag) || recordsSource(renderError, figuresKey, figures.etag)) return;
    const lastModified = figures.lastModified.getTime();
    if (settled(lastModified)) unfinished.push({ stage: 'render', bucket: buckets.output, key: figuresKey, etag: figures.etag, size: figures.size, lastModified });
  });
  return unfinished.sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * Makes S3 announce an unfinished object again, so the deployed pipeline's own notification,
 * queue and handler pick it up (with their retries and dead-letter queue): the object is copied
 * onto itself with its metadata and content type unchanged, which S3 reports as
 * `ObjectCreated:Copy`. Only if it is still the version found unfinished: false when it was
 * replaced or deleted since (a newer version has its own notification).
 */
export async function reannounce(s3: S3Client, item: Unfinished): Promise<boolean> {
  const head = await headObject(sdkObjectStore(s3), item.bucket, item.key);
  if (!head || head.etag !== item.etag) return false;
  const source = `${item.bucket}/${item.key.split('/').map(encodeURIComponent).join('/')}`;
  try {
    await s3.send(new CopyObjectCommand({
      Bucket: item.bucket,
      Key: item.key,
      CopySource: source,
      CopySourceIfMatch: `"${item.etag}"`,
      MetadataDirective: 'REPLACE',
      Metadata: { ...head.metadata },
      ContentType: head.contentType,
    }));
    return true;
  } catch (error) {
    if (isPreconditionFailed(error)) return false;
    throw error;
  }
}

export interface ReconcileOptions extends FindOptions {
  /** Only find; announce nothing. */
  readonly dryRun?: boolean;
  /** Told of each unfinished object once it is announced (or found, in a dry run); `announced` false when it changed meanwhile. */
  readonly onItem?: (item: Unfinished, announced: boolean) => void;
}

export interface ReconcileReport {
  readonly unfinished: readonly Unfinished[];
  /** Objects announced again (none in a dry run). */
  readonly announced: number;
  /** Objects S3 would not copy, with the error: the others are announced all the same. */
  readonly failed: ReadonlyArray<{ readonly item: Unfinished; readonly error: unknown }>;
}

/** One reconcile pass: find what is unfinished, and have S3 announce each again. */
export async function reconcile(s3: S3Client, buckets: ReconcileBuckets, options: ReconcileOptions = {}): Promise<ReconcileReport> {
  const unfinished = await findUnfinished(s3, buckets, options);
  let announced = 0;
  const failed: Array<{ item: Unfinished; error: unknown }> = [];
  for (const item of unfinished) {
    try {
      const sent = options.dryRun ? false : await reannounce(s3, item);
      if (sent) announced += 1;
      options.onItem?.(item, sent);
    } catch (error) {
      failed.push({ item, error });
    }
  }
  return { unfinished, announced, failed };
}
