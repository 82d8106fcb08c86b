/**
 * The page's API routes, as data: lambdas/web/api.ts answers exactly these, and the deployed
 * HTTP API (infra/briefing-web.ts) creates exactly these, each behind the JWT authorizer.
 */
export const API_ROUTES = [
  { method: 'GET', path: '/articles' },
  { method: 'GET', path: '/article' },
  { method: 'POST', path: '/uploads' },
  { method: 'POST', path: '/revisions' },
  { method: 'POST', path: '/fetches' },
] as const;

type Route = (typeof API_ROUTES)[number];
export type ApiRoute = Route extends infer R ? (R extends Route ? `${R['method']} ${R['path']}` : never) : never;
