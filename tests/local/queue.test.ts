import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SQSEvent } from 'aws-lambda';
import { LocalQueue, type DeadLetter, type DeliveryFailure } from '../../local/queue';
import { QueueJournal } from '../../local/queue-journal';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const dir = mkdtempSync(join(tmpdir(), 'queue-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('LocalQueue', () => {
  it('delivers each message as an SQS event with a Lambda context and deletes it after success', async () => {
    const seen: SQSEvent[] = [];
    let remaining = 0;
    const queue = new LocalQueue({
      name: 'q',
      invocationTimeoutMs: 5_000,
      handler: async (event, context) => {
        seen.push(event);
        remaining = context!.getRemainingTimeInMillis();
      },
    });
    const id = queue.send('{"hello":1}');
    await queue.idle();
    expect(seen).toHaveLength(1);
    const [record] = seen[0]!.Records;
    expect(record).toMatchObject({ messageId: id, body: '{"hello":1}', eventSource: 'aws:sqs' });
    expect(record!.attributes.ApproximateReceiveCount).toBe('1');
    expect(remaining).toBeGreaterThan(4_000);
    expect(remaining).toBeLessThanOrEqual(5_000);
    expect(queue.depth).toBe(0);
  });

  it('brings a failed message back when its visibility timeout ends, as SQS does', async () => {
    const times: number[] = [];
    const retries: DeliveryFailure[] = [];
    const queue = new LocalQueue({
      name: 'q',
      visibilityTimeoutMs: 120,
      invocationTimeoutMs: 100,
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
    expect(retries.map((r) => [r.receiveCount, r.error])).toEqual([[1, 'boom 1'], [2, 'boom 2']]);
    // Counted from the receive, not from the failure: the whole visibility timeout, no less.
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(115);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(115);
  });

  it('treats a batch item failure naming the message as a failed delivery', async () => {
    let calls = 0;
    const queue = new LocalQueue({
      name: 'q',
      visibilityTimeoutMs: 10,
      invocationTimeoutMs: 10,
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
      visibilityTimeoutMs: 5,
      invocationTimeoutMs: 5,
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

  it('frees the slot of an invocation that never returns, and delivers its message again', async () => {
    const counts: string[] = [];
    const failures: DeliveryFailure[] = [];
    const queue = new LocalQueue({
      name: 'q',
      concurrency: 1,
      visibilityTimeoutMs: 80,
      invocationTimeoutMs: 50,
      handler: async (event) => {
        const count = event.Records[0]!.attributes.ApproximateReceiveCount;
        counts.push(`${event.Records[0]!.body}#${count}`);
        // Stuck forever, as on a request that never answers.
        if (event.Records[0]!.body === 'stuck' && count === '1') await new Promise(() => {});
      },
      onRetry: (failure) => failures.push(failure),
    });
    queue.send('stuck');
    queue.send('next');
    await queue.idle();
    // The one slot went to "next" as soon as the stuck invocation timed out.
    expect(counts).toEqual(['stuck#1', 'next#1', 'stuck#2']);
    expect(failures[0]?.error).toBe('the invocation timed out after 0.1 s');
  });

  it('refuses an invocation timeout longer than the visibility timeout (SQS refuses it too)', () => {
    expect(() => new LocalQueue({ name: 'q', handler: async () => {}, invocationTimeoutMs: 2_000, visibilityTimeoutMs: 1_000 })).toThrow(/visibility/);
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

describe('LocalQueue with a journal', () => {
  it('keeps unfinished messages and their receive counts across a restart, and compacts the file', async () => {
    const file = join(dir, 'restart.jsonl');
    const first = new LocalQueue({
      name: 'q',
      concurrency: 1,
      journal: new QueueJournal(file),
      handler: async (event) => {
        // "crash" stays in flight forever: the process is "killed" below.
        if (event.Records[0]!.body === 'crash') await new Promise(() => {});
      },
    });
    first.send('done');
    first.send('crash');
    first.send('waiting');
    await sleep(30);
    // kill -9: no stop(), no close(); a torn line as a write cut short would leave.
    first.close();
    appendFileSync(file, '{"op":"send","id":"half');

    const seen: string[] = [];
    const second = new LocalQueue({
      name: 'q',
      journal: new QueueJournal(file),
      handler: async (event) => { seen.push(`${event.Records[0]!.body}#${event.Records[0]!.attributes.ApproximateReceiveCount}`); },
    });
    expect(second.depth).toBe(2);
    second.start();
    await second.idle();
    expect(seen.sort()).toEqual(['crash#2', 'waiting#1']);
    second.close();
    // Compacted at the second start: the first run's "done" is gone from the file.
    expect(readFileSync(file, 'utf8')).not.toContain('"body":"done"');
  });

  it('dead-letters, at start, a message whose last delivery the process did not survive', async () => {
    const file = join(dir, 'poison.jsonl');
    const journal = new QueueJournal(file);
    journal.sent('m1', 'kills the process', Date.now());
    journal.received('m1', 3);
    journal.close();
    const letters: DeadLetter[] = [];
    const handled: string[] = [];
    const queue = new LocalQueue({ name: 'q', maxTries: 3, journal: new QueueJournal(file), handler: async (e) => { handled.push(e.Records[0]!.body); }, onDeadLetter: (l) => { letters.push(l); } });
    queue.start();
    await queue.idle();
    expect(handled).toEqual([]);
    expect(letters).toMatchObject([{ body: 'kills the process', receiveCount: 3, lastError: expect.stringMatching(/crashed or was killed/) }]);
    queue.close();
    expect(new QueueJournal(file).restored).toEqual([]);
  });
});
