// What a document is, read from its first bytes (its signature), not from its
// name or the type a browser declares: a file named protokoll.pdf that is an
// HTML page, or one declared application/pdf that is a script, is refused.
// The few types a body keeps as documents have fixed signatures (the PDF
// header, PNG's eight bytes, JPEG's start of image, TIFF's byte order mark),
// so four comparisons say it without a library that knows hundreds.
import type { DocumentType } from '../../db/schema.ts';

const SIGNATURES: Array<[DocumentType, number[][]]> = [
  ['application/pdf', [[0x25, 0x50, 0x44, 0x46, 0x2d]]], // %PDF-
  ['image/png', [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]]],
  ['image/jpeg', [[0xff, 0xd8, 0xff]]],
  ['image/tiff', [[0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a]]], // II*. and MM.*
];

/** The name endings each type is known by. */
export const EXTENSIONS: Record<DocumentType, string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/tiff': ['tif', 'tiff'],
};

/** Other names browsers and systems give the same types. */
const ALIASES: Record<string, DocumentType> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'application/x-pdf': 'application/pdf' };

/** The type the bytes are, or null when they are none of the kept types. */
export function sniffType(bytes: Uint8Array): DocumentType | null {
  for (const [type, signatures] of SIGNATURES) {
    if (signatures.some((sig) => sig.length <= bytes.length && sig.every((b, i) => bytes[i] === b))) return type;
  }
  return null;
}

/**
 * Why the file may not be kept, or null when its bytes, its name and its
 * declared type agree. A declared type of `application/octet-stream` (or
 * none) says nothing and passes.
 */
export function fileTypeProblem(file: { name: string; declaredType?: string | null; bytes: Uint8Array }): { type: DocumentType } | { problem: string } {
  const type = sniffType(file.bytes);
  if (!type) return { problem: 'must be a PDF, PNG, JPEG or TIFF file (its content is none of them)' };
  const ending = /\.([A-Za-z0-9]{1,8})$/.exec(file.name)?.[1]?.toLowerCase();
  if (!ending || !EXTENSIONS[type].includes(ending)) {
    return { problem: `has a name that does not match its content (the content is ${EXTENSIONS[type][0]!.toUpperCase()}; name it .${EXTENSIONS[type][0]})` };
  }
  const declared = file.declaredType?.split(';')[0]?.trim().toLowerCase();
  if (declared && declared !== 'application/octet-stream' && (ALIASES[declared] ?? declared) !== type) {
    return { problem: `is declared as ${declared} but its content is ${EXTENSIONS[type][0]!.toUpperCase()}` };
  }
  return { type };
}
