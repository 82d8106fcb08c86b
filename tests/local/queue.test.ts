import { describe, expect, it } from 'vitest';
import type { SQSEvent } from 'aws-lambda';
import { LocalQueue, type DeadLetter, type DeliveryFailure } from '../../local/queue';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('LocalQueue', () => {
  it('delivers each message as an SQS event and deletes it after success', async () => {
    const seen: SQSEvent[] = [];
    const queue = new LocalQueue({ name: 'q', handler: async (event) => { seen.push(event); } });
    const id = queue.send('{"hello":1}');
    await queue.idle();
    expect(seen).toHaveLength(1);
    const [record] = seen[0]!.Records;
    expect(record).toMatchObject({ messageId: id, body: '{"hello":1}', eventSource: 'aws:sqs' });
    expect(record!.attributes.ApproximateReceiveCount).toBe('1');
    expect(queue.depth).toBe(0);
  });

  it('retries a thrown error with doubling backoff, then succeeds', async () => {
    const times: number[] = [];
    const retries: DeliveryFailure[] = [];
    const queue = new LocalQueue({
      name: 'q',
      backoffMs: 40,
      maxTries: 5,
      handler: async () => {
        times.push(Date.now());
        if (times.length < 3) throw new Error(`boom ${times.length}`);
      },
      onRetry: (failure) => retries.push(failure),
    });
    queue.send('x');
    await queue.idle();
    expect(times).toHaveLength(3);
    expect(retries.map((r) => [r.receiveCount, r.retryInMs, r.error])).toEqual([[1, 40, 'boom 1'], [2, 80, 'boom 2']]);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(38);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(78);
  });

  it('treats a batch item failure naming the message as a failed delivery', async () => {
    let calls = 0;
    const queue = new LocalQueue({
      name: 'q',
      backoffMs: 1,
      handler: async (event) => {
        calls += 1;
        return { batchItemFailures: calls === 1 ? [{ itemIdentifier: event.Records[0]!.messageId }] : [] };
      },
    });
    queue.send('x');
    await queue.idle();
    expect(calls).toBe(2);
  });

  it('dead-letters a message after maxTries receives and keeps serving others', async () => {
    const letters: DeadLetter[] = [];
    const handled: string[] = [];
    const queue = new LocalQueue({
      name: 'extract',
      backoffMs: 1,
      maxTries: 3,
      handler: async (event) => {
        const body = event.Records[0]!.body;
        handled.push(body);
        if (body === 'poison') throw new TypeError('cannot read it');
      },
      onDeadLetter: (letter) => { letters.push(letter); },
    });
    queue.send('poison');
    queue.send('fine');
    await queue.idle();
    expect(handled.filter((b) => b === 'poison')).toHaveLength(3);
    expect(handled.filter((b) => b === 'fine')).toHaveLength(1);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ queue: 'extract', body: 'poison', receiveCount: 3, lastError: 'TypeError: cannot read it' });
  });

  it('never runs more than `concurrency` handlers at once', async () => {
    let running = 0;
    let peak = 0;
    const queue = new LocalQueue({
      name: 'q',
      concurrency: 3,
      handler: async () => {
        running += 1;
        peak = Math.max(peak, running);
        await sleep(15);
        running -= 1;
      },
    });
    for (let i = 0; i < 10; i += 1) queue.send(String(i));
    await queue.idle();
    expect(peak).toBe(3);
  });

  it('delivers again when a handler outlives the visibility timeout (at-least-once)', async () => {
    const counts: string[] = [];
    const queue = new LocalQueue({
      name: 'q',
      visibilityTimeoutMs: 30,
      handler: async (event) => {
        const count = event.Records[0]!.attributes.ApproximateReceiveCount;
        counts.push(count);
        if (count === '1') await sleep(80);
      },
    });
    queue.send('slow');
    await queue.idle();
    expect(counts).toEqual(['1', '2']);
  });

  it('stop() waits for deliveries in flight and starts no new ones', async () => {
    const finished: string[] = [];
    const queue = new LocalQueue({
      name: 'q',
      concurrency: 1,
      handler: async (event) => {
        await sleep(30);
        finished.push(event.Records[0]!.body);
      },
    });
    queue.send('a');
    queue.send('b');
    await sleep(5);
    await queue.stop();
    expect(finished).toEqual(['a']);
    expect(queue.depth).toBe(1);
  });
});
