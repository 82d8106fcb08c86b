/**
 * Replaces `@noble/ciphers/aes` (pdfkit's PDF encryption; builds its AES tables at import).
 * drawPdf never sets userPassword/ownerPassword, so pdfkit never encrypts.
 */
import { unavailable } from './unavailable';

const encryption = (): never => {
  throw unavailable('AES (PDF encryption)', 'briefings are never password-protected');
};

export const cbc = encryption;
export const ecb = encryption;
