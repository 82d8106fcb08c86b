/**
 * Page count of a PDF written by pdfkit, read from its page objects. pdfkit writes no object
 * streams, so every `/Type /Page` dictionary is plain text in the file.
 */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}
