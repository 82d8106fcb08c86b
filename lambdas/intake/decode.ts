/**
 * Bytes → string. A byte-order mark decides first; then UTF-8 when the bytes are valid UTF-8;
 * then the charset the input declares (an HTTP/S3 content type, an HTML <meta charset>, an XML
 * declaration); else Windows-1252, what "ANSI" editors and older news systems save. So a stray
 * "Ã©" or "â€™" never reaches a briefing.
 */
import { IntakeError } from '../core/errors';

export interface Decoded {
  readonly text: string;
  /** WHATWG encoding name actually used, e.g. "utf-8", "windows-1252", "koi8-r". */
  readonly encoding: string;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

/** The byte-order mark at the start of `bytes`, if any. */
export function bomEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (startsWith(bytes, UTF8_BOM)) return 'utf-8';
  if (startsWith(bytes, UTF16LE_BOM)) return 'utf-16le';
  if (startsWith(bytes, UTF16BE_BOM)) return 'utf-16be';
  return null;
}

/**
 * Windows-1252 bytes 0x80–0x9F. Node's TextDecoder('windows-1252') decodes these as Latin-1
 * C1 controls (nodejs/node#56542), which turns curly quotes and € into invisible characters,
 * so the 32 code points that differ from Latin-1 are mapped here. 0 marks the five bytes
 * Windows-1252 leaves undefined; they decode to U+FFFD.
 */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  // Chunked so a 5 MB file does not build millions of one-character strings.
  for (let start = 0; start < bytes.length; start += 8192) {
    const codes = Array.from(bytes.subarray(start, start + 8192), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] || 0xfffd : byte,
    );
    out += String.fromCharCode(...codes);
  }
  return out;
}

function decodeStrict(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The WHATWG name for a charset label ("latin1" → "windows-1252"), or null if unsupported. */
function encodingName(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

const CHARSET_PARAM = /charset\s*=\s*["']?([\w.:-]+)/i;
const XML_ENCODING = /^<\?xml[^>]*\sencoding\s*=\s*["']([\w.:-]+)/i;

/**
 * The charset an input says it is in: the content type's `charset=`, else a <meta charset>,
 * <meta http-equiv="Content-Type"> or XML declaration in the first 1024 bytes (where HTML
 * requires it to be).
 */
export function declaredCharset(bytes: Uint8Array, contentType?: string): string | null {
  const fromType = contentType ? CHARSET_PARAM.exec(contentType)?.[1] : undefined;
  if (fromType) return fromType;
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  const xml = XML_ENCODING.exec(head.trimStart())?.[1];
  if (xml) return xml;
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const charset = CHARSET_PARAM.exec(meta)?.[1];
    if (charset) return charset;
  }
  return null;
}

export function decodeBytes(bytes: Uint8Array, declared: string | null = null): Decoded {
  const bom = bomEncoding(bytes);
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    const text = decodeStrict(bytes.subarray(2), bom);
    if (text === null) {
      throw new IntakeError(
        'bad_encoding',
        `starts with a ${bom === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} byte-order mark but is not valid UTF-16 (truncated or damaged file)`,
      );
    }
    return { text, encoding: bom };
  }
  const body = bom === 'utf-8' ? bytes.subarray(3) : bytes;
  const utf8 = decodeStrict(body, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  // A declared single- or multi-byte charset; UTF-16 and the Windows-1252 family are handled
  // here already (Node would decode the latter as Latin-1, see CP1252_HIGH).
  const name = declared === null ? null : encodingName(declared);
  if (name !== null && !['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'].includes(name)) {
    const text = decodeStrict(body, name);
    if (text !== null) return { text, encoding: name };
  }
  return { text: decodeWindows1252(body), encoding: 'windows-1252' };
}
