/**
 * The templates deployed from `templates/`: every top-level `<name>.hbs` is the template
 * `<name>`, and all share `templates/partials/*.hbs`. Each carries a content hash (sha256 of its
 * source and of the partials) that outputs record, so a changed template re-renders and an
 * unchanged one does not. Files are read once per process; `reload()` reads them again (the
 * local pipeline calls it when a file changes).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BriefingError } from '../core/errors';
import { findAsset } from '../core/assets';
import type { TemplateSource } from './fill';

export interface TemplateSet {
  readonly main: TemplateSource;
  readonly partials: readonly TemplateSource[];
}

/** A deployed template: its name ("briefing"), sources and content hash. */
export interface Template extends TemplateSet {
  readonly name: string;
  /** Hex sha256 over the template's and the partials' names and sources. */
  readonly sha256: string;
}

/** The template an upload gets when neither its metadata nor its key prefix names one. */
export const DEFAULT_TEMPLATE = 'briefing';

/** The hash a rendered briefing records: the same sources always give the same hash. */
export function templateHash(set: TemplateSet): string {
  const hash = createHash('sha256');
  for (const t of [set.main, ...set.partials]) hash.update(`${t.name}\u0000${t.source}\u0000`);
  return hash.digest('hex');
}

/** "flash.hbs", " flash " → "flash": how a user may write a template's name. */
export const templateName = (written: string): string => written.trim().replace(/\.hbs$/i, '');

export class TemplateStore {
  private templates: ReadonlyMap<string, Template> | null = null;

  constructor(readonly dir: string) {}

  /** The names of the deployed templates, sorted. */
  names(): string[] {
    return [...this.load().keys()].sort();
  }

  /** The template `name`; an unknown name is a permanent error naming the known ones. */
  get(name: string): Template {
    const wanted = templateName(name);
    const template = this.load().get(wanted);
    if (template) return template;
    throw new BriefingError('template', 'unknown_template', `unknown template "${wanted}"; the templates deployed are: ${this.names().join(', ')}`, {
      permanent: true,
      context: { template: wanted, known: this.names() },
    });
  }

  /** Reads the files again on the next use. */
  reload(): void {
    this.templates = null;
  }

  private load(): ReadonlyMap<string, Template> {
    if (this.templates) return this.templates;
    const read = (dir: string): TemplateSource[] =>
      readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith('.hbs'))
        .map((entry) => entry.name)
        .sort()
        .map((name) => ({ name, source: readFileSync(join(dir, name), 'utf8') }));
    const partials = read(join(this.dir, 'partials'));
    this.templates = new Map(read(this.dir).map((main) => {
      const set = { main, partials };
      return [templateName(main.name), { name: templateName(main.name), ...set, sha256: templateHash(set) }];
    }));
    return this.templates;
  }
}

let deployed: TemplateStore | null = null;

/** The templates shipped with the code (the repository's `templates/`, or the copy beside a bundle). */
export function deployedTemplates(): TemplateStore {
  deployed ??= new TemplateStore(dirname(findAsset(`templates/${DEFAULT_TEMPLATE}.hbs`)));
  return deployed;
}

/** The default template's sources. */
export const bundledTemplates = (): TemplateSet => deployedTemplates().get(DEFAULT_TEMPLATE);

/**
 * Which template an upload asks for: its `template` metadata, else the longest key prefix the
 * stack maps to a template, else the default.
 */
export function chooseTemplate(key: string, metadata: string | undefined, prefixes: Readonly<Record<string, string>> = {}): string {
  if (metadata !== undefined && metadata.trim() !== '') return templateName(metadata);
  const prefix = Object.keys(prefixes).filter((p) => key.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  return prefix === undefined ? DEFAULT_TEMPLATE : templateName(prefixes[prefix]!);
}
