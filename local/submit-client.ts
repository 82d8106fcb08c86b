/**
 * A client of the pipeline through S3 alone, local or deployed: upload an article, wait for
 * what the stages write for that very upload, download it. Outputs are matched to the upload
 * by the `source-etag` each stage records (figures ← article ETag, PDF ← figures ETag), so an
 * older briefing under the same key is never mistaken for the new one.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { BriefingError } from '../lambdas/core/errors';
import { parseErrorRecord } from '../lambdas/handlers/error-record';
import { bareEtag, getObjectBytes, headObject, SOURCE_ETAG } from '../lambdas/handlers/s3-io';
import { briefingKeyFor, errorKeyFor, figuresKeyFor, withoutExtension } from '../lambdas/handlers/s3-keys';
import type { Extraction } from '../lambdas/extract/types';
import { sdkObjectStore } from '../lambdas/handlers/sdk-object-store';

export interface Stack {
  readonly client: S3Client;
  readonly inputBucket: string;
  readonly outputBucket: string;
}

export type Outcome =
  | { readonly ok: true; readonly key: string; readonly figuresKey: string; readonly briefingKey: string }
  | { readonly ok: false; readonly key: string; readonly errorKey: string; readonly reason: string };

export interface WaitOptions {
  readonly timeoutMs: number;
  /** Default 200 ms. */
  readonly pollMs?: number;
}

/** Uploads one article; returns the bare ETag its outputs will record. */
export async function uploadArticle(stack: Stack, key: string, bytes: Uint8Array, published?: string): Promise<string> {
  const put = await stack.client.send(
    new PutObjectCommand({
      Bucket: stack.inputBucket,
      Key: key,
      Body: bytes,
      // The extract handler reads `x-amz-meta-published` as the --published of the upload.
      Metadata: published ? { published } : undefined,
    }),
  );
  return bareEtag(put.ETag);
}

/** Where an upload is, as S3 shows it: finished (briefing or error record), or the stage still working on it. */
export type Progress = Outcome | { readonly ok: null; readonly key: string; readonly pending: 'extract' | 'render' };

/** One look at the outputs for the upload with this ETag (each output records the ETag of its source). */
export async function checkProgress(stack: Stack, key: string, etag: string): Promise<Progress> {
  const figuresKey = figuresKeyFor(key);
  const briefingKey = briefingKeyFor(figuresKey) as string;
  const recordsSource = async (outputKey: string, sourceEtag: string) => {
    const head = await headObject(sdkObjectStore(stack.client), stack.outputBucket, outputKey);
    return head?.metadata[SOURCE_ETAG] === sourceEtag ? head : undefined;
  };
  const figures = await recordsSource(figuresKey, etag);
  if (figures) {
    if (await recordsSource(briefingKey, figures.etag)) return { ok: true, key, figuresKey, briefingKey };
    const renderError = errorKeyFor(figuresKey);
    if (await recordsSource(renderError, figures.etag)) return failed(stack, key, renderError);
    return { ok: null, key, pending: 'render' };
  }
  const extractError = errorKeyFor(key);
  if (await recordsSource(extractError, etag)) return failed(stack, key, extractError);
  return { ok: null, key, pending: 'extract' };
}

export const notInTime = (timeoutMs: number): BriefingError =>
  new BriefingError('storage', 'timeout', `no briefing or error record after ${Math.round(timeoutMs / 1000)} s; is the pipeline running?`, { permanent: false });

/** Polls until the upload with this ETag has its briefing or an error record. */
export async function waitForOutcome(stack: Stack, key: string, etag: string, options: WaitOptions): Promise<Outcome> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const progress = await checkProgress(stack, key, etag);
    if (progress.ok !== null) return progress;
    if (Date.now() > deadline) throw notInTime(options.timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 200));
  }
}

async function failed(stack: Stack, key: string, errorKey: string): Promise<Outcome> {
  const { reason } = parseErrorRecord(await readOutput(stack, errorKey));
  return { ok: false, key, errorKey, reason };
}

export const readOutput = (stack: Stack, key: string): Promise<Uint8Array> => getObjectBytes(sdkObjectStore(stack.client), stack.outputBucket, key);

export interface Downloaded {
  readonly json: string;
  readonly pdf: string;
  readonly extraction: Extraction;
  readonly pdfBytes: Uint8Array;
}

/** Writes `<outDir>/<key minus extension>.json` and `.pdf`. */
export async function downloadBriefing(stack: Stack, outcome: Outcome & { ok: true }, outDir: string): Promise<Downloaded> {
  const base = join(outDir, withoutExtension(outcome.key));
  const [figures, pdfBytes] = await Promise.all([readOutput(stack, outcome.figuresKey), readOutput(stack, outcome.briefingKey)]);
  await mkdir(dirname(base), { recursive: true });
  await Promise.all([writeFile(`${base}.json`, figures), writeFile(`${base}.pdf`, pdfBytes)]);
  return { json: `${base}.json`, pdf: `${base}.pdf`, extraction: JSON.parse(new TextDecoder().decode(figures)) as Extraction, pdfBytes };
}
