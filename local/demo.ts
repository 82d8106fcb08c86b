/**
 * `npm run demo`: the local pipeline on a free port with a throw-away data folder, every file
 * of `examples/` uploaded to it, each briefing downloaded to `out/`, a table of what came out.
 * Exits 0 only when every example produced its briefing.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalPipeline } from './pipeline';
import { downloadBriefing, uploadArticle, type Stack } from './submit-client';
import { figuresKeyFor, briefingKeyFor } from '../lambdas/handlers/s3-keys';
import type { ArticleResult } from './article-log';
import { formatTable, keyFiguresText } from './table';
import { describe } from './queue';

// The SDK's notice about its future Node 22 requirement says nothing about this run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const root = fileURLToPath(new URL('..', import.meta.url));
const examplesDir = join(root, 'examples');
const outDir = join(root, 'out');
/** The demo's promise is a minute on a laptop; give up a little before. */
const TIMEOUT_MS = 55_000;

const started = Date.now();
const files = (await readdir(examplesDir, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
const dataDir = await mkdtemp(join(tmpdir(), 'briefing-demo-'));
const pipeline = await startLocalPipeline({ port: 0, dataDir, concurrency: 2 });
const stack: Stack = { client: pipeline.client, inputBucket: pipeline.inputBucket, outputBucket: pipeline.outputBucket };
process.stdout.write(`Local pipeline on ${pipeline.endpoint}; uploading ${files.length} articles from ${relative(process.cwd(), examplesDir) || '.'}/\n`);

let exitCode = 0;
try {
  const results = new Map<string, ArticleResult>();
  const allDone = new Promise<void>((resolve) => {
    pipeline.onArticle((result) => {
      results.set(result.key, result);
      process.stderr.write(`  ${result.ok ? 'done ' : 'FAIL '} ${result.key} (${result.ms} ms)\n`);
      if (results.size === files.length) resolve();
    });
  });
  for (const file of files) await uploadArticle(stack, file, await readFile(join(examplesDir, file)));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([allDone, new Promise((resolve) => { timer = setTimeout(resolve, TIMEOUT_MS); })]);
  clearTimeout(timer);

  const rows: string[][] = [];
  for (const file of files) {
    const result = results.get(file);
    if (!result?.ok) {
      exitCode = 1;
      rows.push([file, `FAILED: ${result?.error ?? `no briefing within ${TIMEOUT_MS / 1000} s`}`, '', result ? String(result.ms) : '']);
      continue;
    }
    const figuresKey = figuresKeyFor(file);
    await downloadBriefing(stack, { ok: true, key: file, figuresKey, briefingKey: briefingKeyFor(figuresKey) as string }, outDir);
    rows.push([file, keyFiguresText(result.extraction?.figures ?? []), String(result.pages), String(result.ms)]);
  }
  process.stdout.write(`\n${formatTable(['article', 'key figures', 'pages', 'ms'], rows)}\n\n`);
  const ok = files.filter((file) => results.get(file)?.ok).length;
  process.stdout.write(`${ok} of ${files.length} briefings (PDF + figures JSON) in ${relative(process.cwd(), outDir) || outDir}/ — ${((Date.now() - started) / 1000).toFixed(1)} s in all\n`);
} catch (error) {
  process.stderr.write(`error: demo: ${describe(error)}\n`);
  exitCode = 1;
} finally {
  await pipeline.stop();
  await rm(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
