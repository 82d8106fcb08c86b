/**
 * The deployable artefacts themselves: the handler bundles are taken from the synthesized
 * cdk.out asset folders and run in a plain `node` process (no tsx, no node_modules, cwd outside
 * the project, so fonts and templates must come from the bundle) against s3rver over HTTP.
 */
import { execFile } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { S3EventRecord, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFromBytes } from '../../lambdas/pipeline/extract-bytes';
import type { Extraction } from '../../lambdas/extract/types';
import { encodeEventKey } from '../../lambdas/handlers/s3-keys';
import { TemplateStore, templateHash } from '../../lambdas/template/load';
import { EVENT_TEMPLATE } from '../../lambdas/event/render';
import { PRECOMPILED_FILE } from '../../lambdas/template/precompiled';
import { HANDLER_CODE_FILE, HANDLER_ENTRY_FILE, lambdaNodeFlags } from '../../infra/code-cache';
import { startS3Server, type S3Server } from '../../local/s3-server';
import { article } from '../event/support';
import { synthStack } from '../infra/synth';
import { getBytes, putObject, recordEvents, sqsEvent, stat, waitForRecord } from '../support/s3';

const run = promisify(execFile);
const INPUT = 'articles';
const OUTPUT = 'briefings';
const ARTICLE = readFileSync(new URL('../fixtures/articles/idlib-offensive-2019.txt', import.meta.url));

/** Imports the bundle, invokes its handler once, and reports the result and the cold import time. */
const CHILD = `
const started = performance.now();
const { handler } = await import(process.env.BUNDLE_URL);
const importMs = performance.now() - started;
const result = await handler(JSON.parse(process.env.EVENT), {});
(await import('node:fs')).writeFileSync(process.env.RESULT_FILE, JSON.stringify({ result, importMs }));
`;

let server: S3Server;
let records: S3EventRecord[];
let assetDir: { extract: string; render: string; event: string; reconcile: string };
/** MiB of each stage's function, as the stack sets it (the training run used Lambda's flags for it). */
let memoryOf: { extract: number; render: number };
const scratch = mkdtempSync(join(tmpdir(), 'bundle-run-'));

beforeAll(async () => {
  // The pipeline's stages only: the web page's function has its own bundle test (tests/infra/web.test.ts).
  const { stack, template, outdir } = synthStack({ web: false });
  const resources = template.toJSON().Resources as Record<string, { Properties: { Code: { S3Key: string }; MemorySize: number } }>;
  const dirOf = (fn: typeof stack.pipeline.extract.function): string => {
    const key = resources[stack.getLogicalId(fn.node.defaultChild as never)]!.Properties.Code.S3Key;
    return join(outdir, `asset.${key.replace(/\.zip$/, '')}`);
  };
  const memory = (fn: typeof stack.pipeline.extract.function): number => resources[stack.getLogicalId(fn.node.defaultChild as never)]!.Properties.MemorySize;
  memoryOf = { extract: memory(stack.pipeline.extract.function), render: memory(stack.pipeline.render.function) };
  assetDir = {
    extract: dirOf(stack.pipeline.extract.function),
    render: dirOf(stack.pipeline.render.function),
    event: dirOf(stack.pipeline.eventFusion.stage.function),
    reconcile: dirOf(stack.pipeline.reconcile!.function),
  };
  server = await startS3Server({ buckets: [INPUT, OUTPUT] });
  records = recordEvents(server);
});
afterAll(async () => {
  await server?.close();
});

async function invokeBundle<R = SQSBatchResponse>(dir: string, event: SQSEvent | object, env: Record<string, string> = {}, nodeFlags: readonly string[] = []): Promise<{ result: R; importMs: number; stderr: string }> {
  const resultFile = join(scratch, `result-${Date.now()}.json`);
  const { stderr } = await run(process.execPath, [...nodeFlags, '--input-type=module', '-e', CHILD], {
    cwd: scratch,
    env: {
      PATH: process.env.PATH,
      BUNDLE_URL: pathToFileURL(join(dir, HANDLER_ENTRY_FILE)).href,
      EVENT: JSON.stringify(event),
      RESULT_FILE: resultFile,
      OUTPUT_BUCKET: OUTPUT,
      AWS_ENDPOINT_URL_S3: server.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      POWERTOOLS_METRICS_DISABLED: 'true',
      ...env,
    },
  });
  return { ...(JSON.parse(readFileSync(resultFile, 'utf8')) as { result: R; importMs: number }), stderr };
}

