/** lambdas/render/fonts.ts: a bundled font that is not a usable face is refused by its name, and its file closed. */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

describe('a damaged font file', () => {
  const assets = mkdtempSync(join(tmpdir(), 'briefing-fonts-'));
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(assets, { recursive: true, force: true });
  });

  it('is refused with its name, and every try closes the file it opened', async () => {
    mkdirSync(join(assets, 'fonts'));
    for (const name of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) writeFileSync(join(assets, 'fonts', name), 'not a font at all, only text');
    vi.stubEnv('BRIEFING_ASSETS_DIR', assets);
    vi.resetModules();
    const { loadFaces } = await import('../../lambdas/render/fonts');
    const open = () => readdirSync('/proc/self/fd').length;
    expect(() => loadFaces()).toThrow(/^fonts\/DejaVuSans\.ttf: not a TrueType font: its header names another format$/);
    const before = open();
    for (let i = 0; i < 5; i++) expect(() => loadFaces()).toThrow(/fonts\/DejaVuSans\.ttf/);
    expect(open()).toBe(before);
  });
});
