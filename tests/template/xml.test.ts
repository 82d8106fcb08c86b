/**
 * The template parser (lambdas/template/xml.ts) against saxes, the general XML parser it replaced
 * (tests/support/saxes-reference.ts): the same tree, lines included, for every briefing the
 * fixtures and examples fill (at full size and shrunk, as a layout that does not fit asks), for
 * every shipped template with its mustaches blanked, and for markup written to reach the corners
 * of XML; and a problem, at the same line, wherever saxes found one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { buildBriefingModel, MODEL_LIMITS } from '../../lambdas/briefing/model';
import { extractFigures } from '../../lambdas/extract';
import { readArticle } from '../../lambdas/intake';
import { COMPILE_OPTIONS, partialName } from '../../lambdas/template/fill';
import { bundledTemplates } from '../../lambdas/template/load';
import { sanitizeDeep } from '../../lambdas/template/sanitize';
import { isProblem, parseXml } from '../../lambdas/template/xml';
import { parseWithSaxes } from '../support/saxes-reference';

const ROOT = path.resolve(__dirname, '../..');
const filesIn = (dir: string, pattern: RegExp): string[] => readdirSync(path.join(ROOT, dir)).filter((f) => pattern.test(f)).map((f) => path.join(ROOT, dir, f));

/** The filled XML of the bundled template for an article, at the model's full size and at a quarter. */
function filledBriefings(): Array<{ name: string; xml: string }> {
  const template = bundledTemplates();
  const env = Handlebars.create();
  for (const p of template.partials) env.registerPartial(partialName(p), p.source);
  const render = env.compile(template.main.source, COMPILE_OPTIONS);
  const articles = [...filesIn('examples', /\.(txt|md|html|json)$/), ...filesIn('tests/fixtures/articles', /\.txt$/), ...filesIn('tests/fixtures/holdout2', /\.txt$/)];
  return articles.flatMap((file) => {
    const extraction = extractFigures(readArticle(readFileSync(file), { name: path.basename(file) }), { published: '2026-01-01' });
    return [MODEL_LIMITS, { tableFigures: 3, timeline: 2, quotes: 1 }].map((limits) => ({
      name: `${path.basename(file)} (${limits.tableFigures} rows)`,
      xml: render(sanitizeDeep({ ...buildBriefingModel(extraction, limits), template: 'briefing 0123456789ab' })),
    }));
  });
}

/** As fill.ts checks a template: mustaches blanked (their newlines kept), inside a neutral root. */
const blanked = (source: string): string =>
  `<hbs-template>${source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (m) => m.replace(/[^\n]/g, ' ')).replace(/\{\{[\s\S]*?\}\}/g, (m) => m.replace(/[^\n]/g, ''))}</hbs-template>`;

describe('the same tree as saxes', () => {
  it('for every briefing the examples and fixtures fill, full size and shrunk', () => {
    const filled = filledBriefings();
    expect(filled.length).toBeGreaterThan(60);
    for (const { name, xml } of filled) {
      const ours = parseXml(xml);
      expect(isProblem(ours), name).toBe(false);
      expect(ours, name).toEqual(parseWithSaxes(xml));
    }
  });

  it('for every shipped template, its mustaches blanked', () => {
    const templates = [...filesIn('templates', /\.hbs$/), ...filesIn('templates/partials', /\.hbs$/), ...filesIn('templates/event', /\.hbs$/)];
    expect(templates.length).toBeGreaterThan(3);
    for (const file of templates) {
      const xml = blanked(readFileSync(file, 'utf8'));
      expect(parseXml(xml, 'hbs-template'), file).toEqual(parseWithSaxes(xml, 'hbs-template'));
    }
  });

  it.each([
    ['comments, CDATA, a processing instruction and the declaration', '<?xml version="1.0" encoding="UTF-8"?>\n<!-- a briefing -->\n<document><paragraph>a<!-- x - y --> b <![CDATA[<card/> & ]]> c<?pi data?></paragraph></document>\n<!-- after -->'],
    ['references: predefined, decimal, hexadecimal, beyond the BMP', '<document title="&lt;&gt;&amp;&quot;&apos; &#65;&#x42;&#x1F600;"><paragraph>&lt;tag&gt; &amp;amp; &#233;&#xE9; &#x1f600;</paragraph></document>'],
    ['attributes: single quotes, spaces around =, whitespace in values, a newline by reference', "<document title = 'it\"s\n\ta  title&#10;here' lang=\"en\"><paragraph/></document>"],
    ['line ends: CR LF and a lone CR', '<document>\r\n<paragraph>one\r\ntwo\rthree</paragraph>\r<paragraph\r\n/>\r\n</document>'],
    ['a start tag over several lines, and text beyond ASCII', '<document\n  title="Šabac"\n  lang="sr"\n>\n<paragraph>Kafranbel · “quoted” — 😀</paragraph></document>'],
    ['a self-closing root, whitespace around it', '\n\n  <document/>  \n'],
    ['a byte-order mark before the declaration', '\ufeff<?xml version="1.1" encoding="UTF-8" standalone="yes"?>\n<document/>'],
    ['empty CDATA sections, which are text nodes of their own', '<document><paragraph><![CDATA[]]><cell/><![CDATA[]]></paragraph></document>'],
  ])('for %s', (_what, xml) => {
    const ours = parseXml(xml);
    expect(isProblem(ours)).toBe(false);
    expect(ours).toEqual(parseWithSaxes(xml));
  });
});

