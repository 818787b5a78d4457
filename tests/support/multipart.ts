// multipart/form-data bodies built byte by byte, for the generated bad
// uploads (tests/integration/api-bad-writes.test.ts, form-bad-posts.test.ts):
// a browser's FormData cannot send a name or a text that is not UTF-8, nor a
// body whose parts are broken.
import { generator } from './generated.ts';

/** One part: a text, or a file when it has a filename (bytes as given, so that they may be no UTF-8). */
export interface Part {
  name: string;
  data: string | Uint8Array;
  filename?: string | Uint8Array;
  type?: string;
}

const BOUNDARY = '----ortsband-generated-7c1f';
const bytesOf = (value: string | Uint8Array) => (typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value));

/** The body and its Content-Type. */
export function multipart(parts: Part[], boundary = BOUNDARY): { type: string; body: Uint8Array<ArrayBuffer> } {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const filename = part.filename === undefined ? [] : [Buffer.from('; filename="'), bytesOf(part.filename), Buffer.from('"')];
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`), ...filename, Buffer.from('\r\n'));
    if (part.type !== undefined) chunks.push(Buffer.from(`Content-Type: ${part.type}\r\n`));
    chunks.push(Buffer.from('\r\n'), bytesOf(part.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { type: `multipart/form-data; boundary=${boundary}`, body: new Uint8Array(Buffer.concat(chunks)) };
}

export const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
/** A file the document verbs take: a small PDF. */
export const goodFile = (filename = 'protokoll.pdf'): Part => ({ name: 'file', filename, type: 'application/pdf', data: PDF });

/** Files the document verbs refuse, each named on `file`: none, empty, of no kept type, named or declared against their content, badly named. */
export const BAD_FILES: Array<{ what: string; part: Part | null }> = [
  { what: 'no file part', part: null },
  { what: 'no file chosen', part: { name: 'file', filename: '', type: 'application/octet-stream', data: '' } },
  { what: 'an empty file', part: { name: 'file', filename: 'tom.pdf', type: 'application/pdf', data: '' } },
  { what: 'the file as a text', part: { name: 'file', data: PDF } },
  { what: 'HTML named .pdf', part: { name: 'file', filename: 'protokoll.pdf', type: 'application/pdf', data: '<html><script>alert(1)</script></html>' } },
  { what: 'a script', part: { name: 'file', filename: 'skript.js', type: 'text/javascript', data: 'alert(1)' } },
  { what: 'plain text', part: { name: 'file', filename: 'protokoll.txt', type: 'text/plain', data: 'Protokoll' } },
  { what: 'a ZIP named .pdf', part: { name: 'file', filename: 'arkiv.pdf', type: 'application/pdf', data: Buffer.from('PK\u0003\u0004rest') } },
  { what: 'a GIF', part: { name: 'file', filename: 'bild.gif', type: 'image/gif', data: 'GIF89a....' } },
  { what: 'a PDF named .png', part: { name: 'file', filename: 'protokoll.png', type: 'image/png', data: PDF } },
  { what: 'a PNG named .pdf', part: { name: 'file', filename: 'bild.pdf', type: 'application/pdf', data: PNG } },
  { what: 'a PDF without an ending', part: { name: 'file', filename: 'protokoll', type: 'application/pdf', data: PDF } },
  { what: 'a PDF named .pdf.exe', part: { name: 'file', filename: 'protokoll.pdf.exe', type: 'application/pdf', data: PDF } },
  { what: 'a PDF declared as HTML', part: { name: 'file', filename: 'protokoll.pdf', type: 'text/html', data: PDF } },
  { what: 'a PDF declared as PNG', part: { name: 'file', filename: 'protokoll.pdf', type: 'image/png', data: PDF } },
  { what: 'a name with a slash', part: { name: 'file', filename: 'mapp/protokoll.pdf', type: 'application/pdf', data: PDF } },
  { what: 'a name with a backslash', part: { name: 'file', filename: 'mapp\\protokoll.pdf', type: 'application/pdf', data: PDF } },
  { what: 'a name with a control character', part: { name: 'file', filename: 'proto\u0001koll.pdf', type: 'application/pdf', data: PDF } },
  { what: 'a name of 300 characters', part: { name: 'file', filename: `${'x'.repeat(296)}.pdf`, type: 'application/pdf', data: PDF } },
  { what: 'a name that is not UTF-8', part: { name: 'file', filename: Buffer.concat([Buffer.from('proto'), Buffer.from([0xff, 0xfe]), Buffer.from('koll.pdf')]), type: 'application/pdf', data: PDF } },
  { what: 'a name of spaces', part: { name: 'file', filename: '   ', type: 'application/pdf', data: PDF } },
];

/** Comments for the history (`reason`) the verbs refuse, each named on `reason`. */
export const BAD_REASONS: Array<{ what: string; data: string | Uint8Array; filename?: string }> = [
  { what: 'a reason of 2,001 characters', data: 'x'.repeat(2_001) },
  { what: 'a reason of 100 kB', data: 'ö'.repeat(50_000) },
  { what: 'a reason with a NUL', data: 'a\u0000b' },
  { what: 'a reason with a control character', data: 'a\u0001b' },
  { what: 'a reason with DEL', data: 'a\u007fb' },
  { what: 'a reason that is not UTF-8', data: Buffer.concat([Buffer.from('a'), Buffer.from([0xc3, 0x28]), Buffer.from('b')]) },
  { what: 'a reason of broken bytes', data: Buffer.from([0xed, 0xa0, 0x80]) },
  { what: 'a reason as a file', data: 'Justerat', filename: 'reason.txt' },
];

/**
 * Seeded bad uploads, the same every run: a bad file (or a good one), a bad
 * comment (always when the file is good), now and then a field the upload
 * does not take (`extras`), in either order; with the fields the answer
 * must name.
 */
export function badUploads(seed: number, extras: string[] = []) {
  const { random, pick } = generator(seed);
  const files = BAD_FILES.filter((f) => f.part);
  return (): { parts: Part[]; names: string[] } => {
    const parts: Part[] = [];
    const names: string[] = [];
    if (random() < 0.7) {
      parts.push(pick(files).part!);
      names.push('file');
    } else parts.push(goodFile(pick(['a.pdf', 'Protokoll 2027.PDF', 'möte.pdf'])));
    if (random() < 0.5 || !names.length) {
      const reason = pick(BAD_REASONS);
      parts.push({ name: 'reason', data: reason.data, filename: reason.filename, type: reason.filename ? 'text/plain' : undefined });
      names.push('reason');
    }
    if (extras.length && random() < 0.2) {
      const extra = pick(extras);
      parts.push({ name: extra, data: 'x' });
      names.push(extra);
    }
    if (random() < 0.5) parts.reverse();
    return { parts, names };
  };
}
