/**
 * Our cold per-document path without any TypeScript tooling: a fresh `node` process running this
 * file bundled (bench/tmp/cold-render.mjs) reads one article and writes its briefing PDF, as a
 * cold Lambda would. Usage: cold-render <article> <published|-> <out.pdf>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { briefingFromBytes } from '../lambdas/pipeline';

const [file, published, out] = process.argv.slice(2);
if (!file || !published || !out) throw new Error('usage: cold-render <article> <published|-> <out.pdf>');
// No top-level await: bundled as CommonJS, like the handlers (infra/bundling.ts).
void briefingFromBytes(readFileSync(file), { name: path.basename(file), published: published === '-' ? null : published }).then(({ pdf }) => writeFileSync(out, pdf));
