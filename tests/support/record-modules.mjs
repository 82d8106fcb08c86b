/**
 * Preloaded into a CLI child (`node --import <this file> dist/briefing.mjs …`): every module
 * the program loads is appended, as a file URL, to the file named by BRIEFING_MODULE_LOG, so a
 * test can tell what a command paid for. ES modules are seen by module hooks, which Node runs on
 * their own thread (record-modules-hooks.mjs); files loaded with `require()` (dist/reader-*.cjs)
 * by wrapping the CommonJS loader here, which also logs each of Node's own modules required, as
 * `node:<name>`.
 */
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const log = process.env.BRIEFING_MODULE_LOG;
if (log) {
  register('./record-modules-hooks.mjs', import.meta.url, { data: log });
  const load = Module._load;
  Module._load = function loadAndRecord(request, parent, isMain) {
    const exports = load.call(this, request, parent, isMain);
    if (Module.isBuiltin(request)) appendFileSync(log, `node:${request.replace(/^node:/, '')}\n`);
    else appendFileSync(log, `${pathToFileURL(Module._resolveFilename(request, parent, isMain)).href}\n`);
    return exports;
  };
}
