'use strict';
/**
 * `node:child_process` as commander sees it in the built command line (scripts/build-cli.ts):
 * loaded on first use. commander requires it when it loads, for subcommands that are separate
 * executables, which this program has none of; loading it also loads `net`, `dgram` and the
 * process, pipe, TCP and UDP bindings (callgrind, a cold `briefing render` of the seed: 0.94 G
 * instructions with them, 0.82 G without). Required by its `node:` name, which the build leaves
 * to Node (a bare name would be taken for a package and bundled).
 */
let loaded;
const childProcess = () => (loaded ??= require('node:child_process'));

module.exports = new Proxy({}, {
  get: (_target, key) => Reflect.get(childProcess(), key),
  has: (_target, key) => Reflect.has(childProcess(), key),
});
