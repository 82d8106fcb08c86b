/**
 * The page's API, independent of its transport: the local page server (local/web-server.ts)
 * and the deployed HTTP API's Lambda (handler.ts) both turn a request into an `ApiRequest`, call
 * `handleApi`, and send the `ApiResponse` back. Every key is taken within the caller's space;
 * every refusal is `{ error, reason }` with one line a person can act on.
 */
import { isBriefingError } from '../core/errors';
import { tooLargeError } from '../intake/sniff';
import { articleKey, uploadName } from './keys';
import { articleDetail, saveRevision } from './revisions';
import { findArticle, listArticles, type Store, type ViewOptions } from './status';
import type { ApiRoute } from '../contract/web-routes';
import type { ApiError, ArticleView, UploadRequest, UploadTarget } from './types';

export interface ApiRequest {
  readonly method: string;
  /** Within the API: `/articles`, `/uploads`… */
  readonly path: string;
  readonly query: URLSearchParams;
  /** The parsed JSON body, if any. */
  readonly body: unknown;
}

export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
}

export interface ApiContext extends ViewOptions {
  readonly store: Store;
  /** Who is asking (saved with a revision), null locally. */
  readonly user: string | null;
  readonly maxBytes: number;
  /** Where the page PUTs an upload's bytes (the object `key`, already within the space). */
  uploadTarget(key: string, request: UploadRequest): Promise<Omit<UploadTarget, 'key'>>;
  /** Fetches a web address into the input bucket under the space; returns its key. Absent: not offered. */
  fetchInto?(url: string): Promise<string>;
  now(): Date;
}

/** Articles on one page of the list. */
const LIST_LIMIT = 100;
/** `GET /articles?key=…` names at most this many (the page's unfinished rows). */
const MAX_KEYS = 50;

const refusal = (status: number, error: string, reason: string): ApiResponse => ({ status, body: { error, reason } satisfies ApiError });

const STATUS_OF_CODE: Readonly<Record<string, number>> = { not_found: 404, conflict: 409, not_ready: 409, too_large: 413 };

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)[name] : undefined;
}

async function listOrSome(context: ApiContext, query: URLSearchParams): Promise<ApiResponse> {
  const keys = query.getAll('key');
  if (keys.length === 0) return { status: 200, body: await listArticles(context.store, { ...context, limit: LIST_LIMIT }) };
  if (keys.length > MAX_KEYS) return refusal(400, 'too_many_keys', `ask for at most ${MAX_KEYS} articles at once`);
  const views = await Promise.all(keys.map((key) => findArticle(context.store, context.space + articleKey(key), context)));
  return { status: 200, body: { articles: views.filter((view): view is ArticleView => view !== null), more: false } };
}

async function upload(context: ApiContext, body: unknown): Promise<ApiResponse> {
  const name = uploadName(field(body, 'name'));
  const size = field(body, 'size');
  const type = field(body, 'type');
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) return refusal(400, 'bad_size', 'the file size is missing');
  if (size === 0) return refusal(400, 'empty', 'file is empty (0 bytes)');
  if (size > context.maxBytes) throw tooLargeError(size, context.maxBytes);
  const request: UploadRequest = { name, size, type: typeof type === 'string' ? type : '' };
  const target: UploadTarget = { key: name, ...(await context.uploadTarget(context.space + name, request)) };
  return { status: 200, body: target };
}

const key = (context: ApiContext, value: unknown): string => context.space + articleKey(value);

/** One answer per route of lambdas/contract/web-routes.ts (the deployed HTTP API creates the same). */
const ROUTES: Readonly<Record<ApiRoute, (context: ApiContext, request: ApiRequest) => Promise<ApiResponse>>> = {
  'GET /articles': (context, { query }) => listOrSome(context, query),
  'GET /article': async (context, { query }) => ({ status: 200, body: await articleDetail(context.store, key(context, query.get('key')), context) }),
  'POST /uploads': (context, { body }) => upload(context, body),
  'POST /revisions': async (context, { body }) => {
    const view = await saveRevision(context.store, key(context, field(body, 'key')), field(body, 'revision'), field(body, 'edits'), { ...context, by: context.user, now: context.now() });
    return { status: 200, body: { article: view } };
  },
  'POST /fetches': async (context, { body }) => {
    if (!context.fetchInto) return refusal(404, 'not_offered', 'fetching web addresses is not offered here');
    const url = field(body, 'url');
    if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return refusal(400, 'bad_url', 'give a web address starting with http:// or https://');
    const fetched = await context.fetchInto(url);
    return { status: 200, body: { article: await findArticle(context.store, fetched, context) } };
  },
};

function route(context: ApiContext, request: ApiRequest): Promise<ApiResponse> {
  const name = `${request.method} ${request.path}`;
  const answer = Object.hasOwn(ROUTES, name) ? ROUTES[name as ApiRoute] : null;
  return answer ? answer(context, request) : Promise.resolve(refusal(404, 'no_route', `${name} is not part of this API`));
}

/** A BriefingError as the answer the page shows (its code and one line); null for anything else (a bug, S3 down). */
export function errorResponse(error: unknown): ApiResponse | null {
  if (!isBriefingError(error)) return null;
  // A fault that may pass (a web address that timed out) is still a reason a person can read.
  const status = !error.permanent ? 502 : STATUS_OF_CODE[error.code] ?? (error.stage === 'usage' ? 400 : 422);
  return refusal(status, error.code, error.message);
}

export async function handleApi(context: ApiContext, request: ApiRequest): Promise<ApiResponse> {
  try {
    return await route(context, request);
  } catch (error) {
    const answer = errorResponse(error);
    if (!answer) throw error;
    return answer;
  }
}
