/**
 * Refusals that need no parsing: too large, empty, blank, or binary. They run on the raw bytes
 * before anything heavy loads, so the command line can turn a bad file away in milliseconds.
 * Every reason says what the file is and, where it helps, what to do instead.
 */
import { IntakeError } from '../core/errors';
import { bomEncoding, declaredCharset, decodeBytes, type Decoded } from './decode';
import { DEFAULT_MAX_BYTES } from './types';

/** "812 bytes", "42.5 KB", "6.2 MB" (binary units, as the 5 MB default is 5 × 1024 × 1024). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${value.toFixed(1).replace(/\.0$/, '')} ${unit}`;
}

export function tooLargeError(size: number, maxBytes: number): IntakeError {
  // "5 MB; the limit is 5 MB" helps nobody: fall back to exact byte counts.
  const [shown, limit] = formatSize(size) === formatSize(maxBytes)
    ? [`${size} bytes`, `${maxBytes} bytes`]
    : [formatSize(size), formatSize(maxBytes)];
  return new IntakeError('too_large', `file is ${shown}; the limit for one article is ${limit}`, {
    context: { size, maxBytes },
  });
}

interface Signature {
  readonly magic: readonly number[];
  readonly offset?: number;
  readonly what: string;
}

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

/** File signatures of the binaries people most often pick up by mistake instead of an article. */
const SIGNATURES: readonly Signature[] = [
  { magic: ascii('%PDF-'), what: 'PDF document; save its text as .txt' },
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'PNG image signature' },
  { magic: [0xff, 0xd8, 0xff], what: 'JPEG image signature' },
  { magic: ascii('GIF87a'), what: 'GIF image signature' },
  { magic: ascii('GIF89a'), what: 'GIF image signature' },
  { magic: ascii('WEBP'), offset: 8, what: 'WebP image signature' },
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'ZIP archive signature; .docx, .xlsx and .epub are ZIP archives too' },
  { magic: [0x50, 0x4b, 0x05, 0x06], what: 'empty ZIP archive signature' },
  { magic: [0x1f, 0x8b], what: 'GZIP signature; decompress it first' },
  { magic: ascii('BZh'), what: 'BZIP2 signature; decompress it first' },
  { magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'XZ signature; decompress it first' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: '7-Zip archive signature' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'legacy Microsoft Office document; save it as .txt or .html' },
  { magic: ascii('{\\rtf'), what: 'RTF document; save it as plain text' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], what: 'ELF executable' },
];

function signatureOf(bytes: Uint8Array): string | null {
  for (const { magic, offset = 0, what } of SIGNATURES) {
    if (bytes.length >= offset + magic.length && magic.every((byte, i) => bytes[offset + i] === byte)) return what;
  }
  return null;
}

/** UTF-16 without a BOM has a NUL in every other byte for Latin text; say so rather than "binary". */
function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) i % 2 === 0 ? evenNul++ : oddNul++;
  }
  const pairs = sample.length / 2;
  return pairs >= 4 && Math.max(evenNul, oddNul) > pairs * 0.6 && Math.min(evenNul, oddNul) < pairs * 0.05;
}

/** C0 control bytes other than tab, newline, form feed and carriage return. */
const isStrayControl = (byte: number): boolean => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d;

/** Refuses bytes that cannot be an article before any decoding or parsing. */
export function screenBytes(bytes: Uint8Array, maxBytes: number = DEFAULT_MAX_BYTES): void {
  if (bytes.length > maxBytes) throw tooLargeError(bytes.length, maxBytes);
  if (bytes.length === 0) throw new IntakeError('empty', 'file is empty (0 bytes)');
  const signature = signatureOf(bytes);
  if (signature) throw new IntakeError('binary', `binary file (${signature}), not an article`);
  const bom = bomEncoding(bytes);
  if (bom === 'utf-16le' || bom === 'utf-16be') return; // NUL bytes are normal in UTF-16
  const firstNul = bytes.indexOf(0);
  if (firstNul >= 0) {
    if (looksLikeBomlessUtf16(bytes)) {
      throw new IntakeError('bad_encoding', 'looks like UTF-16 text without a byte-order mark; save it as UTF-8');
    }
    throw new IntakeError('binary', `binary file (NUL byte at offset ${firstNul}), not text`);
  }
  const sample = bytes.subarray(0, 65536);
  const controls = sample.reduce((count, byte) => count + (isStrayControl(byte) ? 1 : 0), 0);
  // Text files carry a few stray controls at most; a binary format without NULs carries many.
  if (controls > 8 && controls > sample.length * 0.02) {
    throw new IntakeError('binary', `binary file (${controls} control bytes in the first ${formatSize(sample.length)}), not text`);
  }
}

/** Refuses decoded text with nothing visible in it (spaces, NBSPs, zero-width characters only). */
export function screenText(text: string): void {
  if (!/[^\s\u200b-\u200d\u2060\ufeff\u00ad]/u.test(text)) {
    throw new IntakeError('blank', 'file has no visible text (only spaces and line breaks)');
  }
}

/** Every check that needs no parser: the bytes, then the decoded text. Returns the decoding. */
export function screenInput(
  bytes: Uint8Array,
  options: { readonly maxBytes?: number; readonly contentType?: string } = {},
): Decoded {
  screenBytes(bytes, options.maxBytes ?? DEFAULT_MAX_BYTES);
  const decoded = decodeBytes(bytes, declaredCharset(bytes, options.contentType));
  screenText(decoded.text);
  return decoded;
}
