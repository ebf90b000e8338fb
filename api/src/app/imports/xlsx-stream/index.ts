import { StringDecoder } from 'node:string_decoder';

import { XLSX_LIMITS } from '../../../common/xlsx-guard';
import { ImportFileError } from '../import-file-error';
import { SheetScanner, type ScannedRow } from './sheet-scanner';
import {
  readFormats,
  readSharedStrings,
  readWorkbookParts,
} from './workbook-parts';
import { unreadable } from './xml-text';
import { inflateEntryStream, readCentralDirectory } from './zip';

export type { ScannedRow } from './sheet-scanner';

export interface XlsxSheet {
  /** The sheet's name as the workbook gives it. */
  name: string;
  /**
   * The rows with at least one value, a batch per inflated chunk (256 KiB of XML): the next chunk is
   * inflated only when the consumer asks for the next batch, so memory does not grow with the sheet.
   */
  batches: AsyncGenerator<ScannedRow[], void, undefined>;
}

/**
 * Opens one worksheet of an .xlsx held in memory for streaming: the first sheet (workbook order)
 * whose name `wanted` accepts, else the first sheet. Reads the zip's central directory, the
 * workbook and its relationships, the date formats of styles.xml and the shared strings (streamed,
 * bounded); the sheet itself is inflated and scanned chunk by chunk as `batches` is consumed.
 * Damaged or oversized files fail with an ImportFileError (IMPORT_UNREADABLE,
 * IMPORT_FILE_TOO_LARGE, …); null when the workbook has no worksheet.
 */
export async function openXlsxSheet(
  file: Buffer,
  wanted: (name: string) => boolean,
  options: { maxColumns: number },
): Promise<XlsxSheet | null> {
  try {
    const entries = readCentralDirectory(file);
    const parts = readWorkbookParts(file, entries);
    const sheet = parts.sheets.find((s) => wanted(s.name)) ?? parts.sheets[0];
    if (!sheet) return null;
    const formats = readFormats(file, entries, parts.stylesPath);
    const sharedStrings = await readSharedStrings(
      file,
      entries,
      parts.sharedStringsPath,
    );
    const scanner = new SheetScanner(
      sharedStrings,
      formats,
      parts.date1904,
      options.maxColumns,
    );
    const entry = entries.get(sheet.path)!;
    async function* batches(): AsyncGenerator<ScannedRow[], void, undefined> {
      const decoder = new StringDecoder('utf8');
      try {
        for await (const chunk of inflateEntryStream(
          file,
          entry,
          XLSX_LIMITS.maxSheetBytes,
        )) {
          const rows: ScannedRow[] = [];
          scanner.feed(decoder.write(chunk), rows);
          if (rows.length > 0) yield rows;
        }
        const rows: ScannedRow[] = [];
        scanner.feed(decoder.end(), rows);
        scanner.end(rows);
        if (rows.length > 0) yield rows;
      } catch (error) {
        throw asFileError(error);
      }
    }
    return { name: sheet.name, batches: batches() };
  } catch (error) {
    throw asFileError(error);
  }
}

function asFileError(error: unknown): ImportFileError {
  return error instanceof ImportFileError ? error : unreadable();
}
