/**
 * Ships beside every bundle that carries a build-time V8 code cache (infra/code-cache.ts): the
 * Lambda handlers (`index.mjs` -> `handler.cjs`) and the command line (`dist/briefing.mjs` ->
 * `dist/briefing.cjs` and its chunks). Plain JavaScript with no imports but Node's own, because it
 * runs before anything else of ours. CommonJS, so that a CommonJS host (the bench's stand-in for
 * Lambda's runtime) never starts Node's ES module loader, which costs a fresh `node` 26-33 M
 * instructions (`node -e 0` runs 86 M); the entries, ES modules, `require` it (infra/code-cache.ts).
 * In ASCII alone, as every file of code that ships (infra/ascii-source.ts).
 *
 * `loadCached(file)` runs a CommonJS file as Node's `require` would, but compiles it with
 * `vm.Script` and the `cachedData` the build's training run left in
 * `code-cache/<node version>-<arch>-<V8 tag>/<file>.cache`: the bytecode of every function the
 * training briefing ran, so a cold process neither parses nor compiles them again. The tag folds
 * in V8's version, its flags and the CPU's features, the three things V8 checks a cache against;
 * a process that differs in any of them finds no folder of its own and compiles plainly, as it
 * would without a cache. It never reads a cache made by another Node (a cache V8 accepts but was
 * made by another patch release can crash it: nodejs/node#62781). Relative `require`s of `.cjs`
 * files (the command line's chunks, the readers) are loaded the same way; everything else goes to
 * Node's own `require`. Every `.cjs` file stays valid CommonJS that Node can load without this.
 *
 * Beside the folders, `code-cache/builtins-<node version>-<arch>-<V8 tag>.txt` lists the Node
 * built-ins to load before the loader sets its V8 flag, so that Node's own cache of them still fits.
 *
 * `NODE_DEBUG=code-cache` prints, per file, whether its cache was used, rejected or absent, and the
 * built-ins loaded first. `BRIEFING_CODE_CACHE_TRAIN=1` (the build's training runs) writes at exit
 * the cache of each loaded file that had none (or a rejected one), and the list if there is none.
 */
'use strict';
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { builtinModules, createRequire } = require('node:module');
const { basename, dirname, join } = require('node:path');
const { debuglog } = require('node:util');
const { cachedDataVersionTag, setFlagsFromString } = require('node:v8');
const { constants, Script } = require('node:vm');

const debug = debuglog('code-cache');
const training = process.env.BRIEFING_CODE_CACHE_TRAIN === '1';

/**
 * The built-in modules to load before the flag below is set. Node ships its own code cache of its
 * built-in modules, made under V8's default flags, and V8 checks it against the flags of now: every
 * built-in loaded after a flag changes is compiled from source. For a cold extract handler that
 * was `https`, `crypto`, `dgram` and the rest, 72 M instructions of parsing (13% of all it ran).
 * The training run lists the public built-ins it loaded after the flag (the first training run
 * decides, as for the caches); later runs load them first, while Node's cache still fits. The list
 * is kept per V8 tag before any flag of ours: a process whose flags differ already (a batch's
 * threads, Lambda's `--expose-gc`) finds the list its own training wrote, if any, and there the
 * preload changes nothing (Node's cache no longer fits anyway).
 */
const builtinsFile = join(__dirname, 'code-cache', `builtins-${process.version}-${process.arch}-${cachedDataVersionTag()}.txt`);
const preloaded = readLines(builtinsFile);
if (preloaded) {
  const nodeRequire = createRequire(__filename);
  for (const name of preloaded) {
    // A name this Node does not know (a list edited by hand) is no reason not to start.
    try {
      nodeRequire(`node:${name}`);
    } catch {
      debug('built-in %s in the list could not be loaded', name);
    }
  }
  debug('built-ins loaded before the flags: %s', preloaded.join(' ') || 'none');
}
/** How many modules Node had loaded when the flag was set; the training run lists those after. */
const loadedBeforeFlags = process.moduleLoadList?.length ?? 0;

/**
 * Each regular expression compiles once, to machine code, on its first use. By default V8 first
 * compiles it to bytecode for its interpreter and compiles it again to machine code on its second
 * use: a cold briefing runs hundreds of patterns a few times each (chrono's, the lexicon's), and
 * paid both compilations for most of them, about a tenth of its time (bench `cold`). Warm, every
 * pattern ends as the same machine code either way. Set before the cache key is read: V8 folds
 * its flags into the key, so the training run and every later run agree.
 */
