/**
 * Inputs that once crashed, stalled or flooded the pipeline, uploaded to the local pipeline:
 * each ends as an error record with a reason a person can act on, or as a briefing of at most
 * 8 pages — never a dead letter — and while they are worked on, the S3 endpoint keeps
 * answering and an ordinary article still gets its briefing.
 */
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPdfPages } from '../../local/pdf-pages';
import { articles, deadLetters, fatesOf, startRun, type Run } from './harness';

const lines = (n: number, line: (i: number) => string): string => Array.from({ length: n }, (_, i) => line(i)).join('\n');

function tableHeavyPage(bytes: number): string {
  const rows: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const row = `<tr><td>District ${i}</td><td>${i * 7} people displaced</td><td>${i % 50} killed</td></tr>`;
    rows.push(row);
    size += row.length;
  }
  return `<html><head><title>Floods</title></head><body><article><h1>Floods</h1><p>Floods killed 40 people on Monday, officials said.</p><table>${rows.join('')}</table></article></body></html>`;
}

/** Key → bytes, metadata, and what must come of it. */
const HOSTILE: ReadonlyArray<{ key: string; body: string; metadata?: Record<string, string>; expect: RegExp | 'briefing' }> = [
  { key: 'deep.json', body: `{"title":"Floods","body":"Five people died.","extra":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`, expect: /^JSON nests lists and objects more than 100 levels deep/ },
  { key: 'deep-graph.json', body: `{"@context":"https://schema.org","@graph":${'['.repeat(50_000)}{"@type":"NewsArticle","articleBody":"Five died."}${']'.repeat(50_000)}}`, expect: /^JSON nests/ },
  { key: 'deep.html', body: `<html><body><article><p>Five people died in the flood on Monday.</p>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</article></body></html>`, expect: /^HTML nests elements more than 256 deep/ },
  { key: 'deep-body.json', body: JSON.stringify({ title: 'Floods', body: `<p>Five people died.</p>${'<div>'.repeat(50_000)}x${'</div>'.repeat(50_000)}` }), expect: /^HTML nests elements/ },
  { key: 'lines.txt', body: `Flood update\n\n${lines(200_000, (i) => (i % 20 === 0 ? `In district ${i} some ${i % 97} people were hurt.` : "Rain went on."))}`, expect: 'briefing' },
  { key: 'table.html', body: tableHeavyPage(5_000_000), expect: /^HTML has [\d,]+ elements; the limit is 30,000/ },
  { key: 'numbers.txt', body: `Numbers\n\n${Array.from({ length: 100_000 }, (_, i) => `${i + 1} killed.`).join(' ')}`, expect: 'briefing' },
  { key: 'front-matter.md', body: `---\ntitle: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n---\nFive people died.`, expect: /^front matter nests/ },
  { key: 'last-tuesday.txt', body: 'Floods\n\nFive people died on Monday, officials said.', metadata: { published: 'last tuesday' }, expect: /^metadata published="last tuesday" is not a real date/ },
  { key: 'feb-30.txt', body: 'Floods\n\nFive people died on Monday, officials said.', metadata: { published: '2019-02-30' }, expect: /^metadata published="2019-02-30" is not a real date/ },
];

let run: Run;
const answered: number[] = [];
let ordinaryMs = 0;

beforeAll(async () => {
  run = await startRun();
  const [ordinary] = articles(1);
  const started = Date.now();
  await Promise.all(HOSTILE.map((input) => run.put(input.key, input.body, input.metadata)));
  // While the hostile inputs are worked on, the endpoint answers and an ordinary upload goes through.
  let done = false;
  const probing = (async () => {
    while (!done) {
      const t = Date.now();
      await run.client.send(new HeadBucketCommand({ Bucket: run.pipeline.inputBucket }));
      answered.push(Date.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const briefed = new Promise<void>((resolve) => run.pipeline.onArticle((result) => { if (result.key === ordinary!.key) resolve(); }));
  await run.put(ordinary!.key, ordinary!.bytes);
  await briefed;
  ordinaryMs = Date.now() - started;
  await run.pipeline.idle();
  done = true;
  await probing;
}, 240_000);

afterAll(async () => {
  await run?.close();
});

describe('hostile inputs through the local pipeline', () => {
  it('each ends as an error record with its reason, or a briefing of at most 8 pages; none is dead-lettered', async () => {
    const fates = await fatesOf(run, HOSTILE.map((input) => input.key));
    for (const input of HOSTILE) {
      const fate = fates.get(input.key)!;
      if (input.expect === 'briefing') {
        expect(fate.kind, `${input.key}: ${fate.kind === 'error' ? fate.record.reason : fate.kind}`).toBe('briefed');
        if (fate.kind === 'briefed') expect(countPdfPages(fate.pdf), input.key).toBeLessThanOrEqual(8);
      } else {
        expect(fate.kind, input.key).toBe('error');
        if (fate.kind === 'error') {
          expect(fate.record.reason, input.key).toMatch(input.expect);
          // A reason, not a stack trace.
          expect(fate.record.reason).not.toMatch(/\n|\bat \S+ \(/);
        }
      }
    }
    expect(deadLetters(run)).toEqual([]);
    expect(run.lines.filter((line) => line.startsWith('retry') || line.startsWith('dead'))).toEqual([]);
  });

  it('the table of a 100,000-number article lists the strongest figures and says how many more the JSON holds', async () => {
    const fate = (await fatesOf(run, ['numbers.txt'])).get('numbers.txt')!;
    expect(fate.kind).toBe('briefed');
    if (fate.kind !== 'briefed') return;
    const { pdftotext, folded } = await import('../render/poppler');
    expect(folded(pdftotext(fate.pdf))).toMatch(/The table lists the \d+ strongest of [\d,]+ figures; the figures JSON holds them all\./);
  });

  it('keeps the S3 endpoint answering and an ordinary article moving while they are worked on', () => {
    expect(answered.length).toBeGreaterThan(5);
    expect(Math.max(...answered)).toBeLessThan(2_000);
    expect(ordinaryMs).toBeLessThan(60_000);
  });
});
