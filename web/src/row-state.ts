/**
 * What one row of the page knows, and how each answer changes it, apart from the DOM so the
 * order in which answers arrive can be tested. Three sources speak of an article, in any order:
 * the server's word (the list, a live event, a poll), the upload's progress, and the upload's
 * own answer. A quick pipeline can fail or finish an article before the browser has heard the
 * end of its upload: the live event then comes first, and neither a late progress tick nor the
 * answer (which says "uploaded") may take the row back.
 */
import type { ArticleState, ArticleView } from '../../lambdas/web/types';
import { FINAL_STATES } from '../../lambdas/web/types';

/** What the page knows before the server does: bytes on their way, or a refusal before any were sent. */
export type LocalState = { readonly sending: number } | { readonly refused: string };

export interface RowKnowledge {
  /** The server's latest word on the article. */
  readonly view: ArticleView | null;
  /** The page's own upload, while the server has not yet spoken of it. */
  readonly local: LocalState | null;
}

export type RowState = ArticleState | 'sending' | 'refused';

/** How far an article has come: answers may arrive out of order (an upload's own answer after the live event that followed it). */
const PROGRESS: Readonly<Record<ArticleState, number>> = { uploaded: 0, extracting: 1, rendering: 2, ready: 3, failed: 3 };

/** True when `next` is not older than `known`: a later upload, a later revision, or the same one further along. */
export function supersedes(next: ArticleView, known: ArticleView | null): boolean {
  if (!known) return true;
  if (next.uploadedAt !== known.uploadedAt) return next.uploadedAt > known.uploadedAt;
  if (next.revision !== known.revision) return next.revision > known.revision;
  return PROGRESS[next.state] >= PROGRESS[known.state];
}

export const NOTHING_KNOWN: RowKnowledge = { view: null, local: null };

/** An upload begins: the row shows it until the server speaks of the article. */
export const sendingStarted = (known: RowKnowledge): RowKnowledge => ({ view: known.view, local: { sending: 0 } });

/** The server's word: a newer view replaces the page's own state; an older one changes nothing. */
export function withView(known: RowKnowledge, view: ArticleView): RowKnowledge {
  return supersedes(view, known.view) ? { view, local: null } : known;
}

/** A progress tick counts only while the row still shows its upload (the server may have spoken already). */
export function withProgress(known: RowKnowledge, fraction: number): RowKnowledge {
  return known.local && 'sending' in known.local ? { view: known.view, local: { sending: fraction } } : known;
}

/** The upload's answer: the sending is over whatever it says, and its view counts like any other. */
export function withAnswer(known: RowKnowledge, view: ArticleView | null): RowKnowledge {
  const sent: RowKnowledge = { view: known.view, local: null };
  return view ? withView(sent, view) : sent;
}

/** The upload was refused before the server took it. */
export const refused = (known: RowKnowledge, reason: string): RowKnowledge => ({ view: known.view, local: { refused: reason } });

export function stateOf(known: RowKnowledge): RowState {
  if (known.local) return 'sending' in known.local ? 'sending' : 'refused';
  return known.view?.state ?? 'uploaded';
}

/** Nothing more will happen to the row unless someone acts: a final state, or a refusal. */
export function settledOf(known: RowKnowledge): boolean {
  return known.local ? 'refused' in known.local : known.view !== null && FINAL_STATES.has(known.view.state);
}
