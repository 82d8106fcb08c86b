/**
 * One cold Lambda invocation without Lambda: imports a handler bundle (built by bundles.ts, its
 * S3 and EventBridge answered from the local disk) in this fresh process and hands it one SQS
 * event, as the runtime would. Exits 1 when the batch reports a failure.
 * Usage: handler-driver <bundle.mjs> <event.json>
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [bundle, eventFile] = process.argv.slice(2);
if (!bundle || !eventFile) throw new Error('usage: handler-driver <bundle.mjs> <event.json>');
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
const { handler } = (await import(pathToFileURL(bundle).href)) as { handler: (event: unknown, context: unknown) => Promise<{ batchItemFailures: unknown[] }> };
const result = await handler(JSON.parse(readFileSync(eventFile, 'utf8')), context);
if (result.batchItemFailures.length > 0) {
  process.stderr.write(`handler reported failures: ${JSON.stringify(result)}\n`);
  process.exit(1);
}
