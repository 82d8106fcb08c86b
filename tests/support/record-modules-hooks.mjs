/** The module hooks of record-modules.mjs: each URL loaded, one a line, appended to the log. */
import { appendFileSync } from 'node:fs';

let log = '';

export function initialize(file) {
  log = file;
}

export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(log, `${url}\n`);
  return next(url, context);
}
