/**
 * The page: reads config.json (written by whoever serves it: the local page server, or the
 * deployed stack), signs in where the stack asks for it, lists the articles and keeps them
 * current — through the local server's Server-Sent Events, or by polling the deployed API for
 * the rows not yet finished — and takes files (input, drag and drop) and web addresses.
 */
import type { PageConfig } from '../../lambdas/web/types';
import { Api, ApiFailure } from './api';
import { Auth } from './auth';
import { byId, el, replace } from './dom';
import { ArticleRows } from './rows';

/** Polling the deployed API: quickly while something is under way, never for settled rows. */
const POLL_MS = 2_000;

const announcer = (): ((text: string) => void) => {
  const region = byId('announcer');
  return (text) => {
    // A new node each time, so the same words said twice are read twice.
    replace(region, el('span', {}, text));
  };
};

function showConnection(text: string, tone: 'live' | 'waiting' | 'lost'): void {
  const node = byId('connection');
  node.textContent = text;
  node.dataset.tone = tone;
}

function listenToEvents(config: PageConfig, rows: ArticleRows, api: Api): void {
  const source = new EventSource(`${config.api}/events`);
  source.addEventListener('open', () => {
    showConnection('Live', 'live');
    // Whatever happened while the stream was down: the list as it is now.
    api.list().then((list) => rows.replaceAll(list.articles), () => {});
  });
  source.addEventListener('article', (event) => {
    rows.apply((JSON.parse((event as MessageEvent<string>).data) as { article: Parameters<ArticleRows['apply']>[0] }).article);
  });
  source.addEventListener('error', () => showConnection('Reconnecting to the local server…', 'lost'));
}

function poll(rows: ArticleRows, api: Api): void {
  showConnection('Updates every 2 s while an article is under way', 'live');
  const tick = async (): Promise<void> => {
    const keys = rows.unfinished();
    if (keys.length > 0) {
      try {
        for (const view of (await api.list(keys)).articles) rows.apply(view);
        showConnection('Updates every 2 s while an article is under way', 'live');
      } catch (error) {
        showConnection(`Updates paused: ${(error as Error).message}`, 'lost');
      }
    }
    setTimeout(() => void tick(), POLL_MS);
  };
  void tick();
}

function takeFiles(rows: ArticleRows): void {
  const input = byId<HTMLInputElement>('files');
  const send = (files: FileList | null): void => {
    for (const file of files ? [...files] : []) void rows.upload(file);
  };
  const take = (): void => {
    send(input.files);
    input.value = '';
  };
  input.addEventListener('change', take);
  // Files chosen while the page was still starting (its settings on their way) are taken now, not lost.
  if (input.files?.length) take();
  const zone = byId('drop');
  // Dropped anywhere on the page, a file is taken, never opened by the browser in place of the page.
  for (const type of ['dragenter', 'dragover'] as const) {
    document.addEventListener(type, (event) => {
      event.preventDefault();
      zone.classList.add('over');
    });
  }
  document.addEventListener('dragleave', (event) => { if (!event.relatedTarget) zone.classList.remove('over'); });
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    send(event.dataTransfer?.files ?? null);
  });
}

function takeAddresses(rows: ArticleRows, announce: (text: string) => void): void {
  const form = byId<HTMLFormElement>('fetch-form');
  const address = byId<HTMLInputElement>('address');
  const status = byId('fetch-status');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = address.value.trim();
    if (!url) return;
    const button = form.querySelector('button')!;
    button.disabled = true;
    status.textContent = `Fetching ${url}…`;
    status.classList.remove('problem');
    rows.fetchAddress(url).then(
      () => {
        status.textContent = '';
        address.value = '';
      },
      (error: unknown) => {
        status.textContent = `Not fetched: ${error instanceof ApiFailure ? error.message : String(error)}`;
        status.classList.add('problem');
        announce(status.textContent);
      },
    ).finally(() => { button.disabled = false; });
  });
}

async function signedIn(config: PageConfig): Promise<Auth | null> {
  if (!config.auth) return null;
  const auth = new Auth(config.auth);
  await auth.completeSignIn();
  const account = byId('account');
  if (!auth.signedIn) {
    const signIn = (): HTMLButtonElement => el('button', { type: 'button', class: 'primary', onclick: () => void auth.signIn() }, 'Sign in');
    replace(account, signIn());
    byId('main').hidden = true;
    // Where the eye lands, not only in the corner.
    const panel = byId('signed-out');
    panel.append(el('p', {}, signIn()));
    panel.hidden = false;
    return null;
  }
  replace(account, el('span', { class: 'user' }, auth.user), el('button', { type: 'button', class: 'on-dark', onclick: () => auth.signOut() }, 'Sign out'));
  return auth;
}

async function start(): Promise<void> {
  const config = (await (await fetch('config.json', { cache: 'no-store' })).json()) as PageConfig;
  byId('where').textContent = config.mode === 'local' ? 'Local pipeline on this computer' : 'Briefing pipeline';
  byId('files-hint').textContent = `Plain text, Markdown, HTML or JSON news articles, up to ${Math.round(config.maxBytes / 1024 / 1024)} MB each. Several at once is fine.`;
  const auth = await signedIn(config);
  if (config.auth && !auth) return;
  const announce = announcer();
  const api = new Api(config, auth?.token);
  const list = byId<HTMLOListElement>('rows');
  const empty = byId('empty');
  const count = byId('count');
  const rows = new ArticleRows(list, api, {
    announce,
    changed: () => {
      empty.hidden = rows.size > 0;
      count.textContent = rows.size > 0 ? String(rows.size) : '';
    },
  });
  takeFiles(rows);
  if (config.fetches) takeAddresses(rows, announce);
  else byId('fetch-form').hidden = true;
  if (config.updates === 'events') listenToEvents(config, rows, api);
  else {
    const first = await api.list();
    rows.replaceAll(first.articles);
    poll(rows, api);
  }
}

start().catch((error: unknown) => {
  showConnection(`The page could not start: ${(error as Error).message}`, 'lost');
});
