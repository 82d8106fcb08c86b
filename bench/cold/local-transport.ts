/**
 * `lambdas/aws/http.ts` as the cold handler bundles see it (bundles.ts redirects the handlers'
 * import here): the real module is loaded (and with it Node's http and https, as on Lambda,
 * where the first call opens a TLS connection), and its transport answers from the local disk.
 */
import { nodeHttpTransport as realTransport, type HttpTimeouts, type HttpTransport } from '../../lambdas/aws/http';
import { answerLocally } from './local-aws';

export * from '../../lambdas/aws/http';

export function nodeHttpTransport(timeouts: HttpTimeouts): HttpTransport {
  const real = realTransport(timeouts);
  return {
    send: async (request) => answerLocally(request),
    destroy: () => real.destroy(),
  };
}
