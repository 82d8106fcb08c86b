/** EventBridge's PutEvents over its JSON API, for the handlers' events (lambdas/handlers/eventbridge.ts). */
import { type AwsClientConfig, callAws, type ErrorReader, SigningClock } from './call';
import { dnsSuffix } from './partition';

export interface EventEntry {
  readonly EventBusName: string;
  readonly Source: string;
  readonly DetailType: string;
  readonly Time: Date;
  /** JSON. */
  readonly Detail: string;
}

export interface PutEventsAnswer {
  readonly FailedEntryCount?: number;
  readonly Entries?: ReadonlyArray<{ readonly EventId?: string; readonly ErrorCode?: string; readonly ErrorMessage?: string }>;
}

export interface EventBridgeConfig extends AwsClientConfig {
  /** Default: AWS in `region`. */
  readonly endpoint?: string;
}

const EVENTS = { signingName: 'events', client: 'EventBridge' } as const;

/** `{"__type":"…#ThrottlingException","message":"…"}`, or the error type header. */
const readJsonError: ErrorReader = (response) => {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(new TextDecoder().decode(response.body));
  } catch {
    // Not JSON (a proxy's page): the status speaks.
  }
  const field = (name: string): string | undefined => {
    const value = parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>)[name] : undefined;
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const type = response.headers['x-amzn-errortype'] ?? field('__type') ?? `Http${response.status}`;
  const code = type.split(':')[0]!.split('#').at(-1)!;
  return { code, message: field('message') ?? field('Message') ?? `EventBridge answered ${response.status} (${code})` };
};

export class EventBridgeEvents {
  private readonly origin: URL;
  private readonly clock = new SigningClock();

  constructor(private readonly config: EventBridgeConfig) {
    this.origin = new URL(config.endpoint ?? `https://events.${config.region}.${dnsSuffix(config.region)}`);
  }

  async putEvents(entries: readonly EventEntry[], signal?: AbortSignal): Promise<PutEventsAnswer> {
    // The JSON 1.1 protocol writes a timestamp as epoch seconds.
    const body = JSON.stringify({ Entries: entries.map((entry) => ({ ...entry, Time: entry.Time.getTime() / 1000 })) });
    const answer = await callAws(this.config, EVENTS, {
      operation: 'PutEvents', method: 'POST', origin: this.origin, path: '/', query: [],
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSEvents.PutEvents' },
      body: Buffer.from(body, 'utf8'), signal,
    }, readJsonError, this.clock);
    return JSON.parse(new TextDecoder().decode(answer.body)) as PutEventsAnswer;
  }
}
