import { describe, expect, it } from 'vitest';
import { readArticle } from '../../lambdas/intake';
import { expectExactOffsets, fixture, readText } from './support';

describe('Markdown notes', () => {
  const note = readArticle(fixture('field-notes.md'), { name: 'field-notes.md' });

  it('reads title, date, source, url and author from the front matter', () => {
    expect(note).toMatchObject({
      format: 'md',
      title: 'Measles outbreak spreads to three more districts',
      published: '2022-11-14',
      source: 'Lakeside Health Desk',
      url: 'https://health.example.org/notes/measles-districts',
      byline: 'Amina Waweru',
    });
  });

  it('reduces the body to paragraphs without markup', () => {
    expect(note.paragraphs[0]).toBe(
      'Health officials confirmed 412 new measles cases in the past week, bringing the total since September to 2,950, according to the provincial health office.',
    );
    expect(note.text).not.toMatch(/[*#`[\]]|\]\(|^- /m);
    expect(note.paragraphs).toContain('What the ministry said');
    expect(note.paragraphs).toContain('about 180,000 children under five in the affected districts;');
    expect(note.paragraphs).toContain('"We are seeing cases in children who missed their jabs during the pandemic," said district medical officer Peter Otieno.');
    expect(note.paragraphs).toContain('Kisumu | 170');
    expect(note.paragraphs.at(-1)).toBe("Officials urged parents to check their children's vaccination cards at the nearest clinic.");
    expectExactOffsets(note);
  });

  it('drops the H1 that repeats the title, and code blocks', () => {
    expect(note.paragraphs).not.toContain(note.title);
    expect(note.text).not.toContain('district,cases');
  });

  it('takes a picture alt text as a caption', () => {
    expect(note.captions).toEqual(['Nurses vaccinate children at a school in Kisumu. Photo: Amina Waweru']);
    expect(note.text).not.toContain('Nurses vaccinate');
  });

  it('takes the first H1 as title when there is no front matter', () => {
    const article = readText('# Locusts reach Ethiopia\n\nSwarms covered 20,000 hectares, the FAO said.\n', { name: 'locusts.markdown' });
    expect(article.title).toBe('Locusts reach Ethiopia');
    expect(article.paragraphs).toEqual(['Swarms covered 20,000 hectares, the FAO said.']);
    expect(article.published).toBeNull();
  });

  it('refuses front matter that is not valid YAML, saying where', () => {
    expect(() => readText('---\ntitle: "unclosed\ndate: 2020-01-01\n---\nBody text.\n', { name: 'bad.md' }))
      .toThrow(/^front matter is not valid YAML \(line 3\): Missing closing "quote$/);
  });
});
