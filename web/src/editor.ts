/**
 * The figures of a ready article as a table a person can correct: value, category, label and
 * key flag in place, a figure removed with one button (and put back before saving). Changes are
 * held here until "Save and re-render"; what was already corrected in a saved revision is
 * marked "edited" with the fields a person changed.
 */
import type { Figure } from '../../lambdas/extract/types';
import type { FigureEdit, ReviewedExtraction, ReviewedFigure } from '../../lambdas/review/edits';
import { CATEGORIES, categoryLabel, MAX_LABEL_LENGTH } from '../../lambdas/review/vocabulary';
import { el, replace, uid } from './dom';

export interface EditorHooks {
  /** Saves the edits against the revision on show; resolves when stored (the PDF follows). */
  save(edits: readonly FigureEdit[], revision: number): Promise<void>;
  /** A line for the screen reader's live region. */
  announce(text: string): void;
}

type Draft = { value?: number; category?: Figure['category']; label?: string; key?: boolean; remove?: boolean };

/** "2,117" → 2117; "1.5" → 1.5; anything else → null. Digits grouped with commas, spaces or thin spaces are accepted. */
export function parseValue(text: string): number | null {
  const cleaned = text.trim().replace(/[,\s\u202f\u00a0]/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

const FIELD_WORDS: Readonly<Record<string, string>> = { value: 'value', category: 'category', label: 'label', key: 'key flag' };

/** The fields a person changed, in the words the editor's columns use: "value, key flag". */
export const changedFields = (fields: readonly string[]): string => fields.map((f) => FIELD_WORDS[f] ?? f).join(', ');

export class FigureEditor {
  readonly element: HTMLElement;
  private readonly drafts = new Map<string, Draft>();
  private readonly status: HTMLElement;
  private readonly saveButton: HTMLButtonElement;
  private readonly discardButton: HTMLButtonElement;
  private saving = false;

  constructor(private readonly name: string, private readonly extraction: ReviewedExtraction, private readonly hooks: EditorHooks) {
    this.status = el('p', { class: 'save-status', role: 'status', tabindex: -1 });
    this.saveButton = el('button', { type: 'button', class: 'primary', onclick: () => void this.save() }, 'Save and re-render');
    this.discardButton = el('button', { type: 'button', onclick: () => this.discard() }, 'Discard changes');
    this.element = el('section', { class: 'editor', 'aria-label': `Figures of ${name}` });
    this.render();
  }

  private draftOf(id: string): Draft {
    let draft = this.drafts.get(id);
    if (!draft) this.drafts.set(id, (draft = {}));
    return draft;
  }

  /** The edits a save would send: only fields that differ from the revision on show. */
  private edits(): FigureEdit[] {
    const edits: FigureEdit[] = [];
    for (const figure of this.extraction.figures) {
      const draft = this.drafts.get(figure.id);
      if (!draft) continue;
      if (draft.remove) {
        edits.push({ id: figure.id, remove: true });
        continue;
      }
      const edit: { -readonly [K in keyof FigureEdit]: FigureEdit[K] } = { id: figure.id };
      if (draft.value !== undefined && draft.value !== figure.value) edit.value = draft.value;
      if (draft.category !== undefined && draft.category !== figure.category) edit.category = draft.category;
      if (draft.label !== undefined && draft.label.trim() !== figure.label) edit.label = draft.label.trim();
      if (draft.key !== undefined && draft.key !== figure.key) edit.key = draft.key;
      if (Object.keys(edit).length > 1) edits.push(edit);
    }
    return edits;
  }

  private invalid(): string | null {
    for (const figure of this.extraction.figures) {
      const draft = this.drafts.get(figure.id);
      if (!draft || draft.remove) continue;
      if (Number.isNaN(draft.value)) return `the value of “${figure.text}” is not a number`;
      if (draft.label !== undefined && (draft.label.trim() === '' || draft.label.length > MAX_LABEL_LENGTH)) {
        return `the label of “${figure.text}” must be 1 to ${MAX_LABEL_LENGTH} characters`;
      }
    }
    return null;
  }

  private refreshBar(): void {
    const count = this.edits().length;
    const problem = this.invalid();
    this.saveButton.disabled = this.saving || count === 0 || problem !== null;
    this.discardButton.disabled = this.saving || this.drafts.size === 0;
    this.status.textContent = this.saving
      ? 'Saving…'
      : problem ?? (count === 0 ? 'No unsaved changes.' : `${count} figure${count === 1 ? '' : 's'} changed, not saved yet.`);
    this.status.classList.toggle('problem', problem !== null);
  }

  private changed(figure: ReviewedFigure, row: HTMLTableRowElement): void {
    const draft = this.drafts.get(figure.id);
    const dirty = draft !== undefined && (draft.remove || this.edits().some((edit) => edit.id === figure.id));
    row.classList.toggle('dirty', Boolean(dirty));
    this.refreshBar();
  }

  private row(figure: ReviewedFigure): HTMLTableRowElement {
    const draft = this.drafts.get(figure.id) ?? {};
    const removed = draft.remove === true;
    const ids = { value: uid('value'), category: uid('category'), label: uid('label'), key: uid('key') };
    const what = `“${figure.text}”`;
    const row = el('tr', { class: removed ? 'removed' : null });
    const value = el('input', {
      id: ids.value, type: 'text', inputmode: 'decimal', value: String(draft.value ?? figure.value),
      'aria-label': `Value of ${what}`, disabled: removed, autocomplete: 'off', spellcheck: 'false',
    });
    value.addEventListener('input', () => {
      const parsed = parseValue(value.value);
      this.draftOf(figure.id).value = parsed ?? Number.NaN;
      value.setAttribute('aria-invalid', String(parsed === null));
      this.changed(figure, row);
    });
    const category = el('select', { id: ids.category, 'aria-label': `Category of ${what}`, disabled: removed },
      ...CATEGORIES.map((c) => el('option', { value: c.id, title: c.counts, selected: (draft.category ?? figure.category) === c.id }, c.label)));
    category.addEventListener('change', () => {
      this.draftOf(figure.id).category = category.value as Figure['category'];
      this.changed(figure, row);
    });
    const label = el('input', {
      id: ids.label, type: 'text', value: draft.label ?? figure.label, maxlength: MAX_LABEL_LENGTH,
      'aria-label': `Label of ${what}`, disabled: removed, autocomplete: 'off',
    });
    label.addEventListener('input', () => {
      this.draftOf(figure.id).label = label.value;
      this.changed(figure, row);
    });
    const key = el('input', { id: ids.key, type: 'checkbox', checked: draft.key ?? figure.key, 'aria-label': `${what} is a key figure`, disabled: removed || (figure.vague === true && draft.value === undefined) });
    key.addEventListener('change', () => {
      this.draftOf(figure.id).key = key.checked;
      this.changed(figure, row);
    });
    const remove = el('button', {
      type: 'button', class: 'quiet',
      'aria-label': removed ? `Put back ${what}` : `Remove ${what} from the briefing`,
      onclick: () => {
        this.draftOf(figure.id).remove = !removed;
        this.render();
        this.hooks.announce(removed ? `${figure.text} put back` : `${figure.text} will be removed when you save`);
        this.element.querySelector<HTMLButtonElement>(`[data-remove="${figure.id}"]`)?.focus();
      },
      'data-remove': figure.id,
    }, removed ? 'Put back' : 'Remove');
    const edited = figure.edited?.length
      ? el('span', { class: 'edited', title: 'Changed by a person in a saved revision' }, `edited: ${changedFields(figure.edited)}`)
      : null;
    const source = figure.source ? el('span', { class: 'source' }, figure.source) : null;
    row.append(
      el('th', { scope: 'row' }, el('span', { class: 'written' }, figure.text), edited, figure.vague ? el('span', { class: 'vague' }, 'vague count') : null),
      el('td', {}, value),
      el('td', {}, category),
      el('td', {}, label),
      el('td', { class: 'center' }, key),
      el('td', { class: 'sentence' }, el('span', { class: 'clip' }, figure.sentence), source),
      el('td', {}, remove),
    );
    if (removed || this.edits().some((edit) => edit.id === figure.id)) row.classList.add('dirty');
    return row;
  }

  private render(): void {
    const figures = this.extraction.figures;
    const removedBefore = this.extraction.revision?.removed ?? [];
    const table = el('table', { class: 'figures' },
      el('caption', {}, `All figures (${figures.length})`),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, 'As written'), el('th', { scope: 'col' }, 'Value'), el('th', { scope: 'col' }, 'Category'),
        el('th', { scope: 'col' }, 'Label'), el('th', { scope: 'col' }, 'Key'), el('th', { scope: 'col' }, 'Sentence and source'),
        el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, 'Remove')))),
      el('tbody', {}, ...figures.map((figure) => this.row(figure))));
    replace(this.element,
      el('div', { class: 'editor-head' },
        el('h4', {}, 'Correct the figures'),
        el('p', { class: 'hint' }, 'Change a value, category, label or key flag, or remove a figure. Saving keeps the original extraction and makes a new PDF; the briefing marks corrected figures “edited”.')),
      el('div', { class: 'table-wrap' }, table),
      removedBefore.length > 0
        ? el('p', { class: 'removed-before' }, `Removed in saved revisions: ${removedBefore.map((f) => `“${f.text}” (${categoryLabel(f.category)}, ${f.label})`).join('; ')}.`)
        : null,
      el('div', { class: 'save-bar' }, this.status, this.discardButton, this.saveButton),
    );
    this.refreshBar();
  }

  private discard(): void {
    this.drafts.clear();
    this.render();
    this.hooks.announce('Changes discarded');
  }

  private async save(): Promise<void> {
    const edits = this.edits();
    if (edits.length === 0 || this.invalid()) return;
    this.saving = true;
    // The Save button is about to be disabled, which would drop focus on the page's body: keep it on the news of the save.
    if (this.element.contains(document.activeElement)) this.status.focus();
    this.refreshBar();
    try {
      await this.hooks.save(edits, this.extraction.revision?.number ?? 1);
      this.drafts.clear();
      this.status.textContent = 'Saved. Making the new PDF…';
    } catch (error) {
      this.saving = false;
      this.refreshBar();
      this.status.textContent = `Not saved: ${(error as Error).message}`;
      this.status.classList.add('problem');
      this.hooks.announce(this.status.textContent);
    }
  }
}
