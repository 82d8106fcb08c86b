/**
 * A store a killed process left behind (local/store-repair.ts): an object whose write was cut
 * short, its metadata missing or truncated as `kill -9` leaves it, made s3rver answer 500 and
 * `npm start` unable to start again. Now it is moved aside with its bytes, said in one line, the
 * rest of the store is served as before, and the reconcile pass redoes what the damaged output
 * stood for.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { INPUT_BUCKET, OUTPUT_BUCKET, startLocalPipeline } from '../../local/pipeline';
import { startS3Server } from '../../local/s3-server';
import { repairStore } from '../../local/store-repair';

const seed = readFileSync(new URL('../../examples/idlib-offensive-2019.txt', import.meta.url));
const dirs: string[] = [];
const scratch = (name: string): string => {
  const dir = mkdtempSync(join(tmpdir(), name));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The files s3rver keeps for `key` in `bucket` of the store at `store`. */
const files = (store: string, bucket: string, key: string) => {
  const base = join(store, bucket, key);
  return { object: `${base}._S3rver_object`, md5: `${base}._S3rver_object.md5`, metadata: `${base}._S3rver_metadata.json` };
};

describe('repairStore', () => {
  it('moves aside objects whose metadata is cut short or was never written, with their bytes, and leaves the rest', async () => {
    const store = join(scratch('store-'), 's3');
    const first = await startS3Server({ directory: store, buckets: ['store'] });
    for (const key of ['whole.txt', 'cut/short.txt', 'no-metadata.txt']) {
      await first.client.send(new PutObjectCommand({ Bucket: 'store', Key: key, Body: `bytes of ${key}` }));
    }
    await first.close();
    // As a kill in the middle of a write leaves them.
    truncateSync(files(store, 'store', 'cut/short.txt').metadata, 9);
    rmSync(files(store, 'store', 'no-metadata.txt').metadata);
    rmSync(files(store, 'store', 'no-metadata.txt').md5);

    const quarantine = join(store, '..', 'damaged');
    const damaged = repairStore(store, quarantine, new Date('2026-12-05T02:00:00Z'));
    expect(damaged.map(({ bucket, key, reason }) => ({ bucket, key, reason })).sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { bucket: 'store', key: 'cut/short.txt', reason: 'its metadata was cut short' },
      { bucket: 'store', key: 'no-metadata.txt', reason: 'it has no metadata' },
    ]);
    for (const object of damaged) {
      expect(object.movedTo.startsWith(join(quarantine, '2026-12-05T02-00-00-000Z', 'store'))).toBe(true);
      expect(readFileSync(object.movedTo, 'utf8')).toBe(`bytes of ${object.key}`);
      expect(existsSync(files(store, 'store', object.key).object)).toBe(false);
    }
    expect(repairStore(store, quarantine)).toEqual([]);

    // The store is served again: the whole object as before, the damaged ones not at all.
    const again = await startS3Server({ directory: store, buckets: ['store'] });
    try {
      const listed = await again.client.send(new ListObjectsV2Command({ Bucket: 'store' }));
      expect(listed.Contents?.map((o) => o.Key)).toEqual(['whole.txt']);
      const whole = await again.client.send(new GetObjectCommand({ Bucket: 'store', Key: 'whole.txt' }));
      expect(await whole.Body!.transformToString()).toBe('bytes of whole.txt');
      await expect(again.client.send(new HeadObjectCommand({ Bucket: 'store', Key: 'cut/short.txt' }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    } finally {
      await again.close();
    }
  });

  it('finds nothing in a store that does not exist yet', () => {
    expect(repairStore(join(scratch('none-'), 's3'), join(tmpdir(), 'unused'))).toEqual([]);
  });
});

describe('npm start on a store a crash damaged', () => {
  it('starts, says what it set aside, and makes again the figures that were cut short', async () => {
    const dataDir = scratch('crashed-store-');
    const first = await startLocalPipeline({ port: 0, dataDir, isolate: false });
    await first.client.send(new PutObjectCommand({ Bucket: INPUT_BUCKET, Key: 'idlib.txt', Body: seed }));
    await first.idle();
    await first.stop();
    const store = join(dataDir, 's3');
    // The figures' metadata cut short, as if the process died writing them.
    writeFileSync(files(store, OUTPUT_BUCKET, 'figures/idlib.json').metadata, '{\n  "content-type": "appl');

    const lines: string[] = [];
    const second = await startLocalPipeline({ port: 0, dataDir, isolate: false, log: (line) => lines.push(line) });
    try {
      expect(lines).toContainEqual(expect.stringMatching(/^aside briefings\/figures\/idlib\.json {2}its metadata was cut short: a write a crash stopped, never acknowledged; its files are in .*damaged\//));
      expect(second.reconciled.extract).toBe(1);
      await second.idle();
      const figures = await second.client.send(new GetObjectCommand({ Bucket: OUTPUT_BUCKET, Key: 'figures/idlib.json' }));
      expect(JSON.parse(await figures.Body!.transformToString()).figures.length).toBeGreaterThan(0);
      // The same figures again (same bytes, same ETag): the briefing already made from them stands.
      expect((await second.client.send(new HeadObjectCommand({ Bucket: OUTPUT_BUCKET, Key: 'briefings/idlib.pdf' }))).ContentLength).toBeGreaterThan(0);
      expect(lines.filter((line) => /^(error|dead|retry)/.test(line))).toEqual([]);
    } finally {
      await second.stop();
    }
    expect(readdirSync(join(dataDir, 'damaged'))).toHaveLength(1);
  }, 120_000);
});
