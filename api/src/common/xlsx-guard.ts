import { createInflateRaw, inflateRawSync } from 'node:zlib';

/**
 * Limits an uploaded .xlsx (a zip) must respect before any XML parser sees it. A zip bomb lies
 * about nothing it needs to: small on the wire, gigabytes once inflated. The central directory
 * gives the declared sizes; every entry is then inflated with a hard output cap, so a declared
 * size that lies is caught too. Nothing inflated is kept.
 */
export const XLSX_LIMITS = {
  maxEntries: 2_000,
  /** Per entry: a 300,000-row roster sheet is about 120 MB of XML. */
  maxEntryBytes: 256 * 1024 * 1024,
  /**
   * Per worksheet (xl/worksheets/*.xml): a 1,000,000-row leave sheet is about 210 MB of XML (24 MB
   * zipped); 1,500,000 leave rows, the streaming import's row limit, fit.
   */
  maxSheetBytes: 512 * 1024 * 1024,
  maxTotalBytes: 640 * 1024 * 1024,
  /** Spreadsheet XML compresses well, but not a thousand-fold. */
  maxRatio: 1_000,
} as const;

export type XlsxProblem =
  | 'not_zip'
  | 'too_many_entries'
  | 'too_large'
  | 'compression_ratio'
  | 'encrypted_or_unsupported'
  | 'macro'
  | 'not_workbook';

export class XlsxGuardError extends Error {
  constructor(readonly problem: XlsxProblem) {
    super(`Rejected .xlsx: ${problem}`);
  }
}

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** Declared inflated size: inflating past it means the directory lied. */
  size: number;
  localOffset: number;
}

/**
 * The central directory of a zip held in memory (no zip64: no spreadsheet needs it). Also read by
 * the imports' streaming scanner (imports/xlsx-stream/zip.ts).
 */
export function centralDirectory(file: Buffer): ZipEntry[] {
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  const start = Math.max(0, file.length - 65_557);
  let eocd = -1;
  for (let i = file.length - 22; i >= start; i--) {
    if (file.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxGuardError('not_zip');
  const count = file.readUInt16LE(eocd + 10);
  const offset = file.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff)
    throw new XlsxGuardError('encrypted_or_unsupported'); // zip64: no spreadsheet needs it
  if (count > XLSX_LIMITS.maxEntries)
    throw new XlsxGuardError('too_many_entries');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== 0x02014b50)
      throw new XlsxGuardError('not_zip');
    const nameLength = file.readUInt16LE(at + 28);
    const extraLength = file.readUInt16LE(at + 30);
    const commentLength = file.readUInt16LE(at + 32);
    entries.push({
      flags: file.readUInt16LE(at + 8),
      method: file.readUInt16LE(at + 10),
      compressedSize: file.readUInt32LE(at + 20),
      size: file.readUInt32LE(at + 24),
      localOffset: file.readUInt32LE(at + 42),
      name: file.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's compressed bytes (a view of the file, nothing copied). */
export function entryData(file: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > file.length || file.readUInt32LE(at) !== 0x04034b50)
    throw new XlsxGuardError('not_zip');
  const dataStart =
    at + 30 + file.readUInt16LE(at + 26) + file.readUInt16LE(at + 28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > file.length) throw new XlsxGuardError('not_zip');
  return file.subarray(dataStart, dataEnd);
}

/** The checks the central directory allows; returns the entries whose data must be inflated. */
function checkDirectory(file: Buffer): ZipEntry[] {
  const entries = centralDirectory(file);
  const names = new Set(entries.map((entry) => entry.name.toLowerCase()));
  if (
    [...names].some(
      (name) =>
        name.endsWith('vbaproject.bin') ||
        (name.endsWith('.bin') && name.includes('vba')),
    )
  )
    throw new XlsxGuardError('macro');
  if (!names.has('[content_types].xml') || !names.has('xl/workbook.xml'))
    throw new XlsxGuardError('not_workbook');
  let total = 0;
  for (const entry of entries) {
    if (entry.flags & 0x1) throw new XlsxGuardError('encrypted_or_unsupported');
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name);
    if (
      entry.size >
      (isSheet ? XLSX_LIMITS.maxSheetBytes : XLSX_LIMITS.maxEntryBytes)
    )
      throw new XlsxGuardError('too_large');
    total += entry.size;
    if (total > XLSX_LIMITS.maxTotalBytes)
      throw new XlsxGuardError('too_large');
    if (
      entry.size > 1024 * 1024 &&
      entry.size > entry.compressedSize * XLSX_LIMITS.maxRatio
    )
      throw new XlsxGuardError('compression_ratio');
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size)
        throw new XlsxGuardError('not_zip');
      continue;
    }
    if (entry.method !== 8)
      throw new XlsxGuardError('encrypted_or_unsupported');
  }
  return entries.filter((entry) => entry.method === 8);
}

/** Throws XlsxGuardError unless `file` is a plausible, bounded, macro-free .xlsx package. */
export function checkXlsxPackage(file: Buffer): void {
  for (const entry of checkDirectory(file)) {
    let inflated: number;
    try {
      // Cap at the declared size: inflating past it means the directory lied.
      inflated = inflateRawSync(entryData(file, entry), {
        maxOutputLength: Math.max(entry.size, 1),
      }).length;
    } catch (error) {
      if (error instanceof XlsxGuardError) throw error;
      throw new XlsxGuardError(
        (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
          ? 'too_large'
          : 'not_zip',
      );
    }
    if (inflated !== entry.size) throw new XlsxGuardError('not_zip');
  }
}

/** Inflates one entry chunk by chunk, keeping nothing, and stops past its declared size. */
function inflatedSize(data: Buffer, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    let size = 0;
    let settled = false;
    const settle = (error: XlsxGuardError | null) => {
      if (settled) return;
      settled = true;
      if (error) {
        inflater.destroy();
        reject(error);
      } else resolve(size);
    };
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) settle(new XlsxGuardError('too_large'));
    });
    inflater.on('error', () => settle(new XlsxGuardError('not_zip')));
    inflater.on('end', () => settle(null));
    inflater.end(data);
  });
}

/**
 * The same checks as checkXlsxPackage, inflating each entry as a stream: a 200 MB sheet is never
 * held in memory (the large-import path uses it).
 */
export async function checkXlsxPackageStreamed(file: Buffer): Promise<void> {
  for (const entry of checkDirectory(file)) {
    const inflated = await inflatedSize(
      entryData(file, entry),
      Math.max(entry.size, 1),
    );
    if (inflated !== entry.size) throw new XlsxGuardError('not_zip');
  }
}

/** The largest worksheet's declared XML size, in bytes (0 when the file is not a readable zip). */
export function largestSheetBytes(file: Buffer): number {
  try {
    return Math.max(
      0,
      ...centralDirectory(file)
        .filter((entry) => /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name))
        .map((entry) => entry.size),
    );
  } catch {
    return 0;
  }
}
