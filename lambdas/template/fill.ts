/**
 * Handlebars → XML → DocNode tree. Values reach the markup only through Handlebars' escaping
 * (triple-stash is refused), and the result is parsed by a real XML parser, so article text can
 * never become layout. Template mistakes are reported with the template's own line.
 */
import type Handlebars from 'handlebars';
import handlebarsRuntime from 'handlebars/runtime.js';
import { handlebarsCompiler } from './compiler';
import type { DocNode } from './types';
import { templateError } from './errors';
import { isProblem, parseXml } from './xml';
import { sanitizeDeep } from './sanitize';
import { templateHash } from './load';
import { precompiledTemplate } from './precompiled';

export interface TemplateSource {
  /** File name for messages ("briefing.hbs"). */
  readonly name: string;
  readonly source: string;
}

/**
 * Handlebars' runtime, all that a precompiled template needs. Imported by its file name, which
 * Node's ES-module loader finds as written (the package maps no subpaths); that file's own
 * declarations describe nothing, the whole package's describe the runtime's part of it.
 */
const HandlebarsRuntime = handlebarsRuntime as unknown as Pick<typeof Handlebars, 'create'>;

/** 1-based line of a character index. */
const lineAt = (text: string, index: number): number => text.slice(0, index).split('\n').length;

/** Handlebars comments blanked to their newlines, so positions and lines still match. */
const withoutComments = (source: string): string =>
  source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (m) => m.replace(/[^\n]/g, ' '));

/** Triple-stash and `{{&x}}` print a value unescaped: that would let an article inject markup. */
function refuseUnescaped(t: TemplateSource): void {
  const source = withoutComments(t.source);
  const m = /\{\{~?\{|\{\{~?&/.exec(source);
  if (m) throw templateError(t.name, lineAt(source, m.index), 'unescaped output ({{{ }}} or {{& }}) is not allowed');
}

function checkHandlebars(t: TemplateSource): void {
  try {
    handlebarsCompiler().parse(t.source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/.exec(message)?.[1];
    const first = message.split('\n')[0]!.replace(/^Parse error on line \d+:?\s*/, '');
    const detail = message.split('\n').at(-1)!;
    throw templateError(t.name, line ? Number(line) : null, `Handlebars syntax: ${first || detail}`, error);
  }
}

/**
 * Blanks every mustache (keeping its newlines, so lines still match) and parses what is left as
 * XML, wrapped in a neutral root, so bad markup is reported at its line in the template file.
 */
function checkMarkup(t: TemplateSource): void {
  const blanked = withoutComments(t.source).replace(/\{\{[\s\S]*?\}\}/g, (m) => m.replace(/[^\n]/g, ''));
  const result = parseXml(`<hbs-template>${blanked}</hbs-template>`, 'hbs-template');
  if (isProblem(result)) throw templateError(t.name, result.line, result.reason);
}

export function checkTemplate(t: TemplateSource): void {
  refuseUnescaped(t);
  checkHandlebars(t);
  checkMarkup(t);
}

/** How every template is compiled, at run time and at build time (scripts/precompile-templates.ts) alike. */
export const COMPILE_OPTIONS = { strict: false, preventIndent: true } as const;

/** A partial's name: its file name without `.hbs`. */
export const partialName = (t: TemplateSource): string => t.name.replace(/\.hbs$/, '');

/** Checked and compiled here; the build's precompiled form when these are the deployed sources. */
function compile(main: TemplateSource, partials: readonly TemplateSource[]): HandlebarsTemplateDelegate {
  const built = precompiledTemplate(templateHash({ main, partials }));
  if (built && partials.every((p) => Object.hasOwn(built.partials, partialName(p)))) {
    // Precompiled: Handlebars' runtime alone runs it.
    const env = HandlebarsRuntime.create();
    for (const p of partials) env.registerPartial(partialName(p), env.template(built.partials[partialName(p)]!));
    return env.template(built.main);
  }
  for (const t of [main, ...partials]) checkTemplate(t);
  const env = handlebarsCompiler().create();
  for (const p of partials) env.registerPartial(partialName(p), p.source);
  return env.compile(main.source, COMPILE_OPTIONS);
}

const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** Fills `main` with `model` (strings cleaned of XML-illegal characters) and parses the result. */
export function fillTemplate(main: TemplateSource, partials: readonly TemplateSource[], model: unknown): DocNode {
  const key = [main, ...partials].map((t) => `${t.name}\u0000${t.source}`).join('\u0001');
  let render = compiled.get(key);
  if (!render) {
    render = compile(main, partials);
    if (compiled.size >= 16) compiled.clear(); // user templates come and go; the bundled one recompiles in ~1 ms
    compiled.set(key, render);
  }
  let xml: string;
  try {
    xml = render(sanitizeDeep(model));
  } catch (error) {
    throw templateError(main.name, null, error instanceof Error ? error.message.split('\n')[0]! : String(error), error);
  }
  const tree = parseXml(xml);
  if (isProblem(tree)) throw templateError(main.name, null, `filled document, line ${tree.line}: ${tree.reason}`);
  if (tree.name !== 'document') throw templateError(main.name, tree.line, `the root element must be <document>, not <${tree.name}>`);
  return tree;
}
