/**
 * The Chromium baseline's input: the same briefing content as our PDF (title, source line,
 * summary, key-figure cards, a bar chart of counts of people, timeline, quotes, the table of all
 * figures, organisations and places, a footer) as one self-contained HTML page with print CSS,
 * set in the same DejaVu Sans, so Chromium prints a document comparable to ours.
 */
import { pathToFileURL } from 'node:url';
import { PEOPLE } from '../lambdas/briefing/select';
import type { Extraction, Figure } from '../lambdas/extract/types';
import { findAsset } from '../lambdas/core/assets';
import { FONT_FILES } from '../lambdas/render/fonts';

// The very files our renderer embeds.
const FONT_URL = pathToFileURL(findAsset(FONT_FILES.regular)).href;
const FONT_BOLD_URL = pathToFileURL(findAsset(FONT_FILES.bold)).href;

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function keyFigures(figures: readonly Figure[]): Figure[] {
  const key = figures.filter((f) => f.key).sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99));
  return (key.length > 0 ? key : figures.filter((f) => !f.vague)).slice(0, 8);
}

function card(f: Figure): string {
  return `<div class="card"><div class="num">${escapeHtml(f.text)}</div><div class="label">${escapeHtml(f.label)}</div>`
    + `${f.source ? `<div class="src">${escapeHtml(f.source)}</div>` : ''}</div>`;
}

function chart(figures: readonly Figure[]): string {
  const bars = figures.filter((f) => PEOPLE.has(f.category)).slice(0, 8);
  if (bars.length === 0) return '';
  const max = Math.max(...bars.map((f) => f.value));
  const rows = bars.map((f) => `<div class="bar"><span class="bl">${escapeHtml(f.label)}</span>`
    + `<span class="track"><span class="fill" style="width:${((f.value / max) * 100).toFixed(1)}%"></span></span>`
    + `<span class="bv">${f.value.toLocaleString('en-GB')}</span></div>`).join('');
  return `<section><h2>People counted</h2><div class="chart" role="img" aria-label="Bar chart of counts of people">${rows}</div></section>`;
}

function figureTable(figures: readonly Figure[]): string {
  if (figures.length === 0) return '';
  const rows = figures.map((f) => `<tr><td class="n">${escapeHtml(f.text)}</td><td>${escapeHtml(f.label)}</td>`
    + `<td>${escapeHtml(f.source ?? '')}</td><td class="s">${escapeHtml(f.sentence)}</td></tr>`).join('');
  return `<section><h2>All figures</h2><table><thead><tr><th>Figure</th><th>What</th><th>Source</th><th>Sentence</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

const CSS = `
@font-face { font-family: 'DejaVu Sans'; src: url('${FONT_URL}'); font-weight: normal; }
@font-face { font-family: 'DejaVu Sans'; src: url('${FONT_BOLD_URL}'); font-weight: bold; }
@page { size: A4; margin: 18mm 16mm 20mm; }
body { font: 9.5pt/1.4 'DejaVu Sans', sans-serif; color: #1b1f24; margin: 0; }
h1 { font-size: 17pt; margin: 0 0 4pt; line-height: 1.2; }
h2 { font-size: 11pt; margin: 12pt 0 5pt; padding-bottom: 2pt; border-bottom: 1px solid #c9d1d9; break-after: avoid; }
.meta { color: #57606a; margin-bottom: 8pt; }
.highlights li { margin-bottom: 2pt; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 6pt; }
.card { border: 1px solid #d0d7de; border-top: 3px solid #b42318; padding: 5pt 6pt; break-inside: avoid; }
.num { font-size: 14pt; font-weight: bold; color: #b42318; }
.label { font-size: 8.5pt; } .src { font-size: 7.5pt; color: #57606a; }
.bar { display: grid; grid-template-columns: 38% 1fr 16%; align-items: center; gap: 6pt; margin: 2pt 0; font-size: 8.5pt; }
.track { background: #eef1f4; height: 9pt; display: block; } .fill { background: #b42318; height: 9pt; display: block; }
.bv { text-align: right; }
.timeline dt { font-weight: bold; float: left; width: 24mm; } .timeline dd { margin: 0 0 3pt 26mm; }
blockquote { margin: 0 0 6pt; padding-left: 8pt; border-left: 3px solid #d0d7de; break-inside: avoid; }
blockquote footer { color: #57606a; font-size: 8.5pt; }
table { width: 100%; border-collapse: collapse; font-size: 8pt; }
th, td { text-align: left; vertical-align: top; padding: 3pt 4pt; border-bottom: 1px solid #e5e9ed; }
thead { display: table-header-group; } tr { break-inside: avoid; }
td.n { white-space: nowrap; font-weight: bold; } td.s { color: #444c56; }
.foot { margin-top: 12pt; font-size: 7.5pt; color: #57606a; }
`;

export function briefingHtml(extraction: Extraction): string {
  const { article } = extraction;
  const meta = [article.source, article.published ? `as of ${article.published}` : null, article.byline].filter(Boolean).join(' · ');
  const timeline = extraction.timeline.length === 0 ? '' : `<section><h2>Timeline</h2><dl class="timeline">${extraction.timeline
    .map((t) => `<dt>${escapeHtml(t.date)}</dt><dd>${escapeHtml(t.text)}</dd>`).join('')}</dl></section>`;
  const quotes = extraction.quotes.length === 0 ? '' : `<section><h2>Quotes</h2>${extraction.quotes
    .map((q) => `<blockquote><p>“${escapeHtml(q.text)}”</p>${q.speaker ? `<footer>${escapeHtml([q.speaker, q.role].filter(Boolean).join(', '))}</footer>` : ''}</blockquote>`).join('')}</section>`;
  const names = (title: string, items: readonly string[]): string =>
    items.length === 0 ? '' : `<p><strong>${title}:</strong> ${items.map(escapeHtml).join(', ')}</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(article.title)}</title><style>${CSS}</style></head><body>
<header><h1>${escapeHtml(article.title)}</h1><div class="meta">${escapeHtml(meta)}</div></header>
${extraction.summary.length ? `<section><h2>Highlights</h2><ul class="highlights">${extraction.summary.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul></section>` : ''}
<section><h2>Key figures</h2><div class="cards">${keyFigures(extraction.figures).map(card).join('')}</div></section>
${chart(extraction.figures)}
${timeline}
${quotes}
${figureTable(extraction.figures)}
${extraction.organisations.length + extraction.places.length === 0 ? '' : `<section><h2>Organisations and places</h2>${names('Organisations', extraction.organisations)}${names('Places', extraction.places)}</section>`}
<div class="foot">Generated from ${escapeHtml(article.input ?? 'article')} · sha256 ${escapeHtml(article.sha256.slice(0, 12))}</div>
</body></html>`;
}
