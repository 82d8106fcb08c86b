/**
 * vitest globalSetup: the tests run the command line as users run it, the built dist/briefing.mjs
 * (tests/support/cli.ts), so it is built from the sources under test before any test starts.
 */
import { buildCli } from '../../scripts/build-cli';

export default async function setup(): Promise<void> {
  await buildCli();
}
