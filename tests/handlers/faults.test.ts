/**
 * How the handlers classify failures, against the real S3 server: whatever the core throws on
 * an input is that input's error record; storage trouble is a retry, and on the last delivery
 * SQS will make it is recorded instead of lost; the invocation stops before its own timeout;
 * metadata is checked.
 */
import { readFileSync } from 'node:fs';
import type { Context, S3EventRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createExtractHandler } from '../../lambdas/handlers/extract-handler';
import { createRenderHandler } from '../../lambdas/handlers/render-handler';
import type { ExtractCore, RenderCore } from '../../lambdas/handlers/cores';
import { encodeEventKey } from '../../lambdas/handlers/s3-keys';
import { getJson, handlerStoreFor, putObject, s3ServerForTests, sqsEvent, stat, testLogger, waitForRecord } from '../support/s3';
import { startFaultProxy, type FaultProxy } from '../reliability/fault-proxy';

const INPUT = 'articles';
const OUTPUT = 'briefings';
const ARTICLE = readFileSync(new URL('../fixtures/articles/idlib-offensive-2019.txt', import.meta.url));

const env = s3ServerForTests([INPUT, OUTPUT]);

const deps = (extra: Record<string, unknown> = {}) => ({ s3: env.objects, outputBucket: OUTPUT, logger: testLogger(), ...extra });

async function upload(key: string, body: Uint8Array | string, metadata?: Record<string, string>): Promise<S3EventRecord> {
  await putObject(env.server.client, INPUT, key, body, metadata);
  return waitForRecord(env.records, INPUT, encodeEventKey(key));
}

/** An SQS message as SQS delivers it the `receives`-th time. */
function delivery(record: S3EventRecord, receives: number) {
  const event = sqsEvent(record);
  event.Records[0]!.attributes.ApproximateReceiveCount = String(receives);
  return event;
}

const lambdaContext = (remainingMs: number): Context => ({ getRemainingTimeInMillis: () => remainingMs } as Context);

