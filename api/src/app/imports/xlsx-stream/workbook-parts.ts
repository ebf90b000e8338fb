import { StringDecoder } from 'node:string_decoder';

import { XLSX_LIMITS } from '../../../common/xlsx-guard';
import { packageError } from '../import-file-error';
import { FormatKind } from './sheet-scanner';
import { attribute, decodeXml, startTags, stringItemText } from './xml-text';
import { inflateEntry, inflateEntryStream, type ZipEntry } from './zip';

/** Workbook, relationships and styles are small; more than this is no workbook of ours. */
const MAX_PART_BYTES = 32 * 1024 * 1024;
/** Shared strings: the count and total length kept in memory. */
export const SHARED_STRING_LIMITS = {
  maxStrings: 4_000_000,
  maxChars: 64 * 1024 * 1024,
};

export interface SheetRef {
  name: string;
  /** The part's path in the zip, lower-cased. */
  path: string;
}

export interface WorkbookParts {
  sheets: SheetRef[];
  date1904: boolean;
  /** The shared-strings and styles parts, lower-cased, when the workbook has them. */
  sharedStringsPath: string | null;
  stylesPath: string | null;
}

function partText(
  file: Buffer,
  entries: Map<string, ZipEntry>,
  path: string,
): string | null {
  const entry = entries.get(path);
  return entry
    ? inflateEntry(file, entry, MAX_PART_BYTES).toString('utf8')
    : null;
}

/** "worksheets/sheet1.xml" relative to xl/, or "/xl/worksheets/sheet1.xml", as a zip path. */
function resolveTarget(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`)
    .split('/')
    .reduce<string[]>((path, part) => {
      if (part === '..') path.pop();
      else if (part !== '.' && part !== '') path.push(part);
      return path;
    }, []);
  return parts.join('/').toLowerCase();
}

/** The sheets in workbook order with their parts, the date system, and where the other parts are. */
export function readWorkbookParts(
  file: Buffer,
  entries: Map<string, ZipEntry>,
): WorkbookParts {
  const workbook = partText(file, entries, 'xl/workbook.xml');
  if (workbook === null) throw packageError('not_workbook');
  const rels = partText(file, entries, 'xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, { type: string; path: string }>();
  for (const tag of startTags(rels, 'Relationship')) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id !== undefined && target !== undefined)
      targets.set(decodeXml(id), {
        type: attribute(tag, 'Type') ?? '',
        path: resolveTarget(decodeXml(target)),
      });
  }
  const sheets: SheetRef[] = [];
  for (const tag of startTags(workbook, 'sheet')) {
    const id = attribute(tag, 'r:id');
    const path =
      id === undefined ? undefined : targets.get(decodeXml(id))?.path;
    if (path !== undefined && entries.has(path))
      sheets.push({ name: decodeXml(attribute(tag, 'name') ?? ''), path });
  }
  const properties = startTags(workbook, 'workbookPr').next().value;
  const date1904 = properties ? attribute(properties, 'date1904') : undefined;
  const byType = (suffix: string, fallback: string) => {
    const found = [...targets.values()].find((t) => t.type.endsWith(suffix));
    const path = found?.path ?? fallback;
    return entries.has(path) ? path : null;
  };
  return {
    sheets,
    date1904: date1904 === '1' || date1904 === 'true',
    sharedStringsPath: byType('/sharedStrings', 'xl/sharedstrings.xml'),
    stylesPath: byType('/styles', 'xl/styles.xml'),
  };
}

/** exceljs' built-in number formats that are dates (ids 14–22, 45–47); the others are numbers. */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47,
]);
/** The built-in formats exceljs knows at all (a cell with another built-in id has no format). */
const BUILT_IN = new Set([
  0,
  1,
  2,
  3,
  4,
  9,
  10,
  11,
  12,
  13,
  37,
  38,
  39,
  40,
  48,
  49,
  ...BUILT_IN_DATES,
]);

/** Date format codes, as exceljs tells them: y, m, d, h, s or b outside quotes and brackets. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(
    code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''),
  );
}

/** Per cell format (cellXfs, in order): whether its number format is a date. */
export function readFormats(
  file: Buffer,
  entries: Map<string, ZipEntry>,
  path: string | null,
): FormatKind[] {
  const styles = path === null ? null : partText(file, entries, path);
  if (styles === null) return [];
  const codes = new Map<number, string>();
  const numFmts = /<numFmts\b[\s\S]*?<\/numFmts>/.exec(styles)?.[0] ?? '';
  for (const tag of startTags(numFmts, 'numFmt')) {
    const id = parseInt(attribute(tag, 'numFmtId') ?? '', 10);
    const code = attribute(tag, 'formatCode');
    if (code !== undefined)
      codes.set(id, decodeXml(code).replace(/[\\](.)/g, '$1'));
  }
  const cellXfs = /<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(styles)?.[0] ?? '';
  const formats: FormatKind[] = [];
  for (const tag of startTags(cellXfs, 'xf')) {
    const id = parseInt(attribute(tag, 'numFmtId') ?? '', 10);
    // As exceljs: format 0 (General) and a missing id are no format at all.
    const code = !id ? undefined : codes.get(id);
    formats.push(
      code !== undefined
        ? isDateFormat(code)
          ? FormatKind.Date
          : FormatKind.Number
        : id && BUILT_IN.has(id)
          ? BUILT_IN_DATES.has(id)
            ? FormatKind.Date
            : FormatKind.Number
          : FormatKind.None,
    );
  }
  return formats;
}

/**
 * The shared strings, inflated and read as a stream, one `<si>` at a time; more than
 * SHARED_STRING_LIMITS strings or characters is refused. An empty string reads as an empty cell,
 * as with exceljs.
 */
export async function readSharedStrings(
  file: Buffer,
  entries: Map<string, ZipEntry>,
  path: string | null,
): Promise<(string | null)[]> {
  const entry = path === null ? undefined : entries.get(path);
  const strings: (string | null)[] = [];
  if (!entry) return strings;
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let chars = 0;
  for await (const chunk of inflateEntryStream(
    file,
    entry,
    XLSX_LIMITS.maxEntryBytes,
  )) {
    const data = carry + decoder.write(chunk);
    let pos = 0;
    for (;;) {
      const at = data.indexOf('<si', pos);
      if (at < 0) {
        pos = Math.max(pos, data.length - 3);
        break;
      }
      if (at + 3 >= data.length) {
        pos = at;
        break;
      }
      const next = data.charCodeAt(at + 3);
      if (next !== 62 && next !== 47 && next !== 32) {
        pos = at + 3;
        continue;
      }
      const gt = data.indexOf('>', at);
      if (gt < 0) {
        pos = at;
        break;
      }
      let text = '';
      if (data.charCodeAt(gt - 1) === 47) pos = gt + 1;
      else {
        const end = data.indexOf('</si>', gt);
        if (end < 0) {
          pos = at;
          break;
        }
        text = stringItemText(data.slice(gt + 1, end));
        pos = end + 5;
      }
      strings.push(text === '' ? null : text);
      chars += text.length;
      if (
        strings.length > SHARED_STRING_LIMITS.maxStrings ||
        chars > SHARED_STRING_LIMITS.maxChars
      )
        throw packageError('too_large');
    }
    carry = data.slice(pos);
    if (carry.length > SHARED_STRING_LIMITS.maxChars)
      throw packageError('too_large');
  }
  return strings;
}
