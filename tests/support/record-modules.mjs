/**
 * Preloaded into a CLI child (`node --import <this file> dist/briefing.mjs …`): every module
 * the program loads is appended, as a file URL, to the file named by BRIEFING_MODULE_LOG, so a
 * test can tell what a command paid for. Node runs module hooks on their own thread; the list
 * is written from there.
 */
import { register } from 'node:module';

if (process.env.BRIEFING_MODULE_LOG) {
  register('./record-modules-hooks.mjs', import.meta.url, { data: process.env.BRIEFING_MODULE_LOG });
}