describe('bundled handlers from cdk.out in plain node', () => {
  it('ships the render assets beside the render bundle only, and the templates beside both', () => {
    for (const rel of ['fonts/DejaVuSans.ttf', 'fonts/DejaVuSans-Bold.ttf', 'data/sRGB_IEC61966_2_1.icc']) {
      expect(() => readFileSync(join(assetDir.render, rel))).not.toThrow();
      expect(() => readFileSync(join(assetDir.extract, rel))).toThrow();
    }
    // The extract stage records which template an upload chose, and its hash.
    for (const rel of ['templates/briefing.hbs', 'templates/flash.hbs', 'templates/partials/card.hbs']) {
      expect(readFileSync(join(assetDir.extract, rel), 'utf8')).toBe(readFileSync(join(assetDir.render, rel), 'utf8'));
    }
  });

  // infra/bundling.ts aliases modules pdfkit imports but never uses to throwing stubs, since their
  // import-time work was most of the render cold start. The real ones are recognised by error
  // strings of their own that survive minification.
  it('ships the stubs instead of fontkit and the AES cipher in the render bundle', () => {
    const code = readFileSync(join(assetDir.render, HANDLER_CODE_FILE), 'utf8');
    expect(code).toContain('register fonts as TrueTypeFont');
    expect(code).toContain('briefings are never password-protected');
    expect(code).not.toContain('Unknown font format');
    expect(code).not.toContain('Wrong sbox length');
  });

  // V8 reads a file with one character beyond ASCII as UTF-16 (infra/ascii-source.ts).
  it('ships every file of code in ASCII alone', () => {
    for (const dir of Object.values(assetDir)) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.cjs'))) {
        expect(readFileSync(join(dir, file), 'latin1'), `${dir}/${file}`).toMatch(/^[\x00-\x7F]*$/);
      }
    }
  });

  // infra/bundling.ts ships intake's HTML and Markdown parsers as files of their own, so a cold
  // start does not compile them: every reader a bundle requires must be beside it, whole.
  it('ships each reader a bundle requires beside it, bundled whole, and keeps them out of the bundle', () => {
    const named = (dir: string): string[] =>
      [...new Set(readFileSync(join(dir, HANDLER_CODE_FILE), 'utf8').match(/\.\/reader-[a-z0-9.-]+\.cjs/g) ?? [])].sort();
    expect(named(assetDir.extract)).toEqual(['./reader-linkedom.cjs', './reader-markdown-it.cjs', './reader-mozilla-readability.cjs', './reader-yaml.cjs']);
    for (const dir of [assetDir.extract, assetDir.render, assetDir.event]) {
      for (const file of named(dir)) {
        const code = readFileSync(join(dir, file), 'utf8');
        // Only Node's own modules are required at run time, nothing from node_modules (but linkedom's
        // optional `canvas`, which it tries inside a try/catch and does without).
        const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!);
        expect(required.filter((name) => !isBuiltin(name) && name !== 'canvas')).toEqual([]);
      }
    }
    // A name only linkedom's code holds: in its reader, not in the bundle.
    expect(readFileSync(join(assetDir.extract, HANDLER_CODE_FILE), 'utf8')).not.toContain('CSSStyleDeclaration');
    expect(readFileSync(join(assetDir.extract, 'reader-linkedom.cjs'), 'utf8')).toContain('CSSStyleDeclaration');
  });

  // The render stage fills the deployed templates from their build-time compiled form, keyed by
  // the content hash of the templates shipped beside it (lambdas/template/precompiled.ts).
  it('ships the deployed templates precompiled beside the render bundle, keyed by their hashes', () => {
    const store = new TemplateStore(join(assetDir.render, 'templates'));
    const file = join(assetDir.render, PRECOMPILED_FILE);
    const table = createRequire(file)(file) as Record<string, unknown>;
    const partials = store.get('briefing').partials;
    const event = templateHash({ main: { name: 'event.hbs', source: readFileSync(join(assetDir.render, EVENT_TEMPLATE), 'utf8') }, partials });
    expect(Object.keys(table).sort()).toEqual([...store.names().map((name) => store.get(name).sha256), event].sort());
    expect(readFileSync(join(assetDir.render, HANDLER_CODE_FILE), 'utf8')).toContain(PRECOMPILED_FILE);
  });

  // infra/code-cache.ts: the build trains the extract and render bundles on the seed, with the
  // flags Lambda's runtime starts node with; a process with other flags finds no cache of its own.
  it('ships the extract and render code with a code cache that a process with Lambda\'s flags uses, and others compile plainly', async () => {
    const key = 'bundle/cached.txt';
    await putObject(server.client, INPUT, key, ARTICLE);
    const record = await waitForRecord(records, INPUT, encodeEventKey(key));
    const debug = { NODE_DEBUG: 'code-cache' };
    const cached = await invokeBundle(assetDir.extract, sqsEvent(record), debug, lambdaNodeFlags(memoryOf.extract));
    expect(cached.stderr).toContain(`${HANDLER_CODE_FILE}: cache used`);
    expect(cached.result).toEqual({ batchItemFailures: [] });
    const figures = sqsEvent(await waitForRecord(records, OUTPUT, encodeEventKey('figures/bundle/cached.json')));
    const rendered = await invokeBundle(assetDir.render, figures, debug, lambdaNodeFlags(memoryOf.render));
    // The precompiled templates beside the bundle are run with their cache too.
    expect(rendered.stderr).toContain(`${HANDLER_CODE_FILE}: cache used`);
    expect(rendered.stderr).toContain(`${PRECOMPILED_FILE}: cache used`);
    const plain = await invokeBundle(assetDir.render, figures, debug);
    expect(plain.stderr).toContain(`${HANDLER_CODE_FILE}: no cache for this Node`);
    expect(plain.result).toEqual({ batchItemFailures: [] });
    for (const stage of ['extract', 'render'] as const) {
      // One folder of caches (Lambda's flags); beside it the list of built-ins to load first.
      const entries = readdirSync(join(assetDir[stage], 'code-cache'), { withFileTypes: true });
      expect(entries.filter((entry) => entry.isDirectory())).toHaveLength(1);
      expect(entries.filter((entry) => entry.isFile()).map((entry) => entry.name)).toEqual([expect.stringMatching(/^builtins-.*\.txt$/)]);
    }
  });

  it('extracts and renders an uploaded article end to end', async () => {
    const key = 'bundle/idlib ü.txt';
    await putObject(server.client, INPUT, key, ARTICLE);
    const inputRecord = await waitForRecord(records, INPUT, encodeEventKey(key));

    const extracted = await invokeBundle(assetDir.extract, sqsEvent(inputRecord));
    expect(extracted.result).toEqual({ batchItemFailures: [] });
    const figuresKey = 'figures/bundle/idlib ü.json';
    expect(await stat(server.client, OUTPUT, figuresKey)).not.toBeNull();

    const figuresRecord = await waitForRecord(records, OUTPUT, encodeEventKey(figuresKey));
    const rendered = await invokeBundle(assetDir.render, sqsEvent(figuresRecord));
    expect(rendered.result).toEqual({ batchItemFailures: [] });
    const pdf = await getBytes(server.client, OUTPUT, 'briefings/bundle/idlib ü.pdf');
    const file = join(scratch, 'bundle.pdf');
    writeFileSync(file, pdf);
    const { stdout } = await run('pdfinfo', [file]);
    expect(stdout).toMatch(/Pages:\s+[1-9]/);
    // The bundle's own TrueType reader maps and embeds the glyphs: the text must extract intact.
    const { stdout: text } = await run('pdftotext', ['-layout', file, '-']);
    expect(text).toContain('Idlib');
    expect(text).toContain('civilians');
  });

  it('traces an invocation to the X-Ray daemon: the handler, the article and each S3 call, under the function\'s segment', async () => {
    const daemon = createSocket('udp4');
    const docs: Array<{ id: string; name: string; parent_id: string; trace_id: string; annotations?: Record<string, unknown>; aws?: { operation: string } }> = [];
    daemon.on('message', (packet) => docs.push(JSON.parse(packet.toString('utf8').split('\n')[1]!)));
    await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
    try {
      const key = 'bundle/traced.txt';
      await putObject(server.client, INPUT, key, ARTICLE);
      const record = await waitForRecord(records, INPUT, encodeEventKey(key));
      const root = '1-6750a3f1-0123456789abcdef01234567';
      const extracted = await invokeBundle(assetDir.extract, sqsEvent(record), {
        _X_AMZN_TRACE_ID: `Root=${root};Parent=1122334455667788;Sampled=1`,
        AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${daemon.address().port}`,
        POWERTOOLS_SERVICE_NAME: 'briefing-extract',
      });
      expect(extracted.result).toEqual({ batchItemFailures: [] });
      const deadline = Date.now() + 2_000;
      while (!docs.some((d) => d.name === '## handler') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      const handler = docs.find((d) => d.name === '## handler')!;
      const article = docs.find((d) => d.name === '### article')!;
      expect(handler).toMatchObject({ parent_id: '1122334455667788', trace_id: root, annotations: { ColdStart: true, Service: 'briefing-extract' } });
      expect(article).toMatchObject({ parent_id: handler.id, annotations: { correlation_id: expect.stringContaining(key) } });
      const calls = docs.filter((d) => d.name === 'S3');
      expect(calls.map((c) => c.aws!.operation)).toEqual(expect.arrayContaining(['GetObject', 'PutObject']));
      // The source's first look (its ETag names the article) comes before the article's subsegment opens.
      expect(calls.every((c) => [article.id, handler.id].includes(c.parent_id) && c.trace_id === root)).toBe(true);
      expect(calls.filter((c) => c.aws!.operation !== 'HeadObject').every((c) => c.parent_id === article.id)).toBe(true);
    } finally {
      daemon.close();
    }
  });

  it('reconciles from its schedule event: an upload whose notification was lost is announced again', async () => {
    const key = 'bundle/lost notification.txt';
    await putObject(server.client, INPUT, key, ARTICLE);
    await waitForRecord(records, INPUT, encodeEventKey(key));
    const before = records.length;
    const scheduled = { source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} };
    const { result } = await invokeBundle<{ unfinished: number; announced: number }>(assetDir.reconcile, scheduled, { INPUT_BUCKET: INPUT, SETTLE_MINUTES: '0' });
    expect(result.announced).toBeGreaterThanOrEqual(1);
    await expect.poll(() => records.slice(before).filter((r) => r.s3.object.key === encodeEventKey(key)).map((r) => r.eventName)).toEqual(['ObjectCreated:Copy']);
  });

  // The HTML and Markdown parsers are loaded on first use (lambdas/intake/formats/parsers.ts):
  // inside the bundle that path differs from the sources, so it is run here.
  it.each([
    ['nepal-earthquake-2025.html', 'bundle/nepal.html', 'figures/bundle/nepal.json', ['reader-linkedom', 'reader-mozilla-readability']],
    ['cyclone-tejal-bangladesh-2025.md', 'bundle/cyclone.md', 'figures/bundle/cyclone.json', ['reader-markdown-it']],
  ])('extracts %s with the parsers it loads on first use, as the sources do, each with the cache the build trained', async (fixture, key, figuresKey, readers) => {
    const bytes = readFileSync(new URL(`../fixtures/articles/${fixture}`, import.meta.url));
    await putObject(server.client, INPUT, key, bytes);
    const inputRecord = await waitForRecord(records, INPUT, encodeEventKey(key));
    const extracted = await invokeBundle(assetDir.extract, sqsEvent(inputRecord), { NODE_DEBUG: 'code-cache' }, lambdaNodeFlags(memoryOf.extract));
    expect(extracted.result).toEqual({ batchItemFailures: [] });
    for (const reader of readers) expect(extracted.stderr).toContain(`${reader}.cjs: cache used`);
    const fromBundle = JSON.parse(Buffer.from(await getBytes(server.client, OUTPUT, figuresKey)).toString('utf8')) as Extraction;
    expect(fromBundle.article.wordCount).toBeGreaterThan(100);
    expect(fromBundle).toEqual(extractFromBytes(bytes, { name: key }));
  });

  it('fuses an event with the event bundle and briefs it with the render bundle (the event template beside it)', async () => {
    const figures: S3EventRecord[] = [];
    for (const [file, day, value] of [['a', '2026-03-02', 180], ['b', '2026-03-03', 412]] as const) {
      const key = `figures/events/bundle quake/${file}.json`;
      await putObject(server.client, OUTPUT, key, JSON.stringify(article(`events/bundle quake/${file}.md`, day, `Outlet ${file}`, [{ value }]).extraction));
      figures.push(await waitForRecord(records, OUTPUT, encodeEventKey(key)));
    }
    const fused = await invokeBundle(assetDir.event, sqsEvent(figures[1]!));
    expect(fused.result).toEqual({ batchItemFailures: [] });
    const eventKey = 'figures/events/bundle quake.json';
    expect((await stat(server.client, OUTPUT, eventKey))?.metadata.kind).toBe('event');

    const rendered = await invokeBundle(assetDir.render, sqsEvent(await waitForRecord(records, OUTPUT, encodeEventKey(eventKey))));
    expect(rendered.result).toEqual({ batchItemFailures: [] });
    const file = join(scratch, 'event.pdf');
    writeFileSync(file, await getBytes(server.client, OUTPUT, 'briefings/events/bundle quake.pdf'));
    const { stdout: text } = await run('pdftotext', [file, '-']);
    expect(text).toContain('EVENT BRIEFING');
    expect(text).toContain('412');
    expect(readFileSync(join(assetDir.render, 'templates/event/event.hbs'), 'utf8')).toContain('<document');
  });
});
