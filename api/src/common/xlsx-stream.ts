import { PassThrough, type Readable } from 'node:stream';

import ExcelJS from 'exceljs';

/**
 * A workbook written with exceljs' streaming writer into a stream the caller can return as a
 * `StreamableFile` or pipe: rows go out as they are committed instead of the whole workbook being
 * held in memory. Load and check everything that can fail with an API error BEFORE calling this:
 * once bytes are sent, a failure can only abort the download (the stream is destroyed).
 */
export function streamWorkbook(
  write: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>,
): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  write(workbook)
    .then(() => workbook.commit())
    .catch((error: unknown) =>
      output.destroy(error instanceof Error ? error : new Error(String(error))),
    );
  return output;
}
