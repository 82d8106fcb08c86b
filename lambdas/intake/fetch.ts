/**
 * An article named by an http(s):// address: fetched within limits a person can rely on (5 MB,
 * 10 s for the whole answer, at most 3 redirects) and read in the format its content type
 * names. Every failure becomes the reason of one `error:` line: a refusal the page itself
 * causes (4xx, a PDF, too large) is bad input; a network failure or a 5xx may pass.
 */
import { BriefingError, IntakeError, isBriefingError } from '../core/errors';
import { formatFromContentType } from './format';
import { formatSize } from './sniff';
import { DEFAULT_MAX_BYTES, type ArticleFormat } from './types';
import { documentRefusalByName, documentRefusalByType } from './documents';

export interface FetchLimits {
  readonly maxBytes: number;
  readonly timeoutMs: number;
  readonly maxRedirects: number;
  /** Called before each request (the first and every redirect); throws to refuse the address. Default: none. */
  readonly checkAddress?: (url: URL) => Promise<void>;
}

export const FETCH_LIMITS: FetchLimits = { maxBytes: DEFAULT_MAX_BYTES, timeoutMs: 10_000, maxRedirects: 3 };

export interface FetchedArticle {
  /** The address the article came from, after redirects. */
  readonly url: string;
  readonly bytes: Uint8Array;
  readonly contentType: string | undefined;
  /** The format the content type names; undefined when it names none (intake then decides). */
  readonly format: ArticleFormat | undefined;
}

export const isWebAddress = (input: string): boolean => /^https?:\/\//i.test(input);

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Types with no format of their own: the address's extension or the content decides. */
const UNTYPED = new Set(['', 'application/octet-stream', 'binary/octet-stream']);
const ACCEPT = 'text/html, application/xhtml+xml, text/plain;q=0.9, text/markdown;q=0.9, application/json;q=0.8, */*;q=0.1';

const cannotFetch = (code: string, reason: string, cause?: unknown): BriefingError =>
  new BriefingError('intake', code, `cannot fetch: ${reason}`, { cause, permanent: false });

function httpAddress(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch (error) {
    throw new IntakeError('bad_url', `not a valid web address${base ? ` in the redirect to ${text}` : ''}`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new IntakeError('bad_url', `cannot fetch: redirected to ${url.protocol} (only http and https are fetched)`);
  }
  return url;
}

/** The format of the page, or a refusal of what the address serves instead of an article. */
function formatOf(contentType: string | undefined, url: URL): ArticleFormat | undefined {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  const document = documentRefusalByType(essence, url.pathname) ?? (UNTYPED.has(essence) ? documentRefusalByName(url.pathname) : null);
  if (document) throw document;
  const format = formatFromContentType(contentType);
  if (format || UNTYPED.has(essence)) return format ?? undefined;
  throw new IntakeError('not_an_article', `the address serves ${essence}, not an article (HTML, plain text, Markdown or JSON)`);
}

const tooLarge = (shown: string, maxBytes: number): IntakeError =>
  new IntakeError('too_large', `page is ${shown}; the limit for one article is ${formatSize(maxBytes)}`, { context: { maxBytes } });

/** The body, refused from its Content-Length when it declares too much, else as soon as it passes the limit. */
async function readBody(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(formatSize(declared), maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge(`more than ${formatSize(maxBytes)}`, maxBytes); // leaving the loop cancels the stream
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** What went wrong on the network, said the way a person checks it. */
function networkFailure(error: unknown, url: URL, limits: FetchLimits): BriefingError {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return cannotFetch('timeout', `no complete answer from ${url.host} within ${limits.timeoutMs / 1000} s`, error);
  }
  const cause = (error as { cause?: NodeJS.ErrnoException }).cause;
  const code = cause?.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return cannotFetch('host_not_found', `host ${url.hostname} not found`, error);
  if (code === 'ECONNREFUSED') return cannotFetch('refused', `${url.host} refused the connection`, error);
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return cannotFetch('reset', `${url.host} closed the connection`, error);
  if (cause?.message === 'bad port') return cannotFetch('bad_port', `port ${url.port} is reserved and never fetched`, error);
  if (/CERT|SSL|TLS/i.test(code)) return cannotFetch('tls', `the TLS certificate of ${url.host} is not valid (${code})`, error);
  return cannotFetch('network', `${url.host}: ${cause?.message ?? (error instanceof Error ? error.message : String(error))}`, error);
}

export async function fetchArticle(address: string, limits: FetchLimits = FETCH_LIMITS): Promise<FetchedArticle> {
  let url = httpAddress(address);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    for (let redirects = 0; ; redirects += 1) {
      await limits.checkAddress?.(url);
      const response = await fetch(url, { redirect: 'manual', signal, headers: { accept: ACCEPT, 'user-agent': 'briefing-pipeline (news briefing command line)' } });
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location) throw cannotFetch('bad_redirect', `${url.host} answered ${response.status} without saying where to`);
        if (redirects >= limits.maxRedirects) throw cannotFetch('too_many_redirects', `more than ${limits.maxRedirects} redirects (last to ${location})`);
        url = httpAddress(location, url);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        const reason = `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
        // A page that is not there (4xx) stays not there; a server error may pass.
        throw response.status < 500 ? new IntakeError('http_status', `cannot fetch: ${reason}`) : cannotFetch('http_status', reason);
      }
      const contentType = response.headers.get('content-type') ?? undefined;
      let format: ArticleFormat | undefined;
      try {
        format = formatOf(contentType, url);
      } catch (refusal) {
        await response.body?.cancel().catch(() => undefined);
        throw refusal;
      }
      return { url: url.href, bytes: await readBody(response, limits.maxBytes), contentType, format };
    }
  } catch (error) {
    throw isBriefingError(error) ? error : networkFailure(error, url, limits);
  }
}
