/**
 * Templates in the local pipeline, as a team changes them: `npm start`'s watcher reloads an
 * edited template, re-uploading the same article then re-renders it (its template hash changes),
 * re-uploading without a change does not; an upload may choose its template by metadata or key
 * prefix; an unknown name is an error record naming the deployed templates.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { startLocalPipeline, type LocalPipeline, type LocalPipelineOptions } from '../../local/pipeline';
import { localS3Client } from '../../local/s3-server';
import { TemplateStore } from '../../lambdas/template/load';
import { getBytes } from '../support/s3';
import { folded, pdfinfoCustom, pdftotext } from '../render/poppler';

const seed = readFileSync(new URL('../../examples/idlib-offensive-2019.txt', import.meta.url));
const repoTemplates = new URL('../../templates/', import.meta.url);

let running: { pipeline: LocalPipeline; dirs: string[]; client: S3Client } | null = null;

/** The local pipeline over a copy of templates/ the test may edit. */
async function start(options: Partial<LocalPipelineOptions> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'local-templates-'));
  const templatesDir = mkdtempSync(join(tmpdir(), 'templates-'));
  cpSync(repoTemplates, templatesDir, { recursive: true });
  const lines: string[] = [];
  const pipeline = await startLocalPipeline({
    port: 0, dataDir, log: (line) => lines.push(line), templates: new TemplateStore(templatesDir), watchTemplates: true, ...options,
  });
  const client = localS3Client(pipeline.endpoint);
  running = { pipeline, dirs: [dataDir, templatesDir], client };
  const put = async (key: string, metadata?: Record<string, string>) => {
    await client.send(new PutObjectCommand({ Bucket: 'articles', Key: key, Body: seed, Metadata: metadata }));
    await pipeline.idle();
  };
  const head = async (key: string) => client.send(new HeadObjectCommand({ Bucket: 'briefings', Key: key }));
  const text = async (key: string) => folded(pdftotext(await getBytes(client, 'briefings', key)));
  return { pipeline, lines, templatesDir, put, head, text };
}

afterEach(async () => {
  if (!running) return;
  await running.pipeline.stop();
  running.client.destroy();
  for (const dir of running.dirs) rmSync(dir, { recursive: true, force: true });
  running = null;
});

async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !condition();) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('templates in the local pipeline', () => {
  it('re-renders a re-upload after a template edit, and only then', async () => {
    const { lines, templatesDir, put, head, text } = await start();
    const renders = () => lines.filter((line) => line.startsWith('ok    seed.txt')).length;

    await put('seed.txt');
    const first = await head('briefings/seed.pdf');
    expect(first.Metadata?.template).toBe('briefing');
    expect(first.Metadata?.['template-sha256']).toMatch(/^[0-9a-f]{64}$/);
    expect(await text('briefings/seed.pdf')).toContain('SITUATION BRIEFING');
    expect(renders()).toBe(1);

    // The same bytes again, nothing changed: a duplicate, the PDF is untouched.
    await put('seed.txt');
    expect((await head('briefings/seed.pdf')).ETag).toBe(first.ETag);
    expect(renders()).toBe(1);

    // The team edits the template; the watcher reloads it.
    const file = join(templatesDir, 'briefing.hbs');
    writeFileSync(file, readFileSync(file, 'utf8').replace('<note>Situation briefing</note>', '<note>Situation report</note>'));
    await until(() => lines.some((line) => line.startsWith('templates: briefing.hbs changed; reloaded')), 'the reload');

    await put('seed.txt');
    const second = await head('briefings/seed.pdf');
    expect(second.Metadata?.['template-sha256']).not.toBe(first.Metadata?.['template-sha256']);
    expect(await text('briefings/seed.pdf')).toContain('SITUATION REPORT');
    expect(renders()).toBe(2);
    // The PDF itself records the template it was made with.
    const info = pdfinfoCustom(await getBytes(running!.client, 'briefings', 'briefings/seed.pdf'));
    expect(info).toMatch(new RegExp(`TemplateSHA256:\\s+${second.Metadata?.['template-sha256']}`));
  });

  it('briefs an upload with the template its metadata or key prefix names', async () => {
    const { put, head, text } = await start({ templatePrefixes: { 'flash/': 'flash' } });
    await put('by-metadata.txt', { template: 'flash' });
    await put('flash/by-prefix.txt');
    await put('default.txt');
    for (const key of ['briefings/by-metadata.pdf', 'briefings/flash/by-prefix.pdf']) {
      expect((await head(key)).Metadata?.template).toBe('flash');
      expect(await text(key)).toContain('FLASH UPDATE');
    }
    expect((await head('briefings/default.pdf')).Metadata?.template).toBe('briefing');
  });

  it('records an unknown template name as an error naming the templates deployed', async () => {
    const { lines, put } = await start();
    await put('wrong.txt', { template: 'sitrep' });
    expect(lines.find((line) => line.startsWith('error wrong.txt'))).toMatch(/unknown template "sitrep"; the templates deployed are: briefing, flash/);
  });
});
