/**
 * A person's correction, stored: the edited Extraction JSON becomes `figures/<stem>.json` (which
 * the render stage turns into a new PDF, as it does the extractor's), and every revision is also
 * kept under `revisions/<stem>/v<n>.json`, the extractor's own as v1, so nothing a person saves
 * ever replaces the original for good. The figures keep recording the article's ETag as their
 * source, so they stay this upload's figures; their `revision` metadata says which one they are.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { buildBriefingModel } from '../briefing/model';
import { BriefingError } from '../core/errors';
import { parseEdits, reviseExtraction, type ReviewedExtraction } from '../review/edits';
import { getObjectBytes, headObject, SOURCE_ETAG } from '../handlers/s3-io';
import { figuresKeyFor } from '../handlers/s3-keys';
import { revisionKeyFor } from './keys';
import { articleView, REVISION_METADATA, type Store, type ViewOptions } from './status';
import type { ArticleDetail, ArticleView } from './types';
import { sdkObjectStore } from '../handlers/sdk-object-store';

const notFound = (key: string): BriefingError => new BriefingError('usage', 'not_found', `there is no article ${key}`);
const notReady = (): BriefingError =>
  new BriefingError('usage', 'not_ready', 'the figures of this upload are not written yet; wait until it is ready');

async function readJson(store: Store, key: string, etag?: string): Promise<ReviewedExtraction> {
  return JSON.parse(new TextDecoder().decode(await getObjectBytes(sdkObjectStore(store.s3), store.outputBucket, key, etag))) as ReviewedExtraction;
}

/** The upload and the figures on show, when its figures are written. */
async function current(store: Store, inputKey: string) {
  const input = await headObject(sdkObjectStore(store.s3), store.inputBucket, inputKey);
  if (!input) throw notFound(inputKey);
  const figuresKey = figuresKeyFor(inputKey);
  const figures = await headObject(sdkObjectStore(store.s3), store.outputBucket, figuresKey);
  if (figures?.metadata[SOURCE_ETAG] !== input.etag) throw notReady();
  return { input, figuresKey, figures, extraction: await readJson(store, figuresKey, figures.etag) };
}

/** The article and the Extraction JSON on show (the page's figure cards and editor). */
export async function articleDetail(store: Store, inputKey: string, options: ViewOptions): Promise<ArticleDetail> {
  const { input, extraction } = await current(store, inputKey);
  const model = buildBriefingModel(extraction);
  return {
    article: await articleView(store, inputKey, input, options),
    extraction,
    cards: model.cards,
    dated: [model.dated, model.source ? `Source: ${model.source}` : null].filter(Boolean).join(' · '),
  };
}

export interface SaveOptions extends ViewOptions {
  /** Who saves (the signed-in user), null locally. */
  readonly by: string | null;
  readonly now: Date;
}

/**
 * Applies `edits` (untrusted) to revision `revision` of the article's figures and stores the
 * result as the next revision; refused when another revision was saved since the page loaded.
 */
export async function saveRevision(store: Store, inputKey: string, revision: unknown, edits: unknown, options: SaveOptions): Promise<ArticleView> {
  const checked = parseEdits(edits);
  const { input, figuresKey, figures, extraction } = await current(store, inputKey);
  const onShow = extraction.revision?.number ?? 1;
  if (revision !== onShow) {
    throw new BriefingError('usage', 'conflict', `revision ${onShow} was saved since this page loaded revision ${String(revision)}; reload to see it, then edit again`);
  }
  const original = onShow === 1 ? extraction : await readJson(store, revisionKeyFor(inputKey, 1));
  const next = reviseExtraction(original, extraction, checked, { savedAt: options.now.toISOString(), by: options.by });
  const number = next.revision!.number;
  // Each copy keeps the metadata the stages wrote on the figures (source ETag, template…) and says its revision.
  const put = (key: string, body: ReviewedExtraction, ifMatch?: string) =>
    store.s3.send(new PutObjectCommand({
      Bucket: store.outputBucket,
      Key: key,
      Body: `${JSON.stringify(body, null, 2)}\n`,
      ContentType: 'application/json',
      Metadata: { ...figures.metadata, [REVISION_METADATA]: String(body.revision?.number ?? 1) },
      IfMatch: ifMatch,
    }));
  if (onShow === 1) await put(revisionKeyFor(inputKey, 1), extraction);
  await put(revisionKeyFor(inputKey, number), next);
  // Last, and only over the figures this save was computed from: this write starts the render.
  await put(figuresKey, next, `"${figures.etag}"`);
  return articleView(store, inputKey, input, options);
}
