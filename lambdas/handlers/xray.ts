/**
 * X-Ray tracing without the X-Ray SDK: the subsegments the handlers record, written as X-Ray
 * segment documents and sent over UDP to the daemon Lambda runs beside every traced function
 * (`AWS_XRAY_DAEMON_ADDRESS`), each under the function's own segment (the `Parent` of the
 * invocation's trace header).
 *
 * The handlers' own AWS clients report each call through `traceAwsCall`; an SDK client (the
 * event handler's) through middleware added by `captureAWSv3Client`.
 *
 * Why not the SDK (through the Powertools tracer): AWS put the X-Ray SDKs in maintenance mode on
 * 25 February 2026 (end of support 25 February 2027), and it was the costliest thing a cold
 * handler loaded that did none of the work: about 0.25 G of the 1.7 G instructions of a cold
 * invocation (bench `cold`, callgrind), its cls-hooked context tracking every promise.
 *
 * What is recorded is what the tracer recorded: `## handler` (annotations ColdStart and
 * Service), one `### article` per record (annotation correlation_id), and one subsegment per AWS
 * call (namespace `aws`: operation, region, request id, retries, HTTP status), a failure as a
 * fault (or an error for a 4xx, a throttle for a 429) with the exception's type and message, and
 * the call's `X-Amzn-Trace-Id` header so the service's own segment joins the trace.
 * Off Lambda (no sampled trace header, or no daemon address) nothing is recorded or sent.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import type { AwsCallInfo } from '../aws/call';

export interface TraceHeader {
  readonly root: string;
  /** The id of the segment the invocation runs under (Lambda's function segment). */
  readonly parent: string | null;
  readonly sampled: boolean;
}

/** `Root=1-…;Parent=…;Sampled=1`, as Lambda gives it per invocation; null when there is none. */
export function parseTraceHeader(value: string | undefined): TraceHeader | null {
  const fields = new Map((value ?? '').split(';').map((part): [string, string] => {
    const at = part.indexOf('=');
    return at < 0 ? [part.trim(), ''] : [part.slice(0, at).trim(), part.slice(at + 1).trim()];
  }));
  const root = fields.get('Root');
  return root ? { root, parent: fields.get('Parent') || null, sampled: fields.get('Sampled') === '1' } : null;
}

export interface DaemonAddress { readonly host: string; readonly port: number }

/** The daemon's UDP address: `169.254.79.129:2000`, or `udp:127.0.0.1:2000 tcp:127.0.0.1:2000`. */
export function parseDaemonAddress(value: string | undefined): DaemonAddress | null {
  const parts = (value ?? '').trim().split(/\s+/);
  const udp = parts.find((part) => part.startsWith('udp:')) ?? parts[0] ?? '';
  const match = /^(?:udp:)?([^\s:]+):(\d{1,5})$/.exec(udp);
  return match ? { host: match[1]!, port: Number(match[2]) } : null;
}

/** Where finished segment documents go. */
export interface SegmentSink {
  send(document: Readonly<Record<string, unknown>>): Promise<void>;
}

/** The daemon's wire format: a header line, then the document. */
const DAEMON_HEADER = '{"format":"json","version":1}\n';

/**
 * Documents to the daemon, one datagram each. A send that fails loses that trace and says so on
 * stderr (the function's log); it never fails the invocation it describes.
 */
export function daemonSink(address: DaemonAddress): SegmentSink {
  let socket: Socket | null = null;
  return {
    send(document) {
      // Unreferenced: an idle socket never keeps the process (or a test) alive.
      socket ??= createSocket('udp4').unref();
      const packet = Buffer.from(DAEMON_HEADER + JSON.stringify(document));
      return new Promise((resolve) => {
        socket!.send(packet, address.port, address.host, (error) => {
          if (error) process.stderr.write(`x-ray: a trace segment was not sent to ${address.host}:${address.port}: ${error.message}\n`);
          resolve();
        });
      });
    },
  };
}

/** An open subsegment: the document so far, and the trace it belongs to. */
interface Open {
  readonly trace: TraceHeader;
  readonly document: Record<string, unknown> & { readonly id: string };
}

