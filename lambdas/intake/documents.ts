/**
 * Documents people reach for instead of an article — a PDF, a Word or OpenDocument file — are
 * turned away by their name (or, for an address, their content type) with what to do instead,
 * in the one line of the refusal, before a byte is read.
 */
import { basename, extname } from 'node:path';
import { IntakeError } from '../core/errors';

interface DocumentKind {
  readonly what: string;
  readonly extensions: readonly string[];
  readonly types: readonly string[];
  /** What to do instead, for the file named `file` (its stem is `stem`). */
  readonly instead: (file: string, stem: string) => string;
}

const DOCUMENTS: readonly DocumentKind[] = [
  {
    what: 'a PDF',
    extensions: ['.pdf'],
    types: ['application/pdf', 'application/x-pdf'],
    instead: (file, stem) => `save its text as a .txt file (for example \`pdftotext "${file}" "${stem}.txt"\`) and give that file instead`,
  },
  {
    what: 'a Word document',
    extensions: ['.docx', '.doc', '.docm', '.dotx'],
    types: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/msword'],
    instead: () => 'in Word choose File › Save As › Plain Text (.txt) or Web Page (.html) and give that file instead',
  },
  {
    what: 'an OpenDocument text',
    extensions: ['.odt', '.fodt'],
    types: ['application/vnd.oasis.opendocument.text'],
    instead: () => 'in LibreOffice choose File › Save As › Text (.txt) or HTML Document (.html) and give that file instead',
  },
];

const refusal = (kind: DocumentKind, shown: string, file: string, download: boolean): IntakeError => {
  const name = basename(file) || 'document';
  const stem = name.slice(0, name.length - extname(name).length) || name;
  const instead = `${download ? 'download it, then ' : ''}${kind.instead(name, stem)}`;
  return new IntakeError('unsupported_document', `${kind.what} (${shown}) is not read here: ${instead}`);
};

/** The refusal of a file named like a PDF, Word or OpenDocument file, or null. */
export function documentRefusalByName(file: string): IntakeError | null {
  const extension = extname(file).toLowerCase();
  const kind = DOCUMENTS.find((k) => k.extensions.includes(extension));
  return kind ? refusal(kind, extension, file, false) : null;
}

/** The refusal of an address serving a PDF, Word or OpenDocument file (`essence` of its content type), or null. */
export function documentRefusalByType(essence: string, path: string): IntakeError | null {
  const kind = DOCUMENTS.find((k) => k.types.includes(essence));
  return kind ? refusal(kind, essence, path, true) : null;
}
