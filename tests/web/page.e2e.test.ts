/// <reference lib="dom" />
/**
 * The page `npm start` serves, driven in a real browser (Debian's chromium through
 * puppeteer-core) against the real local pipeline: files through the page's own
 * `<input type="file">`, rows that follow the pipeline to ready or to the error record's
 * reason, the PDF link, a figure's category corrected and the new PDF's text, hostile names and
 * titles shown as text, and requests from another origin refused. It saves a screenshot
 * (out/web-page.png, or WEB_SCREENSHOT) for a person to look at.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, get as httpGet, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageConfig } from '../../lambdas/web/types';
import { launchBrowser, pdfPreviewDrawn } from '../support/browser';
import { repoRoot } from '../support/cli';
import { folded, pdftotext } from '../render/poppler';

const work = mkdtempSync(join(tmpdir(), 'web-page-'));
const screenshot = resolve(repoRoot, process.env.WEB_SCREENSHOT ?? 'out/web-page.png');
const SEED = join(repoRoot, 'examples/idlib-offensive-2019.txt');
/** Not an article: a PDF saved with a .txt name. */
const BAD = join(work, 'scan.txt');
/** A hostile name, and a headline that holds a script. */
const HOSTILE_NAME = '<img src=x onerror=alert(1)>.txt';
const HOSTILE = join(work, HOSTILE_NAME);
const HOSTILE_TITLE = '<script>window.__pwned = 1</script> Floods kill 12 in <b>Sylhet</b>';

let child: ChildProcess;
let browser: Browser;
let page: Page;
let web = '';
let stdout = '';
const dialogs: string[] = [];

