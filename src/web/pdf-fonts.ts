// What every printed document shares: an A4 page in Noto Sans CJK from
// Debian's fonts-noto-cjk, so that the Chinese names print (上海市);
// headings that never end a page (a section starts on a new page when less
// than a table's first rows would fit); tables; and page numbers on every
// page.
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Lang } from './i18n.ts';

const FONT_FILES = { regular: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', bold: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc' } as const;
// The simplified-Chinese face of each collection: its Latin letters are the same as the others'.
const FONT_FACES = { regular: 'NotoSansCJKsc-Regular', bold: 'NotoSansCJKsc-Bold' } as const;

let fonts: { regular: Buffer; bold: Buffer } | undefined;
/** The two font files, read once (about 20 MB each); a missing one says what to install. */
function fontFiles() {
  if (!fonts) {
    try {
      fonts = { regular: readFileSync(FONT_FILES.regular), bold: readFileSync(FONT_FILES.bold) };
    } catch (error) {
      throw new Error(`the PDF needs Debian's fonts-noto-cjk (${FONT_FILES.regular}): apt-get install fonts-noto-cjk`, { cause: error });
    }
  }
  return fonts;
}

/** An A4 document titled `title`, with the helpers to write it and `finish` to number its pages and get its bytes. */
export function a4Document({ title, subject, lang, none }: { title: string; subject: string; lang: Lang; /** What an empty table says. */ none: string }) {
  const files = fontFiles();
  const doc = new PDFDocument({ size: 'A4', margin: 50, bufferPages: true, info: { Title: title, Author: 'Ortsband', Subject: subject }, lang: lang === 'sv' ? 'sv-SE' : 'en-GB' });
  doc.registerFont('regular', files.regular, FONT_FACES.regular);
  doc.registerFont('bold', files.bold, FONT_FACES.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const heading = (text: string, size = 14) => {
    // A heading and the first rows under it, or a new page.
    if (doc.y + 90 > bottom()) doc.addPage();
    doc.moveDown(0.8).font('bold').fontSize(size).text(text).moveDown(0.3).font('regular').fontSize(9);
  };
  const paragraph = (text: string) => doc.font('regular').fontSize(9).text(text).moveDown(0.3);
  const table = (header: string[], rows: string[][], widths?: Array<number | '*'>) => {
    if (!rows.length) return paragraph(none);
    doc.font('regular').fontSize(8);
    doc.table({
      columnStyles: widths ?? header.map(() => '*'),
      rowStyles: (i) => (i === 0 ? { font: 'bold', backgroundColor: '#eeeeee' } : { font: 'regular' }),
      defaultStyle: { padding: 3, border: 0.5, borderColor: '#999999' },
      data: [header, ...rows],
    });
    doc.moveDown(0.5);
  };
  /** Numbers every page and ends the document. */
  const finish = async (): Promise<Buffer> => {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Below the bottom margin, where pdfkit would otherwise start a new page.
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font('regular').fontSize(8).text(`${title} · ${i + 1} / ${range.count}`, doc.page.margins.left, doc.page.height - 35, { lineBreak: false });
      doc.page.margins.bottom = margin;
    }
    doc.end();
    await done;
    return Buffer.concat(chunks);
  };
  return { doc, heading, paragraph, table, finish };
}
