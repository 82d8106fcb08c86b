/** `briefing render` as a user runs it: real child process, real files, real poppler/qpdf. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAmount } from '../../lambdas/briefing/format';
import { extractFromBytes } from '../../lambdas/pipeline';
import { runCli } from '../support/cli';
import { folded, pdffonts, pdfinfo, pdfinfoCustom, pdftotext, qpdfCheck } from './poppler';

const dir = mkdtempSync(join(tmpdir(), 'render-cli-'));
const article = 'tests/fixtures/articles/idlib-offensive-2019.txt';
const extraction = 'tests/fixtures/extraction/idlib-offensive-2019.json';
const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('briefing render', () => {
  it('renders an article end to end, the same bytes twice', async () => {
    const a = join(dir, 'a.pdf');
    const b = join(dir, 'sub', 'b.pdf');
    const first = await runCli(['render', article, '--published', '2019-06-29', '-o', a]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect((await runCli(['render', article, '--published', '2019-06-29', '-o', b])).code).toBe(0);
    expect(sha(a)).toBe(sha(b));
    const pdf = readFileSync(a);
    expect(qpdfCheck(pdf).status).toBe(0);
    expect(pdffonts(pdf)).not.toMatch(/\sno\s+(yes|no)\s+(yes|no)\s/);
    expect(pdfinfo(pdf)).toMatch(/Tagged:\s+yes/);
    expect(pdfinfo(pdf)).toMatch(/Title:\s+Idlib: ‘more than 500 civilians killed’/);
    const text = folded(pdftotext(pdf));
    expect(text).toContain('As of 29 June 2019');
    // Every key figure the extractor found is printed, as its card shows it.
    const extraction = extractFromBytes(readFileSync(article), { name: 'idlib-offensive-2019.txt', published: '2019-06-29' });
    const key = extraction.figures.filter((f) => f.key);
    expect(key.length).toBeGreaterThanOrEqual(4);
    for (const f of key) expect(text).toContain(formatAmount(f.value, f.max, f.unit));
  });

  it('renders an Extraction JSON file directly, with PDF/A on request', async () => {
    const out = join(dir, 'x.pdf');
    const r = await runCli(['render', extraction, '-o', out, '--pdfa']);
    expect(r.code).toBe(0);
    const pdf = readFileSync(out);
    expect(folded(pdftotext(pdf))).toContain('At least 544');
    expect(pdf.toString('latin1')).toContain('<pdfaid:part>2</pdfaid:part>');
  });

  it('renders with a template file of the user, and the PDF records its name and hash', async () => {
    const template = join(dir, 'my-sitrep.hbs');
    writeFileSync(template, readFileSync('templates/briefing.hbs', 'utf8').replace('<note>Situation briefing</note>', '<note>Team sitrep</note>'));
    const out = join(dir, 'custom.pdf');
    expect((await runCli(['render', extraction, '-o', out, '--template', template])).code).toBe(0);
    const pdf = readFileSync(out);
    expect(folded(pdftotext(pdf))).toContain('TEAM SITREP');
    expect(pdfinfo(pdf)).toMatch(/Creator:\s+briefing-pipeline, template my-sitrep \(sha256 [0-9a-f]{12}\)/);
    expect(pdfinfoCustom(pdf)).toMatch(/Template:\s+my-sitrep\s/);
    expect(pdfinfoCustom(pdf)).toMatch(/TemplateSHA256:\s+[0-9a-f]{64}\s/);
  });

  it('reports a broken template with its file and line, exit 3', async () => {
    const template = join(dir, 'broken.hbs');
    writeFileSync(template, '<document>\n<section>\n<heading>{{title}}</heading>\n<paragraf>x</paragraf>\n</section>\n</document>\n');
    const r = await runCli(['render', extraction, '-o', join(dir, 't.pdf'), '--template', template]);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`error: ${template}: line 4: unknown element <paragraf>\n`);
  });

  it('refuses an extraction that is not valid Extraction JSON v1, exit 3', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, article: { title: 'x' } }));
    const r = await runCli(['render', bad, '-o', join(dir, 'bad.pdf')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^error: .*bad\.json: not valid Extraction JSON v1: .+\n$/);
  });

  it('needs -o, exit 2', async () => {
    const r = await runCli(['render', extraction]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
