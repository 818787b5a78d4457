// exceljs's streaming workbook reader, fed the workbook's parts from the
// zip's central directory (yauzl) instead of its own stream parser.
//
// Why: exceljs 4.4 walks the zip with unzipper's streaming Parse, whose
// 'end' follows the end of its input, not the end of its parsing. When a
// sheet is written to a temporary file (every sheet that comes before the
// shared strings, as exceljs and Excel store them), the parser falls behind
// and the parts after it are lost: of 300 reads of the same nine-sheet
// exchange workbook here, 238 read without xl/workbook.xml and styles (sheets
// named Sheet1…, dates read as numbers), 10 read eight sheets, 6 failed inside
// exceljs (its issue 3064). Reading the directory first finds every part, in
// the order the reader needs them: relationships, workbook, shared strings,
// styles, then each sheet the workbook lists, streamed without temporary files.
//
// The parts are still parsed by exceljs (its `_parse…` methods, private but
// pinned with the package); only the zip walk is ours.
import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import yauzl from 'yauzl';

/**
 * The shared-strings table is held in memory whole (a sheet's cells point
 * into it), so its unpacked size is bounded: 100,000 agreement rows as Excel
 * saves them hold a few MB of strings; a crafted part that unpacks to
 * gigabytes is refused before it is read. yauzl checks that a part unpacks to
 * the size the directory gives.
 */
export const MAX_SHARED_STRINGS_BYTES = 256 * 1024 * 1024;

/** A workbook that cannot be read: the message says what is missing. */
export class UnreadableWorkbook extends Error {}

/** The parts of exceljs's WorkbookReader this module drives. */
interface ReaderParts {
  model?: { sheets?: Array<{ id: number; name: string; rId: string; state?: string }> };
  workbookRels?: Array<{ Id: string; Target: string; Type?: string }>;
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: Readable, sheetNo: string): Generator<{ eventType: string; value: { id: number; name: string; state?: string } }>;
  parse: () => AsyncGenerator<unknown>;
}

export interface OpenedWorkbook {
  /** The worksheets in the workbook's order, each read row by row. */
  reader: ExcelJS.stream.xlsx.WorkbookReader;
  /** Stops any part being read and lets the zip go. */
  close(): void;
}

export async function openWorkbook(Excel: typeof ExcelJS, bytes: Uint8Array, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>): Promise<OpenedWorkbook> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch (error) {
    throw new UnreadableWorkbook(`it is not a zip archive (${(error as Error).message})`);
  }
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      // Part names are case-insensitive in a package (ECMA-376 part 2).
      entries.set(entry.fileName.toLowerCase(), entry);
      zip.readEntry();
    });
    zip.once('end', resolve);
    zip.once('error', (error: Error) => reject(new UnreadableWorkbook(`its zip directory cannot be read (${error.message})`)));
    zip.readEntry();
  });

  const open = new Set<Readable>();
  const part = async (path: string): Promise<Readable | undefined> => {
    const entry = entries.get(path.toLowerCase());
    if (!entry) return undefined;
    const stream = await zip.openReadStreamPromise(entry);
    open.add(stream);
    stream.once('close', () => open.delete(stream));
    return stream;
  };
  const required = async (path: string): Promise<Readable> => {
    const stream = await part(path);
    if (!stream) throw new UnreadableWorkbook(`it has no ${path}`);
    return stream;
  };

  const reader = new Excel.stream.xlsx.WorkbookReader(buffer as unknown as Readable, options);
  const parts = reader as unknown as ReaderParts;
  parts.parse = async function* () {
    await parts._parseRels(await required('xl/_rels/workbook.xml.rels'));
    await parts._parseWorkbook(await required('xl/workbook.xml'));
    const stringsSize = entries.get('xl/sharedstrings.xml')?.uncompressedSize ?? 0;
    if (stringsSize > MAX_SHARED_STRINGS_BYTES) {
      throw new UnreadableWorkbook(`its shared strings unpack to ${stringsSize.toLocaleString('en')} bytes; a workbook may hold at most ${MAX_SHARED_STRINGS_BYTES.toLocaleString('en')} (${MAX_SHARED_STRINGS_BYTES / 2 ** 20} MiB) of them; split it into several files, or save the tables as CSV`);
    }
    const strings = await part('xl/sharedStrings.xml');
    if (strings) yield* parts._parseSharedStrings(strings);
    const styles = await part('xl/styles.xml');
    if (styles) await parts._parseStyles(styles);
    for (const sheet of parts.model?.sheets ?? []) {
      const target = parts.workbookRels?.find((rel) => rel.Id === sheet.rId)?.Target;
      if (!target) throw new UnreadableWorkbook(`its sheet '${sheet.name}' has no relationship to a part`);
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      // A chart sheet (xl/chartsheets/…) holds no table.
      const sheetNo = /^xl\/worksheets\/sheet(\d+)\.xml$/i.exec(path)?.[1];
      if (!sheetNo) continue;
      const stream = await required(path);
      for (const event of parts._parseWorksheet(stream, sheetNo)) {
        // exceljs matches a sheet to its name by a relative target only; the workbook's list is the truth.
        event.value.id = sheet.id;
        event.value.name = sheet.name;
        event.value.state = sheet.state;
        yield event;
      }
    }
  };
  return {
    reader,
    close() {
      for (const stream of open) stream.destroy();
      zip.close();
    },
  };
}
