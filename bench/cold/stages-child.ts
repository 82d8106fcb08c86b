/**
 * The cold cost of each stage: a fresh process (bundled like the handlers) runs the pipeline's
 * steps one by one, in renderBriefing's order, and writes how long each took the first time,
 * in CPU and wall milliseconds, to $BRIEFING_COLD_STAGES. "start" is Node's own start plus
 * loading this bundle: everything before the first line here runs.
 * Usage: stages-child <article> <published|-> <out.pdf>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readArticle } from '../../lambdas/intake';
import { extractFigures } from '../../lambdas/extract';
import { buildBriefingModel } from '../../lambdas/briefing/model';
import { fillTemplate } from '../../lambdas/template/fill';
import { bundledTemplates } from '../../lambdas/template/load';
import { layoutDocument } from '../../lambdas/layout';
import { fontMetrics } from '../../lambdas/render/fonts';
import { drawPdf } from '../../lambdas/render/pdf';

const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const stages: Record<string, { cpuMs: number; wallMs: number }> = {};
let cpu = 0;
let wall = 0;
function done(stage: string): void {
  const [c, w] = [cpuMs(), performance.now()];
  stages[stage] = { cpuMs: c - cpu, wallMs: w - wall };
  [cpu, wall] = [c, w];
}
done('start');

const [file, published, out] = process.argv.slice(2);
if (!file || !published || !out) throw new Error('usage: stages-child <article> <published|-> <out.pdf>');
const article = readArticle(readFileSync(file), { name: path.basename(file) });
done('intake');
const extraction = extractFigures(article, { published: published === '-' ? null : published });
done('extraction');
const templates = bundledTemplates();
const tree = fillTemplate(templates.main, templates.partials, buildBriefingModel(extraction));
done('template');
const laid = layoutDocument(tree, fontMetrics());
done('layout');
// No top-level await: bundled as CommonJS, like the handlers (infra/bundling.ts).
void drawPdf(laid, { date: new Date('2000-01-01T00:00:00Z'), pdfa: false }).then((pdf) => {
  done('pdf');
  writeFileSync(out, pdf);
  if (process.env.BRIEFING_COLD_STAGES) writeFileSync(process.env.BRIEFING_COLD_STAGES, JSON.stringify(stages));
});