describe('failures classified by origin', () => {
  it('a RangeError or TypeError thrown by the core on this input is an error record, not a retry', async () => {
    for (const [name, thrown] of [['range', new RangeError('Maximum call stack size exceeded')], ['type', new TypeError("Cannot read properties of undefined (reading 'x')")]] as const) {
      const key = `core-${name}.txt`;
      const record = await upload(key, ARTICLE);
      const core: ExtractCore = async () => { throw thrown; };
      expect(await createExtractHandler(deps({ core }))(sqsEvent(record))).toEqual({ batchItemFailures: [] });
      const error = await getJson<Record<string, string>>(env.server.client, OUTPUT, `errors/${key}.json`);
      expect(error).toMatchObject({ key, error: 'internal_error', stage: 'extract' });
      expect(error.reason).toBe(`the extract stage failed on this input (${thrown.name}: ${thrown.message}); it would fail the same way again`);
    }
    await putObject(env.server.client, OUTPUT, 'figures/render-crash.json', '{"schemaVersion":1}');
    const figuresRecord = await waitForRecord(env.records, OUTPUT, encodeEventKey('figures/render-crash.json'));
    const renderCore: RenderCore = async () => { throw new RangeError('Invalid array length'); };
    expect(await createRenderHandler(deps({ core: renderCore }))(sqsEvent(figuresRecord))).toEqual({ batchItemFailures: [] });
    expect(await getJson(env.server.client, OUTPUT, 'errors/figures/render-crash.json.json')).toMatchObject({ error: 'internal_error', stage: 'render' });
  });

  it('work over its size-aware budget is an error record that says so', async () => {
    const record = await upload('slow.txt', ARTICLE);
    // The budget of a 5 KB article is 5 s; this core "takes" longer and checks in.
    const core: ExtractCore = async (_request, budget) => {
      const realNow = performance.now;
      performance.now = () => realNow.call(performance) + 60_000;
      try {
        budget.checkpoint('reading it as text');
      } finally {
        performance.now = realNow;
      }
      throw new Error('not reached');
    };
    expect(await createExtractHandler(deps({ core }))(sqsEvent(record))).toEqual({ batchItemFailures: [] });
    const error = await getJson<Record<string, string>>(env.server.client, OUTPUT, 'errors/slow.txt.json');
    expect(error).toMatchObject({ error: 'over_budget', stage: 'extract' });
    expect(error.reason).toMatch(/^reading it as text took more than the 5\.\d s allowed for a \d+ KB input$/);
  });

  it('storage trouble fails the message for a retry, and on the last delivery becomes a "gave up" record', async () => {
    const record = await upload('flaky.txt', ARTICLE);
    const proxy: FaultProxy = await startFaultProxy({ target: env.server.endpoint });
    env.server.allowHost(proxy.host);
    // Every download of the article fails, however often it is retried.
    proxy.rule((request) => (request.method === 'GET' && request.path === `${INPUT}/flaky.txt` ? 'error-before' : null));
    const s3 = handlerStoreFor(proxy.endpoint, { retry: { maxAttempts: 2, baseDelayMs: 1 } });
    const handler = createExtractHandler(deps({ s3 }));
    try {
      const first = delivery(record, 1);
      expect(await handler(first)).toEqual({ batchItemFailures: [{ itemIdentifier: first.Records[0]!.messageId }] });
      expect(await stat(env.server.client, OUTPUT, 'errors/flaky.txt.json')).toBeNull();

      expect(await handler(delivery(record, 3))).toEqual({ batchItemFailures: [] });
      const error = await getJson<Record<string, string>>(env.server.client, OUTPUT, 'errors/flaky.txt.json');
      expect(error).toMatchObject({ key: 'flaky.txt', error: 'gave_up', stage: 'extract' });
      expect(error.reason).toMatch(/^gave up after 3 tries: .*(InternalError|ServiceUnavailable|internal error|reduce your request rate)/i);
    } finally {
      s3.destroy();
      await proxy.close();
    }
  });

  it('stops before the Lambda timeout: a request that never answers fails the message, it does not hang the invocation', async () => {
    const record = await upload('stuck.txt', ARTICLE);
    const proxy = await startFaultProxy({ target: env.server.endpoint });
    env.server.allowHost(proxy.host);
    proxy.rule((request) => (request.method === 'GET' && request.path === `${INPUT}/stuck.txt` ? 'hang' : null));
    // Timeouts longer than the invocation: only the invocation's deadline can end the wait.
    const s3 = handlerStoreFor(proxy.endpoint, { timeouts: { requestTimeout: 60_000, socketTimeout: 60_000 } });
    try {
      const event = delivery(record, 1);
      const started = Date.now();
      const result = await createExtractHandler(deps({ s3 }))(event, lambdaContext(3_000));
      const ms = Date.now() - started;
      expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: event.Records[0]!.messageId }] });
      // Deadline = 3 s minus its margin (0.5 s): well inside the "Lambda timeout".
      expect(ms).toBeGreaterThanOrEqual(2_400);
      expect(ms).toBeLessThan(3_000);
    } finally {
      s3.destroy();
      await proxy.close();
    }
  });
});

describe('metadata', () => {
  it('refuses a published date that is not a real YYYY-MM-DD date, naming it', async () => {
    for (const [key, published] of [['tuesday.txt', 'last tuesday'], ['feb30.txt', '2019-02-30'], ['slashes.txt', '2019/06/29']]) {
      const record = await upload(key!, ARTICLE, { published: published! });
      expect(await createExtractHandler(deps())(sqsEvent(record))).toEqual({ batchItemFailures: [] });
      const error = await getJson<Record<string, string>>(env.server.client, OUTPUT, `errors/${key}.json`);
      expect(error).toMatchObject({ error: 'bad_metadata', stage: 'intake' });
      expect(error.reason).toBe(`metadata published="${published}" is not a real date written YYYY-MM-DD (e.g. 2019-06-29)`);
      expect(await stat(env.server.client, OUTPUT, `figures/${key!.replace('.txt', '')}.json`)).toBeNull();
    }
    const record = await upload('good-date.txt', ARTICLE, { published: '2019-06-29' });
    expect(await createExtractHandler(deps())(sqsEvent(record))).toEqual({ batchItemFailures: [] });
    expect(await getJson(env.server.client, OUTPUT, 'figures/good-date.json')).toMatchObject({ article: { published: '2019-06-29' } });
  });
});
