import { createInflateRaw, inflateRawSync } from 'node:zlib';

import {
  centralDirectory,
  entryData as guardEntryData,
  XLSX_LIMITS,
  XlsxGuardError,
  type ZipEntry,
} from '../../../common/xlsx-guard';
import { ImportFileError, packageError } from '../import-file-error';

export type { ZipEntry };

/** The guard's zip reading, its problems turned into the import's bilingual file errors. */
function asImportError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof XlsxGuardError) throw packageError(error.problem);
    throw error;
  }
}

/**
 * The central directory of an uploaded .xlsx held in memory (the upload reaches the service as a
 * Buffer), keyed by lower-case name. No zip64 and no encryption: no spreadsheet needs them, and the
 * package guard refuses them too.
 */
export function readCentralDirectory(file: Buffer): Map<string, ZipEntry> {
  const entries = new Map<string, ZipEntry>();
  for (const entry of asImportError(() => centralDirectory(file))) {
    if (entry.flags & 0x1) throw packageError('encrypted_or_unsupported');
    if (entry.method !== 0 && entry.method !== 8)
      throw packageError('encrypted_or_unsupported');
    entries.set(entry.name.replace(/^\//, '').toLowerCase(), entry);
  }
  return entries;
}

/** The entry's compressed bytes (a view of the upload, nothing copied). */
function entryData(file: Buffer, entry: ZipEntry): Buffer {
  return asImportError(() => guardEntryData(file, entry));
}

function checkSize(entry: ZipEntry, limit: number): void {
  if (entry.size > limit) throw packageError('too_large');
  if (
    entry.size > 1024 * 1024 &&
    entry.size > entry.compressedSize * XLSX_LIMITS.maxRatio
  )
    throw packageError('compression_ratio');
}

/** A small part (workbook, relationships, styles) inflated at once, capped at `limit` bytes. */
export function inflateEntry(
  file: Buffer,
  entry: ZipEntry,
  limit: number,
): Buffer {
  checkSize(entry, limit);
  const data = entryData(file, entry);
  if (entry.method === 0) return data;
  let inflated: Buffer;
  try {
    inflated = inflateRawSync(data, {
      maxOutputLength: Math.max(entry.size, 1),
    });
  } catch (error) {
    throw packageError(
      (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
        ? 'too_large'
        : 'not_zip',
    );
  }
  if (inflated.length !== entry.size) throw packageError('not_zip');
  return inflated;
}

/**
 * A large part (a worksheet, the shared strings) inflated as a stream: chunks are pulled as the
 * consumer asks for them (the inflater pauses in between), and inflating past the declared size or
 * `limit` stops with a file error. Stopping early (the consumer returns) destroys the inflater.
 */
export async function* inflateEntryStream(
  file: Buffer,
  entry: ZipEntry,
  limit: number,
): AsyncGenerator<Buffer, void, undefined> {
  checkSize(entry, limit);
  const data = entryData(file, entry);
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += 1 << 20)
      yield data.subarray(at, Math.min(data.length, at + (1 << 20)));
    return;
  }
  const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
  inflater.end(data);
  let size = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > entry.size) throw packageError('too_large');
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw packageError('not_zip');
  } finally {
    inflater.destroy();
  }
  if (size !== entry.size) throw packageError('not_zip');
}
