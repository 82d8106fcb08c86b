/**
 * Follows each uploaded article through the local pipeline by watching the objects the stages
 * write, and reports it once: its briefing (figures, pages) or its error record, with the
 * milliseconds since the upload. This is what `npm start` prints, one line per article, and
 * what the demo waits on.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { Extraction } from '../lambdas/extract/types';
import { describe } from './queue';
import { parseErrorRecord } from '../lambdas/handlers/error-record';
import { getObjectBytes } from '../lambdas/handlers/s3-io';
import { BRIEFINGS_PREFIX, ERRORS_PREFIX, FIGURES_PREFIX, figuresKeyFor, withoutExtension } from '../lambdas/handlers/s3-keys';
import { countPdfPages } from './pdf-pages';
import { sdkObjectStore } from '../lambdas/handlers/sdk-object-store';

export interface ArticleResult {
  /** The input key. */
  readonly key: string;
  readonly ok: boolean;
  readonly extraction: Extraction | null;
  readonly pages: number;
  /** The reason, when the article produced no briefing. */
  readonly error: string | null;
  /** From the upload event to the briefing or error record. */
  readonly ms: number;
}

export type ArticleListener = (result: ArticleResult) => void;

export class ArticleTracker {
  /** Input key → upload time, for articles not yet reported. */
  private readonly started = new Map<string, number>();
  /** Output stem → input key, to map `briefings/<stem>.pdf` back to the upload. */
  private readonly inputByStem = new Map<string, string>();
  private readonly listeners = new Set<ArticleListener>();
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly s3: S3Client,
    private readonly outputBucket: string,
  ) {}

  onResult(listener: ArticleListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  uploaded(key: string): void {
    this.started.set(key, Date.now());
    this.inputByStem.set(withoutExtension(key), key);
  }

  /** An object appeared in the output bucket; report the article it finishes, if any. */
  outputCreated(key: string): void {
    this.track(this.readOutcome(key));
  }

  /** A message went to the dead-letter record: its article will not get a briefing. */
  deadLettered(stageKey: string, reason: string, tries: number): void {
    const input = this.inputFor(stageKey);
    this.finish(input, { ok: false, extraction: null, pages: 0, error: `failed after ${tries} tries: ${reason}` });
  }

  /** Resolves when every output read in progress has been reported. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  private track(work: Promise<void>): void {
    const done = work.catch((error: unknown) => {
      // A read failing here (object overwritten, server stopping) must not crash the server.
      process.stderr.write(`local: could not read an output object: ${describe(error)}\n`);
    }).finally(() => this.pending.delete(done));
    this.pending.add(done);
  }

  private async readOutcome(key: string): Promise<void> {
    if (key.startsWith(BRIEFINGS_PREFIX) && key.endsWith('.pdf')) {
      const input = this.inputFor(key.slice(BRIEFINGS_PREFIX.length, -'.pdf'.length));
      if (!this.started.has(input)) return;
      const pdf = await this.read(key);
      const figures = await this.read(figuresKeyFor(input)).catch(() => null);
      const extraction = figures ? (JSON.parse(Buffer.from(figures).toString('utf8')) as Extraction) : null;
      this.finish(input, { ok: true, extraction, pages: countPdfPages(pdf), error: null });
    } else if (key.startsWith(ERRORS_PREFIX) && key.endsWith('.json')) {
      const record = parseErrorRecord(await this.read(key));
      const input = this.inputFor(record.key ?? key.slice(ERRORS_PREFIX.length, -'.json'.length));
      this.finish(input, { ok: false, extraction: null, pages: 0, error: record.reason });
    }
  }

  /** The input key behind an input key, a `figures/…json` key or an output stem. */
  private inputFor(key: string): string {
    if (this.started.has(key)) return key;
    const stem = key.startsWith(FIGURES_PREFIX) && key.endsWith('.json') ? key.slice(FIGURES_PREFIX.length, -'.json'.length) : key;
    return this.inputByStem.get(stem) ?? key;
  }

  private finish(key: string, outcome: Omit<ArticleResult, 'key' | 'ms'>): void {
    const start = this.started.get(key);
    // Reported already: a duplicate delivery rewrote the same output.
    if (start === undefined) return;
    this.started.delete(key);
    this.inputByStem.delete(withoutExtension(key));
    const result: ArticleResult = { key, ms: Date.now() - start, ...outcome };
    for (const listener of this.listeners) listener(result);
  }

  private read(key: string): Promise<Uint8Array> {
    return getObjectBytes(sdkObjectStore(this.s3), this.outputBucket, key);
  }
}

/** One log line: `ok    <key>  14 figures (4 key)  2 pages  812 ms` or `error <key>  <reason>  35 ms`. */
export function formatResult(result: ArticleResult): string {
  if (!result.ok) return `error ${result.key}  ${result.error}  ${result.ms} ms`;
  const figures = result.extraction?.figures ?? [];
  const key = figures.filter((figure) => figure.key).length;
  return `ok    ${result.key}  ${figures.length} figures (${key} key)  ${result.pages} pages  ${result.ms} ms`;
}
