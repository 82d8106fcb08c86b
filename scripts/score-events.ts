/**
 * `npx tsx scripts/score-events.ts <dir>`: scores `briefing event` on every cluster of a
 * folder — each `<cluster>/` of articles with its annotation `<cluster>.expected.json` beside
 * it (docs/eval.md) — and prints, per cluster and in total, how many annotated measures came
 * out right in each respect. For held-out clusters kept outside the repository: the
 * development clusters are scored by `npm test` (tests/event/clusters.test.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extractFromBytes } from '../lambdas/pipeline/extract-bytes';
import { isRight, scoreEvent, type EventAnnotation, type MeasureScore } from '../lambdas/eval/event-score';
import { fuseEvent } from '../lambdas/event/fuse';
import { articleFiles } from '../local/batch/run-batch';

const dir = process.argv[2];
if (!dir || !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
  process.stderr.write('usage: npx tsx scripts/score-events.ts <dir with <cluster>/ folders and <cluster>.expected.json files>\n');
  process.exit(2);
}

const aspects = ['reports', 'order', 'latest', 'disputed'] as const;
const all: MeasureScore[] = [];
for (const cluster of readdirSync(dir).filter((f) => f.endsWith('.expected.json')).map((f) => f.replace(/\.expected\.json$/, '')).sort()) {
  const annotation = JSON.parse(readFileSync(join(dir, `${cluster}.expected.json`), 'utf8')) as EventAnnotation;
  const files = await articleFiles(join(dir, cluster));
  const inputs = files.map((f) => ({ file: f, extraction: extractFromBytes(readFileSync(join(dir, cluster, f)), { name: f }) }));
  const scores = scoreEvent(fuseEvent(inputs), annotation);
  all.push(...scores);
  process.stdout.write(`${cluster}: ${scores.filter(isRight).length}/${scores.length} measures right\n`);
  for (const s of scores.filter((x) => !isRight(x))) {
    process.stdout.write(`  ${s.name}\n${aspects.flatMap((a) => s[a].map((p) => `    ${a}: ${p}\n`)).join('')}`);
  }
}
const right = (aspect: (typeof aspects)[number]): number => all.filter((s) => s.found && s[aspect].length === 0).length;
process.stdout.write(`\n${all.length} annotated measures: ${all.filter(isRight).length} right in every respect; `
  + `${aspects.map((a) => `${a} ${right(a)}`).join(', ')}; found ${all.filter((s) => s.found).length}\n`);
