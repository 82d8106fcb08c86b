/**
 * The list of articles, one row each, newest first. A row shows what the pipeline says of its
 * article (the state comes only from the server, which reads the pipeline's outputs); the page
 * itself only knows that it is still sending a file, or that the server refused it. A ready row
 * opens to the key-figure cards, the PDF, its links and the figure editor.
 */
import type { CardView } from '../../lambdas/briefing/model';
import type { ArticleDetail, ArticleState, ArticleView } from '../../lambdas/web/types';
import { type Api, ApiFailure } from './api';
import { el, replace, uid } from './dom';
import { changedFields, FigureEditor } from './editor';
import {
  NOTHING_KNOWN, refused, type RowKnowledge, type RowState, sendingStarted, settledOf, stateOf, withAnswer, withProgress, withView,
} from './row-state';

const STATE_WORDS: Readonly<Record<ArticleState, string>> = {
  uploaded: 'Uploaded, waiting',
  extracting: 'Extracting figures',
  rendering: 'Rendering PDF',
  ready: 'Ready',
  failed: 'Failed',
};

const time = (iso: string): string => {
  const date = new Date(iso);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
};

const size = (bytes: number): string => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

function card(view: CardView): HTMLElement {
  return el('li', { class: 'card' },
    el('span', { class: 'qualifier' }, view.qualifier || '\u00a0'),
    el('span', { class: 'value' }, view.value),
    el('span', { class: 'label' }, view.label),
    view.note ? el('span', { class: 'note' }, view.note) : null,
    view.source ? el('span', { class: 'source' }, view.source) : null);
}

