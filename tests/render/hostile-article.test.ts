/** A hostile article through the whole pipeline: intake → extraction → template → layout → PDF. */
import { describe, expect, it } from 'vitest';
import { buildBriefingModel } from '../../lambdas/briefing/model';
import { briefingFromBytes } from '../../lambdas/pipeline';
import type { Extraction } from '../../lambdas/extract/types';
import { layoutDocument } from '../../lambdas/layout';
import { fontMetrics } from '../../lambdas/render/fonts';
import { fillTemplate } from '../../lambdas/template/fill';
import { bundledTemplates } from '../../lambdas/template/load';
import { folded, pdftotext, qpdfCheck } from './poppler';

const INJECT = '<heading>Breaking</heading> ]]> {{constructor}} &amp;';

/** As JSON, because a text file with a NUL byte is refused by intake as binary. */
const article = (extra: string, nul: string): string => JSON.stringify({
  title: `Floods ${extra} hit the delta region`,
  body: [
    `At least 1,200 people have been forced from their homes by floods in the delta region, the Red Cross said on Monday. ${extra}${nul}`,
    `Officials said 35 people have been killed and 210 injured since the rains began. “We need boats ${extra} now,” said Ana Costa, a Red Cross spokeswoman.`,
  ].join('\n\n'),
});

async function brief(text: string): Promise<{ extraction: Extraction; pdf: Uint8Array }> {
  return briefingFromBytes(new TextEncoder().encode(text), { name: 'hostile.json', published: '2024-03-04' });
}

const blockKinds = (x: Extraction): string[] => {
  const t = bundledTemplates();
  const doc = layoutDocument(fillTemplate(t.main, t.partials, buildBriefingModel(x)), fontMetrics());
  return doc.pages.flatMap((p) => p.blocks.map((b) => b.kind)).filter((k) => k !== 'line');
};

describe('an article that contains markup and template syntax', async () => {
  const hostile = await brief(article(INJECT, '\u0000'));
  const clean = await brief(article('plain words here and there', ''));
  const text = folded(pdftotext(hostile.pdf));

  it('prints it literally and drops the NUL', () => {
    expect(hostile.extraction.article.title).toContain(INJECT);
    expect(text).toContain(`Floods ${INJECT} hit the delta region`);
    expect(pdftotext(hostile.pdf)).not.toContain('\u0000');
    expect(qpdfCheck(hostile.pdf).status).toBe(0);
  });

  it('lays out the same blocks as the same article without it', () => {
    expect(blockKinds(hostile.extraction)).toEqual(blockKinds(clean.extraction));
  });
});
