/**
 * A real browser for the page's tests: Debian's chromium driven by puppeteer-core (which
 * downloads no browser of its own). `.ci/run` installs chromium; CHROMIUM_PATH points elsewhere.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle } from 'puppeteer-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless chromium with a fresh profile, closed (and its profile removed) by `close()`. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no browser at ${CHROMIUM}: apt-get install -y chromium (as .ci/run does), or set CHROMIUM_PATH`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: profile,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Chromium may still be writing its profile as it goes: retry, and never fail a test over a temp folder.
  browser.once('disconnected', () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {
      // Left in the temp folder.
    }
  });
  return browser;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits (at most `limitMs`) until chromium's PDF viewer has drawn the PDF in `frame`: it draws
 * in a process of its own, a while after the frame loads. A capture of a blank frame is one flat
 * colour, which compresses to almost nothing. Captures of one browser run one at a time, so a
 * slow one (a busy machine) ends the wait instead of queueing more captures behind it.
 */
export async function pdfPreviewDrawn(frame: ElementHandle, limitMs = 20_000): Promise<void> {
  for (const deadline = Date.now() + limitMs; Date.now() < deadline;) {
    const size = frame.screenshot({ type: 'png' }).then((png) => png.byteLength, () => 0);
    const drawn = await Promise.race([size, sleep(5_000).then(() => -1)]);
    if (drawn === -1) return;
    if (drawn > 20_000) break;
    await sleep(500);
  }
  // The first page is drawn; give it a moment to finish.
  await sleep(2_000);
}
