/**
 * A stand-in for an SQS queue with a Lambda event source mapping, so the local pipeline drives
 * the handlers with the semantics they meet on AWS:
 * - at-least-once: a message is deleted only after its handler succeeded;
 * - a delivery hides the message for the visibility timeout; if the delivery fails (a thrown
 *   error, or `batchItemFailures` naming it) the message reappears when that timeout ends —
 *   not sooner, as on SQS — and after `maxTries` receives it goes to the dead-letter sink
 *   instead (SQS's maxReceiveCount + redrive policy);
 * - an invocation has a timeout (the Lambda timeout): the handler sees its remaining time in
 *   `context.getRemainingTimeInMillis()`, and one still running when it ends counts as failed
 *   and frees its slot, whatever it is stuck on;
 * - at most `concurrency` invocations run at once (reserved concurrency);
 * - with a journal, messages survive a crash of the process (queue-journal.ts);
 * - `stop()` takes no new deliveries and waits for the ones in flight.
 * One message per invocation (batch size 1) keeps a poison article from delaying its neighbours.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { describeError } from '../lambdas/core/errors';
import type { QueueJournal } from './queue-journal';

export type QueueHandler = (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse | void>;

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
  /** How long a received message stays hidden; a failed one comes back after it. Default 180 s. */
  readonly visibilityTimeoutMs?: number;
  /** How long one invocation may run (the Lambda timeout); at most the visibility timeout. Default 30 s. */
  readonly invocationTimeoutMs?: number;
  /** Where messages are kept across restarts. Default: in memory only. */
  readonly journal?: QueueJournal;
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
  /** Identifies the current delivery; the outcome of an earlier (timed-out) one is ignored. */
  lease: number;
  running: boolean;
}

export class LocalQueue {
  readonly name: string;
  private readonly options: Required<Omit<LocalQueueOptions, 'onDeadLetter' | 'onRetry' | 'journal'>> & LocalQueueOptions;
  private readonly messages = new Map<string, Message>();
  private running = 0;
  private stopped = false;
  private wakeTimer: NodeJS.Timeout | null = null;
  private readonly idleWaiters: Array<() => void> = [];
  private readonly drainWaiters: Array<() => void> = [];
  /** Dead-letter callbacks not finished yet (idle() waits for them). */
  private readonly pendingSinks = new Set<Promise<unknown>>();
  private nextLease = 1;

  constructor(options: LocalQueueOptions) {
    this.name = options.name;
    this.options = {
      concurrency: 2,
      maxTries: 3,
      visibilityTimeoutMs: 180_000,
      invocationTimeoutMs: 30_000,
      ...options,
    };
    if (this.options.invocationTimeoutMs > this.options.visibilityTimeoutMs) {
      // SQS refuses such an event source mapping: a running invocation would see its message again.
      throw new Error(`${this.name}: the invocation timeout must not exceed the visibility timeout`);
    }
    const now = Date.now();
    for (const restored of options.journal?.restored ?? []) {
      // The process that received these is gone: what it was doing is void, the receive counts.
      this.messages.set(restored.id, { ...restored, firstReceivedAt: null, visibleAt: now, lease: 0, running: false });
    }
  }

  /** Bodies of the messages waiting or in flight (to avoid queueing an object twice). */
  get bodies(): string[] {
    return [...this.messages.values()].map((message) => message.body);
  }

  /** Starts delivering, after the restored messages that are out of tries go to the dead-letter sink. */
  start(): void {
    for (const message of [...this.messages.values()]) {
      if (message.receiveCount >= this.options.maxTries) {
        this.deadLetter(message, 'the process stopped (crashed or was killed) during its last delivery');
      }
    }
    this.pump();
  }

  /** Enqueues a message body; returns its id. Accepted even while stopped (kept, not delivered). */
  send(body: string): string {
    const id = randomUUID();
    const now = Date.now();
    this.options.journal?.sent(id, body, now);
    this.messages.set(id, { id, body, sentAt: now, receiveCount: 0, firstReceivedAt: null, visibleAt: now, lease: 0, running: false });
    this.pump();
    return id;
  }

