/**
 * What the reliability suite shares: the articles it uploads, a local pipeline started with
 * short timeouts (optionally behind a fault proxy), and the accounting of what became of each
 * upload, read from S3 alone as a user would see it.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getObjectBytes, headObject, SOURCE_ETAG } from '../../lambdas/handlers/s3-io';
import { briefingKeyFor, errorKeyFor, figuresKeyFor } from '../../lambdas/handlers/s3-keys';
import { startLocalPipeline, type LocalPipeline, type LocalPipelineOptions } from '../../local/pipeline';
import { localS3Client } from '../../local/s3-server';
import { repoRoot } from '../support/cli';
import { startFaultProxy, type FaultProxy, type FaultProxyOptions } from './fault-proxy';
import { sdkObjectStore } from '../../lambdas/handlers/sdk-object-store';

/** The stack's extract timeout; a failed delivery comes back after 30 s instead of 3 minutes. */
export const TEST_TIMINGS = { invocationTimeoutMs: 30_000, visibilityTimeoutMs: 30_000 };

export interface Upload {
  readonly key: string;
  readonly bytes: Buffer;
}

/**
 * `count` uploads of the examples and the development articles, in a fixed order (all of them
 * by default). Past the last article they come round again under `round-2/`, `round-3/`…, as
 * the same article uploaded again under another key.
 */
export function articles(count?: number): Upload[] {
  const dirs = ['examples', 'tests/fixtures/articles', 'tests/fixtures/holdout2'];
  const sources = dirs
    .flatMap((dir) => readdirSync(join(repoRoot, dir)).filter((f) => /\.(txt|md|html|json)$/.test(f) && !f.endsWith('.gold.json')).map((f) => ({ dir, f })))
    .map(({ dir, f }) => ({ key: `${dir.split('/').pop()}/${f}`, bytes: readFileSync(join(repoRoot, dir, f)) }));
  return Array.from({ length: count ?? sources.length }, (_, i) => {
    const { key, bytes } = sources[i % sources.length]!;
    const round = Math.floor(i / sources.length) + 1;
    return { key: round === 1 ? key : `round-${round}/${key}`, bytes };
  });
}

/**
 * Uploads in the 20%-faults run: 30 keeps CI within minutes; `RELIABILITY_UPLOADS=100 npm run
 * reliability` runs the full-size scenario.
 */
export function faultRunUploads(): number {
  const raw = process.env.RELIABILITY_UPLOADS;
  const count = raw === undefined || raw === '' ? 30 : Number(raw);
  if (!Number.isInteger(count) || count < 1) throw new Error(`RELIABILITY_UPLOADS must be a positive whole number, got "${raw}"`);
  return count;
}

export interface Run {
  readonly pipeline: LocalPipeline;
  readonly client: S3Client;
  readonly dataDir: string;
  readonly proxy: FaultProxy | null;
  readonly lines: string[];
  /** Output key → how many times it was written. */
  readonly writes: Map<string, number>;
  put(key: string, body: Uint8Array | string, metadata?: Record<string, string>): Promise<string>;
  close(): Promise<void>;
}

export async function startRun(options: { proxy?: Omit<FaultProxyOptions, 'target'>; pipeline?: Partial<LocalPipelineOptions> } = {}): Promise<Run> {
  const dataDir = mkdtempSync(join(tmpdir(), 'reliability-'));
  const lines: string[] = [];
  let proxy: FaultProxy | null = null;
  const pipeline = await startLocalPipeline({
    port: 0,
    dataDir,
    log: (line) => lines.push(line),
    timings: { extract: TEST_TIMINGS, render: TEST_TIMINGS },
    ...(options.proxy
      ? {
          handlerEndpoint: async (endpoint: string) => {
            proxy = await startFaultProxy({ target: endpoint, ...options.proxy });
            return proxy.endpoint;
          },
        }
      : {}),
    ...options.pipeline,
  });
  const writes = new Map<string, number>();
  pipeline.onObjectCreated((record) => {
    if (record.s3.bucket.name !== pipeline.outputBucket) return;
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    writes.set(key, (writes.get(key) ?? 0) + 1);
  });
  const client = localS3Client(pipeline.endpoint);
  return {
    pipeline,
    client,
    dataDir,
    get proxy() {
      return proxy;
    },
    lines,
    writes,
    async put(key, body, metadata) {
      const put = await client.send(new PutObjectCommand({ Bucket: pipeline.inputBucket, Key: key, Body: body, Metadata: metadata }));
      return (put.ETag ?? '').replace(/"/g, '');
    },
    async close() {
      await pipeline.stop();
      client.destroy();
      await (proxy as FaultProxy | null)?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Fate =
  | { readonly kind: 'briefed'; readonly figures: Uint8Array; readonly pdf: Uint8Array }
  | { readonly kind: 'error'; readonly record: { key: string; error: string; reason: string; stage: string } }
  | { readonly kind: 'missing'; readonly why: string };

/** What became of the upload now at `key`: a briefing made from this very version, its error record, or nothing. */
export async function fateOf(client: S3Client, buckets: { input: string; output: string }, key: string): Promise<Fate> {
  const input = await headObject(sdkObjectStore(client), buckets.input, key);
  if (!input) return { kind: 'missing', why: 'the input is gone' };
  const recorded = async (outputKey: string, etag: string) => {
    const head = await headObject(sdkObjectStore(client), buckets.output, outputKey);
    return head?.metadata[SOURCE_ETAG] === etag ? head : undefined;
  };
  const extractError = await recorded(errorKeyFor(key), input.etag);
  if (extractError) return { kind: 'error', record: JSON.parse(new TextDecoder().decode(await getObjectBytes(sdkObjectStore(client), buckets.output, errorKeyFor(key)))) };
  const figuresKey = figuresKeyFor(key);
  const figures = await recorded(figuresKey, input.etag);
  if (!figures) return { kind: 'missing', why: 'no figures or error record records this version' };
  const renderError = await recorded(errorKeyFor(figuresKey), figures.etag);
  if (renderError) return { kind: 'error', record: JSON.parse(new TextDecoder().decode(await getObjectBytes(sdkObjectStore(client), buckets.output, errorKeyFor(figuresKey)))) };
  const pdfKey = briefingKeyFor(figuresKey)!;
  if (!(await recorded(pdfKey, figures.etag))) return { kind: 'missing', why: 'no briefing or render error records these figures' };
  const [figuresBytes, pdf] = await Promise.all([getObjectBytes(sdkObjectStore(client), buckets.output, figuresKey), getObjectBytes(sdkObjectStore(client), buckets.output, pdfKey)]);
  return { kind: 'briefed', figures: figuresBytes, pdf };
}

export async function fatesOf(run: Run, keys: readonly string[]): Promise<Map<string, Fate>> {
  const buckets = { input: run.pipeline.inputBucket, output: run.pipeline.outputBucket };
  return new Map(await Promise.all(keys.map(async (key) => [key, await fateOf(run.client, buckets, key)] as const)));
}

/** Files under the dead-letter folder. */
export function deadLetters(run: Run): string[] {
  try {
    return readdirSync(run.pipeline.deadLetterDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return [];
  }
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
