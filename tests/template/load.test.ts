/** The deployed templates: names, content hashes, the choice an upload makes. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseTemplate, deployedTemplates, TemplateStore } from '../../lambdas/template/load';

const copy = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'templates-'));
  cpSync(deployedTemplates().dir, dir, { recursive: true });
  return dir;
};

describe('deployed templates', () => {
  it('are the top-level .hbs files of templates/, partials shared', () => {
    const store = deployedTemplates();
    expect(store.names()).toEqual(['briefing', 'flash']);
    expect(store.get('flash.hbs').name).toBe('flash');
    expect(store.get('briefing').partials.map((p) => p.name)).toEqual(['card.hbs', 'figure-row.hbs', 'quote.hbs']);
  });

  it('hash their sources and partials: an edit to either changes the hash, a reload sees it', () => {
    const dir = copy();
    const store = new TemplateStore(dir);
    const before = store.get('briefing').sha256;
    expect(new TemplateStore(dir).get('briefing').sha256).toBe(before);
    writeFileSync(join(dir, 'partials', 'quote.hbs'), readFileSync(join(dir, 'partials', 'quote.hbs'), 'utf8').replace('“', '«'));
    expect(store.get('briefing').sha256).toBe(before); // read once, until reloaded
    store.reload();
    const after = store.get('briefing').sha256;
    expect(after).not.toBe(before);
    expect(after).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuse an unknown name, naming the ones deployed, as a permanent error', () => {
    expect(() => deployedTemplates().get('sitrep')).toThrow('unknown template "sitrep"; the templates deployed are: briefing, flash');
    try {
      deployedTemplates().get('sitrep');
    } catch (error) {
      expect(error).toMatchObject({ stage: 'template', code: 'unknown_template', permanent: true });
    }
  });

  it('are chosen by metadata, else the longest mapped key prefix, else briefing', () => {
    const prefixes = { 'flash/': 'flash', 'flash/long/': 'briefing.hbs' };
    expect(chooseTemplate('flash/a.txt', 'briefing', prefixes)).toBe('briefing');
    expect(chooseTemplate('flash/a.txt', undefined, prefixes)).toBe('flash');
    expect(chooseTemplate('flash/long/a.txt', undefined, prefixes)).toBe('briefing');
    expect(chooseTemplate('other/a.txt', ' ', prefixes)).toBe('briefing');
  });
});
