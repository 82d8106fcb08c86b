/**
 * The port through which the stages read and write objects: the four S3 calls they make, each
 * as S3 answers it (a missing object or a failed condition is an error named by S3's code, with
 * `$metadata.httpStatusCode`). Two adapters: the handlers' own client (s3.ts), and one over the
 * AWS SDK's S3Client for the code that also lists and copies (lambdas/handlers/sdk-object-store.ts).
 * What the stages make of those answers is lambdas/handlers/s3-io.ts.
 */

/** What a stage needs to know about an object before deciding to download it. */
export interface ObjectHead {
  /** Bare (without S3's quotes). */
  readonly etag: string;
  /** Set on a versioned bucket. */
  readonly versionId?: string;
  readonly size: number;
  readonly lastModified: Date;
  readonly contentType: string | undefined;
  /** User metadata, names in lower case without `x-amz-meta-`. */
  readonly metadata: Readonly<Record<string, string>>;
}

export interface PutRequest {
  readonly body: Uint8Array | string;
  readonly contentType: string;
  readonly metadata: Readonly<Record<string, string>>;
  /** Write only over this bare ETag. */
  readonly ifMatch?: string;
  /** `*`: write only if there is no object. */
  readonly ifNoneMatch?: '*';
}

export interface ObjectStore {
  headObject(bucket: string, key: string, signal?: AbortSignal): Promise<ObjectHead>;
  /** The whole body; `ifMatch` a bare ETag. */
  getObject(bucket: string, key: string, ifMatch?: string, signal?: AbortSignal): Promise<Uint8Array>;
  /** The new object's bare ETag. */
  putObject(bucket: string, key: string, put: PutRequest, signal?: AbortSignal): Promise<string>;
  deleteObject(bucket: string, key: string, ifMatch?: string, signal?: AbortSignal): Promise<void>;
}

/** ETags come quoted (`"9b2c…"`); metadata and comparisons use the bare value. */
export const bareEtag = (etag: string | undefined): string => (etag ?? '').replace(/^"|"$/g, '');
