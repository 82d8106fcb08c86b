/**
 * The web page's API (docs/contract.md, "The web page's API"): the same requests and answers
 * from the local page server (`npm start`) and the deployed HTTP API, so the page has one code
 * path. Types only: the page imports them too.
 */
import type { CardView } from '../briefing/model';
import type { FigureEdit, ReviewedExtraction } from '../review/edits';

/**
 * Where an article is, read from what the pipeline wrote for this very upload (every output
 * records the ETag of its source):
 * - `uploaded`: stored; nothing produced yet and no stage running on it (local pipeline only);
 * - `extracting`: the extract stage is running on it (deployed: waiting for or in extraction);
 * - `rendering`: its figures are written, the PDF of this revision not yet;
 * - `ready`: the PDF of the figures on show is written;
 * - `failed`: a stage refused it; `reason` is the error record's one line.
 */
export type ArticleState = 'uploaded' | 'extracting' | 'rendering' | 'ready' | 'failed';

export const FINAL_STATES: ReadonlySet<ArticleState> = new Set(['ready', 'failed']);

export interface ArticleLinks {
  /** The briefing PDF (ready only). */
  readonly pdf?: string;
  /** The Extraction JSON on show (from rendering on). */
  readonly json?: string;
  /** The extractor's own Extraction JSON, kept when a person saved a correction. */
  readonly original?: string;
}

export interface ArticleView {
  /** The object key, within the user's own space: the file name for an upload from the page. */
  readonly key: string;
  readonly state: ArticleState;
  /** The upload's time (the object's LastModified), ISO 8601. */
  readonly uploadedAt: string;
  readonly size: number;
  /** `failed`: the error record's one-line reason. */
  readonly reason: string | null;
  /** The revision of the figures on show: 1 is the extractor's, 2 and on a person's corrections. */
  readonly revision: number;
  readonly links: ArticleLinks;
}

export interface ArticleList {
  readonly articles: readonly ArticleView[];
  /** More articles exist than were listed (the most recent come first). */
  readonly more: boolean;
}

export interface ArticleDetail {
  readonly article: ArticleView;
  readonly extraction: ReviewedExtraction;
  /** The key-figure cards exactly as the briefing draws them (its view model's cards). */
  readonly cards: readonly CardView[];
  /** The briefing's date and source line ("As of 29 June 2019 · Source: The National"). */
  readonly dated: string;
}

/** `POST /uploads`: the page says what it will send before sending a byte. */
export interface UploadRequest {
  readonly name: string;
  readonly size: number;
  readonly type: string;
}

/** Where to PUT the file's bytes, with exactly these headers. */
export interface UploadTarget {
  readonly key: string;
  readonly url: string;
  readonly method: 'PUT';
  readonly headers: Readonly<Record<string, string>>;
}

/** `POST /revisions`: edits to the revision the page shows (`revision`), refused if another was saved since. */
export interface SaveRequest {
  readonly key: string;
  readonly revision: number;
  readonly edits: readonly FigureEdit[];
}

/** `POST /fetches`: an article by its web address. */
export interface FetchRequest {
  readonly url: string;
}

/** Every refusal: a stable code and one line a person can act on. */
export interface ApiError {
  readonly error: string;
  readonly reason: string;
}

/** What the page is told at start (`config.json` beside it). */
export interface PageConfig {
  readonly mode: 'local' | 'deployed';
  /** The API's base address, relative (local) or absolute (deployed). */
  readonly api: string;
  readonly maxBytes: number;
  /** Live updates: `events` (Server-Sent Events at `<api>/events`) or `poll`. */
  readonly updates: 'events' | 'poll';
  /** Whether the API fetches web addresses (`POST /fetches`). */
  readonly fetches: boolean;
  /** Deployed: the Cognito user pool's hosted sign-in. */
  readonly auth?: {
    readonly domain: string;
    readonly clientId: string;
    readonly region: string;
  };
}

/** A Server-Sent Event of the local page server: one article changed. */
export interface ArticleEvent {
  readonly article: ArticleView;
}
