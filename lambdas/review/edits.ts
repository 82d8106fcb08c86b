/**
 * A person's corrections to the extracted figures, as a new revision of the Extraction JSON.
 * Pure: no I/O, no clock (the caller passes the time). Edits arrive from a web page, so they
 * are checked field by field before anything is changed, and only the editable fields
 * (value, category, label, key flag) can change; a figure can also be dropped.
 *
 * Which figures a person changed is measured against the extractor's own output (revision 1),
 * not the previous revision: a value changed and later changed back is no longer "edited".
 */
import { BriefingError } from '../core/errors';
import type { Category, Extraction, Figure } from '../extract/types';
import { type EditableField, EDITABLE_FIELDS, isCategory, MAX_LABEL_LENGTH } from './vocabulary';

/** One figure's changes; fields left out stay as they are. */
export interface FigureEdit {
  readonly id: string;
  readonly value?: number;
  readonly category?: Category;
  readonly label?: string;
  readonly key?: boolean;
  /** Drop the figure from the briefing (it stays in the original revision). */
  readonly remove?: boolean;
}

/** A figure a person dropped, as the extractor had it. */
export interface RemovedFigure {
  readonly id: string;
  readonly text: string;
  readonly label: string;
  readonly category: Category;
}

/** Extension (docs/contract.md): present on an Extraction a person corrected. */
export interface Revision {
  /** 2 for the first saved correction; the extractor's own output is revision 1 and carries no `revision`. */
  readonly number: number;
  readonly savedAt: string;
  /** Who saved it (the signed-in user), null locally. */
  readonly by: string | null;
  readonly removed: readonly RemovedFigure[];
}

/** Extension: the fields of this figure a person changed from the extractor's values. */
export interface ReviewedFigure extends Figure {
  readonly edited?: readonly EditableField[];
}

export interface ReviewedExtraction extends Extraction {
  readonly figures: readonly ReviewedFigure[];
  readonly revision?: Revision;
}

/** Values are counts, amounts and shares: never negative, never beyond what a double holds exactly. */
const MAX_VALUE = 1e15;
/** More edits than figures is never a real save. */
const MAX_EDITS = 500;

const badEdit = (message: string): BriefingError => new BriefingError('usage', 'bad_edit', message);

const CONTROL = /[\p{Cc}\p{Cf}]/u;

function checkedEdit(raw: unknown, index: number): FigureEdit {
  const where = `edit ${index + 1}`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw badEdit(`${where} is not an object`);
  const edit = raw as Record<string, unknown>;
  const unknown = Object.keys(edit).filter((name) => !['id', 'remove', ...EDITABLE_FIELDS].includes(name));
  if (unknown.length > 0) throw badEdit(`${where}: ${unknown.join(', ')} cannot be edited (only value, category, label, key or remove)`);
  if (typeof edit.id !== 'string' || !/^f[0-9]{1,6}$/.test(edit.id)) throw badEdit(`${where}: id must name a figure (f1, f2, …)`);
  const { id } = edit;
  if (edit.value !== undefined && (typeof edit.value !== 'number' || !Number.isFinite(edit.value) || edit.value < 0 || edit.value > MAX_VALUE)) {
    throw badEdit(`${id}: the value must be a number from 0 to ${MAX_VALUE.toExponential()}`);
  }
  if (edit.category !== undefined && !isCategory(edit.category)) throw badEdit(`${id}: "${String(edit.category)}" is not a category`);
  if (edit.label !== undefined) {
    if (typeof edit.label !== 'string') throw badEdit(`${id}: the label must be text`);
    const label = edit.label.trim();
    if (label === '' || label.length > MAX_LABEL_LENGTH) throw badEdit(`${id}: the label must be 1 to ${MAX_LABEL_LENGTH} characters`);
    if (CONTROL.test(label)) throw badEdit(`${id}: the label holds control characters`);
  }
  if (edit.key !== undefined && typeof edit.key !== 'boolean') throw badEdit(`${id}: key must be true or false`);
  if (edit.remove !== undefined && typeof edit.remove !== 'boolean') throw badEdit(`${id}: remove must be true or false`);
  return {
    id,
    ...(edit.value !== undefined ? { value: edit.value as number } : {}),
    ...(edit.category !== undefined ? { category: edit.category as Category } : {}),
    ...(edit.label !== undefined ? { label: (edit.label as string).trim().replace(/\s+/g, ' ') } : {}),
    ...(edit.key !== undefined ? { key: edit.key as boolean } : {}),
    ...(edit.remove === true ? { remove: true } : {}),
  };
}

