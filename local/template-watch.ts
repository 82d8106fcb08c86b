/**
 * `npm start` picks up a template edit without a restart: a change under the templates folder
 * (a template or a partial) makes the store read its files again, so the next upload records
 * the new hash and is rendered with the new template.
 */
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { TemplateStore } from '../lambdas/template/load';

/** Watches `store.dir` and its `partials/`; returns the function that stops watching. */
export function watchTemplates(store: TemplateStore, log: (line: string) => void): () => void {
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  const changed = (file: string): void => {
    // An editor's save is several events (write, rename, chmod): reload once they settle.
    clearTimeout(timer);
    timer = setTimeout(() => {
      store.reload();
      log(`templates: ${file} changed; reloaded (${store.names().join(', ')})`);
    }, 50);
  };
  for (const dir of [store.dir, join(store.dir, 'partials')]) {
    try {
      watchers.push(watch(dir, (_event, file) => {
        if (file && String(file).endsWith('.hbs')) changed(String(file));
      }));
    } catch (error) {
      log(`templates: cannot watch ${dir} (${(error as Error).message}); restart to pick up template changes`);
    }
  }
  return () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
