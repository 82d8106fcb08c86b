/**
 * vitest globalSetup: the tests run the command line as users run it, the built dist/briefing.mjs
 * (tests/support/cli.ts), and the web page as a browser loads it (dist/web), so both are built
 * from the sources under test before any test starts.
 */
import { buildCli } from '../../scripts/build-cli';
import { buildWeb } from '../../scripts/build-web.mjs';

export default async function setup(): Promise<void> {
  await buildCli();
  await buildWeb();
}
