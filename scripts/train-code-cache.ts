/**
 * The last step of bundling a Lambda handler (infra/bundling.ts codeCacheCommand, run by the CDK
 * command hook): rewrites the bundle's `.cjs` files in ASCII (infra/ascii-source.ts), writes the
 * `index.mjs` loader and infra/code-cache-loader.cjs beside
 * `handler.cjs` and, for the extract and render handlers, makes their V8 code cache by running the
 * bundle once as Lambda would: a fresh `node` with the Lambda runtime's flags for the function's
 * memory, the Lambda environment (tracing on), one SQS event for the seed article, S3 answered by
 * the local S3-compatible server over HTTP. The render handler's event is the seed's figures,
 * written first by the extract handler run from the sources. The extract handler then runs once
 * more per READER_TRAINING article (an HTML page, a Markdown file), which adds the caches of the
 * readers the seed never loads. A training run that fails or leaves no cache fails the build.
 * Usage: tsx scripts/train-code-cache.ts <handler> <bundle-dir> <memory-MB>
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { SQSEvent } from 'aws-lambda';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { HANDLER_ENTRIES, type HandlerName, PROJECT_ROOT, TRAINED_HANDLERS } from '../infra/bundling';
import { writeAsciiSources } from '../infra/ascii-source';
import { CACHE_DIR, HANDLER_ENTRY_FILE, lambdaNodeFlags, READER_TRAINING, SEED, TRAIN_ENV, writeEntry } from '../infra/code-cache';
import { encodeEventKey, figuresKeyFor } from '../lambdas/handlers/s3-keys';
import { createExtractHandler } from '../lambdas/handlers/extract-handler';
import { sdkObjectStore } from '../lambdas/handlers/sdk-object-store';
import { LOCAL_CREDENTIALS } from '../local/credentials';
import { startS3Server } from '../local/s3-server';

const run = promisify(execFile);

const INPUT_BUCKET = 'articles';
const OUTPUT_BUCKET = 'briefings';

/** What Lambda's environment gives a traced handler beyond the stack's variables: X-Ray's, the runtime's. */
export const LAMBDA_RUNTIME_ENV: Readonly<Record<string, string>> = {
  AWS_REGION: 'eu-west-1',
  AWS_LAMBDA_FUNCTION_NAME: 'briefing',
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
  // Tracing is on in the stack: the handlers' X-Ray subsegments go to a daemon address on this
  // machine (lambdas/handlers/xray.ts; UDP, none listens), so the traced code is what is trained.
  _X_AMZN_TRACE_ID: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
  AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000',
  // Node 24 on Lambda prints no notice about the Node version; an older build machine's would.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** One SQS message announcing one created object, as S3 → SQS delivers it. */
export function sqsEventFor(bucket: string, key: string): SQSEvent {
  const notification = {
    Records: [{ eventVersion: '2.1', eventSource: 'aws:s3', awsRegion: 'eu-west-1', eventName: 'ObjectCreated:Put', s3: { bucket: { name: bucket }, object: { key: encodeEventKey(key) } } }],
  };
  return {
    Records: [{
      messageId: '11111111-1111-4111-8111-111111111111', receiptHandle: 'train', body: JSON.stringify(notification),
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'train', ApproximateFirstReceiveTimestamp: '0' },
      messageAttributes: {}, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:train', awsRegion: 'eu-west-1',
    }],
  };
}

/** Imports the bundle's entry and hands its handler the event, as Lambda's runtime does. */
const INVOKE = `
const { handler } = await import(process.env.ENTRY_URL);
const result = await handler(JSON.parse(process.env.EVENT), { awsRequestId: 'train', functionName: 'train', getRemainingTimeInMillis: () => 60000 });
if (result.batchItemFailures.length > 0) throw new Error('the training event failed: ' + JSON.stringify(result));
`;

export async function trainHandler(handler: HandlerName, dir: string, memoryMB: number): Promise<void> {
  // Before the training run: the cache is made for the very text that ships.
  writeAsciiSources(dir);
  writeEntry(dir, ['handler']);
  if (!TRAINED_HANDLERS.has(handler)) return;
  // This process's own S3 client (the seed's upload) would print the SDK's notice about older Nodes into the build's output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const server = await startS3Server({ buckets: [INPUT_BUCKET, OUTPUT_BUCKET] });
  try {
    const seed = join(PROJECT_ROOT, SEED.file);
    const key = `train/${basename(seed)}`;
    await server.client.send(new PutObjectCommand({ Bucket: INPUT_BUCKET, Key: key, Body: readFileSync(seed), ContentType: 'text/plain', Metadata: { published: SEED.published } }));
    let event = sqsEventFor(INPUT_BUCKET, key);
    if (handler === 'render') {
      // The sources' extract stage writes the figures the render bundle reads; quietly.
      process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
      process.env.POWERTOOLS_METRICS_DISABLED = 'true';
      const extract = createExtractHandler({ s3: sdkObjectStore(server.client), outputBucket: OUTPUT_BUCKET });
      const extracted = await extract(event);
      if (extracted.batchItemFailures.length > 0) throw new Error(`train-code-cache: the seed's extraction failed: ${JSON.stringify(extracted)}`);
      event = sqsEventFor(OUTPUT_BUCKET, figuresKeyFor(key));
    }
    const invoke = (trainingEvent: SQSEvent) => run(process.execPath, [...lambdaNodeFlags(memoryMB), '--input-type=module', '-e', INVOKE], {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        ...LAMBDA_RUNTIME_ENV,
        AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
        AWS_ENDPOINT_URL_S3: server.endpoint,
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(memoryMB),
        LAMBDA_TASK_ROOT: dir,
        OUTPUT_BUCKET,
        POWERTOOLS_SERVICE_NAME: `briefing-${handler}`,
        ENTRY_URL: pathToFileURL(join(dir, HANDLER_ENTRY_FILE)).href,
        EVENT: JSON.stringify(trainingEvent),
        [TRAIN_ENV]: '1',
      },
    });
    await invoke(event);
    if (handler === 'extract') {
      for (const article of READER_TRAINING) {
        const articleKey = `train/${basename(article.file)}`;
        await server.client.send(new PutObjectCommand({ Bucket: INPUT_BUCKET, Key: articleKey, Body: readFileSync(join(PROJECT_ROOT, article.file)), ContentType: article.contentType }));
        await invoke(sqsEventFor(INPUT_BUCKET, articleKey));
      }
    }
  } finally {
    await server.close();
  }
  // One folder per cache key; the lists of built-ins beside them are not caches.
  const caches = existsSync(join(dir, CACHE_DIR)) ? readdirSync(join(dir, CACHE_DIR), { withFileTypes: true }).filter((entry) => entry.isDirectory()) : [];
  if (caches.length === 0) throw new Error(`train-code-cache: the training run of ${handler} left no code cache in ${dir}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(PROJECT_ROOT, 'scripts/train-code-cache.ts')) {
  const [handler, dir, memory] = process.argv.slice(2);
  if (!handler || !(handler in HANDLER_ENTRIES) || !dir || !Number.isInteger(Number(memory))) {
    process.stderr.write('usage: tsx scripts/train-code-cache.ts <handler> <bundle-dir> <memory-MB>\n');
    process.exit(2);
  }
  await trainHandler(handler as HandlerName, resolve(dir), Number(memory));
}
