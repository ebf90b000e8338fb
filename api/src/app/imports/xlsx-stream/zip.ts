import { createInflateRaw, inflateRawSync } from 'node:zlib';

import { XLSX_LIMITS } from '../../../common/xlsx-guard';
import { ImportFileError, packageError } from '../import-file-error';

/** One entry of the zip's central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** Declared inflated size: inflating past it means the directory lied, and stops. */
  size: number;
  localOffset: number;
}

/**
 * The central directory of an uploaded .xlsx held in memory (the upload reaches the service as a
 * Buffer). No zip64 and no encryption: no spreadsheet needs them, and the package guard refuses
 * them too.
 */
export function readCentralDirectory(file: Buffer): Map<string, ZipEntry> {
  const start = Math.max(0, file.length - 65_557);
  let eocd = -1;
  for (let i = file.length - 22; i >= start; i--) {
    if (file.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw packageError('not_zip');
  const count = file.readUInt16LE(eocd + 10);
  const offset = file.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff)
    throw packageError('encrypted_or_unsupported');
  if (count > XLSX_LIMITS.maxEntries) throw packageError('too_many_entries');
  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== 0x02014b50)
      throw packageError('not_zip');
    const nameLength = file.readUInt16LE(at + 28);
    const extraLength = file.readUInt16LE(at + 30);
    const commentLength = file.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      flags: file.readUInt16LE(at + 8),
      method: file.readUInt16LE(at + 10),
      compressedSize: file.readUInt32LE(at + 20),
      size: file.readUInt32LE(at + 24),
      localOffset: file.readUInt32LE(at + 42),
      name: file.toString('utf8', at + 46, at + 46 + nameLength),
    };
    if (entry.flags & 0x1) throw packageError('encrypted_or_unsupported');
    if (entry.method !== 0 && entry.method !== 8)
      throw packageError('encrypted_or_unsupported');
    entries.set(entry.name.replace(/^\//, '').toLowerCase(), entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's compressed bytes (a view of the upload, nothing copied). */
function entryData(file: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > file.length || file.readUInt32LE(at) !== 0x04034b50)
    throw packageError('not_zip');
  const dataStart =
    at + 30 + file.readUInt16LE(at + 26) + file.readUInt16LE(at + 28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > file.length) throw packageError('not_zip');
  return file.subarray(dataStart, dataEnd);
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
