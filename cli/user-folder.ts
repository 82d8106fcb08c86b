/**
 * The folder the user stands in. `npm run briefing` starts the program in the package root and
 * names the user's folder in INIT_CWD; under that one script the program moves there, so that
 * `cd examples && npm run -s briefing -- render a.txt -o out/` reads and writes in examples/.
 * Anywhere else (the installed `briefing`, `npx briefing`, another npm script that calls it)
 * the working directory already is the user's.
 */
export function userFolder(env: NodeJS.ProcessEnv): string | null {
  return env.npm_lifecycle_event === 'briefing' && env.INIT_CWD ? env.INIT_CWD : null;
}