setFlagsFromString('--no-regexp-tier-up');

/**
 * A process starts cold: one article, briefed once. Two of V8's habits cost such a process more
 * than they give it back, and the loader turns them off until the process says it is warm
 * ({@link endColdStart}):
 * - The young generation is held at its first size (1 MB semi-spaces). V8 doubles it after each
 *   collection in which much survives, and in a cold start nearly everything does: it grew to
 *   4 MB semi-spaces and the briefing touched 4-6 MB more fresh memory, which costs about 11 us
 *   a page on a Firecracker VM (Lambda's, and this project's CI). Interleaved: the bundled whole
 *   path 218 -> 209 ms, the extract handler path 198 -> 187 ms, the same instructions.
 * - No optimising compiler (TurboFan). It compiled the functions that got hot on a background
 *   thread, and a cold briefing ended before most of that paid off (callgrind, `NODE_EXTRA_CA_CERTS`
 *   unset: extract handler 461 -> 439 M instructions, render handler 467 -> 402 M, whole path
 *   628 -> 545 M; a 512 KB article 8.5 -> 7.8 G). Sparkplug, the baseline compiler, stays on: with
 *   only Sparkplug off, a 512 KB article ran 10.1 G.
 * Warm work wants both back (a 500-article batch took 17% longer with the young generation held,
 * a 5 MB article 54% longer without TurboFan), so whatever runs long ends the cold start first
 * (lambdas/core/cold-start.ts). Set, like the flag above, before the cache key is read; a process
 * started warm (BRIEFING_WARM=1, which threads inherit from the process that made them) is left
 * with V8's defaults.
 */
const COLD_FLAGS = ['--semi-space-growth-factor=1', '--no-turbofan'];
/** V8's defaults for the same flags. */
const WARM_FLAGS = ['--semi-space-growth-factor=2', '--turbofan'];
const WARM_ENV = 'BRIEFING_WARM'; // infra/code-cache.ts WARM_ENV
/**
 * Only on the V8 this was measured on (Node 20's 11.3; Lambda's Node 24 tiers up through Maglev
 * too, unmeasured), and not where the person running node set these flags themselves.
 */
const MEASURED_V8 = /^11\.3\./;
const userFlags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
const startedCold = process.env[WARM_ENV] !== '1' && MEASURED_V8.test(process.versions.v8) && !/semi-space-growth-factor|turbofan|(?:^|\s)--(?:no-)?opt\b/.test(userFlags);
/** Sets V8's flags, in order. */
const setFlags = (flags) => flags.forEach((flag) => setFlagsFromString(flag));
if (startedCold) setFlags(COLD_FLAGS);
let coldStartEnded = false;

/** From here on V8 works as its defaults say, here and in the threads made after (they inherit the environment, as child processes do). */
function endColdStart() {
  if (!startedCold || coldStartEnded) return;
  coldStartEnded = true;
  process.env[WARM_ENV] = '1';
  setFlags(WARM_FLAGS);
}

/**
 * V8 takes a cache only under the flags it was made with: a file loaded after the cold start
 * ended (the HTML reader, in a warm Lambda container that meets its first web page) is compiled
 * under the start's flags again, for that moment only.
 */
function underStartFlags(compile) {
  if (!coldStartEnded) return compile();
  setFlags(COLD_FLAGS);
  try {
    return compile();
  } finally {
    setFlags(WARM_FLAGS);
  }
}
// For the bundled code, which cannot import this file (lambdas/core/cold-start.ts): only where the start was held.
if (startedCold) globalThis[Symbol.for('briefing.endColdStart')] = endColdStart;

/** `fn` (a Lambda handler) that ends the cold start once its first call has settled, whatever its outcome. */
function endingColdStart(fn) {
  if (typeof fn !== 'function') return fn;
  let first = true;
  const wrapped = function (...args) {
    if (!first) return fn.apply(this, args);
    first = false;
    let result;
    try {
      result = fn.apply(this, args);
    } catch (error) {
      endColdStart();
      throw error;
    }
    if (typeof result?.finally !== 'function') {
      endColdStart();
      return result;
    }
    return result.finally(endColdStart);
  };
  // The same length, name and own properties (a streaming handler's marker) as the handler.
  const { prototype, ...own } = Object.getOwnPropertyDescriptors(fn);
  return Object.defineProperties(wrapped, own);
}

