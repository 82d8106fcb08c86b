#!/usr/bin/env -S node --import tsx
// The SDK warns on every Node 20 process that later releases will need Node 22; the CLI
// supports Node 20, so the notice is noise on stderr, where our one-line errors belong.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// `briefing extract x | head` closes stdout early: the reader has what it wanted, so stop
// quietly instead of dying on EPIPE with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const { main } = await import('../cli/main');
await main(process.argv.slice(2));

export {};
