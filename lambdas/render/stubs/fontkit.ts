/**
 * Replaces `fontkit` (pdfkit's font parser; at import it inflates four Unicode tables for text
 * shaping and loads restructure, unicode-properties and brotli). pdfkit calls `create` only for
 * fonts given as paths or bytes; drawPdf registers TrueTypeFont objects (truetype-font.ts).
 */
import { unavailable } from './unavailable';

export function create(): never {
  throw unavailable('fontkit', 'register fonts as TrueTypeFont objects from lambdas/render/fonts.ts');
}
