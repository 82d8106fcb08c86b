#!/usr/bin/env node
/**
 * The `briefing` program. `npm run build:cli` (also run by `npm ci` through `prepare`) bundles
 * this file into dist/briefing.mjs, which the package's `bin` and `npm run briefing` run as
 * plain JavaScript: no TypeScript is compiled when a user runs a command.
 */
import { errorLine, EXIT_USAGE } from './exit';
import { main } from './main';
import { userFolder } from './user-folder';

// The SDK warns on every Node 20 process that later releases will need Node 22; the CLI
// supports Node 20, so the notice is noise on stderr, where our one-line errors belong.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// `briefing extract x | head` closes stdout early: the reader has what it wanted, so stop
// quietly instead of dying on EPIPE with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// Every path a user names (articles, -o, --template) is relative to the folder they stand in.
const folder = userFolder(process.env);
try {
  if (folder) process.chdir(folder);
} catch (error) {
  process.stderr.write(errorLine(folder!, `cannot work in the folder you started from (${(error as NodeJS.ErrnoException).code ?? error})`) + '\n');
  process.exit(EXIT_USAGE);
}

// The program ends as soon as its work is done and nothing is left to write ('beforeExit': the
// event loop is empty, every write flushed). Left to end on its own, Node then takes the V8 heap
// apart piece by piece: a cold `render` of the seed spent about 16 ms between its 'exit' event and
// its end, 9 with process.exit (a bare `node -e 0`: 8).
process.once('beforeExit', () => process.exit());

// No top-level await: the build makes this CommonJS, to run it with a code cache (scripts/build-cli.ts).
void main(process.argv.slice(2));
