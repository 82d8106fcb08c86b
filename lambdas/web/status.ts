/**
 * An article's state as the pipeline's own outputs show it, for one upload: figures count only
 * when they record the upload's ETag, a PDF only when it records the ETag of the figures on show,
 * an error record only when it records the ETag of what it refused. Nothing is guessed from time.
 */
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { mapLimit } from '../core/map-limit';
import { parseErrorRecord } from '../handlers/error-record';
import { bareEtag, getObjectBytes, headObject, type ObjectHead, SOURCE_ETAG } from '../handlers/s3-io';
import { briefingKeyFor, errorKeyFor, figuresKeyFor } from '../handlers/s3-keys';
import { revisionKeyFor } from './keys';
import type { ArticleLinks, ArticleList, ArticleView } from './types';
import { sdkObjectStore } from '../handlers/sdk-object-store';

/** Object metadata on figures a person corrected: the revision number (absent: 1, the extractor's). */
export const REVISION_METADATA = 'revision';

export interface Store {
  readonly s3: S3Client;
  readonly inputBucket: string;
  readonly outputBucket: string;
}

/** How the page reaches an output object (a local path, or a pre-signed URL). */
export type LinkMaker = (outputKey: string) => Promise<string>;

/** Which stage is running on an input key right now, where that can be seen (the local pipeline). */
export type Activity = (inputKey: string) => 'extract' | 'render' | null;

export interface ViewOptions {
  readonly link: LinkMaker;
  /** Absent where a stage's start cannot be seen (deployed): waiting for extraction then reads `extracting`. */
  readonly activity?: Activity;
  /** The user's prefix, taken off the keys the page sees. */
  readonly space: string;
}

const records = (head: ObjectHead | undefined, etag: string): head is ObjectHead => head?.metadata[SOURCE_ETAG] === etag;

async function reasonOf(store: Store, errorKey: string): Promise<string> {
  return parseErrorRecord(await getObjectBytes(sdkObjectStore(store.s3), store.outputBucket, errorKey)).reason;
}

/** What the view needs of the input object: from its HEAD, or from a listing. */
type InputFacts = Pick<ObjectHead, 'etag' | 'size' | 'lastModified'>;

/** The view of the input object `inputKey`. */
export async function articleView(store: Store, inputKey: string, input: InputFacts, options: ViewOptions): Promise<ArticleView> {
  const head = (key: string) => headObject(sdkObjectStore(store.s3), store.outputBucket, key);
  const figuresKey = figuresKeyFor(inputKey);
  const base = {
    key: inputKey.slice(options.space.length),
    uploadedAt: input.lastModified.toISOString(),
    size: input.size,
  };
  const figures = await head(figuresKey);
  if (records(figures, input.etag)) {
    const revision = Number(figures.metadata[REVISION_METADATA] ?? 1);
    const briefingKey = briefingKeyFor(figuresKey)!;
    const renderErrorKey = errorKeyFor(figuresKey);
    const [pdf, renderError] = await Promise.all([head(briefingKey), head(renderErrorKey)]);
    const links: ArticleLinks = {
      json: await options.link(figuresKey),
      ...(revision > 1 ? { original: await options.link(revisionKeyFor(inputKey, 1)) } : {}),
    };
    if (records(pdf, figures.etag)) {
      return { ...base, state: 'ready', reason: null, revision, links: { pdf: await options.link(briefingKey), ...links } };
    }
    if (records(renderError, figures.etag)) {
      return { ...base, state: 'failed', reason: await reasonOf(store, renderErrorKey), revision, links };
    }
    return { ...base, state: 'rendering', reason: null, revision, links };
  }
  const extractErrorKey = errorKeyFor(inputKey);
  const extractError = await head(extractErrorKey);
  if (records(extractError, input.etag)) {
    return { ...base, state: 'failed', reason: await reasonOf(store, extractErrorKey), revision: 1, links: {} };
  }
  const running = options.activity?.(inputKey);
  const state = !options.activity || running === 'extract' ? 'extracting' : 'uploaded';
  return { ...base, state, reason: null, revision: 1, links: {} };
}

/** The view of one article by key, or null when there is no such upload. */
export async function findArticle(store: Store, inputKey: string, options: ViewOptions): Promise<ArticleView | null> {
  const input = await headObject(sdkObjectStore(store.s3), store.inputBucket, inputKey);
  return input ? articleView(store, inputKey, input, options) : null;
}

/** Listing stops here: the page shows the most recent, and says there are more. */
const MAX_LISTED = 1000;
/** HEAD requests in flight at once while listing. */
const PARALLEL = 8;

/** The most recent `limit` uploads of the space, newest first, each with its state. */
export async function listArticles(store: Store, options: ViewOptions & { readonly limit: number }): Promise<ArticleList> {
  const objects: Array<{ key: string; facts: InputFacts }> = [];
  let token: string | undefined;
  do {
    const page = await store.s3.send(new ListObjectsV2Command({ Bucket: store.inputBucket, Prefix: options.space, ContinuationToken: token }));
    for (const object of page.Contents ?? []) {
      if (!object.Key) continue;
      objects.push({ key: object.Key, facts: { etag: bareEtag(object.ETag), size: object.Size ?? 0, lastModified: object.LastModified ?? new Date(0) } });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token && objects.length < MAX_LISTED);
  objects.sort((a, b) => b.facts.lastModified.getTime() - a.facts.lastModified.getTime() || a.key.localeCompare(b.key));
  const shown = objects.slice(0, options.limit);
  const articles = await mapLimit(shown, PARALLEL, ({ key, facts }) => articleView(store, key, facts, options));
  return { articles, more: objects.length > shown.length || token !== undefined };
}
