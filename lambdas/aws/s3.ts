/**
 * The handlers' S3 client: HEAD, GET, PUT and DELETE of one object over S3's REST API, nothing
 * else, so a cold handler loads a few hundred lines instead of the SDK's client (bench `cold`).
 * Addressing as the SDK's: virtual-hosted on AWS (`bucket.s3.region.amazonaws.com/key`), path
 * style for a bucket name with dots (TLS names have no dots) and for a custom endpoint (an
 * S3-compatible server: the local one, a test's fault proxy).
 */
import { type AwsClientConfig, AwsServiceError, type AwsAnswer, callAws, type ErrorReader, SigningClock } from './call';
import { dnsSuffix } from './partition';
import { bareEtag, type ObjectHead, type ObjectStore, type PutRequest } from './object-store';
import { encodeKeyPath, presignUrl, type RequestTarget } from './sigv4';

export interface S3ClientConfig extends AwsClientConfig {
  /** An S3-compatible server, addressed path-style. Default: AWS in `region`. */
  readonly endpoint?: string;
}

const S3 = { signingName: 's3', client: 'S3' } as const;
const META = 'x-amz-meta-';

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const xmlText = (xml: string, tag: string): string | undefined => {
  const match = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml);
  return match?.[1]?.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!);
};

/** Names for the answers that have no body to name them (a HEAD's), as the SDK names them. */
const STATUS_CODES: Readonly<Record<number, string>> = { 304: 'NotModified', 400: 'BadRequest', 403: 'Forbidden', 404: 'NotFound', 409: 'Conflict', 412: 'PreconditionFailed', 500: 'InternalError', 503: 'ServiceUnavailable' };

/** S3's XML error document, or the status alone. */
const readS3Error: ErrorReader = (response) => {
  const xml = new TextDecoder().decode(response.body);
  const code = xmlText(xml, 'Code') ?? STATUS_CODES[response.status] ?? `Http${response.status}`;
  return { code, message: xmlText(xml, 'Message') ?? `S3 answered ${response.status} (${code})` };
};

const header = (answer: AwsAnswer, name: string): string | undefined => answer.headers[name];

export class S3Objects implements ObjectStore {
  private readonly endpoint: URL | undefined;
  private readonly clock = new SigningClock();

  constructor(private readonly config: S3ClientConfig) {
    this.endpoint = config.endpoint === undefined ? undefined : new URL(config.endpoint);
  }

  /** Where `key` of `bucket` is. */
  target(bucket: string, key: string): RequestTarget {
    const path = `/${encodeKeyPath(key)}`;
    if (this.endpoint) return { origin: this.endpoint, path: `${this.endpoint.pathname.replace(/\/$/, '')}/${encodeURIComponent(bucket)}${path}`, query: [] };
    const region = this.config.region;
    const suffix = dnsSuffix(region);
    return bucket.includes('.')
      ? { origin: new URL(`https://s3.${region}.${suffix}`), path: `/${bucket}${path}`, query: [] }
      : { origin: new URL(`https://${bucket}.s3.${region}.${suffix}`), path, query: [] };
  }

  private call(operation: string, method: string, bucket: string, key: string, extra: { headers?: Record<string, string>; body?: Uint8Array; signal?: AbortSignal } = {}): Promise<AwsAnswer> {
    return callAws(this.config, S3, { operation, method, ...this.target(bucket, key), ...extra }, readS3Error, this.clock);
  }

  async headObject(bucket: string, key: string, signal?: AbortSignal): Promise<ObjectHead> {
    const answer = await this.call('HeadObject', 'HEAD', bucket, key, { signal });
    const metadata: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.headers)) if (name.startsWith(META)) metadata[name.slice(META.length)] = value;
    const lastModified = header(answer, 'last-modified');
    return {
      etag: bareEtag(header(answer, 'etag')),
      versionId: header(answer, 'x-amz-version-id'),
      size: Number(header(answer, 'content-length') ?? 0),
      lastModified: lastModified ? new Date(lastModified) : new Date(0),
      contentType: header(answer, 'content-type'),
      metadata,
    };
  }

  async getObject(bucket: string, key: string, ifMatch?: string, signal?: AbortSignal): Promise<Uint8Array> {
    return (await this.call('GetObject', 'GET', bucket, key, { headers: ifMatch === undefined ? {} : { 'if-match': `"${ifMatch}"` }, signal })).body;
  }

  async putObject(bucket: string, key: string, put: PutRequest, signal?: AbortSignal): Promise<string> {
    const headers: Record<string, string> = { 'content-type': put.contentType };
    for (const [name, value] of Object.entries(put.metadata)) headers[`${META}${name.toLowerCase()}`] = value;
    if (put.ifMatch !== undefined) headers['if-match'] = `"${put.ifMatch}"`;
    if (put.ifNoneMatch !== undefined) headers['if-none-match'] = put.ifNoneMatch;
    const body = typeof put.body === 'string' ? Buffer.from(put.body, 'utf8') : put.body;
    const answer = await this.call('PutObject', 'PUT', bucket, key, { headers, body, signal });
    const etag = header(answer, 'etag');
    if (etag === undefined) throw new AwsServiceError('InvalidResponse', `S3 answered PutObject of ${key} without an ETag`, answer.$metadata);
    return bareEtag(etag);
  }

  async deleteObject(bucket: string, key: string, ifMatch?: string, signal?: AbortSignal): Promise<void> {
    await this.call('DeleteObject', 'DELETE', bucket, key, { headers: ifMatch === undefined ? {} : { 'if-match': `"${ifMatch}"` }, signal });
  }

  /** Closes the connections kept alive. */
  destroy(): void {
    this.config.transport.destroy();
  }

  /** A GET URL of the object that works for `seconds` (signing makes no request and is not traced). */
  presignGet(bucket: string, key: string, seconds: number, now?: Date): string {
    return presignUrl(this.target(bucket, key), this.config.credentials, { region: this.config.region, service: S3.signingName }, seconds, now ?? this.clock.now());
  }
}
