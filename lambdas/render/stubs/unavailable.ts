/**
 * Stand-ins for modules that pdfkit imports but the render stage never calls. The
 * Lambda bundle aliases the real modules to these files (infra/bundling.ts HANDLER_BUNDLE.alias)
 * because the real ones do heavy work at import time — tables built or decompressed in module
 * scope — which was most of the render handler's cold start. If a code path ever does reach one,
 * it fails at once with the reason instead of producing a wrong PDF.
 */
export function unavailable(what: string, why: string): Error {
  return new Error(`render bundle: ${what} is not bundled (${why}); see lambdas/render/stubs`);
}