/** `npm start` as a user runs it (minus npm), on free ports and a throw-away data folder. */
async function startPipeline(): Promise<void> {
  child = spawn(process.execPath, ['--import', pathToFileURL(join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href, 'local/start.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', WEB_PORT: '0', LOCAL_S3_DIR: join(work, 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
  child.stderr!.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
  const deadline = Date.now() + 30_000;
  while (!/Web page: (http:\/\/127\.0\.0\.1:\d+\/)/.test(stdout)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`npm start printed no web page address:\n${stdout}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  web = /Web page: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)![1]!;
}

const row = (key: string): string => `li.row[data-key="${CSS.escape(key)}"]`;
const CSS = { escape: (text: string) => text.replace(/["\\]/g, '\\$&') };

/** Waits until the row of `key` shows `state` (as the page marks it on the row). */
async function waitForState(key: string, state: string, timeout = 40_000): Promise<void> {
  try {
    await page.waitForSelector(`${row(key)}[data-state="${state}"]`, { timeout });
  } catch (error) {
    // Say what the page showed instead, and what the pipeline said meanwhile.
    const rows = await page.$$eval('li.row', (nodes) => nodes.map((n) => `${(n as HTMLElement).dataset.key}: ${(n as HTMLElement).dataset.state} ${n.querySelector('.reason')?.textContent ?? ''}`));
    throw new Error(`${key} is not ${state} after ${timeout} ms; the rows: ${JSON.stringify(rows)}; npm start said:\n${stdout.slice(-3000)}`, { cause: error });
  }
}

/** The bytes at `href` (the page's link), fetched by the page itself, as a click on the link would. */
async function open(href: string): Promise<{ status: number; bytes: Buffer }> {
  const { status, base64 } = await page.evaluate(async (url) => {
    const response = await fetch(url);
    const bytes = new Uint8Array(await response.arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return { status: response.status, base64: btoa(binary) };
  }, href);
  return { status, bytes: Buffer.from(base64, 'base64') };
}

/** A GET with a Host header of our choosing (fetch will not send one), as a DNS-rebound page would. */
function getWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpGet(url, { headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
  });
}

/**
 * Opens the page in a new tab (now `page`), its dialogs recorded, and waits until it is live
 * (its file input taken, its event stream open). `closeLast` closes the tab it replaces, without
 * waiting long on a PDF viewer's teardown.
 */
async function openTab(options: { readonly closeLast?: boolean } = {}): Promise<void> {
  const last = page;
  page = await browser.newPage();
  if (options.closeLast && last) void Promise.race([last.close(), new Promise((r) => setTimeout(r, 5_000))]).catch(() => undefined);
  await page.setViewport({ width: 1280, height: 900 });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // The page's script runs before DOMContentLoaded (defer); nothing else need have loaded.
  await page.goto(web, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('#connection[data-tone="live"]', { timeout: 20_000 });
}

async function pdfHref(key: string): Promise<string> {
  const link = await page.waitForSelector(`${row(key)} a[href$=".pdf"]`, { timeout: 20_000 });
  return link!.evaluate((a) => a.getAttribute('href')!);
}

beforeAll(async () => {
  writeFileSync(BAD, '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Type /Catalog >> endobj\n');
  writeFileSync(HOSTILE, `${HOSTILE_TITLE}\n\nAt least 12 people were killed and 300 families displaced when floods hit Sylhet on Monday, officials said.\n`);
  await startPipeline();
  browser = await launchBrowser();
  await openTab();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('close', r));
    child.kill('SIGINT');
    await exited;
  }
  rmSync(work, { recursive: true, force: true });
});

describe('the web page of npm start, in chromium', () => {
  it('takes the seed and a bad file through its file input; the seed becomes ready, the bad file shows its reason', async () => {
    // Every state each row shows, in order, as the page changes it.
    await page.evaluate(() => {
      const seen: Record<string, string[]> = {};
      (window as unknown as { states: typeof seen }).states = seen;
      new MutationObserver((changes) => {
        for (const change of changes) {
          const node = change.target as HTMLElement;
          const list = (seen[node.dataset.key ?? '?'] ??= []);
          if (node.dataset.state && list.at(-1) !== node.dataset.state) list.push(node.dataset.state);
        }
      }).observe(document.getElementById('rows')!, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    });
    const input = await page.$('input[type="file"]');
    expect(input).not.toBeNull();
    await (input as NonNullable<typeof input>).uploadFile(SEED, BAD);
    await waitForState('idlib-offensive-2019.txt', 'ready');
    await waitForState('scan.txt', 'failed');
    // Live, and only ever forward through the pipeline (a quick stage may pass between two looks).
    const states = await page.evaluate(() => (window as unknown as { states: Record<string, string[]> }).states);
    const order = ['sending', 'uploaded', 'extracting', 'rendering', 'ready'];
    const seed = states['idlib-offensive-2019.txt']!;
    expect(seed[0]).toBe('sending');
    expect(seed.at(-1)).toBe('ready');
    expect(seed.length).toBeGreaterThanOrEqual(3);
    expect(seed.map((state) => order.indexOf(state))).toEqual([...seed.map((state) => order.indexOf(state))].sort((a, b) => a - b));
    expect(states['scan.txt']!.at(-1)).toBe('failed');
    const reason = await page.$eval(`${row('scan.txt')} .reason`, (node) => node.textContent);
    expect(reason).toBe('binary file (PDF document; save its text as .txt), not an article');
    // The key-figure cards the briefing leads with (the row opens by itself once ready).
    await page.waitForSelector(`${row('idlib-offensive-2019.txt')} .card .value`, { timeout: 20_000 });
    const cards = await page.$$eval(`${row('idlib-offensive-2019.txt')} .card .value`, (nodes) => nodes.map((n) => n.textContent));
    expect(cards).toContain('544');
    expect(cards).toContain('2,117');
  }, 60_000);

  it('links the PDF (an href ending in .pdf) and the Extraction JSON; the PDF link answers 200 with a PDF', async () => {
    const href = await pdfHref('idlib-offensive-2019.txt');
    expect(href).toMatch(/\.pdf$/);
    const pdf = await open(href);
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(folded(pdftotext(pdf.bytes))).not.toContain('(edited)');
    const json = await page.$eval(`${row('idlib-offensive-2019.txt')} a[href$=".json"]`, (a) => a.getAttribute('href')!);
    const figures = JSON.parse((await open(json)).bytes.toString('utf8')) as { figures: unknown[] };
    expect(figures.figures.length).toBeGreaterThan(0);
  }, 30_000);

  it('saves a corrected category as revision 2, keeps the original, and the new PDF\'s text marks the figure edited', async () => {
    const seed = row('idlib-offensive-2019.txt');
    const before = folded(pdftotext((await open(await pdfHref('idlib-offensive-2019.txt'))).bytes));
    // The editor opens from its button, and stays open through the save.
    await page.click(`${seed} button.disclosure`);
    expect(await page.$eval(`${seed} button.disclosure`, (b) => b.getAttribute('aria-expanded'))).toBe('true');
    const category = `${seed} select[aria-label="Category of “2,117”"]`;
    expect(await page.$eval(category, (select) => (select as HTMLSelectElement).value)).toBe('injured');
    await page.select(category, 'other');
    expect(await page.$eval(`${seed} .save-status`, (node) => node.textContent)).toBe('1 figure changed, not saved yet.');
    // Saved from the keyboard: the page keeps the person's place as the row changes under it.
    await page.focus(`${seed} .save-bar button.primary`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((selector) => document.querySelector(selector)?.textContent?.includes('revision 2'), { timeout: 30_000 }, `${seed} .meta`);
    await waitForState('idlib-offensive-2019.txt', 'ready');
    await page.waitForSelector(`${seed} .edited`, { timeout: 30_000 });
    expect(await page.evaluate((selector) => document.querySelector(selector)!.contains(document.activeElement), seed)).toBe(true);
    expect(await page.$eval(`${seed} .edited`, (node) => node.textContent)).toBe('edited: category');
    expect(await page.$eval(`${seed} .corrections`, (node) => node.textContent)).toBe('Revision 2, corrected by a person: changed “2,117” (category).');
    const after = folded(pdftotext((await open(await pdfHref('idlib-offensive-2019.txt'))).bytes));
    expect(after).not.toBe(before);
    expect(after).toMatch(/2,117 \(edited\)/);
    expect(after).toContain('revision 2 (edited)');
    // The extractor's own figures are kept, linked from the row.
    const original = await page.$eval(`${seed} a[href$="/v1.json"]`, (a) => a.getAttribute('href')!);
    const kept = JSON.parse((await open(original)).bytes.toString('utf8')) as { figures: Array<{ value: number; category: string }>; revision?: unknown };
    expect(kept.revision).toBeUndefined();
    expect(kept.figures.find((f) => f.value === 2117)?.category).toBe('injured');
  }, 60_000);

  it('saves a second correction (a value, a label, a key flag off and one on, a figure removed) as revision 3, shown on the page and in the new PDF', async () => {
    const seed = row('idlib-offensive-2019.txt');
    /** Replaces what a text field holds, as a person selecting it and typing would. */
    const retype = async (selector: string, text: string): Promise<void> => {
      await page.$eval(selector, (input) => (input as HTMLInputElement).select());
      await page.type(selector, text);
    };
    // The editor stayed open through the first save.
    await page.waitForSelector(`${seed} input[aria-label="Value of “130”"]`, { visible: true });
    await retype(`${seed} input[aria-label="Value of “130”"]`, '131');
    await retype(`${seed} input[aria-label="Label of “15”"]`, 'People killed in Mhambil');
    await page.click(`${seed} input[aria-label="“30th” is a key figure"]`);
    await page.click(`${seed} input[aria-label="“11” is a key figure"]`);
    await page.click(`${seed} button[aria-label="Remove “dozens” from the briefing"]`);
    expect(await page.$eval(`${seed} .save-status`, (node) => node.textContent)).toBe('5 figures changed, not saved yet.');
    await page.click(`${seed} .save-bar button.primary`);
    await page.waitForFunction((selector) => document.querySelector(selector)?.textContent?.includes('revision 3'), { timeout: 30_000 }, `${seed} .meta`);
    await waitForState('idlib-offensive-2019.txt', 'ready');
    await page.waitForFunction((selector) => document.querySelector(selector)?.textContent?.startsWith('Revision 3'), { timeout: 30_000 }, `${seed} .corrections`);
    expect(await page.$eval(`${seed} .corrections`, (node) => node.textContent)).toBe(
      'Revision 3, corrected by a person: changed “130” (value), “2,117” (category), “15” (label), “11” (key flag), “30th” (key flag); removed “dozens”.',
    );
    // The cards are the new briefing's: the corrected value and label, the new key figure, not the unflagged one.
    const cards = await page.$$eval(`${seed} .card`, (nodes) => nodes.map((n) => `${n.querySelector('.value')!.textContent} ${n.querySelector('.label')!.textContent}`));
    expect(cards).toContain('131 Children killed');
    expect(cards).toContain('15 People killed in Mhambil');
    expect(cards.some((card) => card.startsWith('11 '))).toBe(true);
    expect(cards.some((card) => card.startsWith('30 '))).toBe(false);
    const pdf = folded(pdftotext((await open(await pdfHref('idlib-offensive-2019.txt'))).bytes));
    expect(pdf).toMatch(/131 \(edited\)/);
    expect(pdf).toContain('People killed in Mhambil');
    expect(pdf).toContain('revision 3 (edited)');
    // The figures behind it: revision 3 without the removed figure, which the revision names.
    const json = await page.$eval(`${seed} a[href$=".json"]`, (a) => a.getAttribute('href')!);
    const saved = JSON.parse((await open(json)).bytes.toString('utf8')) as { figures: Array<{ id: string; text: string }>; revision: { number: number; removed: Array<{ text: string }> } };
    expect(saved.revision.number).toBe(3);
    expect(saved.figures.map((f) => f.text)).not.toContain('dozens');
    expect(saved.revision.removed.map((f) => f.text)).toEqual(['dozens']);
  }, 60_000);

  it('saves a screenshot of the page', async () => {
    // The page as a person opening it now sees it, in a tab of its own: a reload would first
    // tear down the PDF viewer of the open row, which on a busy machine can outlast the wait.
    await openTab({ closeLast: true });
    await waitForState('idlib-offensive-2019.txt', 'ready');
    // Opened (a row loaded with the page starts closed; one seen becoming ready opens by itself).
    const toggle = `${row('idlib-offensive-2019.txt')} button.toggle`;
    if ((await page.$eval(toggle, (button) => button.getAttribute('aria-expanded'))) !== 'true') await page.click(toggle);
    await page.waitForSelector(`${row('idlib-offensive-2019.txt')} .corrections`, { timeout: 30_000 });
    // The whole page in one view (a full-page capture would resize the view and make the PDF viewer draw again).
    await page.setViewport({ width: 1280, height: await page.evaluate(() => document.documentElement.scrollHeight) });
    await pdfPreviewDrawn((await page.waitForSelector(`${row('idlib-offensive-2019.txt')} iframe.pdf`, { timeout: 30_000 }))!);
    mkdirSync(dirname(screenshot), { recursive: true });
    writeFileSync(screenshot, await page.screenshot({ type: 'png' }));
    await page.setViewport({ width: 1280, height: 900 });
    expect(statSync(screenshot).size).toBeGreaterThan(100_000);
  }, 120_000);

  it('shows a hostile file name and a title holding a script as text, never as markup', async () => {
    // A tab of its own, loaded afresh: nothing left over from the screenshot.
    await openTab();
    const input = await page.$('input[type="file"]');
    await input!.uploadFile(HOSTILE);
    await waitForState(HOSTILE_NAME, 'ready');
    await page.click(`${row(HOSTILE_NAME)} button.toggle`).catch(() => undefined);
    await page.waitForSelector(`${row(HOSTILE_NAME)} .title`, { timeout: 20_000 });
    expect(await page.$eval(`${row(HOSTILE_NAME)} .name`, (node) => node.textContent)).toBe(HOSTILE_NAME);
    expect(await page.$eval(`${row(HOSTILE_NAME)} .title`, (node) => node.textContent)).toBe(HOSTILE_TITLE);
    expect(await page.$$('img[src="x"], b')).toHaveLength(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  }, 60_000);

  it('takes files dropped on the page, and refuses one over the limit before sending it', async () => {
    const text = 'Floods kill 9 in Kerala\n\nAt least 9 people were killed and 2,400 evacuated after floods hit Kerala on Monday, officials said.\n';
    // A person's drag from their file manager: the page sees dragenter, dragover and drop with the files.
    await page.evaluate((body) => {
      const files = new DataTransfer();
      files.items.add(new File([body], 'kerala-floods.txt', { type: 'text/plain' }));
      files.items.add(new File([new Uint8Array(6 * 1024 * 1024).fill(97)], 'huge.txt', { type: 'text/plain' }));
      const zone = document.getElementById('drop')!;
      for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: files, bubbles: true, cancelable: true }));
    }, text);
    await waitForState('kerala-floods.txt', 'ready');
    await waitForState('huge.txt', 'refused');
    expect(await page.$eval(`${row('huge.txt')} .reason`, (node) => node.textContent)).toBe('file is 6 MB; the limit for one article is 5 MB');
    expect(await page.$eval('#drop', (zone) => zone.classList.contains('over'))).toBe(false);
    // Nothing of the refused file reached the pipeline.
    const list = (await (await fetch(`${web}api/articles`)).json()) as { articles: Array<{ key: string }> };
    expect(list.articles.map((a) => a.key)).toContain('kerala-floods.txt');
    expect(list.articles.map((a) => a.key)).not.toContain('huge.txt');
  }, 60_000);

  it('fetches a pasted web address into a row that becomes ready, and says why an address could not be fetched', async () => {
    // A news site on this machine (the local page fetches any address; the deployed one only public ones).
    const news: Server = createServer((request, response) => {
      if (request.url !== '/news/sava-floods') return void response.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(repoRoot, 'examples/sava-river-floods.html')));
    });
    await new Promise<void>((r) => news.listen(0, '127.0.0.1', () => r()));
    const site = `http://127.0.0.1:${(news.address() as { port: number }).port}`;
    try {
      await page.type('#address', `${site}/news/sava-floods`);
      await page.keyboard.press('Enter');
      await waitForState('sava-floods.html', 'ready');
      expect(await page.$eval('#address', (input) => (input as HTMLInputElement).value)).toBe('');
      await page.waitForSelector(`${row('sava-floods.html')} a[href$=".pdf"]`, { timeout: 20_000 });
      await page.type('#address', `${site}/news/gone`);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.getElementById('fetch-status')?.textContent?.startsWith('Not fetched'), { timeout: 20_000 });
      expect(await page.$eval('#fetch-status', (node) => node.textContent)).toBe('Not fetched: cannot fetch: the server answered 404 Not Found');
      // The address stays in the field, to be corrected.
      expect(await page.$eval('#address', (input) => (input as HTMLInputElement).value)).toBe(`${site}/news/gone`);
    } finally {
      news.close();
    }
  }, 60_000);

  it('refuses a cross-origin POST, from another page in the browser and with a forged Origin or Host', async () => {
    const body = JSON.stringify({ key: 'idlib-offensive-2019.txt', revision: 2, edits: [{ id: 'f1', remove: true }] });
    // A page on another origin posts to the page server, as a hostile site would.
    const other: Server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(`<script>fetch(${JSON.stringify(`${web}api/revisions`)}, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: ${JSON.stringify(body)} }).finally(() => { document.title = 'sent'; });</script>`);
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', () => r()));
    const tab = await browser.newPage();
    try {
      await tab.goto(`http://localhost:${(other.address() as { port: number }).port}/`);
      await tab.waitForFunction(() => document.title === 'sent', { timeout: 10_000 });
    } finally {
      await tab.close();
      other.close();
    }
    const forged = await fetch(`${web}api/revisions`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toEqual({ error: 'cross_origin', reason: 'requests from https://evil.example are refused: only this page may use this server' });
    const noOrigin = await fetch(`${web}api/revisions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(noOrigin.status).toBe(403);
    expect(await getWithHost(`${web}api/articles`, 'attacker.example')).toBe(421);
    expect(await getWithHost(`${web}api/articles`, new URL(web).host)).toBe(200);
    // Nothing of it was saved: the seed is still at revision 3, f1 still in it.
    const same = await fetch(`${web}api/article?key=idlib-offensive-2019.txt`);
    const detail = (await same.json()) as { article: { revision: number }; extraction: { figures: Array<{ id: string }> } };
    expect(detail.article.revision).toBe(3);
    expect(detail.extraction.figures.map((f) => f.id)).toContain('f1');
  }, 30_000);
});

describe('the deployed page (the same build, its config.json naming a user pool), in chromium', () => {
  it('shows a signed-out person a Sign in button that goes to the user pool\'s sign-in, with PKCE and back to the page', async () => {
    const config: PageConfig = {
      mode: 'deployed', api: 'https://api.example.com', maxBytes: 5 * 1024 * 1024, updates: 'poll', fetches: true,
      auth: { domain: 'briefing-1.auth.eu-west-1.amazoncognito.com', clientId: 'client1', region: 'eu-west-1' },
    };
    // The built page as the site bucket holds it, with the config.json the stack writes.
    const site: Server = createServer((request, response) => {
      const name = request.url === '/' ? 'index.html' : (request.url ?? '').slice(1);
      if (name === 'config.json') return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(config));
      const type = { html: 'text/html', js: 'text/javascript', css: 'text/css', svg: 'image/svg+xml' }[name.split('.').pop() ?? ''];
      if (!type || !/^[\w.-]+$/.test(name)) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': type }).end(readFileSync(join(repoRoot, 'dist/web', name)));
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', () => r()));
    const origin = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
    const tab = await browser.newPage();
    try {
      await tab.goto(`${origin}/`, { waitUntil: 'load' });
      const button = await tab.waitForSelector('#signed-out button', { visible: true, timeout: 10_000 });
      expect(await tab.$eval('#main', (main) => (main as HTMLElement).hidden)).toBe(true);
      // Where the button leads, without leaving for Cognito.
      await tab.setRequestInterception(true);
      const leaving = new Promise<string>((resolve) => {
        tab.on('request', (request) => {
          if (request.url().startsWith(`${origin}/`)) return void request.continue();
          resolve(request.url());
          void request.abort();
        });
      });
      await button!.click();
      const to = new URL(await leaving);
      expect(`${to.origin}${to.pathname}`).toBe('https://briefing-1.auth.eu-west-1.amazoncognito.com/oauth2/authorize');
      expect(to.searchParams.get('response_type')).toBe('code');
      expect(to.searchParams.get('client_id')).toBe('client1');
      expect(to.searchParams.get('redirect_uri')).toBe(`${origin}/`);
      expect(to.searchParams.get('code_challenge_method')).toBe('S256');
      expect(to.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    } finally {
      await tab.close();
      site.close();
    }
  }, 30_000);
});

