/**
 * An in-memory stand-in for an SQS queue with a Lambda event source mapping, so the local
 * pipeline drives the handlers with the semantics they meet on AWS:
 * - at-least-once: a message is deleted only after its handler succeeded; a handler that runs
 *   past the visibility timeout sees its message delivered a second time;
 * - a thrown error fails the delivery, `batchItemFailures` naming the message fails it too;
 * - a failed message comes back after an exponential backoff, and after `maxTries` receives it
 *   goes to a dead-letter sink instead (SQS's maxReceiveCount + redrive policy);
 * - at most `concurrency` handler invocations run at once (reserved concurrency);
 * - `stop()` takes no new deliveries and waits for the ones in flight.
 * One message per invocation (batch size 1) keeps a poison article from delaying its neighbours.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export type QueueHandler = (event: SQSEvent) => Promise<SQSBatchResponse | void>;

/** What reaches the dead-letter sink: the message and why its last delivery failed. */
export interface DeadLetter {
  readonly queue: string;
  readonly messageId: string;
  readonly body: string;
  readonly receiveCount: number;
  readonly sentAt: string;
  readonly at: string;
  readonly lastError: string;
}

/** One failed delivery that will be retried. */
export interface DeliveryFailure {
  readonly queue: string;
  readonly messageId: string;
  readonly body: string;
  readonly receiveCount: number;
  readonly error: string;
  readonly retryInMs: number;
}

export interface LocalQueueOptions {
  readonly name: string;
  readonly handler: QueueHandler;
  /** Handler invocations running at once. Default 2. */
  readonly concurrency?: number;
  /** Receives before a message is dead-lettered (SQS maxReceiveCount). Default 3. */
  readonly maxTries?: number;
  /** Delay before the first retry; it doubles on every further failure. Default 250 ms. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  /** A delivery still running after this long is delivered again. Default 60 s. */
  readonly visibilityTimeoutMs?: number;
  readonly onDeadLetter?: (letter: DeadLetter) => void | Promise<void>;
  readonly onRetry?: (failure: DeliveryFailure) => void;
}

interface Message {
  readonly id: string;
  readonly body: string;
  readonly sentAt: number;
  receiveCount: number;
  firstReceivedAt: number | null;
  visibleAt: number;
  /** Identifies the current delivery; a stale (timed-out) delivery's outcome is ignored on failure. */
  lease: number;
  leased: boolean;
}

export class LocalQueue {
  readonly name: string;
  private readonly options: Required<Omit<LocalQueueOptions, 'onDeadLetter' | 'onRetry'>> & LocalQueueOptions;
  private readonly messages = new Map<string, Message>();
  private running = 0;
  private stopped = false;
  private wakeTimer: NodeJS.Timeout | null = null;
  private readonly visibilityTimers = new Set<NodeJS.Timeout>();
  private readonly idleWaiters: Array<() => void> = [];
  private readonly drainWaiters: Array<() => void> = [];
  private nextLease = 1;

  constructor(options: LocalQueueOptions) {
    this.name = options.name;
    this.options = {
      concurrency: 2,
      maxTries: 3,
      backoffMs: 250,
      maxBackoffMs: 10_000,
      visibilityTimeoutMs: 60_000,
      ...options,
    };
  }

  /** Enqueues a message body; returns its id. Accepted even while stopped (kept, not delivered). */
  send(body: string): string {
    const id = randomUUID();
    const now = Date.now();
    this.messages.set(id, { id, body, sentAt: now, receiveCount: 0, firstReceivedAt: null, visibleAt: now, lease: 0, leased: false });
    this.pump();
    return id;
  }

  /** Messages not yet deleted or dead-lettered, in flight or waiting. */
  get depth(): number {
    return this.messages.size;
  }

