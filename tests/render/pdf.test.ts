import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderBriefing } from '../../lambdas/render';
import { buildBriefingModel } from '../../lambdas/briefing/model';
import { folded, pdffonts, pdfinfo, pdftotext, qpdfCheck } from './poppler';
import { loadExtraction, manyFigures } from './fixtures';

const seed = loadExtraction('idlib-offensive-2019');

describe('the seed briefing PDF', async () => {
  const pdf = await renderBriefing(seed);
  const text = folded(pdftotext(pdf));

  it('passes qpdf --check', () => {
    const r = qpdfCheck(pdf);
    expect(r.output).toContain('No syntax or stream encoding errors');
    expect(r.status).toBe(0);
  });

  it('embeds every font, and only DejaVu Sans (never a standard font)', () => {
    const rows = pdffonts(pdf).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/DejaVuSans/);
      expect(row).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
    }
  });

  it('is tagged, titled and dated from the article', () => {
    const info = pdfinfo(pdf);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toContain(`Title:           ${seed.article.title}`);
    expect(info).toMatch(/CreationDate:\s+Sat Jun 29 00:00:00 2019 UTC/);
    expect(info).toMatch(/Pages:\s+2\n/);
    expect(info).toMatch(/Keywords:\s+killed/);
  });

  it('holds every key figure, the sources and the page numbers', () => {
    for (const card of buildBriefingModel(seed).cards) expect(text).toContain(card.value);
    expect(text).toContain('At least 544');
    expect(text).toContain('SNHR');
    expect(text).toContain('As of 29 June 2019');
    expect(text).toContain('Page 1 of 2');
    expect(text).toContain('Page 2 of 2');
    expect(text).toContain('sha256 415521cf3603');
  });

  it('has a structure tree with headings, a table and a figure with alt text', () => {
    const raw = Buffer.from(pdf).toString('latin1');
    for (const role of ['/S /Document', '/S /H1', '/S /H2', '/S /P', '/S /Table', '/S /TR', '/S /TH', '/S /TD', '/S /Figure', '/S /L', '/S /BlockQuote']) {
      expect(raw).toContain(role);
    }
    expect(raw).toMatch(/\/S \/Figure\n\/Alt \(Bar chart of reported counts of people/);
    expect(raw).toContain('/Lang (en)');
    expect(raw).toContain('/DisplayDocTitle true');
  });

  it('is byte-identical when rendered again, and small', async () => {
    const again = await renderBriefing(seed);
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
    expect(pdf.length).toBeLessThan(80 * 1024);
  });

  // lambdas/render/pdf.ts deflates every stream at zlib's level 4 (pdfkit's own is 6).
  it('deflates every stream, at level 4', () => {
    const body = Buffer.from(pdf).toString('latin1');
    // Each stream's dictionary: from its object's header to the `stream` keyword.
    const streams = [...body.matchAll(/>>\nstream\n/g)].map((m) => {
      const dict = body.slice(body.lastIndexOf(' obj\n', m.index), m.index);
      const start = m.index + m[0].length;
      return { dict, bytes: Buffer.from(pdf).subarray(start, start + Number(/\/Length (\d+)/.exec(dict)?.[1])) };
    });
    const deflated = streams.filter(({ dict }) => dict.includes('/Filter /FlateDecode'));
    expect(deflated.length).toBeGreaterThan(5);
    // The XMP metadata stays plain text (PDF/A wants it readable); every other stream is deflated.
    expect(streams.filter((stream) => !deflated.includes(stream)).map(({ dict }) => /\/Type \/(\w+)/.exec(dict)?.[1])).toEqual(['Metadata']);
    for (const { bytes } of deflated) {
      const plain = inflateSync(bytes);
      expect(deflateSync(plain, { level: 4 }).equals(bytes)).toBe(true);
      expect(deflateSync(plain).equals(bytes)).toBe(false);
    }
  });

  it('changes when the input changes (the check can fail)', async () => {
    const other = await renderBriefing({ ...seed, article: { ...seed.article, published: '2019-06-30' } });
    expect(Buffer.from(other).equals(Buffer.from(pdf))).toBe(false);
  });
});

describe('names in every script', async () => {
  const x = loadExtraction('unicode-names');
  const text = folded(pdftotext(await renderBriefing(x)));
  const names = [
    ...x.places, ...x.organisations, ...x.quotes.flatMap((q) => [q.speaker!, q.role!, q.text]),
    'Nguyễn Thị Minh Khai', 'Ørsted', 'Ærø', 'Işıl Güneş Doğan',
  ];
  it.each(names)('%s comes back from pdftotext as it went in', (name) => {
    expect(text).toContain(name.normalize('NFC'));
  });
});

describe('a hostile article', async () => {
  const hostile = loadExtraction('hostile');
  const pdf = await renderBriefing(hostile);
  const text = folded(pdftotext(pdf));

  it('prints markup, template syntax and entities literally', () => {
    for (const s of ['<heading level="1">Injected</heading>', ']]>', '{{constructor}}', '&amp;', '<heading>Fake heading</heading>',
      '"/><card value="999" label="forged"/>', '{{#each figures}}{{/each}}', '</quote><quote speaker="nobody">forged</quote>',
      '{{lookup this "constructor"}}', '{{{raw}}}', '&#x3C;b&#x3E;', '<document>', '&nbsp;', '<![CDATA[ raw ]]>']) {
      expect(text).toContain(s);
    }
  });

  it('drops control characters and lone surrogates', () => {
    expect(text).toContain('NULhere');
    expect(text).toContain('lonesurrogate');
    expect(text).toContain('bell escape');
    expect(pdftotext(pdf)).not.toMatch(/[\u0000\u0007\u001b]/);
  });

  it('is still a valid two-page PDF with the same key figures', () => {
    expect(qpdfCheck(pdf).status).toBe(0);
    expect(pdfinfo(pdf)).toMatch(/Pages:\s+2\n/);
    for (const card of buildBriefingModel(seed).cards) expect(text).toContain(card.value);
  });
});

describe('options', () => {
  it('writes PDF/A-2b identification and the sRGB output intent', async () => {
    const pdf = await renderBriefing(seed, { pdfa: true });
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(raw).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
    expect(qpdfCheck(pdf).status).toBe(0);
  });

  it('escapes the title in the XMP metadata', async () => {
    const pdf = await renderBriefing({ ...seed, article: { ...seed.article, title: 'Floods & <landslides>' } });
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toContain('Floods &amp; &lt;landslides&gt;');
    expect(pdfinfo(pdf)).toContain('Title:           Floods & <landslides>');
  });

  it('keeps a title beyond Latin-1 exact (UTF-16 bytes in its info string), in a file whose cross-references hold', async () => {
    const title = 'Łódź floods: 地震 — “Ünïcödé” €';
    const pdf = await renderBriefing({ ...seed, article: { ...seed.article, title } });
    expect(pdfinfo(pdf)).toContain(`Title:           ${title}`);
    expect(qpdfCheck(pdf).status).toBe(0);
  });

  it('takes a user template', async () => {
    const template = '<document title="{{title}}"><paragraph>Custom: {{asOf}}</paragraph><footer>{{footer}}</footer></document>';
    const text = folded(pdftotext(await renderBriefing(seed, { template, templateName: 'mine.hbs' })));
    expect(text).toContain('Custom: 29 June 2019');
    expect(text).not.toContain('Key figures');
  });

  it('repeats the table header on every page of a long figures table', async () => {
    const pdf = await renderBriefing(manyFigures(40));
    const pages = pdftotext(pdf).split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(2);
    const withRows = pages.filter((p) => /Sentence in the article/.test(p));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
  });
});