describe('a problem wherever saxes found one, at its line', () => {
  it.each([
    ['an undefined entity', '<document>\n<paragraph>&nbsp;</paragraph></document>'],
    ['a bare ampersand', '<document><paragraph>\nfish & chips</paragraph></document>'],
    ['an end tag out of turn', '<document>\n\n<paragraph></panel></document>'],
    ['an end tag with nothing open', '<document/>\n</document>'],
    ['a tag never closed', '<document>\n<paragraph>'],
    ['two roots', '<document/>\n<document/>'],
    ['text outside the root', '<document/>\nstray'],
    ['no whitespace between attributes', '<document title="a"lang="b"/>'],
    ['a value without quotes', '<document title=a/>'],
    ['"<" in a value', '<document\ntitle="a<b"/>'],
    ['the same attribute twice', '<document title="a" title="b"/>'],
    ['a DOCTYPE', '<!DOCTYPE document [<!ENTITY x "y">]>\n<document/>'],
    ['a character XML does not allow', '<document>\n<paragraph>bell \u0007</paragraph></document>'],
    ['a character reference to one', '<document><paragraph>&#0;</paragraph></document>'],
    ['a lone surrogate', '<document><paragraph>\ud800</paragraph></document>'],
    ['"--" in a comment', '<document><!-- a -- b --></document>'],
    ['"]]>" in text', '<document><paragraph>]]></paragraph></document>'],
    ['an unknown element', '<document>\n\n<blink/></document>'],
    ['an unknown attribute', '<document>\n<card value="1" onclick="x"/></document>'],
    ['a comment never closed', '<document><!-- open'],
    ['an empty document', '   '],
    ['a tag name that is not one', '<document><1paragraph/></document>'],
    ['the declaration not at the start', '<document/>\n<?xml version="1.0"?>'],
    ['a declaration without its version', '<?xml?><document/>'],
    ['a declaration of another version', '<?xml version="2.0"?><document/>'],
    ['a declaration in capitals', '<?XML version="1.0"?><document/>'],
    ['an attribute named __proto__ (not a key a plain object keeps)', '<document __proto__="x"/>'],
    ['an unknown attribute in a start tag over several lines', '<document>\n<card\n value="1"\n onclick="x"\n/></document>'],
    ['the same attribute twice, over several lines', '<document title="a"\n title="b"\n/>'],
    ['an end tag out of turn, over two lines', '<document>\n<paragraph>\n</panel\n>'],
    ['a second root over two lines', '<document/>\n<document\n/>'],
    ['a processing instruction whose name runs into its data', '<?pi"data"?><document/>'],
    ['an ideographic space outside the root (not XML whitespace)', '<document/>\u3000'],
  ])('%s', (_what, xml) => {
    const ours = parseXml(xml);
    const theirs = parseWithSaxes(xml);
    expect(isProblem(theirs)).toBe(true);
    expect(isProblem(ours)).toBe(true);
    if (isProblem(ours) && isProblem(theirs)) {
      expect(ours.line).toBe(theirs.line);
      expect(ours.reason).not.toBe('');
    }
  });
});