const newId = (): string => randomBytes(8).toString('hex');
const now = (): number => Date.now() / 1000;

/** What a failure adds to its subsegment: fault for ours and the service's, error for a 4xx, throttle for a 429. */
function failure(error: unknown, status?: number): Record<string, unknown> {
  const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
  const kind = status === 429 ? { error: true, throttle: true } : status !== undefined && status >= 400 && status < 500 ? { error: true } : { fault: true };
  return { ...kind, cause: { exceptions: [{ id: newId(), type: name, message, remote: status !== undefined }] } };
}

/** What an AWS call's output or error says of the request (the SDK's `$metadata`). */
interface CallMetadata { readonly httpStatusCode?: number; readonly requestId?: string; readonly attempts?: number }
const metadataOf = (value: unknown): CallMetadata => ((value as { $metadata?: CallMetadata } | null)?.$metadata ?? {});

/** The part of an AWS SDK v3 client's middleware stack this uses (its overloads, one per step, reduced to the two steps used). */
interface MiddlewareStack {
  add(middleware: (next: Next, context: CallContext) => Next, options: { readonly step: 'initialize' | 'build'; readonly name: string }): void;
}
type Next = (args: { request?: unknown }) => Promise<{ output?: unknown }>;
interface CallContext { readonly clientName?: string; readonly commandName?: string; [key: symbol]: Open | undefined }

export interface XRayTracerOptions {
  /** The Service annotation: the name the stage's logs and metrics carry (lambdas/contract/names.ts). */
  readonly service: string;
  /** Where documents go; default the daemon at AWS_XRAY_DAEMON_ADDRESS (none: tracing is off). */
  readonly sink?: SegmentSink | null;
  /** The invocation's trace header; default Lambda's (its InvokeStore where there is one, else _X_AMZN_TRACE_ID). */
  readonly traceHeader?: () => string | undefined;
}

/** Lambda's trace header for the invocation in progress. */
function lambdaTraceHeader(): string | undefined {
  const store = (globalThis as { awslambda?: { InvokeStore?: { getXRayTraceId(): string | undefined } } }).awslambda?.InvokeStore;
  return store?.getXRayTraceId() ?? process.env._X_AMZN_TRACE_ID;
}

/** The `aws` and `http` parts of an AWS call's subsegment. */
function awsFacts(operation: string, region: string | undefined, metadata: CallMetadata): Record<string, unknown> {
  return {
    aws: {
      operation,
      region,
      request_id: metadata.requestId,
      retries: Math.max(0, (metadata.attempts ?? 1) - 1),
    },
    ...(metadata.httpStatusCode ? { http: { response: { status: metadata.httpStatusCode } } } : {}),
  };
}

/** The header that makes the service's segment a child of the call's subsegment. */
const traceHeaderOf = (call: Open): string => `Root=${call.trace.root};Parent=${call.document.id};Sampled=1`;

const CALL = Symbol('x-ray subsegment of this AWS call');

export class XRayTracer {
  private readonly open = new AsyncLocalStorage<Open>();
  private readonly sink: SegmentSink | null;
  private readonly header: () => string | undefined;
  private readonly sending = new Set<Promise<void>>();
  private coldStart = true;

  constructor(private readonly options: XRayTracerOptions) {
    const address = parseDaemonAddress(process.env.AWS_XRAY_DAEMON_ADDRESS);
    this.sink = options.sink !== undefined ? options.sink : address ? daemonSink(address) : null;
    this.header = options.traceHeader ?? lambdaTraceHeader;
  }

  /** The invocation's `## handler` subsegment around `work`; its documents are sent before it returns. */
  async traceInvocation<T>(work: () => Promise<T>): Promise<T> {
    const coldStart = this.coldStart;
    this.coldStart = false;
    const trace = parseTraceHeader(this.header());
    if (!this.sink || !trace?.sampled || !trace.parent) return work();
    try {
      return await this.within({ trace, parentId: trace.parent }, '## handler', { ColdStart: coldStart, Service: this.options.service }, work);
    } finally {
      await Promise.all(this.sending);
    }
  }

