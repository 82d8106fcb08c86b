import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BriefingError } from '../../lambdas/core/errors';
import { findAsset } from '../../lambdas/core/assets';

const saved = process.env.BRIEFING_ASSETS_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.BRIEFING_ASSETS_DIR;
  else process.env.BRIEFING_ASSETS_DIR = saved;
});

describe('findAsset', () => {
  it('prefers $BRIEFING_ASSETS_DIR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assets-'));
    mkdirSync(join(dir, 'templates'));
    writeFileSync(join(dir, 'templates', 'only-here.hbs'), '<document/>');
    process.env.BRIEFING_ASSETS_DIR = dir;
    expect(findAsset('templates/only-here.hbs')).toBe(join(dir, 'templates', 'only-here.hbs'));
  });

  it('finds the fonts and the sRGB profile in a checkout (node_modules)', () => {
    expect(findAsset('fonts/DejaVuSans.ttf')).toMatch(/DejaVuSans\.ttf$/);
    expect(findAsset('fonts/DejaVuSans-Bold.ttf')).toMatch(/DejaVuSans-Bold\.ttf$/);
    expect(findAsset('data/sRGB_IEC61966_2_1.icc')).toMatch(/sRGB_IEC61966_2_1\.icc$/);
    expect(findAsset('templates/briefing.hbs')).toMatch(/templates\/briefing\.hbs$/);
  });

  it('says which asset is missing', () => {
    expect(() => findAsset('fonts/Nope.ttf')).toThrow(BriefingError);
    expect(() => findAsset('fonts/Nope.ttf')).toThrow(/cannot find fonts\/Nope\.ttf/);
  });
});
