/**
 * Replaces `brotli/decompress.js` (fontkit's WOFF2 decoder; ~0.5 MB with its dictionary, built at
 * import). The renderer embeds TrueType files only (lambdas/render/fonts.ts), never WOFF2.
 */
import { unavailable } from './unavailable';

export default function decompress(): never {
  throw unavailable('brotli (WOFF2 fonts)', 'only the TTF faces in fonts/ are embedded');
}