/** Untrusted JSON (a request body's `edits`) → checked edits, one per figure; a readable error otherwise. */
export function parseEdits(raw: unknown): FigureEdit[] {
  if (!Array.isArray(raw)) throw badEdit('edits must be a list');
  if (raw.length === 0) throw badEdit('there is nothing to save: no figure was changed');
  if (raw.length > MAX_EDITS) throw badEdit(`at most ${MAX_EDITS} edits at once`);
  const edits = raw.map(checkedEdit);
  const ids = new Set<string>();
  for (const { id } of edits) {
    if (ids.has(id)) throw badEdit(`${id} is edited twice in one save`);
    ids.add(id);
  }
  return edits;
}

/** The fields of `figure` that differ from the extractor's `original`. */
function editedFields(figure: Figure, original: Figure | undefined): EditableField[] {
  if (!original) return [];
  return EDITABLE_FIELDS.filter((field) =>
    field === 'value' ? figure.value !== original.value || figure.max !== original.max : figure[field] !== original[field]);
}

function applied(figure: ReviewedFigure, edit: FigureEdit, nextRank: () => number, original: Figure | undefined): ReviewedFigure {
  let next: Figure = { ...figure };
  if (edit.value !== undefined && (edit.value !== figure.value || figure.max !== null)) {
    // A person states one number: no range, and no longer a vague count.
    next = { ...next, value: edit.value, max: null, ...(figure.vague ? { vague: false } : {}) };
  }
  if (edit.category !== undefined) next = { ...next, category: edit.category };
  if (edit.label !== undefined) next = { ...next, label: edit.label };
  if (edit.key !== undefined && edit.key !== figure.key) {
    if (edit.key && next.vague) throw badEdit(`${figure.id} is a vague count ("${figure.text}"); give it a value before making it a key figure`);
    const rank = edit.key ? (original?.key && typeof original.rank === 'number' ? original.rank : nextRank()) : null;
    next = { ...next, key: edit.key, ...(figure.rank !== undefined || rank !== null ? { rank } : {}) };
  }
  const edited = editedFields(next, original);
  const { edited: _previous, ...plain } = next as ReviewedFigure;
  return edited.length > 0 ? { ...plain, edited } : plain;
}

export interface RevisionMeta {
  readonly savedAt: string;
  readonly by: string | null;
}

/**
 * The next revision: `current` (the revision on show, possibly already corrected) with `edits`
 * applied, every figure's `edited` measured against `original` (revision 1), the dropped ones
 * listed. Throws a `bad_edit` BriefingError naming the figure when an edit cannot apply.
 */
export function reviseExtraction(original: Extraction, current: ReviewedExtraction, edits: readonly FigureEdit[], meta: RevisionMeta): ReviewedExtraction {
  const byId = new Map(current.figures.map((figure) => [figure.id, figure]));
  const originals = new Map(original.figures.map((figure) => [figure.id, figure]));
  for (const edit of edits) {
    if (!byId.has(edit.id)) {
      throw badEdit(originals.has(edit.id) ? `${edit.id} was removed in an earlier revision` : `there is no figure ${edit.id} in this article`);
    }
  }
  let maxRank = Math.max(0, ...current.figures.map((figure) => (typeof figure.rank === 'number' ? figure.rank : 0)));
  const nextRank = (): number => (maxRank += 1);
  const editOf = new Map(edits.map((edit) => [edit.id, edit]));
  const figures = current.figures
    .filter((figure) => !editOf.get(figure.id)?.remove)
    .map((figure) => {
      const edit = editOf.get(figure.id);
      return edit ? applied(figure, edit, nextRank, originals.get(figure.id)) : figure;
    });
  const kept = new Set(figures.map((figure) => figure.id));
  const removed = original.figures
    .filter((figure) => !kept.has(figure.id))
    .map(({ id, text, label, category }) => ({ id, text, label, category }));
  const unchanged = figures.length === current.figures.length &&
    figures.every((figure, i) => JSON.stringify(figure) === JSON.stringify(current.figures[i]));
  if (unchanged) throw badEdit('there is nothing to save: the edits leave every figure as it was');
  return {
    ...current,
    figures,
    revision: { number: (current.revision?.number ?? 1) + 1, savedAt: meta.savedAt, by: meta.by, removed },
  };
}

/** The ids of the figures a person changed, for the page and the briefing's table. */
export const editedIds = (extraction: ReviewedExtraction): string[] =>
  extraction.figures.filter((figure) => (figure.edited?.length ?? 0) > 0).map((figure) => figure.id);
