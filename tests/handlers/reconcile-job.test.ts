/**
 * The scheduled reconcile against the real S3 server: an upload that no outcome records is
 * copied onto itself, unchanged, so S3 announces it again; one that is finished, or too recent
 * to count as lost, is left alone; an object S3 will not copy fails the run after the others
 * are announced, so the function's error alarm shows it.
 */
import { describe, expect, it } from 'vitest';
import { createReconcileJob } from '../../lambdas/handlers/reconcile-job-handler';
import { METRIC } from '../../lambdas/handlers/observability';
import { handlerS3Client } from '../../lambdas/handlers/sdk-clients';
import { writeObject } from '../../lambdas/handlers/s3-io';
import { encodeEventKey } from '../../lambdas/handlers/s3-keys';
import { LOCAL_CREDENTIALS } from '../../local/credentials';
import { startFaultProxy } from '../reliability/fault-proxy';
import { putObject, RecordingMetrics, s3ServerForTests, stat, testLogger } from '../support/s3';
import { sdkObjectStore } from '../../lambdas/handlers/sdk-object-store';

const INPUT = 'uploads';
const OUTPUT = 'outcomes';
const env = s3ServerForTests([INPUT, OUTPUT]);
const buckets = { input: INPUT, output: OUTPUT };
/** A clock an hour ahead: every object is older than the settle time. */
const later = () => Date.now() + 3_600_000;

const announcements = (key: string) => env.records.filter((r) => r.s3.bucket.name === INPUT && r.s3.object.key === encodeEventKey(key));

describe('scheduled reconcile', () => {
  it('announces again an upload no outcome records, with its bytes, metadata and ETag unchanged, and leaves the rest alone', async () => {
    await putObject(env.server.client, INPUT, 'lost/flood update.txt', 'Five people died.', { published: '2024-05-01' });
    await putObject(env.server.client, INPUT, 'done.txt', 'Six people died.');
    const done = (await stat(env.server.client, INPUT, 'done.txt'))!;
    await writeObject(sdkObjectStore(env.server.client), OUTPUT, 'errors/done.txt.json', '{}', { contentType: 'application/json', sourceEtag: done.etag.replace(/"/g, ''), sourceKey: 'done.txt' });
    const before = (await stat(env.server.client, INPUT, 'lost/flood update.txt'))!;
    const announcedBefore = announcements('lost/flood update.txt').length;
    const metrics = new RecordingMetrics();

    const run = createReconcileJob({ s3: env.server.client, buckets, settleMinutes: 30, now: later, logger: testLogger(), metrics });
    expect(await run()).toEqual({ unfinished: 1, announced: 1 });

    await expect.poll(() => announcements('lost/flood update.txt').length).toBe(announcedBefore + 1);
    const after = (await stat(env.server.client, INPUT, 'lost/flood update.txt'))!;
    expect([after.etag, after.metadata, after.contentType]).toEqual([before.etag, before.metadata, before.contentType]);
    expect(announcements('done.txt')).toHaveLength(1);
    expect(metrics.sum(METRIC.reannounced)).toBe(1);
    expect(await stat(env.server.client, OUTPUT, 'errors/done.txt.json')).not.toBeNull();
  });

  it('leaves alone what changed within the settle time: it is most likely still in the queues', async () => {
    await putObject(env.server.client, INPUT, 'fresh.txt', 'Seven people died.');
    const run = createReconcileJob({ s3: env.server.client, buckets, settleMinutes: 30, logger: testLogger(), metrics: new RecordingMetrics() });
    const result = await run();
    expect(result.announced).toBe(0);
    expect(announcements('fresh.txt')).toHaveLength(1);
  });

  it('announces what it can and then fails the run, naming what S3 would not copy', async () => {
    const proxy = await startFaultProxy({ target: env.server.endpoint });
    env.server.allowHost(proxy.host);
    try {
      await putObject(env.server.client, INPUT, 'stuck.txt', 'Eight people died.');
      await putObject(env.server.client, INPUT, 'zz-fine.txt', 'Nine people died.');
      proxy.rule((request) => (request.method === 'PUT' && request.path === `${INPUT}/stuck.txt` ? 'error-before' : null));
      const s3 = handlerS3Client({ endpoint: proxy.endpoint, credentials: LOCAL_CREDENTIALS, region: 'us-east-1', retry: { maxAttempts: 2, baseDelayMs: 1 } });
      const fine = announcements('zz-fine.txt').length;
      const run = createReconcileJob({ s3, buckets, settleMinutes: 1, now: later, logger: testLogger(), metrics: new RecordingMetrics() });
      await expect(run()).rejects.toThrow(/1 unfinished object\(s\) could not be announced again, e\.g\. s3:\/\/uploads\/stuck\.txt/);
      await expect.poll(() => announcements('zz-fine.txt').length).toBe(fine + 1);
      s3.destroy();
    } finally {
      await proxy.close();
    }
  });
});