/** "Revision 2, corrected by a person: “2,117” (category); removed “hundreds”." — or nothing for the extractor's own. */
function corrections(detail: ArticleDetail): HTMLElement | null {
  const { figures, revision } = detail.extraction;
  if (!revision) return null;
  const changed = figures.filter((f) => f.edited?.length).map((f) => `“${f.text}” (${changedFields(f.edited!)})`);
  const removed = revision.removed.map((f) => `“${f.text}”`);
  const parts = [changed.length ? `changed ${changed.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''].filter(Boolean);
  return el('p', { class: 'corrections' }, el('strong', {}, `Revision ${revision.number}`), `, corrected by a person${revision.by ? ` (${revision.by})` : ''}: ${parts.join('; ') || 'no figure differs from the extraction'}.`);
}

/**
 * Rebuilds `container` without losing a keyboard user's place: focus that was inside it returns
 * to the control with the same label (a row's toggle, a figure's field), else to `fallback`.
 */
function keepingFocus(container: HTMLElement, fallback: HTMLElement, rebuild: () => void): void {
  const active = document.activeElement;
  const inside = active instanceof HTMLElement && container.contains(active);
  const name = (node: Element): string | null => node.getAttribute('aria-label') ?? node.textContent;
  const label = inside ? name(active) : null;
  rebuild();
  if (!inside || container.contains(document.activeElement)) return;
  const same = [...container.querySelectorAll<HTMLElement>('a, button, input, select, iframe')]
    .find((node) => name(node) === label && !(node as HTMLButtonElement).disabled && !node.closest('[hidden]'));
  if (same) same.focus();
  else if (fallback.isConnected) fallback.focus();
}

export interface RowHooks {
  announce(text: string): void;
}

class Row {
  readonly element: HTMLLIElement;
  private known: RowKnowledge = NOTHING_KNOWN;
  private open = false;
  /** The figure editor is shown (kept across re-renders, so a save does not close it). */
  private editing = false;
  private detail: ArticleDetail | null = null;
  private detailFor = '';
  private bodyFor = '';
  private loading: Promise<void> | null = null;
  private readonly summary: HTMLElement;
  private readonly body: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private readonly bodyId = uid('article');

  constructor(readonly key: string, private readonly api: Api, private readonly hooks: RowHooks) {
    this.toggle = el('button', { type: 'button', class: 'toggle', 'aria-expanded': 'false', 'aria-controls': this.bodyId, onclick: () => this.setOpen(!this.open) });
    this.summary = el('div', { class: 'summary' });
    this.body = el('div', { class: 'details', id: this.bodyId, hidden: true });
    this.element = el('li', { class: 'row' }, this.summary, this.body);
  }

  get view(): ArticleView | null {
    return this.known.view;
  }

  get state(): RowState {
    return stateOf(this.known);
  }

  get settled(): boolean {
    return settledOf(this.known);
  }

  /** The page is sending (or was refused) a file: the server has not yet spoken of it. */
  get local(): boolean {
    return this.known.local !== null;
  }

  setOpen(open: boolean): void {
    this.open = open;
    this.render();
  }

  /** The server's word on the article. */
  update(view: ArticleView): void {
    this.move(withView(this.known, view));
  }

  /** The page's own upload: begun, progressing, answered (its view or null) or refused. */
  sending(step: 'start' | { readonly progress: number } | { readonly answer: ArticleView | null } | { readonly refused: string }): void {
    this.move(step === 'start' ? sendingStarted(this.known)
      : 'progress' in step ? withProgress(this.known, step.progress)
      : 'answer' in step ? withAnswer(this.known, step.answer)
      : refused(this.known, step.refused));
  }

  private move(next: RowKnowledge): void {
    if (next === this.known) return;
    const before = this.known.view;
    this.known = next;
    const view = next.view;
    if (view && view !== before && before?.state !== view.state) {
      this.hooks.announce(`${view.key}: ${STATE_WORDS[view.state].toLowerCase()}${view.state === 'failed' && view.reason ? `, ${view.reason}` : ''}`);
    }
    this.render();
  }

  private badge(): HTMLElement {
    const state = this.state;
    const words = state === 'sending'
      ? `Uploading ${Math.round(((this.known.local as { sending: number }).sending) * 100)}%`
      : state === 'refused' ? 'Not uploaded' : STATE_WORDS[state];
    const tone = state === 'refused' ? 'failed' : state === 'sending' ? 'uploaded' : state;
    const busy = state === 'sending' || state === 'extracting' || state === 'rendering' || state === 'uploaded';
    return el('span', { class: `badge ${tone}${busy ? ' busy' : ''}`, 'data-state': state }, words);
  }

  private render(): void {
    const view = this.view;
    const { local } = this.known;
    const reason = local && 'refused' in local ? local.refused : view?.state === 'failed' ? view.reason : null;
    const expandable = view?.state === 'ready' || view?.state === 'rendering';
    this.element.dataset.state = this.state;
    this.element.dataset.key = this.key;
    this.toggle.setAttribute('aria-expanded', String(this.open && expandable));
    replace(this.toggle, el('span', { class: 'chevron', 'aria-hidden': 'true' }), el('span', { class: 'name' }, this.key));
    const meta = view
      ? [time(view.uploadedAt), size(view.size), view.revision > 1 ? `revision ${view.revision}` : null].filter(Boolean).join(' · ')
      : '';
    keepingFocus(this.summary, this.toggle, () => replace(this.summary,
      expandable ? this.toggle : el('span', { class: 'toggle static' }, el('span', { class: 'name' }, this.key)),
      this.badge(),
      el('span', { class: 'meta' }, meta),
      reason ? el('p', { class: 'reason' }, reason) : null));
    this.body.hidden = !(this.open && expandable);
    if (this.open && expandable) void this.loadDetail();
  }

  /** The detail (figures and cards) belongs to one revision of one upload. */
  private revisionOnShow(): string {
    return `${this.view!.uploadedAt} ${this.view!.revision}`;
  }

  /** The body also shows the state and the PDF. */
  private bodyOnShow(): string {
    return `${this.revisionOnShow()} ${this.view!.state} ${this.view!.links.pdf ?? ''}`;
  }

  /** The body for the article as it is: its figures fetched again only when the revision or the upload changed. */
  private async loadDetail(): Promise<void> {
    if (this.loading) return;
    const revision = this.revisionOnShow();
    if (this.detailFor !== revision) {
      this.detailFor = revision;
      if (!this.detail) replace(this.body, el('p', { class: 'hint' }, 'Loading the figures…'));
      this.loading = this.api.detail(this.key).then(
        (detail) => { this.detail = detail; },
        (error: unknown) => { replace(this.body, el('p', { class: 'reason' }, `The figures could not be loaded: ${(error as Error).message}`)); },
      ).finally(() => { this.loading = null; });
      await this.loading;
      // The article moved on while its figures were on their way: look again.
      if (this.revisionOnShow() !== revision) return this.loadDetail();
    }
    // Nothing else moved on: keep the body as it is (a person may be halfway through an edit).
    if (this.detail && this.bodyFor !== this.bodyOnShow()) {
      this.bodyFor = this.bodyOnShow();
      this.renderBody();
    }
  }

  private renderBody(): void {
    const detail = this.detail!;
    const view = this.view!;
    const { article } = detail.extraction;
    const ready = view.state === 'ready';
    const links = el('p', { class: 'links' },
      ready && view.links.pdf ? el('a', { href: view.links.pdf, target: '_blank', rel: 'noopener', class: 'button primary' }, 'Open the PDF') : null,
      view.links.json ? el('a', { href: view.links.json, target: '_blank', rel: 'noopener', class: 'button' }, 'Extraction JSON') : null,
      view.links.original ? el('a', { href: view.links.original, target: '_blank', rel: 'noopener', class: 'button quiet' }, 'Original extraction') : null);
    const preview = ready && view.links.pdf
      // The preview fits the page to its width; the viewer keeps its own controls (download, print).
      ? el('iframe', { class: 'pdf', src: `${view.links.pdf}#view=FitH`, title: `Briefing PDF of ${this.key}`, loading: 'lazy' })
      : el('div', { class: 'pdf pending', role: 'status' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), `Making the PDF of revision ${view.revision}…`);
    const editor = new FigureEditor(this.key, detail.extraction, {
      announce: (text) => this.hooks.announce(text),
      save: async (edits, revision) => {
        const saved = await this.api.save(this.key, revision, edits);
        this.hooks.announce(`Saved revision ${saved.revision} of ${this.key}; making the new PDF`);
        this.update(saved);
      },
    });
    editor.element.id = uid('editor');
    editor.element.hidden = !this.editing;
    const disclosure = el('button', {
      type: 'button', class: 'button disclosure', 'aria-expanded': String(this.editing), 'aria-controls': editor.element.id,
      onclick: () => {
        this.editing = !this.editing;
        editor.element.hidden = !this.editing;
        disclosure.setAttribute('aria-expanded', String(this.editing));
        if (this.editing) editor.element.querySelector<HTMLElement>('input, select')?.focus();
      },
    }, `Correct the figures (${detail.extraction.figures.length})`);
    if (ready) links.append(disclosure);
    keepingFocus(this.body, this.toggle, () => replace(this.body,
      el('div', { class: 'overview' },
        el('div', { class: 'facts' },
          el('h3', { class: 'title' }, article.title),
          el('p', { class: 'dated' }, detail.dated),
          el('h4', {}, 'Key figures'),
          detail.cards.length > 0 ? el('ul', { class: 'cards' }, ...detail.cards.map(card)) : el('p', { class: 'hint' }, 'No figures were found in this article.'),
          corrections(detail),
          links),
        preview),
      ready ? editor.element : el('p', { class: 'hint' }, 'The figures can be corrected again once this PDF is ready.')));
  }
}

