/**
 * Replaces `linebreak` (pdfkit's text() line wrapping; inflates its Unicode line-break table at
 * import). The layout breaks lines itself and pdf.ts draws text without pdfkit's text().
 */
import { unavailable } from './unavailable';

export default class LineBreaker {
  constructor() {
    throw unavailable('linebreak (pdfkit text wrapping)', 'pdf.ts draws pre-laid-out text only');
  }
}
