/**
 * The local pipeline's stand-in for EventBridge: the handlers publish Briefing Ready / Failed
 * here (the same events, built by the same code), and each one goes out as a JSON line on the
 * pipeline's log, to in-process listeners, and to every client of the Server-Sent Events
 * endpoint (`GET /_briefing/events` on the S3 port: `new EventSource(url)` in a page, `curl -N`
 * in a terminal). S3 bucket names cannot start with `_`, so the path never shadows a bucket.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BriefingEvent, EventPublisher } from '../lambdas/handlers/events';

export const EVENTS_PATH = '/_briefing/events';

/** Comment lines keep idle connections (and proxies) from timing out. */
const KEEP_ALIVE_MS = 15_000;

export type EventListener = (event: BriefingEvent) => void;

export class LocalEventHub implements EventPublisher {
  private readonly clients = new Set<ServerResponse>();
  private readonly listeners = new Set<EventListener>();
  private sequence = 0;
  private keepAlive: NodeJS.Timeout | null = null;

  constructor(private readonly log: (line: string) => void) {}

  async publish(event: BriefingEvent): Promise<void> {
    const json = JSON.stringify(event);
    this.log(`event ${json}`);
    this.sequence += 1;
    for (const client of this.clients) client.write(`id: ${this.sequence}\ndata: ${json}\n\n`);
    for (const listener of this.listeners) listener(event);
  }

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The SSE endpoint: streams every event published from now on. */
  serve(request: IncomingMessage, response: ServerResponse): void {
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET' }).end();
      return;
    }
    if (request.method !== 'GET') {
      response.writeHead(405, { Allow: 'GET' }).end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // A local page served from anywhere (file://, another port) may subscribe.
      'Access-Control-Allow-Origin': '*',
    });
    response.write(': briefing events (Briefing Ready, Briefing Failed), one JSON object per data line\n\n');
    this.clients.add(response);
    this.keepAlive ??= setInterval(() => { for (const client of this.clients) client.write(': keep-alive\n\n'); }, KEEP_ALIVE_MS).unref();
    request.on('close', () => {
      this.clients.delete(response);
      if (this.clients.size === 0 && this.keepAlive) {
        clearInterval(this.keepAlive);
        this.keepAlive = null;
      }
    });
  }

  close(): void {
    for (const client of this.clients) client.end();
    this.clients.clear();
    this.listeners.clear();
    if (this.keepAlive) clearInterval(this.keepAlive);
    this.keepAlive = null;
  }
}
