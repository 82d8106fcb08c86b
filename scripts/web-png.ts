/**
 * `npm run png:web`: the README's pictures of the web page, taken in chromium from the real local
 * pipeline and page server (as `npm start` runs them, on free ports and a throw-away folder):
 *
 * - docs/img/web-page.png: an article in every state a person sees — waiting in the queue,
 *   extracting, rendering, failed with its reason, and ready (opened: cards, PDF preview, links,
 *   and a figure a person corrected through the page);
 * - docs/img/web-editor.png: the figure editor with that correction typed, before it is saved.
 *
 * A picture cannot wait on a fast pipeline, so three deliveries are held, each where its state is
 * true: one before its extract handler starts (uploaded, waiting), one inside it (extracting), one
 * inside its render handler (rendering). The page still reads every state from the pipeline's
 * outputs and stage activity, as it always does; the held deliveries are let go at the end.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { figuresKeyFor } from '../lambdas/handlers/s3-keys';
import { INPUT_BUCKET, OUTPUT_BUCKET, startLocalPipeline } from '../local/pipeline';
import type { QueueHandler } from '../local/queue';
import type { StageName } from '../local/router';
import { keysOf, StageActivity } from '../local/web-activity';
import { startWebServer } from '../local/web-server';
import { launchBrowser, pdfPreviewDrawn } from '../tests/support/browser';
import { buildWeb } from './build-web.mjs';

// As `npm start`: the SDK's notice about its future Node 22 requirement says nothing about this run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const root = fileURLToPath(new URL('..', import.meta.url));
const PAGE_PNG = join(root, 'docs/img/web-page.png');
const EDITOR_PNG = join(root, 'docs/img/web-editor.png');
const example = (name: string): string => join(root, 'examples', name);

const SEED = 'idlib-offensive-2019.txt';
/** Not an article: a PDF saved with a .txt name, as people do. */
const BAD = 'scan.txt';
/** Uploaded in this order, so the list reads top-down: waiting, extracting, rendering. */
const RENDERING = 'antioquia-landslide.txt';
const EXTRACTING = 'cyclone-nalini-mozambique.txt';
const WAITING = 'dengue-outbreak-honduras.md';

/** Where each held delivery waits: `inside` the stage's handler (its state shows), or before it starts. */
const HOLDS: ReadonlyArray<{ stage: StageName; key: string; inside: boolean }> = [
  { stage: 'extract', key: WAITING, inside: false },
  { stage: 'extract', key: EXTRACTING, inside: true },
  { stage: 'render', key: figuresKeyFor(RENDERING), inside: true },
];

let release: () => void = () => {};
const released = new Promise<void>((resolve) => { release = resolve; });

/** Holds the deliveries of HOLDS until `release()`, around the page's own activity tracking. */
function holding(activity: StageActivity) {
  const hold = (stage: StageName, inside: boolean, next: QueueHandler): QueueHandler => async (event) => {
    const keys = keysOf(event);
    if (HOLDS.some((h) => h.stage === stage && h.inside === inside && keys.includes(h.key))) await released;
    return next(event);
  };
  return (stage: StageName, handler: QueueHandler): QueueHandler => hold(stage, false, activity.wrap(stage, hold(stage, true, handler)));
}

const row = (key: string): string => `li.row[data-key="${key}"]`;

async function waitForState(page: Page, key: string, state: string): Promise<void> {
  await page.waitForSelector(`${row(key)}[data-state="${state}"]`, { timeout: 60_000 });
}

/** Sends one file through the page's own file input. */
async function upload(page: Page, ...paths: string[]): Promise<void> {
  const input = await page.$('input[type="file"]');
  await input!.uploadFile(...paths);
}

async function main(): Promise<void> {
  await buildWeb();
  const work = mkdtempSync(join(tmpdir(), 'web-png-'));
  const activity = new StageActivity();
  // Room for the held deliveries beside the others.
  const pipeline = await startLocalPipeline({ port: 0, dataDir: join(work, 'data'), concurrency: 4, wrapHandler: holding(activity) });
  const web = await startWebServer({ port: 0, store: { s3: pipeline.client, inputBucket: INPUT_BUCKET, outputBucket: OUTPUT_BUCKET }, activity });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(web.url, { waitUntil: 'load' });
    await page.waitForSelector('#connection[data-tone="live"]');
    writeFileSync(join(work, BAD), '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Type /Catalog >> endobj\n');
    await upload(page, example(SEED), join(work, BAD));
    await waitForState(page, SEED, 'ready');
    await waitForState(page, BAD, 'failed');

    // A person corrects a label the extractor left general, as anyone would: in the editor.
    const seed = row(SEED);
    await page.click(`${seed} button.disclosure`);
    const label = `${seed} input[aria-label="Label of “15”"]`;
    await page.$eval(label, (input) => (input as HTMLInputElement).select());
    await page.type(label, 'People killed in Mhambil');
    const editor = (await page.$(`${seed} section.editor`))!;
    mkdirSync(join(root, 'docs/img'), { recursive: true });
    writeFileSync(EDITOR_PNG, await editor.screenshot({ type: 'png' }));
    await page.click(`${seed} .save-bar button.primary`);
    await page.waitForFunction((selector) => document.querySelector(selector)?.textContent?.includes('revision 2'), { timeout: 60_000 }, `${seed} .meta`);
    await waitForState(page, SEED, 'ready');
    await page.waitForSelector(`${seed} .corrections`, { timeout: 60_000 });
    await page.click(`${seed} button.disclosure`);

    for (const [key, state] of [[RENDERING, 'rendering'], [EXTRACTING, 'extracting'], [WAITING, 'uploaded']] as const) {
      await upload(page, example(key));
      await waitForState(page, key, state);
    }
    // A row opens when its file is sent; the picture shows the rendering one closed.
    await page.click(`${row(RENDERING)} button.toggle[aria-expanded="true"]`);

    await page.setViewport({ width: 1280, height: await page.evaluate(() => document.documentElement.scrollHeight) });
    await pdfPreviewDrawn((await page.waitForSelector(`${row(SEED)} iframe.pdf`))!);
    writeFileSync(PAGE_PNG, await page.screenshot({ type: 'png' }));
    process.stdout.write(`docs/img/web-page.png, docs/img/web-editor.png (the page of the local pipeline, in chromium)\n`);
  } finally {
    release();
    await browser.close();
    await web.close();
    await pipeline.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`error: web-png: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