  /** A subsegment of the current one around `work` (nothing when no invocation is traced). */
  traceSubsegment<T>(name: string, annotations: Readonly<Record<string, string | number | boolean>>, work: () => Promise<T>): Promise<T> {
    const parent = this.open.getStore();
    return parent ? this.within({ trace: parent.trace, parentId: parent.document.id }, name, annotations, work) : work();
  }

  /**
   * One AWS call of the handlers' own clients (lambdas/aws/call.ts) as a subsegment of the one
   * open when it is made; `run` gets the `X-Amzn-Trace-Id` value to send so the service's own
   * segment joins the trace (nothing when no invocation is traced).
   */
  traceAwsCall<T>(call: AwsCallInfo, run: (traceHeader: string | undefined) => Promise<T>): Promise<T> {
    const parent = this.open.getStore();
    if (!parent) return run(undefined);
    const open = this.startCall(parent, call.client);
    return this.recordCall(open, call.operation, async () => call.region, () => run(traceHeaderOf(open)));
  }

  /**
   * Records each call of an SDK v3 `client` as a subsegment of the one open when it is made, and
   * passes the trace on in its `X-Amzn-Trace-Id` header (left out of the signature by the SDK).
   */
  captureAWSv3Client<C extends { readonly middlewareStack: object }>(client: C): C {
    const stack = client.middlewareStack as MiddlewareStack;
    // The client's region: a value, or (SDK v3) a provider of one.
    const configured = (client as { readonly config?: { readonly region?: unknown } }).config?.region;
    const region = async (): Promise<string | undefined> => {
      const value: unknown = typeof configured === 'function' ? await (configured as () => unknown)() : configured;
      return typeof value === 'string' ? value : undefined;
    };
    stack.add((next, context) => async (args) => {
      const parent = this.open.getStore();
      if (!parent) return next(args);
      const call = this.startCall(parent, (context.clientName ?? 'AWS').replace(/Client$/, ''));
      context[CALL] = call;
      return this.recordCall(call, (context.commandName ?? '').replace(/Command$/, ''), region, () => next(args), (result) => result.output);
    }, { step: 'initialize', name: 'xrayTracing' });
    stack.add((next, context) => (args) => {
      const call = context[CALL];
      const request = args.request as { headers?: Record<string, string> } | undefined;
      if (call && request?.headers) request.headers['X-Amzn-Trace-Id'] = traceHeaderOf(call);
      return next(args);
    }, { step: 'build', name: 'xrayTraceHeader' });
    return client;
  }

  private startCall(parent: Open, client: string): Open {
    const call = this.start(parent.trace, parent.document.id, client);
    call.document.namespace = 'aws';
    return call;
  }

  /** Runs the call and finishes its subsegment with what its answer (`outputOf` it) or its error says. */
  private async recordCall<T>(call: Open, operation: string, region: () => Promise<string | undefined>, send: () => Promise<T>, outputOf: (result: T) => unknown = (result) => result): Promise<T> {
    try {
      const result = await send();
      this.finish(call, awsFacts(operation, await region(), metadataOf(outputOf(result))));
      return result;
    } catch (error) {
      const metadata = metadataOf(error);
      this.finish(call, { ...awsFacts(operation, await region(), metadata), ...failure(error, metadata.httpStatusCode) });
      throw error;
    }
  }

  private async within<T>(at: { trace: TraceHeader; parentId: string }, name: string, annotations: Readonly<Record<string, unknown>>, work: () => Promise<T>): Promise<T> {
    const open = this.start(at.trace, at.parentId, name);
    open.document.annotations = annotations;
    try {
      const result = await this.open.run(open, work);
      this.finish(open, {});
      return result;
    } catch (error) {
      this.finish(open, failure(error));
      throw error;
    }
  }

  private start(trace: TraceHeader, parentId: string, name: string): Open {
    return { trace, document: { id: newId(), name, trace_id: trace.root, parent_id: parentId, type: 'subsegment', start_time: now() } };
  }

  private finish(open: Open, facts: Record<string, unknown>): void {
    const sent = this.sink!.send({ ...open.document, ...facts, end_time: now() });
    this.sending.add(sent);
    void sent.finally(() => this.sending.delete(sent));
  }
}
