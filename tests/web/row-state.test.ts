/**
 * A row of the web page under every order its three sources may speak in: the server's views
 * (list, live event, poll), the upload's progress ticks and the upload's own answer. The page
 * end-to-end test meets these orders only by chance; here each is played on purpose.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleState, ArticleView } from '../../lambdas/web/types';
import {
  NOTHING_KNOWN, refused, type RowKnowledge, sendingStarted, settledOf, stateOf, supersedes, withAnswer, withProgress, withView,
} from '../../web/src/row-state';

const view = (state: ArticleState, extra: Partial<ArticleView> = {}): ArticleView => ({
  key: 'scan.txt', state, uploadedAt: '2026-12-05T01:00:53.000Z', size: 64, reason: state === 'failed' ? 'binary file, not an article' : null, revision: 1, links: {}, ...extra,
});

type Step = (known: RowKnowledge) => RowKnowledge;
const play = (...steps: Step[]): RowKnowledge => steps.reduce((known, step) => step(known), NOTHING_KNOWN);
const event = (state: ArticleState, extra?: Partial<ArticleView>): Step => (known) => withView(known, view(state, extra));
const tick = (fraction: number): Step => (known) => withProgress(known, fraction);
const answer = (state: ArticleState | null): Step => (known) => withAnswer(known, state ? view(state) : null);

describe('a row of the web page', () => {
  it('shows its upload, then what the server says, in the usual order', () => {
    const sending = play(sendingStarted, tick(0.5));
    expect(stateOf(sending)).toBe('sending');
    expect(sending.local).toEqual({ sending: 0.5 });
    const answered = play(sendingStarted, tick(1), answer('uploaded'));
    expect(stateOf(answered)).toBe('uploaded');
    expect(settledOf(answered)).toBe(false);
    expect(stateOf(play(sendingStarted, tick(1), answer('uploaded'), event('extracting'), event('failed')))).toBe('failed');
  });

  it('stays failed when the pipeline fails the file before the upload has answered (a late tick and the answer come after)', () => {
    const known = play(sendingStarted, tick(0.3), event('failed'), tick(1), answer('uploaded'));
    expect(stateOf(known)).toBe('failed');
    expect(known.view?.reason).toBe('binary file, not an article');
    expect(settledOf(known)).toBe(true);
  });

  it('stays ready when the briefing is done before the upload has answered', () => {
    expect(stateOf(play(sendingStarted, event('extracting'), event('ready'), tick(1), answer('uploaded')))).toBe('ready');
  });

  it('ends the sending on an answer that says nothing (S3 answers a PUT with no article)', () => {
    const known = play(sendingStarted, tick(1), answer(null));
    expect(known.local).toBeNull();
    expect(stateOf(known)).toBe('uploaded');
  });

  it('shows a new upload of a name it already shows, and the new upload once the server has it', () => {
    const older = play(event('ready'), sendingStarted);
    expect(stateOf(older)).toBe('sending');
    const newer = play(event('ready'), sendingStarted, tick(1), (known) => withAnswer(known, view('uploaded', { uploadedAt: '2026-12-05T02:00:00.000Z' })));
    expect(stateOf(newer)).toBe('uploaded');
    expect(newer.view?.uploadedAt).toBe('2026-12-05T02:00:00.000Z');
  });

  it('keeps a refusal, settled: a late progress tick does not undo it', () => {
    const known = play(sendingStarted, (k) => refused(k, 'too large'));
    expect(stateOf(known)).toBe('refused');
    expect(settledOf(known)).toBe(true);
    expect(withProgress(known, 0.9)).toBe(known);
  });

  it('ignores a view older than the one it shows: an earlier upload, an earlier revision, an earlier stage', () => {
    const shown = view('rendering', { revision: 2 });
    expect(supersedes(view('ready', { revision: 2 }), shown)).toBe(true);
    expect(supersedes(view('rendering', { revision: 2 }), shown)).toBe(true);
    expect(supersedes(view('extracting', { revision: 2 }), shown)).toBe(false);
    expect(supersedes(view('ready', { revision: 1 }), shown)).toBe(false);
    expect(supersedes(view('ready', { revision: 3, uploadedAt: '2026-12-05T00:00:00.000Z' }), shown)).toBe(false);
    expect(supersedes(view('uploaded', { revision: 1, uploadedAt: '2026-12-05T03:00:00.000Z' }), shown)).toBe(true);
    const known = play(event('ready'));
    expect(withView(known, view('extracting'))).toBe(known);
  });
});