/** The rows, by key; newest upload on top. */
export class ArticleRows {
  private readonly rows = new Map<string, Row>();

  constructor(private readonly list: HTMLOListElement, private readonly api: Api, private readonly hooks: RowHooks & { changed(): void }) {}

  private row(key: string, first: boolean): Row {
    let row = this.rows.get(key);
    if (!row) {
      row = new Row(key, this.api, this.hooks);
      this.rows.set(key, row);
      if (first) this.list.prepend(row.element);
      else this.list.append(row.element);
    } else if (first) {
      this.list.prepend(row.element);
    }
    return row;
  }

  /** The server's word on an article (the list, an event, a poll). */
  apply(view: ArticleView, options: { readonly toTop?: boolean } = {}): void {
    const existing = this.rows.get(view.key);
    const row = this.row(view.key, options.toTop ?? !existing);
    // A row that just became ready opens, unless the person closed it.
    if (view.state === 'ready' && row.view && row.view.state !== 'ready' && !row.settled) row.setOpen(true);
    row.update(view);
    this.hooks.changed();
  }

  /** The whole list, as the server has it now (after a reconnect, or at start). */
  replaceAll(views: readonly ArticleView[]): void {
    for (const view of [...views].reverse()) {
      const known = this.rows.get(view.key);
      if (known) known.update(view);
      else this.row(view.key, true).update(view);
    }
    this.hooks.changed();
  }

  /** Sends a file through the API, the row showing its progress, then what the server says. */
  async upload(file: File): Promise<void> {
    const row = this.row(file.name, true);
    row.sending('start');
    this.hooks.changed();
    try {
      const view = await this.api.upload(file, (fraction) => row.sending({ progress: fraction }));
      row.sending({ answer: view });
      this.list.prepend(row.element);
      row.setOpen(true);
    } catch (error) {
      row.sending({ refused: error instanceof ApiFailure ? error.message : String(error) });
      this.hooks.announce(`${file.name} was not uploaded: ${(error as Error).message}`);
    }
    this.hooks.changed();
  }

  async fetchAddress(address: string): Promise<void> {
    const view = await this.api.fetchAddress(address);
    if (view) {
      this.apply(view, { toTop: true });
      this.rows.get(view.key)?.setOpen(true);
    }
  }

  /** Keys of rows the pipeline has not finished with (what polling asks about). */
  unfinished(): string[] {
    return [...this.rows.values()].filter((row) => !row.settled && !row.local).map((row) => row.key);
  }

  get size(): number {
    return this.rows.size;
  }
}
