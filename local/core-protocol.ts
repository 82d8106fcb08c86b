/** Messages between the local pipeline and its core worker threads (core-pool.ts, core-worker.ts). */
import type { ExtractRequest, ExtractResult, RenderRequest, RenderResult } from '../lambdas/handlers/cores';

export type CoreJob =
  | { readonly id: number; readonly kind: 'extract'; readonly request: ExtractRequest }
  | { readonly id: number; readonly kind: 'render'; readonly request: RenderRequest };

/** A thrown error as it crosses the thread boundary; a BriefingError keeps its verdict. */
export interface SentError {
  readonly name: string;
  readonly message: string;
  readonly briefing?: { readonly stage: string; readonly code: string; readonly permanent: boolean; readonly context: Record<string, unknown> };
}

export type CoreReply =
  | { readonly id: number; readonly ok: true; readonly result: ExtractResult | RenderResult }
  | { readonly id: number; readonly ok: false; readonly error: SentError };

/** What a thread sends once its code is loaded, before any job: the pool counts it ready then. */
export interface CoreLoaded {
  readonly loaded: true;
}

export type CoreMessage = CoreReply | CoreLoaded;

export const isLoaded = (message: CoreMessage): message is CoreLoaded => 'loaded' in message;
