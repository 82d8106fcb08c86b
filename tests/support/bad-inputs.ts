/**
 * The bad inputs of issue 3, shared by the CLI test (exit 3, one line, the right reason) and the
 * bench (`npm run bench -- --only refusals`: how long each refusal takes), so both judge the same
 * files. Each case is the `extract` arguments (the file first) and the reason its line must give.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const utf16NoBom = Buffer.from('Headline\n\nA body paragraph long enough to matter.', 'utf16le');

/** File name → content; `writeBadInputs` adds a directory and a file over the default limit. */
export const BAD_FILES: Readonly<Record<string, string | Uint8Array>> = {
  'empty.txt': '',
  'blank.txt': '  \n\t\n\u00a0\u200b\n',
  'nul.txt': 'Headline\n\nBody\u0000 with a NUL byte.',
  'report.txt': '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n',
  'photo.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
  'article.docx': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0]),
  'minutes.odt': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0]),
  'situation report.pdf': '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n',
  'article.txt.gz': new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03]),
  'utf16-no-bom.txt': utf16NoBom,
  'big.txt': `Headline\n\n${'A sentence that repeats. '.repeat(100)}`,
  'broken.json': '{\n  "title": "Floods",\n  "body": "Water rose."\n  "date": "2020-01-01"\n}\n',
  'list.json': JSON.stringify([{ title: 'A', body: 'One.' }, { title: 'B', body: 'Two.' }, { title: 'C', body: 'Three.' }]),
  'no-body.json': JSON.stringify({ title: 'Headline only', url: 'https://example.org/a' }),
  'menu-only.html': '<!doctype html><html><head><title>Home</title><script>document.write("<p>Breaking news</p>")</script></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><footer>© 2024</footer></body></html>',
  'bad-front-matter.md': '---\ntitle: "Unclosed\ndate: 2021-05-01\n---\n\nBody text.\n',
  'caption-only.txt': '(FILES) A man walks past a damaged building in Aleppo. / AFP / STRINGER\n',
};

/** Writes every bad input into `dir` (which must exist); `missing.txt` is left out on purpose. */
export function writeBadInputs(dir: string): void {
  for (const [name, content] of Object.entries(BAD_FILES)) writeFileSync(join(dir, name), content);
  mkdirSync(join(dir, 'a-directory.txt'));
  writeFileSync(join(dir, 'too-big-default.txt'), Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
}

/** `extract` arguments (file first, relative to the dir written) → the reason after `error: <file>: `. */
export const BAD_INPUTS: ReadonlyArray<[args: string[], reason: RegExp]> = [
  [['empty.txt'], /^file is empty \(0 bytes\)$/],
  [['blank.txt'], /^file has no visible text/],
  [['nul.txt'], /^binary file \(NUL byte at offset \d+\), not text$/],
  [['report.txt'], /^binary file \(PDF document; save its text as \.txt\), not an article$/],
  [['photo.txt'], /^binary file \(PNG image signature\), not an article$/],
  // Named as documents people reach for: refused by name, with what to do instead.
  [['article.docx'], /^a Word document \(\.docx\) is not read here: in Word choose File › Save As › Plain Text \(\.txt\) or Web Page \(\.html\)/],
  [['minutes.odt'], /^an OpenDocument text \(\.odt\) is not read here: in LibreOffice choose File › Save As › Text \(\.txt\)/],
  [['situation report.pdf'], /^a PDF \(\.pdf\) is not read here: save its text as a \.txt file \(for example `pdftotext "situation report\.pdf" "situation report\.txt"`\)/],
  [['article.txt.gz'], /^binary file \(GZIP signature; decompress it first\), not an article$/],
  [['utf16-no-bom.txt'], /UTF-16 text without a byte-order mark; save it as UTF-8$/],
  [['big.txt', '--max-bytes', '1000'], /^file is 2.5 KB; the limit for one article is 1000 bytes \(raise it with --max-bytes\)$/],
  [['too-big-default.txt'], /^file is 5242881 bytes; the limit for one article is 5242880 bytes \(raise it with --max-bytes\)$/],
  [['missing.txt'], /^no such file$/],
  [['a-directory.txt'], /^is a directory, not an article file$/],
  [['broken.json'], /^not valid JSON: Expected ',' or '}' after property value \(line 4, column 3\)$/],
  [['list.json'], /^JSON is a list of 3 articles; extract takes one article per file$/],
  [['no-body.json'], /^JSON has no article text/],
  [['menu-only.html'], /^no article text found in the HTML page$/],
  [['bad-front-matter.md'], /^front matter is not valid YAML \(line \d+\)/],
  [['caption-only.txt'], /^no body text left after reading it as text \(only 1 photo caption\)$/],
  [['empty.txt', '--format', 'json'], /^file is empty/],
];
