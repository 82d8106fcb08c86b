/**
 * Writes `templates.compiled.cjs` (lambdas/template/precompiled.ts): every deployed template of
 * `templates/` and the event briefing's (`templates/event/event.hbs`), each checked as the
 * renderer checks it (a broken template fails the build, not the first briefing) and precompiled
 * by Handlebars with the renderer's options, keyed by its content hash. The render handler's CDK hook runs it beside the bundle (infra/bundling.ts), the command
 * line's build into dist/, the benchmark beside its bundles.
 * Usage: tsx scripts/precompile-templates.ts <out-dir> [<templates-dir>]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import Handlebars from 'handlebars';
import { PROJECT_ROOT } from '../infra/bundling';
import { checkTemplate, COMPILE_OPTIONS, partialName } from '../lambdas/template/fill';
import { EVENT_TEMPLATE } from '../lambdas/event/render';
import { DEFAULT_TEMPLATE, TemplateStore, templateHash } from '../lambdas/template/load';
import { PRECOMPILED_FILE } from '../lambdas/template/precompiled';

/** The module's source: `module.exports = { "<sha256>": { main, partials: { name: spec } } }`. */
export function precompiledSource(templatesDir = join(PROJECT_ROOT, 'templates')): string {
  const store = new TemplateStore(templatesDir);
  const spec = (source: string): string => String(Handlebars.precompile(source, COMPILE_OPTIONS));
  // The deployed templates, and the event briefing's (lambdas/event/render.ts: its own file, the same partials).
  const eventFile = join(templatesDir, EVENT_TEMPLATE.replace(/^templates\//, ''));
  const eventSet = existsSync(eventFile) ? [{ main: { name: basename(eventFile), source: readFileSync(eventFile, 'utf8') }, partials: store.get(DEFAULT_TEMPLATE).partials }] : [];
  const sets = [...store.names().map((name) => store.get(name)), ...eventSet.map((set) => ({ ...set, name: 'event', sha256: templateHash(set) }))];
  const entries = sets.map((template) => {
    for (const t of [template.main, ...template.partials]) checkTemplate(t);
    const partials = template.partials.map((p) => `${JSON.stringify(partialName(p))}: ${spec(p.source)}`).join(',\n');
    return `// ${template.name}\n${JSON.stringify(template.sha256)}: { main: ${spec(template.main.source)}, partials: {\n${partials}\n} }`;
  });
  return `// Written by scripts/precompile-templates.ts from templates/: do not edit.\n'use strict';\nmodule.exports = {\n${entries.join(',\n')}\n};\n`;
}

/** Writes the module into `outDir`; returns its path. */
export function writePrecompiled(outDir: string, templatesDir?: string): string {
  const file = join(outDir, PRECOMPILED_FILE);
  writeFileSync(file, precompiledSource(templatesDir));
  return file;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(PROJECT_ROOT, 'scripts/precompile-templates.ts')) {
  const [outDir, templatesDir] = process.argv.slice(2);
  if (!outDir) {
    process.stderr.write('usage: tsx scripts/precompile-templates.ts <out-dir> [<templates-dir>]\n');
    process.exit(2);
  }
  writePrecompiled(resolve(outDir), templatesDir && resolve(templatesDir));
}
