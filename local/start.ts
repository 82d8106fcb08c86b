/**
 * `npm start`: the local pipeline on 127.0.0.1:4569 (or PORT) until Ctrl-C. Data stays in
 * `.local-s3/` (git-ignored) between runs, queued work included: a run that crashed or was
 * killed is picked up where it stopped. LOCAL_ALLOWED_ORIGINS (comma-separated, e.g.
 * `http://127.0.0.1:4569`) lets a local web page's browser requests through.
 */
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { DEFAULT_MAX_TRIES, DEFAULT_PORT, INPUT_BUCKET, OUTPUT_BUCKET, startLocalPipeline, type LocalPipeline } from './pipeline';
import { describe } from './queue';
import { localCredentialsEnv } from './credentials';
import { StageActivity } from './web-activity';
import { DEFAULT_WEB_PORT, startWebServer, type WebServer } from './web-server';

const HELP = `Usage: npm start [-- --help]

Runs the briefing pipeline on this machine until Ctrl-C: an embedded S3 server on
http://127.0.0.1:${DEFAULT_PORT} with the buckets ${INPUT_BUCKET} (upload articles) and ${OUTPUT_BUCKET}
(figures/, briefings/, errors/), and the same two handlers as the deployed stack.

Environment:
  PORT=<n>              listen on another port (0: any free one)
  WEB_PORT=<n>          the web page's port (default ${DEFAULT_WEB_PORT}, or PORT+1 when PORT is set; 0: any free one)
  LOCAL_S3_DIR=<dir>    keep the buckets (and the queued work) there instead of .local-s3/
  LOCAL_ALLOWED_ORIGINS=<origin,…>  web pages whose browser requests the server accepts
  POWERTOOLS_LOG_LEVEL  INFO also prints the handlers' structured logs

Open the web page it prints to drop articles, watch them and correct their figures.
Upload with any S3 client, or: npm run -s briefing -- submit <article...> --wait -o out
`;

// `npm start -- --help` says what this is instead of starting; nothing else is an argument.
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(HELP);
  process.exit(0);
}
if (args.length > 0) {
  process.stderr.write(`error: npm start: unknown argument '${args[0]}' (it takes none; see npm start -- --help)\n`);
  process.exit(2);
}

// The SDK's notice about its future Node 22 requirement says nothing about this run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// LOCAL_S3_DIR moves the data elsewhere (tests, a second instance); .local-s3/ is git-ignored.
const dataDir = process.env.LOCAL_S3_DIR ?? fileURLToPath(new URL('../.local-s3/', import.meta.url));
const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`error: PORT: "${process.env.PORT}" is not a port number\n`);
  process.exit(2);
}
const webPort = process.env.WEB_PORT ? Number(process.env.WEB_PORT) : port === DEFAULT_PORT ? DEFAULT_WEB_PORT : port === 0 ? 0 : port + 1;
if (!Number.isInteger(webPort) || webPort < 0 || webPort > 65535) {
  process.stderr.write(`error: WEB_PORT: "${process.env.WEB_PORT}" is not a port number\n`);
  process.exit(2);
}

const stamp = (): string => new Date().toISOString().slice(11, 23);
const log = (line: string): void => { process.stdout.write(`${stamp()} ${line}\n`); };

const allowedOrigins = (process.env.LOCAL_ALLOWED_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);

let pipeline: LocalPipeline;
const activity = new StageActivity();
try {
  pipeline = await startLocalPipeline({ port, dataDir, log, watchTemplates: true, allowedOrigins, wrapHandler: activity.wrap });
} catch (error) {
  process.stderr.write(`error: 127.0.0.1:${port}: cannot start the local S3 server: ${describe(error)}\n`);
  process.exit(1);
}
let web: WebServer;
try {
  web = await startWebServer({ port: webPort, store: { s3: pipeline.client, inputBucket: INPUT_BUCKET, outputBucket: OUTPUT_BUCKET }, activity, log });
} catch (error) {
  process.stderr.write(`error: 127.0.0.1:${webPort}: cannot start the web page: ${describe(error)}\n`);
  await pipeline.stop();
  process.exit(1);
}
// Once serving, a handler bug must cost one article, never the server: report it, keep going.
process.on('unhandledRejection', (reason) => log(`bug   unhandled rejection: ${describe(reason)}`));
process.on('uncaughtException', (error) => log(`bug   uncaught exception: ${describe(error)}`));

const { endpoint } = pipeline;
const env = Object.entries(localCredentialsEnv()).map(([name, value]) => `${name}=${value}`).join(' ');
process.stdout.write(
  [
    `Web page: ${web.url}  (open it in your browser: drop articles, watch them, correct their figures)`,
    `Local briefing pipeline: S3 endpoint ${endpoint} (data in ${relative(process.cwd(), dataDir) || dataDir})`,
    `  upload articles to s3://${INPUT_BUCKET}/, briefings appear in s3://${OUTPUT_BUCKET}/ (figures/, briefings/, errors/)`,
    `  an upload that fails ${DEFAULT_MAX_TRIES} times gets an error record in errors/ (and a dead-letter record in ${relative(process.cwd(), pipeline.deadLetterDir)}/)`,
    `  templates: ${pipeline.templates.names().join(', ')} from ${relative(process.cwd(), pipeline.templates.dir) || '.'}/ (reloaded on change; choose one per upload with metadata template=<name>)`,
    `  Briefing Ready / Failed events: one 'event {json}' line each below, and live at ${pipeline.eventsUrl} (curl -N, or EventSource in a page)`,
    '',
    'Upload with the aws cli (any S3 client works; requests must be signed with these local credentials):',
    `  export ${env}`,
    `  aws --endpoint-url ${endpoint} s3 cp examples/idlib-offensive-2019.txt s3://${INPUT_BUCKET}/`,
    `  aws --endpoint-url ${endpoint} s3 sync s3://${OUTPUT_BUCKET}/ out/`,
    `or: npm run -s briefing -- submit examples/*.txt --wait -o out --endpoint ${endpoint}`,
    `    npm run -s briefing -- status idlib-offensive-2019.txt --endpoint ${endpoint}`,
    'Ctrl-C stops (work in flight finishes first; queued work is kept for the next start).',
    '',
  ].join('\n'),
);

let stoppingSince = 0;
const shutdown = (signal: string): void => {
  if (stoppingSince > 0) {
    // `npm start` passes the terminal's Ctrl-C on to us as well: one keypress, two signals.
    if (Date.now() - stoppingSince < 1000) return;
    log(`${signal} again: exiting without waiting`);
    process.exit(130);
  }
  stoppingSince = Date.now();
  log(`${signal}: finishing work in flight… (Ctrl-C again to exit at once)`);
  web.close().then(() => pipeline.stop()).then(
    () => { log('stopped'); process.exit(0); },
    (error: unknown) => { log(`stop failed: ${describe(error)}`); process.exit(1); },
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
