/**
 * The build's precompiled templates (scripts/precompile-templates.ts → templates.compiled.cjs,
 * read by lambdas/template/precompiled.ts) must fill exactly as compiling at run time does, and
 * a broken template must fail the build.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { buildBriefingModel } from '../../lambdas/briefing/model';
import { extractFromBytes } from '../../lambdas/pipeline/extract-bytes';
import { eventTemplate } from '../../lambdas/event/render';
import { COMPILE_OPTIONS, partialName } from '../../lambdas/template/fill';
import { deployedTemplates } from '../../lambdas/template/load';
import type { PrecompiledSet } from '../../lambdas/template/precompiled';
import { sanitizeDeep } from '../../lambdas/template/sanitize';
import { writePrecompiled } from '../../scripts/precompile-templates';

const SEED = readFileSync(new URL('../fixtures/articles/idlib-offensive-2019.txt', import.meta.url));

function built(templatesDir?: string): Record<string, PrecompiledSet> {
  const file = writePrecompiled(mkdtempSync(join(tmpdir(), 'precompiled-')), templatesDir);
  return createRequire(file)(file) as Record<string, PrecompiledSet>;
}

describe('precompiled templates', () => {
  it('holds every deployed template and the event briefing\'s under its content hash, with its partials', () => {
    const table = built();
    const store = deployedTemplates();
    const templates = [...store.names().map((name) => store.get(name)), eventTemplate()];
    expect(Object.keys(table).sort()).toEqual(templates.map((t) => t.sha256).sort());
    for (const template of templates) {
      expect(Object.keys(table[template.sha256]!.partials).sort()).toEqual(template.partials.map(partialName).sort());
    }
  });

  it('fills each deployed template exactly as compiling it at run time does', () => {
    const table = built();
    const model = sanitizeDeep(buildBriefingModel(extractFromBytes(SEED, { name: 'idlib.txt', published: '2019-06-29' })));
    const store = deployedTemplates();
    for (const name of store.names()) {
      const template = store.get(name);
      const set = table[template.sha256]!;
      const fromBuild = Handlebars.create();
      for (const [partial, spec] of Object.entries(set.partials)) fromBuild.registerPartial(partial, fromBuild.template(spec));
      const atRunTime = Handlebars.create();
      for (const p of template.partials) atRunTime.registerPartial(partialName(p), p.source);
      const xml = fromBuild.template(set.main)(model);
      expect(xml).toContain('<document');
      expect(xml).toBe(atRunTime.compile(template.main.source, COMPILE_OPTIONS)(model));
    }
  });

  it('fails the build on a template the renderer would refuse', () => {
    const dir = mkdtempSync(join(tmpdir(), 'templates-'));
    cpSync(deployedTemplates().dir, dir, { recursive: true });
    writeFileSync(join(dir, 'loud.hbs'), '<document>{{{headline}}}</document>\n');
    expect(() => built(dir)).toThrow(/loud\.hbs|unescaped/);
  });
});
