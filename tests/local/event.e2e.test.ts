/**
 * The event briefing in the local pipeline: articles uploaded one by one under events/<name>/,
 * out of date order, each arrival re-making figures/events/<name>.json and its PDF; the same
 * bytes again re-make nothing; the single-article briefings are made as well.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventDocument } from '../../lambdas/event/types';
import { startLocalPipeline, type LocalPipeline } from '../../local/pipeline';
import { localS3Client } from '../../local/s3-server';
import { pdfinfo, pdftotext, folded } from '../render/poppler';
import { runCli } from '../support/cli';
import { getBytes } from '../support/s3';

const CLUSTER = new URL('../fixtures/events/zagros-earthquake-2026/', import.meta.url);
const files = readdirSync(CLUSTER).sort();
/** Out of date order: the fourth day first, the first day fourth. */
const arrival = [files[3]!, files[1]!, files[4]!, files[0]!, files[2]!];

const dataDir = mkdtempSync(join(tmpdir(), 'local-event-'));
let pipeline: LocalPipeline;
afterAll(async () => {
  await pipeline?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('events/<name>/ in the local pipeline', async () => {
  // The pipeline's own lines (one per article, retries, dead letters): what a failure here shows.
  const lines: string[] = [];
  pipeline = await startLocalPipeline({ port: 0, dataDir, log: (line) => lines.push(line) });
  const said = (): string => `pipeline log:\n${lines.join('\n')}`;
  const client = localS3Client(pipeline.endpoint);
  const head = (key: string) => client.send(new HeadObjectCommand({ Bucket: pipeline.outputBucket, Key: key }));
  const event = async (): Promise<EventDocument> =>
    JSON.parse(new TextDecoder().decode(await getBytes(client, pipeline.outputBucket, 'figures/events/zagros.json'))) as EventDocument;
  const upload = async (file: string): Promise<void> => {
    await client.send(new PutObjectCommand({ Bucket: pipeline.inputBucket, Key: `events/zagros/${file}`, Body: readFileSync(new URL(file, CLUSTER)) }));
    await pipeline.idle();
  };

  it('makes the event briefing at the first article and makes it again as each one arrives, out of date order', async () => {
    const seen: string[] = [];
    for (const [i, file] of arrival.entries()) {
      await upload(file);
      const doc = await event();
      expect(doc.articles.map((a) => a.file).sort(), said()).toEqual(arrival.slice(0, i + 1).map((f) => `events/zagros/${f}`).sort());
      const dates = doc.articles.map((a) => a.published ?? '');
      expect(dates).toEqual([...dates].sort());
      const json = await head('figures/events/zagros.json');
      const pdf = await head('briefings/events/zagros.pdf');
      // The PDF is made from this very Event JSON, with the event template.
      expect(pdf.Metadata?.['source-etag'], said()).toBe(json.ETag!.replace(/"/g, ''));
      expect(pdf.Metadata?.template).toBe('event');
      seen.push(json.ETag!);
    }
    expect(new Set(seen).size).toBe(arrival.length);
  });

  it('holds what briefing event makes of the same articles, but for the names of their files', async () => {
    const cli = await runCli(['event', ...files.map((f) => new URL(f, CLUSTER).pathname), '--json']);
    // Paths on the command line, object keys in S3: the same article either way.
    const named = (doc: EventDocument): string => JSON.stringify(doc).replace(/"[^"]*\/([^"/]+\.(?:md|json|html))"/g, '"$1"');
    expect(named(await event())).toBe(named(JSON.parse(cli.stdout) as EventDocument));
  });

  it('makes nothing again for the same bytes uploaded again', async () => {
    const before = await head('figures/events/zagros.json');
    const pdfBefore = await head('briefings/events/zagros.pdf');
    await upload(arrival[2]!);
    expect((await head('figures/events/zagros.json')).ETag).toBe(before.ETag);
    expect((await head('briefings/events/zagros.pdf')).LastModified).toEqual(pdfBefore.LastModified);
  });

  it('briefs every article on its own as well, and the event on at most three pages', async () => {
    const keys = ((await client.send(new ListObjectsV2Command({ Bucket: pipeline.outputBucket, Prefix: 'briefings/events/' }))).Contents ?? []).map((o) => o.Key).sort();
    expect(keys, said()).toEqual(['briefings/events/zagros.pdf', ...files.map((f) => `briefings/events/zagros/${f.replace(/\.[^.]+$/, '')}.pdf`)].sort());
    const pdf = await getBytes(client, pipeline.outputBucket, 'briefings/events/zagros.pdf');
    expect(Number(/Pages:\s+(\d+)/.exec(pdfinfo(pdf))![1])).toBeLessThanOrEqual(3);
    expect(folded(pdftotext(pdf))).toContain('EVENT BRIEFING');
  });
});
