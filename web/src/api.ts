/**
 * The page's side of its API (lambdas/web/types.ts): the same calls against the local page
 * server and the deployed HTTP API. Uploads ask for a target first (a same-server address
 * locally, a pre-signed S3 URL deployed), then PUT the bytes there with progress.
 */
import type { FigureEdit } from '../../lambdas/review/edits';
import type { ApiError, ArticleDetail, ArticleList, ArticleView, PageConfig, UploadTarget } from '../../lambdas/web/types';

/** A refusal or failure, with the one line the page shows. */
export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, reason: string) {
    super(reason);
  }
}

/** An Authorization header value, when the API needs one (deployed). */
export type TokenSource = () => Promise<string | null>;

async function failureOf(response: Response): Promise<ApiFailure> {
  try {
    const body = (await response.json()) as Partial<ApiError>;
    if (typeof body.reason === 'string') return new ApiFailure(response.status, body.error ?? 'error', body.reason);
  } catch {
    // Not our JSON: an API Gateway or S3 answer.
  }
  if (response.status === 401 || response.status === 403) return new ApiFailure(response.status, 'unauthorized', 'you are not signed in, or your sign-in has expired');
  return new ApiFailure(response.status, 'http', `the server answered ${response.status} ${response.statusText}`.trim());
}

export class Api {
  constructor(
    private readonly config: PageConfig,
    private readonly token: TokenSource = async () => null,
  ) {}

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const token = await this.token();
    let response: Response;
    try {
      response = await fetch(`${this.config.api}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch {
      throw new ApiFailure(0, 'network', 'the server cannot be reached; is it still running?');
    }
    if (!response.ok) throw await failureOf(response);
    return (await response.json()) as T;
  }

  list(keys?: readonly string[]): Promise<ArticleList> {
    const query = keys ? `?${keys.map((key) => `key=${encodeURIComponent(key)}`).join('&')}` : '';
    return this.call('GET', `/articles${query}`);
  }

  detail(key: string): Promise<ArticleDetail> {
    return this.call('GET', `/article?key=${encodeURIComponent(key)}`);
  }

  async save(key: string, revision: number, edits: readonly FigureEdit[]): Promise<ArticleView> {
    return (await this.call<{ article: ArticleView }>('POST', '/revisions', { key, revision, edits })).article;
  }

  async fetchAddress(url: string): Promise<ArticleView | null> {
    return (await this.call<{ article: ArticleView | null }>('POST', '/fetches', { url })).article;
  }

  /** Asks where to put the file (refused here when too large or badly named), then sends it. */
  async upload(file: File, onProgress: (fraction: number) => void): Promise<ArticleView | null> {
    const target = await this.call<UploadTarget>('POST', '/uploads', { name: file.name, size: file.size, type: file.type });
    const answer = await put(target, file, onProgress);
    // The local server answers with the article; S3 answers with nothing, so ask.
    if (answer) return (JSON.parse(answer) as { article: ArticleView | null }).article;
    return (await this.list([target.key])).articles[0] ?? null;
  }
}

/**
 * PUT with upload progress (fetch has none); resolves with the body of a JSON answer, else ''.
 * No Authorization header: a pre-signed URL carries its own, and S3 refuses two.
 */
function put(target: UploadTarget, file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(target.method, target.url);
    for (const [name, value] of Object.entries(target.headers)) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => { if (event.lengthComputable) onProgress(event.loaded / event.total); };
    request.onload = () => {
      const json = (request.getResponseHeader('content-type') ?? '').includes('json');
      if (request.status >= 200 && request.status < 300) return resolve(json ? request.responseText : '');
      try {
        const body = JSON.parse(request.responseText) as Partial<ApiError>;
        if (typeof body.reason === 'string') return reject(new ApiFailure(request.status, body.error ?? 'error', body.reason));
      } catch {
        // S3's XML error, or nothing.
      }
      reject(new ApiFailure(request.status, 'upload', `the upload was refused (HTTP ${request.status})`));
    };
    request.onerror = () => reject(new ApiFailure(0, 'network', 'the upload was interrupted; try again'));
    request.send(file);
  });
}
