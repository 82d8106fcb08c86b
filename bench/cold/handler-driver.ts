/**
 * One cold Lambda invocation without Lambda: loads a handler bundle's entry (built by bundles.ts,
 * its S3 and EventBridge answered from the local disk) in this fresh process and hands it one SQS
 * event, as the runtime would. Exits 1 when the batch reports a failure, or the handler throws.
 *
 * The driver stands in for Lambda's runtime, whose own start is not the handler's, as it is not
 * in `node -e 0`. Node 24's runtime is an ES module that imports the entry (`index.mjs`): its ES
 * module loader (26-33 M instructions of a fresh `node`) is up before any handler is loaded, paid
 * by the runtime's start. This driver is bundled as CommonJS (driver.cjs) and `require`s the
 * entry's CommonJS twin (`index.cjs`, the same three calls, written beside it by bench/bundle.ts),
 * which adds nothing measurable to a bare `node`'s start; an ES-module driver would charge that
 * loader's start to the handler. The cold section runs it with a handler that does nothing, to
 * show it costs 1.0x.
 * Usage: handler-driver <index.cjs> <event.json>
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type Handler = (event: unknown, context: unknown) => Promise<{ batchItemFailures: unknown[] }>;

const [bundle, eventFile] = process.argv.slice(2);
if (!bundle || !eventFile) throw new Error('usage: handler-driver <index.cjs> <event.json>');
const started = Date.now();
/** What the Lambda runtime passes beside the event (the handlers read the request id and the time left). */
const context = {
  functionName: 'bench',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:bench',
  memoryLimitInMB: '1024',
  awsRequestId: '00000000-0000-4000-8000-000000000000',
  logGroupName: '/aws/lambda/bench',
  logStreamName: 'bench',
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 60_000 - (Date.now() - started),
};
const { handler } = createRequire(bundle)(bundle) as { handler: Handler };
handler(JSON.parse(readFileSync(eventFile, 'utf8')), context).then((result) => {
  if (result.batchItemFailures.length > 0) {
    process.stderr.write(`handler reported failures: ${JSON.stringify(result)}\n`);
    process.exitCode = 1;
  }
}, (error: unknown) => {
  process.stderr.write(`handler threw: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
