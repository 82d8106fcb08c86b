/**
 * An embedded S3-compatible server (s3rver) on 127.0.0.1, with an S3 client already set up for
 * it and object-created notifications shaped like real S3's — including URL-encoded keys
 * (`my+file+%C3%A4.txt`), which s3rver itself leaves raw — so handlers decode keys locally
 * exactly as they must in AWS. In front of s3rver's own code, s3-guard.ts checks what S3 would
 * (signatures, names, conditional requests) and what a server on a laptop must (Host, Origin).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3EventRecord } from 'aws-lambda';
import S3rver from 's3rver';
import { encodeEventKey } from '../lambdas/handlers/s3-keys';
import { LOCAL_CREDENTIALS } from './credentials';
import { s3Guard, type Middleware, type ObjectStore } from './s3-guard';
import { localS3Client } from './s3-client';

export { localS3Client } from './s3-client';

export interface S3ServerOptions {
  /** 0 picks a free port. Default 0. */
  readonly port?: number;
  /** Where objects are stored (kept across restarts). Default: a fresh temporary directory. */
  readonly directory?: string;
  /** Buckets created at start if missing. */
  readonly buckets: readonly string[];
  /** Suppress s3rver's request log. Default true. */
  readonly silent?: boolean;
  /** Extra HTTP endpoints on the same port, by exact path (use paths no bucket can have, e.g. `/_name/…`). Default: none. */
  readonly routes?: Readonly<Record<string, (request: IncomingMessage, response: ServerResponse) => void>>;
  /** `host:port` values accepted in `Host` besides this server's own (a proxy in front of it). */
  readonly allowedHosts?: readonly string[];
  /**
   * Web origins (`http://127.0.0.1:4569`) whose browser requests are accepted, with CORS
   * headers for them; every other page's writes are refused. Default: none.
   */
  readonly allowedOrigins?: readonly string[];
}

export type ObjectCreatedListener = (record: S3EventRecord) => void;

export interface S3Server {
  readonly endpoint: string;
  readonly port: number;
  readonly directory: string;
  /** Path-style, dummy credentials, us-east-1, checksums only when required (local/s3-client.ts). */
  readonly client: S3Client;
  /** Subscribes to object-created records; returns the unsubscribe function. */
  onObjectCreated(listener: ObjectCreatedListener): () => void;
  /** Accepts `host:port` in the Host header from now on (a proxy chosen after the start). */
  allowHost(host: string): void;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/** s3rver's record with the two things real S3 does differently fixed: key encoding and the bucket ARN. */
function asS3Record(record: S3EventRecord): S3EventRecord {
  const { bucket, object } = record.s3;
  return {
    ...record,
    s3: {
      ...record.s3,
      bucket: { ...bucket, arn: `arn:aws:s3:::${bucket.name}` },
      object: { ...object, key: encodeEventKey(object.key) },
    },
  };
}

/** CORS rules letting the allowed origins' pages use the buckets (s3rver applies them per bucket). */
function corsConfiguration(origins: readonly string[]): string {
  const allowed = origins.map((origin) => `<AllowedOrigin>${origin.replace(/[<>&]/g, '')}</AllowedOrigin>`).join('');
  const methods = ['GET', 'HEAD', 'PUT', 'DELETE'].map((method) => `<AllowedMethod>${method}</AllowedMethod>`).join('');
  return `<CORSConfiguration><CORSRule>${allowed}${methods}<AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader></CORSRule></CORSConfiguration>`;
}

export async function startS3Server(options: S3ServerOptions): Promise<S3Server> {
  const directory = options.directory ?? (await mkdtemp(join(tmpdir(), 's3rver-')));
  const origins = options.allowedOrigins ?? [];
  const server = new S3rver({
    address: HOST,
    port: options.port ?? 0,
    directory,
    silent: options.silent ?? true,
    // Path-style only: `bucket.127.0.0.1` is not a host name.
    vhostBuckets: false,
    configureBuckets: options.buckets.map((name) => ({ name, configs: origins.length > 0 ? [corsConfiguration(origins)] : [] })),
  });
  const routes = options.routes ?? {};
  // Ahead of s3rver's own middleware (Koa composes the list when the server starts listening).
  (server as unknown as { middleware: unknown[] }).middleware.unshift(
    async (ctx: { path: string; req: IncomingMessage; res: ServerResponse; respond: boolean }, next: () => Promise<void>) => {
      const route = Object.hasOwn(routes, ctx.path) ? routes[ctx.path] : undefined;
      if (!route) return next();
      ctx.respond = false;
      route(ctx.req, ctx.res);
    },
  );
  let port = 0;
  // s3rver is a Koa app; its middleware list is composed when it starts listening, so the guard
  // put first here runs before the routes and every s3rver middleware.
  const koa = server as unknown as { middleware: Middleware[]; store: ObjectStore };
  const allowedHosts = new Set((options.allowedHosts ?? []).map((host) => host.toLowerCase()));
  koa.middleware.unshift(s3Guard({
    port: () => port,
    allowedHosts,
    allowedOrigins: origins,
    credentials: LOCAL_CREDENTIALS,
    store: koa.store,
    routes: new Set(Object.keys(routes)),
  }));
  ({ port } = await server.run());
  const endpoint = `http://${HOST}:${port}`;
  const client = localS3Client(endpoint);

  const listeners = new Set<ObjectCreatedListener>();
  // s3rver extends Koa (an EventEmitter); its typings omit that.
  (server as unknown as NodeJS.EventEmitter).on('event', (event: { Records: S3EventRecord[] }) => {
    for (const raw of event.Records) {
      if (!raw.eventName.startsWith('ObjectCreated:')) continue;
      const record = asS3Record(raw);
      for (const listener of listeners) listener(record);
    }
  });

  return {
    endpoint,
    port,
    directory,
    client,
    onObjectCreated(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    allowHost(host) {
      allowedHosts.add(host.toLowerCase());
    },
    async close() {
      listeners.clear();
      client.destroy();
      // Keep-alive sockets would hold close() open until they time out.
      const http = (server as unknown as { httpServer?: { closeAllConnections?: () => void } }).httpServer;
      http?.closeAllConnections?.();
      await server.close();
    },
  };
}