  /** Messages not yet deleted or dead-lettered, in flight or waiting. */
  get depth(): number {
    return this.messages.size;
  }

  /** Resolves once no message is waiting, hidden or in flight. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops delivering; resolves when the deliveries in flight have finished or timed out. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    while (this.running > 0) await new Promise<void>((resolve) => this.drainWaiters.push(resolve));
    await Promise.allSettled([...this.pendingSinks]);
  }

  /** Closes the journal; messages sent after this are kept in memory only. */
  close(): void {
    this.options.journal?.close();
  }

  private isIdle(): boolean {
    return this.running === 0 && this.messages.size === 0 && this.pendingSinks.size === 0;
  }

  private notify(): void {
    if (this.running > 0) return;
    for (const resolve of this.drainWaiters.splice(0)) resolve();
    if (this.isIdle()) for (const resolve of this.idleWaiters.splice(0)) resolve();
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
      if (message.running) continue;
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
    message.running = true;
    message.receiveCount += 1;
    message.firstReceivedAt ??= now;
    message.visibleAt = now + this.options.visibilityTimeoutMs;
    this.options.journal?.received(message.id, message.receiveCount);
    this.running += 1;
    const timeoutMs = this.options.invocationTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`the invocation timed out after ${(timeoutMs / 1000).toFixed(1)} s`), timeoutMs);
    });
    const context = lambdaContext(this.name, now + timeoutMs);
    void Promise.race([
      this.invoke(message, context).then((error) => error, (error: unknown) => describeError(error)),
      timedOut,
    ])
      .then((error) => this.settle(message, lease, error))
      // Only a failing onDeadLetter/onRetry callback gets here; the queue must keep serving.
      .catch((error: unknown) => process.stderr.write(`${this.name}: dead-letter or retry callback failed: ${describeError(error)}\n`))
      .finally(() => {
        clearTimeout(timer);
        this.running -= 1;
        this.pump();
        this.notify();
      });
  }

  /** Runs the handler on one message; resolves to an error text, or null on success. */
  private async invoke(message: Message, context: Context): Promise<string | null> {
    const response = await this.options.handler({ Records: [this.record(message)] }, context);
    const failed = response?.batchItemFailures?.some((failure) => failure.itemIdentifier === message.id);
    return failed ? 'reported as a batch item failure' : null;
  }

  private settle(message: Message, lease: number, error: string | null): void {
    // A later delivery owns the message now; its own outcome decides.
    if (message.lease !== lease || !this.messages.has(message.id)) return;
    message.running = false;
    if (error === null) {
      this.messages.delete(message.id);
      this.options.journal?.deleted(message.id);
      return;
    }
    if (message.receiveCount >= this.options.maxTries) {
      this.deadLetter(message, error);
      return;
    }
    const retryInMs = Math.max(0, message.visibleAt - Date.now());
    this.options.onRetry?.({ queue: this.name, messageId: message.id, body: message.body, receiveCount: message.receiveCount, error, retryInMs });
  }

  private deadLetter(message: Message, error: string): void {
    this.messages.delete(message.id);
    const letter: DeadLetter = {
      queue: this.name,
      messageId: message.id,
      body: message.body,
      receiveCount: message.receiveCount,
      sentAt: new Date(message.sentAt).toISOString(),
      at: new Date().toISOString(),
      lastError: error,
    };
    // Deleted from the journal only once the sink has it: a crash in between delivers it again.
    const sink = Promise.resolve()
      .then(() => this.options.onDeadLetter?.(letter))
      .then(() => this.options.journal?.deleted(message.id))
      .catch((failure: unknown) => process.stderr.write(`${this.name}: dead-letter sink failed: ${describeError(failure)}\n`))
      .finally(() => {
        this.pendingSinks.delete(sink);
        this.notify();
      });
    this.pendingSinks.add(sink);
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

/** The part of a Lambda context handlers read: the time left before the invocation is cut off. */
function lambdaContext(queue: string, deadline: number): Context {
  const context: Partial<Context> = {
    functionName: `${queue}-handler`,
    awsRequestId: randomUUID(),
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  return context as Context;
}

/** One line for any thrown value: the message of an Error, else its string form. */
export const describe = describeError;
