/**
 * `npm run build`, `prepare` (so `npm ci` leaves it done) and `npm start`: the web page in
 * dist/web — web/src bundled by esbuild into one app.js, beside index.html, app.css and the
 * icon. Plain JavaScript, so `npm start` pays only esbuild's ~0.1 s to be sure the page it serves
 * is built from the sources as they are. Like the command line's build, files are written under a
 * private name and renamed into place: a page loading meanwhile never sees half a file.
 */
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIST = join(root, 'dist/web');
const STATIC = ['index.html', 'app.css', 'favicon.svg'];

export async function buildWeb(outdir = WEB_DIST) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['web/src/main.ts'],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    // What the browsers analysts use have had for years: no polyfills, no transpiled classes.
    target: ['chrome100', 'firefox100', 'safari15', 'edge100'],
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(outdir, { recursive: true });
  const place = (name, contents) => {
    const temp = join(outdir, `.${name}.${process.pid}.tmp`);
    writeFileSync(temp, contents);
    renameSync(temp, join(outdir, name));
  };
  place('app.js', result.outputFiles[0].contents);
  for (const name of STATIC) {
    const temp = join(outdir, `.${name}.${process.pid}.tmp`);
    copyFileSync(join(root, 'web', name), temp);
    renameSync(temp, join(outdir, name));
  }
  const written = new Set(['app.js', ...STATIC]);
  for (const name of readdirSync(outdir)) if (!written.has(name)) rmSync(join(outdir, name), { recursive: true, force: true });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildWeb();
}