/** The folder name of caches a process with V8's flags of now can use. */
const keyNow = () => `${process.version}-${process.arch}-${cachedDataVersionTag()}`;

/** The folder name of caches this very process can use. */
const CACHE_KEY = keyNow();

/** By absolute path: a file is run once, as `require` would. */
const modules = new Map();
const trained = [];

const cacheFileOf = (file) => join(dirname(file), 'code-cache', CACHE_KEY, `${basename(file)}.cache`);

/** The lines of a file of names, or undefined when there is none. */
function readLines(file) {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean);
  } catch {
    return undefined;
  }
}

function readCache(file) {
  try {
    return readFileSync(cacheFileOf(file));
  } catch {
    return undefined;
  }
}

/**
 * The file compiled with its cache, if any. A function of its own: the cache (the size of the
 * code's bytecode, 0.76 MB for the extract handler) is garbage once compiled, where a closure of
 * loadCached's would keep it for as long as the module's `require` lives.
 */
function compileCached(file) {
  const cachedData = readCache(file);
  // The wrapper Node itself puts around a CommonJS file; the same text at build and at run time.
  const script = underStartFlags(() => new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, {
    filename: file,
    cachedData,
    // `import()` inside the file behaves as in any module of the process.
    importModuleDynamically: constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  }));
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  debug('%s: %s', file, cachedData === undefined ? 'no cache for this Node' : cacheUsed ? 'cache used' : 'cache rejected');
  return { script, cacheUsed };
}

/** Runs the CommonJS file at this absolute path (once) and returns its `module.exports`. */
function loadCached(file) {
  const known = modules.get(file);
  if (known) return known.exports;
  const module = { exports: {}, id: file, filename: file };
  modules.set(file, module);
  const { script, cacheUsed } = compileCached(file);
  // A training run adds the caches of files no earlier run of the same build loaded (the HTML
  // reader, trained on an HTML article after the seed): a file's cache comes from the first run
  // that loads it, so the seed's run decides the pipeline's. A rejected cache is replaced.
  if (training && !cacheUsed) trained.push({ file, script });
  const nodeRequire = createRequire(file);
  const require = (id) => (id.startsWith('./') && id.endsWith('.cjs') ? loadCached(join(dirname(file), id)) : nodeRequire(id));
  require.resolve = nodeRequire.resolve;
  require.cache = nodeRequire.cache;
  script.runInThisContext().call(module.exports, module.exports, require, module, file, dirname(file));
  return module.exports;
}

/** Written beside and renamed into place: a run cut short, or another thread writing the same file, never leaves half a file. */
function writeWhole(target, data) {
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(partial, data);
  renameSync(partial, target);
}

/** The public built-in modules loaded since the flag was set, in the order they were (internal and `_`-prefixed ones load with them). */
function builtinsLoadedSinceFlags() {
  const publicNames = new Set(builtinModules.filter((name) => !name.startsWith('_')));
  return (process.moduleLoadList ?? []).slice(loadedBeforeFlags)
    .filter((entry) => entry.startsWith('NativeModule '))
    .map((entry) => entry.slice('NativeModule '.length))
    .filter((name) => publicNames.has(name));
}

module.exports = { CACHE_KEY, endColdStart, endingColdStart, loadCached };

if (training) {
  process.once('exit', () => {
    // A cache carries the flags of the moment it is made; made under those the process started with.
    if (coldStartEnded) setFlags(COLD_FLAGS);
    if (preloaded === undefined) writeWhole(builtinsFile, builtinsLoadedSinceFlags().map((name) => `${name}\n`).join(''));
    // A cache made now carries V8's flags of now. If the program changed them after this file
    // read its key (`briefing batch` does, for its threads: local/batch/tiering.ts), a cache
    // written under that key would be rejected by every later run, so none is written.
    if (keyNow() !== CACHE_KEY) {
      debug('V8 flags changed since the key %s was read: no cache written', CACHE_KEY);
      return;
    }
    for (const { file, script } of trained) writeWhole(cacheFileOf(file), script.createCachedData());
  });
}
