/**
 * The pure work of each stage as the handlers call it: bytes in, the bytes of the output out.
 * The handlers run the in-process implementations (extract-core.ts, render-core.ts) unless
 * given others: the local pipeline passes ones that run on worker threads, so a slow article
 * never blocks the S3 server or the other stage, and work over budget can be stopped outright.
 */
import type { Problem } from '../extract/types';
import type { Template } from '../template/load';

/** How much time the work may take, and where it checks that it still may continue. */
export interface CoreBudget {
  /** Milliseconds left for this article: its own budget or the invocation's, the smaller. */
  readonly remainingMs: number;
  /** Throws once the article's budget or the invocation is used up; called between steps. */
  readonly checkpoint: (step: string) => void;
}

export interface ExtractRequest {
  readonly bytes: Uint8Array;
  /** The object key: its extension picks the format, and it lands in `article.input`. */
  readonly name: string;
  readonly maxBytes: number;
  readonly contentType?: string;
  /** YYYY-MM-DD, already checked. */
  readonly published?: string | null;
}

export interface ExtractResult {
  /** The Extraction JSON as written to `figures/`. */
  readonly json: string;
  readonly figures: number;
  readonly sha256: string;
  /** Steps or rules of extraction that failed on the article (it still has its figures). */
  readonly problems: readonly Problem[];
}

export type ExtractCore = (request: ExtractRequest, budget: CoreBudget) => Promise<ExtractResult>;

export interface RenderRequest {
  /** The bytes of `figures/….json`. */
  readonly figures: Uint8Array;
  readonly key: string;
  /** The deployed template to render with (plain data: it crosses to a worker thread). Default: the default template. */
  readonly template?: Template;
  /** The bytes are Event JSON (the event stage's `kind: event` figures), briefed with the event template. */
  readonly event?: boolean;
}

export interface RenderResult {
  readonly pdf: Uint8Array;
  readonly renderMs: number;
  /** Figures in the Extraction JSON (the Ready event says how many). */
  readonly figures: number;
}

export type RenderCore = (request: RenderRequest, budget: CoreBudget) => Promise<RenderResult>;