  /** Resolves once no message is waiting, backing off or in flight. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops delivering; resolves when the deliveries in flight have finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    while (this.running > 0) await new Promise<void>((resolve) => this.drainWaiters.push(resolve));
    for (const timer of this.visibilityTimers) clearTimeout(timer);
    this.visibilityTimers.clear();
  }

  private isIdle(): boolean {
    return this.running === 0 && this.messages.size === 0;
  }

  private notify(): void {
    if (this.running > 0) return;
    for (const resolve of this.drainWaiters.splice(0)) resolve();
    if (this.messages.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Starts deliveries while there is capacity and a visible message; sleeps until the next one. */
  private pump(): void {
    if (this.stopped) return;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    const now = Date.now();
    let nextVisible = Infinity;
    for (const message of this.messages.values()) {
      if (this.running >= this.options.concurrency) break;
      if (message.leased) continue;
      if (message.visibleAt <= now) this.deliver(message);
      else nextVisible = Math.min(nextVisible, message.visibleAt);
    }
    if (nextVisible !== Infinity && this.running < this.options.concurrency) {
      this.wakeTimer = setTimeout(() => this.pump(), nextVisible - now);
    }
  }

  private deliver(message: Message): void {
    const lease = this.nextLease++;
    const now = Date.now();
    message.lease = lease;
    message.leased = true;
    message.receiveCount += 1;
    message.firstReceivedAt ??= now;
    this.running += 1;
    const visibility = setTimeout(() => {
      // Still running past the visibility timeout: SQS makes the message visible again.
      this.visibilityTimers.delete(visibility);
      if (message.lease === lease && this.messages.has(message.id)) {
        message.leased = false;
        message.visibleAt = Date.now();
        this.pump();
      }
    }, this.options.visibilityTimeoutMs);
    this.visibilityTimers.add(visibility);
    void this.invoke(message)
      .then(
        (error) => this.settle(message, lease, error),
        (error: unknown) => this.settle(message, lease, describe(error)),
      )
      // Only a failing onDeadLetter/onRetry callback gets here; the queue must keep serving.
      .catch((error: unknown) => process.stderr.write(`${this.name}: dead-letter or retry callback failed: ${describe(error)}\n`))
      .finally(() => {
        clearTimeout(visibility);
        this.visibilityTimers.delete(visibility);
        this.running -= 1;
        this.pump();
        this.notify();
      });
  }

  /** Runs the handler on one message; resolves to an error text, or null on success. */
  private async invoke(message: Message): Promise<string | null> {
    const response = await this.options.handler({ Records: [this.record(message)] });
    const failed = response?.batchItemFailures?.some((failure) => failure.itemIdentifier === message.id);
    return failed ? 'reported as a batch item failure' : null;
  }

  private async settle(message: Message, lease: number, error: string | null): Promise<void> {
    if (error === null) {
      this.messages.delete(message.id);
      return;
    }
    // A later delivery owns the message now; its own outcome decides.
    if (message.lease !== lease || !this.messages.has(message.id)) return;
    message.leased = false;
    if (message.receiveCount >= this.options.maxTries) {
      this.messages.delete(message.id);
      await this.options.onDeadLetter?.({
        queue: this.name,
        messageId: message.id,
        body: message.body,
        receiveCount: message.receiveCount,
        sentAt: new Date(message.sentAt).toISOString(),
        at: new Date().toISOString(),
        lastError: error,
      });
      return;
    }
    const retryInMs = Math.min(this.options.maxBackoffMs, this.options.backoffMs * 2 ** (message.receiveCount - 1));
    message.visibleAt = Date.now() + retryInMs;
    this.options.onRetry?.({ queue: this.name, messageId: message.id, body: message.body, receiveCount: message.receiveCount, error, retryInMs });
  }

  private record(message: Message): SQSRecord {
    return {
      messageId: message.id,
      receiptHandle: `${message.id}#${message.lease}`,
      body: message.body,
      attributes: {
        ApproximateReceiveCount: String(message.receiveCount),
        SentTimestamp: String(message.sentAt),
        SenderId: 'local',
        ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? Date.now()),
      },
      messageAttributes: {},
      md5OfBody: createHash('md5').update(message.body).digest('hex'),
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:local:000000000000:${this.name}`,
      awsRegion: 'local',
    };
  }
}

/** One line for any thrown value: the message of an Error, else its string form. */
export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
}
