/** Line breaking (lambdas/layout/text.ts), measured with the real fonts, with and without a memory of wrapped lines. */
import { describe, expect, it } from 'vitest';
import { buildBriefingModel } from '../../lambdas/briefing/model';
import { layoutDocument } from '../../lambdas/layout';
import { wrapClamped, wrapText } from '../../lambdas/layout/text';
import type { FontMetrics, WrappedText } from '../../lambdas/layout/types';
import { fontMetrics } from '../../lambdas/render/fonts';
import { fillTemplate } from '../../lambdas/template/fill';
import { bundledTemplates } from '../../lambdas/template/load';
import { loadExtraction } from '../render/fixtures';

const TEXT = 'Airstrikes and shelling killed at least 544 civilians in north-west Syria since late April, the Syrian Network for Human Rights said.';
const remembering = (): FontMetrics & { readonly wraps: Map<string, WrappedText[]> } => ({ ...fontMetrics(), wraps: new Map() });

describe('wrapText', () => {
  it('breaks at spaces within the width, and cuts a word wider than a line', () => {
    const m = fontMetrics();
    const lines = wrapText(TEXT, { face: 'regular', size: 9 }, 150, m);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join(' ')).toBe(TEXT);
    for (const line of lines) expect(m.widthOf(line, 'regular', 9)).toBeLessThanOrEqual(150);
    expect(wrapText('Supercalifragilisticexpialidocious', { face: 'bold', size: 20 }, 60, m).join('')).toBe('Supercalifragilisticexpialidocious');
  });

  it('gives the same lines from memory, per face, size and width, and they cannot be changed', () => {
    const plain = fontMetrics();
    const m = remembering();
    const style = { face: 'regular', size: 9 } as const;
    const first = wrapText(TEXT, style, 150, m);
    expect(first).toEqual(wrapText(TEXT, style, 150, plain));
    expect(wrapText(TEXT, style, 150, m)).toBe(first);
    expect(wrapText(TEXT, style, 300, m)).toEqual(wrapText(TEXT, style, 300, plain));
    expect(wrapText(TEXT, { face: 'bold', size: 9 }, 150, m)).toEqual(wrapText(TEXT, { face: 'bold', size: 9 }, 150, plain));
    const larger = wrapText(TEXT, { face: 'regular', size: 14 }, 150, m);
    expect(larger).toEqual(wrapText(TEXT, { face: 'regular', size: 14 }, 150, plain));
    expect(larger.length).toBeGreaterThan(first.length);
    expect(m.wraps.get(TEXT)).toHaveLength(4);
    expect(() => (first as string[]).push('x')).toThrow(TypeError);
    const clamped = wrapClamped(TEXT, style, 150, 2, m);
    expect(clamped).toHaveLength(2);
    expect(clamped[1]).toMatch(/…$/);
    expect(wrapText(TEXT, style, 150, m)).toEqual(wrapText(TEXT, style, 150, plain));
  });

  it('lays a document out the same with a memory shared by its layouts', () => {
    const t = bundledTemplates();
    const tree = () => fillTemplate(t.main, t.partials, buildBriefingModel(loadExtraction('idlib-offensive-2019')));
    const m = remembering();
    const once = layoutDocument(tree(), fontMetrics());
    expect(layoutDocument(tree(), m)).toEqual(once);
    expect(m.wraps.size).toBeGreaterThan(20);
    expect(layoutDocument(tree(), m)).toEqual(once);
  });
});
