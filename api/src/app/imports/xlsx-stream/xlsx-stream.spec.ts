import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';

import type { RawCell } from '../cell-values';
import {
  ImportFileError,
  isEmptyRow,
  MAX_COLUMNS,
  readSheet,
  toRawCell,
} from '../xlsx-reader';
import { openXlsxSheet, type ScannedRow } from './index';
import { FormatKind, SheetScanner } from './sheet-scanner';
import { SHARED_STRING_LIMITS } from './workbook-parts';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface HandMade {
  sheetData: string;
  sharedStrings?: string[];
  /** Inner XML of <numFmts> and <cellXfs>. */
  styles?: { numFmts?: string; cellXfs: string };
  date1904?: boolean;
  /** More sheets (name → sheetData), listed before the main one named "Data". */
  otherSheets?: Record<string, string>;
}

/** A minimal workbook written by hand and zipped with jszip (deflate). */
async function handMade(spec: HandMade): Promise<Buffer> {
  const zip = new JSZip();
  const sheets = [
    ...Object.entries(spec.otherSheets ?? {}),
    ['Data', spec.sheetData],
  ];
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      (spec.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>') +
      `<sheets>${sheets.map(([name], i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 10}"/>`).join('')}</sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheets
        .map(
          (_s, i) =>
            `<Relationship Id="rId${i + 10}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId1" Type="${REL_NS}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  sheets.forEach(([, data], i) =>
    zip.file(
      `xl/worksheets/sheet${i + 1}.xml`,
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}"><dimension ref="A1"/><sheetData>${data}</sheetData></worksheet>`,
    ),
  );
  if (spec.sharedStrings)
    zip.file(
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}">${spec.sharedStrings.join('')}</sst>`,
    );
  if (spec.styles)
    zip.file(
      'xl/styles.xml',
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN_NS}"><numFmts>${spec.styles.numFmts ?? ''}</numFmts><cellXfs>${spec.styles.cellXfs}</cellXfs></styleSheet>`,
    );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function readRows(
  file: Buffer,
  wanted: (name: string) => boolean = () => false,
): Promise<{ name: string; rows: ScannedRow[] }> {
  const sheet = await openXlsxSheet(file, wanted, { maxColumns: MAX_COLUMNS });
  if (!sheet) throw new Error('no sheet');
  const rows: ScannedRow[] = [];
  for await (const batch of sheet.batches) rows.push(...batch);
  return { name: sheet.name, rows };
}

/** Rows as the import sees them: non-empty, each column's value or null, up to the last value. */
function normalized(rows: { rowNumber: number; values: RawCell[] }[]) {
  return rows
    .filter((row) => !isEmptyRow(row.values))
    .map((row) => {
      const values = Array.from(
        { length: row.values.length },
        (_v, i) => row.values[i] ?? null,
      );
      while (values.length > 0 && values[values.length - 1] === null)
        values.pop();
      return { rowNumber: row.rowNumber, values };
    });
}

/**
 * The reference: exceljs' whole-workbook loader. (Its streaming reader, which the imports used
 * before, fails now and then on the same file with "Cannot read properties of undefined (reading
 * 'sheets')", a race inside exceljs 4.4; found by the property below.)
 */
async function exceljsRows(file: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file);
  const rows: { rowNumber: number; values: RawCell[] }[] = [];
  book.worksheets[0]?.eachRow((row, rowNumber) =>
    rows.push({
      rowNumber,
      values: (row.values as ExcelJS.CellValue[])
        .slice(1, MAX_COLUMNS + 1)
        .map(toRawCell)
        // the loader keeps an empty string cell as '', where the streaming readers see no value:
        // both are an empty cell to the validators
        .map((value) => (value === '' ? null : value)),
    }),
  );
  return normalized(rows);
}

async function fileError(promise: Promise<unknown>): Promise<ImportFileError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected an ImportFileError');
}

const utc = (y: number, m: number, d: number) =>
  new Date(Date.UTC(y, m - 1, d));

describe('xlsx-stream: workbooks written by exceljs', () => {
  it('reads what exceljs reads: shared strings, entities, numbers, dates, booleans, formulas, rich text, sparse rows', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('休暇');
    sheet.addRow(['職員番号', '休暇種別', '開始日', '日数']);
    sheet.addRow(['0000001', '年次休暇', utc(2024, 4, 1), 0.5]);
    sheet.addRow(['<a & "b"> \'c\'', '&amp; &lt;', utc(1900, 3, 1), -12.25]);
    sheet.getRow(5).values = [null, null, true, false];
    sheet.getCell('F6').value = {
      formula: 'A1&B1',
      result: 'x',
    } as ExcelJS.CellFormulaValue;
    sheet.getCell('A7').value = {
      richText: [{ text: '太郎', font: { bold: true } }, { text: ' 山田' }],
    };
    sheet.getCell('B8').value = 123456789;
    sheet.getCell('C8').value = utc(2100, 12, 31);
    sheet.getCell('C8').numFmt = 'yyyy/mm/dd';
    sheet.getCell('D8').value = 44000;
    sheet.getCell('D8').numFmt = '0.00';
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const mine = normalized((await readRows(file)).rows);
    expect(mine).toEqual(await exceljsRows(file));
    // Checked by hand, not only against exceljs.
    expect(mine[1]).toEqual({
      rowNumber: 2,
      values: ['0000001', '年次休暇', utc(2024, 4, 1), 0.5],
    });
    expect(mine[2]!.values.slice(0, 2)).toEqual([
      '<a & "b"> \'c\'',
      '&amp; &lt;',
    ]);
    expect(mine.find((r) => r.rowNumber === 5)!.values).toEqual([
      null,
      null,
      true,
      false,
    ]);
    expect(mine.find((r) => r.rowNumber === 6)!.values[5]).toEqual({
      formula: 'A1&B1',
    });
    expect(mine.find((r) => r.rowNumber === 7)!.values).toEqual(['太郎 山田']);
    expect(mine.find((r) => r.rowNumber === 8)!.values).toEqual([
      null,
      123456789,
      utc(2100, 12, 31),
      44000,
    ]);
  });

  it('reads a sheet spread over many inflated chunks the same as exceljs (streaming writer, 40,000 rows)', async () => {
    const chunks: Buffer[] = [];
    const stream = new (await import('node:stream')).PassThrough();
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream,
      useSharedStrings: true,
      useStyles: true,
    });
    const sheet = book.addWorksheet('休暇');
    sheet.addRow(['職員番号', '休暇種別', '開始日', '終了日', '日数']).commit();
    for (let i = 0; i < 40_000; i++) {
      const day = utc(2014 + (i % 12), 1 + (i % 12), 1 + (i % 28));
      const row = sheet.addRow([
        String(i % 997).padStart(7, '0'),
        i % 7 === 0 ? 'その他' : '年次休暇',
        day,
        day,
        i % 3 === 0 ? 0.5 : null,
      ]);
      row.getCell(3).numFmt = 'yyyy-mm-dd';
      row.getCell(4).numFmt = 'yyyy-mm-dd';
      row.commit();
    }
    sheet.commit();
    await book.commit();
    const file = Buffer.concat(chunks);
    const mine = normalized((await readRows(file)).rows);
    expect(mine).toHaveLength(40_001);
    expect(mine).toEqual(await exceljsRows(file));
  }, 120_000);

  it('property: random grids written by exceljs read back as exceljs reads them', async () => {
    const text = fc.string({
      unit: fc.constantFrom(...'ab <>&"\'; 0-9あ漢字ｶﾅ１\t'.split('')),
      maxLength: 12,
    });
    const cell = fc.oneof(
      fc.constant(null),
      text,
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.double({
        noNaN: true,
        noDefaultInfinity: true,
        min: -1e12,
        max: 1e12,
      }),
      fc.boolean(),
      fc
        .integer({ min: 0, max: 70_000 })
        .map((d) => new Date(Date.UTC(1900, 0, 1) + d * 86_400_000)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { maxLength: 9 }), {
          minLength: 1,
          maxLength: 25,
        }),
        fc.boolean(),
        async (grid, date1904) => {
          const book = new ExcelJS.Workbook();
          book.properties.date1904 = date1904;
          const sheet = book.addWorksheet('S');
          grid.forEach((values, r) => {
            values.forEach((value, c) => {
              if (value !== null) sheet.getCell(r + 1, c + 1).value = value;
            });
          });
          const file = Buffer.from(await book.xlsx.writeBuffer());
          const mine = normalized((await readRows(file)).rows);
          expect(mine).toEqual(await exceljsRows(file));
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe('xlsx-stream: hand-made XML (jszip)', () => {
  it('shared strings (rich runs, furigana left out, entities), inline strings, booleans, errors, formulas', async () => {
    const file = await handMade({
      sharedStrings: [
        '<si><t>職員番号</t></si>',
        '<si><r><rPr><b/></rPr><t>年次</t></r><r><t xml:space="preserve">休暇 </t></r></si>',
        '<si><t>山田</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh><phoneticPr fontId="1"/></si>',
        '<si><t>a&amp;b &lt;c&gt; &quot;&apos; &#x41;&#12354;</t></si>',
        '<si><t></t></si>',
      ],
      sheetData:
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
        '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2" t="s"><v>99</v></c></row>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t>x &amp;lt; y</t></is></c>' +
        '<c r="B3" t="inlineStr"><is><r><t>一</t></r><r><t>二</t></r></is></c>' +
        '<c r="C3" t="b"><v>1</v></c><c r="D3" t="b"><v>0</v></c><c r="E3" t="e"><v>#N/A</v></c>' +
        '<c r="F3" t="str"><f>A3&amp;"!"</f><v>x!</v></c><c r="G3"><f t="shared" si="0"/><v>3</v></c>' +
        '<c r="H3" t="str"><v>R&amp;D</v></c></row>',
    });
    const { name, rows } = await readRows(file);
    expect(name).toBe('Data');
    expect(rows).toEqual([
      { rowNumber: 1, values: ['職員番号', '年次休暇 ', '山田'] },
      // An empty shared string and an index out of range read as empty cells.
      { rowNumber: 2, values: ['a&b <c> "\' Aあ'] },
      {
        rowNumber: 3,
        values: [
          'x &lt; y',
          '一二',
          true,
          false,
          '#N/A',
          { formula: 'A3&"!"' },
          { formula: '' },
          'R&D',
        ],
      },
    ]);
  });

  it('dates: built-in and custom date formats, the row style, number formats, the 1904 system', async () => {
    const styles = {
      numFmts:
        '<numFmt numFmtId="164" formatCode="yyyy/mm/dd"/><numFmt numFmtId="165" formatCode="0.00&quot;d&quot;"/><numFmt numFmtId="166" formatCode="[Red]0;&quot;ymd&quot;"/>',
      cellXfs:
        '<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="2"/>',
    };
    // 43831 is 2020-01-01 in the 1900 system (days since 1899-12-30); 1904 counts from 1904-01-01.
    const sheetData =
      '<row r="1"><c r="A1" s="1"><v>43831</v></c><c r="B1" s="2"><v>43831.75</v></c><c r="C1" s="3"><v>43831</v></c>' +
      '<c r="D1" s="4"><v>43831</v></c><c r="E1" s="5"><v>43831</v></c><c r="F1"><v>1</v></c><c r="G1" s="0"><v>2</v></c></row>' +
      '<row r="2" s="2" customFormat="1"><c r="A2"><v>60</v></c><c r="B2" s="5"><v>61</v></c><c r="C2" s="9"><v>61</v></c></row>';
    const rows1900 = (await readRows(await handMade({ sheetData, styles })))
      .rows;
    expect(rows1900).toEqual([
      {
        rowNumber: 1,
        values: [
          utc(2020, 1, 1),
          new Date(Date.UTC(2020, 0, 1, 18)),
          43831,
          43831,
          43831,
          1,
          2,
        ],
      },
      // Serial 60 (Excel's fictitious 1900-02-29) is 1900-02-28 in exceljs' arithmetic (days since
      // 1899-12-30); the row's format applies to a cell without one and to a cell whose style does
      // not exist, not to a cell with its own number format.
      { rowNumber: 2, values: [utc(1900, 2, 28), 61, utc(1900, 3, 1)] },
    ]);
    const rows1904 = (
      await readRows(await handMade({ sheetData, styles, date1904: true }))
    ).rows;
    expect(rows1904[0]!.values[0]).toEqual(utc(2024, 1, 2));
  });

  it('sparse rows, cells and rows without r, empty and self-closing rows, the wanted sheet, columns past the limit', async () => {
    const file = await handMade({
      otherSheets: { Other: '<row r="1"><c r="A1"><v>9</v></c></row>' },
      sheetData:
        '<row r="2" spans="1:3"><c r="C2"><v>1</v></c></row>' +
        '<row r="3"/>' +
        '<row><c><v>2</v></c><c><v>3</v></c><c r="E4"><v>4</v></c><c><v>5</v></c></row>' +
        '<row r="7"><c r="A7" s="0"/><c r="B7"></c></row>' +
        '<row\n r="9"\tht="20"><c\tr="B9"\n t="inlineStr"><is><t>b</t></is></c><c r="BL9"><v>64</v></c><c r="BM9"><v>65</v></c></row>' +
        '<row><c r="A10"><v>10</v></c></row>',
    });
    const { name, rows } = await readRows(file, (sheet) => sheet === 'Data');
    expect(name).toBe('Data');
    const values64 = [null, 'b', ...Array<null>(61).fill(null), 64];
    expect(rows).toEqual([
      { rowNumber: 2, values: [null, null, 1] },
      { rowNumber: 4, values: [2, 3, null, null, 4, 5] },
      { rowNumber: 9, values: values64 },
      { rowNumber: 10, values: [10] },
    ]);
    expect((await readRows(file)).name).toBe('Other');
  });

  it('gives the same rows whatever the chunk boundaries (1-byte chunks, UTF-8 split mid-character)', async () => {
    const xml =
      `<?xml version="1.0"?><worksheet xmlns="${MAIN_NS}"><sheetData>` +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>休暇 &amp; 出張</t></is></c><c r="B1" s="1"><v>45000</v></c></row>' +
      '<row r="2" spans="1:2"><c r="A2" t="s"><v>0</v></c><c r="B2"><f>1+1</f><v>2</v></c></row><row r="3"/>' +
      '<!-- <row r="4"><c><v>1</v></c></row> -->' +
      '<row r="5"><c r="B5" t="b"><v>1</v></c></row></sheetData><rowBreaks/></worksheet>';
    const scan = (pieces: string[]) => {
      const scanner = new SheetScanner(
        ['共有'],
        [FormatKind.None, FormatKind.Date],
        false,
        64,
      );
      const out: ScannedRow[] = [];
      for (const piece of pieces) scanner.feed(piece, out);
      scanner.end(out);
      return out;
    };
    const whole = scan([xml]);
    expect(whole).toEqual([
      {
        rowNumber: 1,
        values: ['休暇 & 出張', new Date(Date.UTC(2023, 2, 15))],
      },
      { rowNumber: 2, values: ['共有', { formula: '1+1' }] },
      { rowNumber: 5, values: [null, true] },
    ]);
    expect(scan(xml.split(''))).toEqual(whole);
    for (let size = 2; size < 40; size += 7) {
      const pieces: string[] = [];
      for (let i = 0; i < xml.length; i += size)
        pieces.push(xml.slice(i, i + size));
      expect(scan(pieces)).toEqual(whole);
    }
    // Bytes: a UTF-8 character split between two inflated chunks.
    const { StringDecoder } = await import('node:string_decoder');
    const decoder = new StringDecoder('utf8');
    const bytes = Buffer.from(xml);
    expect(
      scan([...bytes].map((b) => decoder.write(Buffer.from([b])))),
    ).toEqual(whole);
  });
});

describe('xlsx-stream: damaged and oversized files are refused with the bilingual file errors', () => {
  const good = () =>
    handMade({ sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' });

  it('not a zip, a truncated zip, a corrupt deflate stream', async () => {
    expect(
      (await fileError(readRows(Buffer.from('not a zip at all')))).code,
    ).toBe('IMPORT_UNREADABLE');
    const file = await good();
    const truncated = file.subarray(0, file.length - 30);
    expect((await fileError(readRows(truncated))).code).toBe(
      'IMPORT_UNREADABLE',
    );
    // Overwrite the sheet's compressed data (found by its local header) with garbage.
    const corrupt = Buffer.from(file);
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const at = corrupt.indexOf(name);
    const dataStart = at + name.length;
    corrupt.fill(0xff, dataStart, dataStart + 20);
    const error = await fileError(readRows(corrupt));
    expect(error.code).toBe('IMPORT_UNREADABLE');
    expect(error.text.ja).toMatch(/Excel/);
    expect(error.text.en).toMatch(/Excel/);
  });

  it('an entry that inflates past its declared size, a declared size past the limit', async () => {
    const file = await good();
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const central = file.lastIndexOf(name); // the central directory entry comes last
    const header = central - 46;
    expect(file.readUInt32LE(header)).toBe(0x02014b50);
    const lying = Buffer.from(file);
    lying.writeUInt32LE(40, header + 24); // declared (uncompressed) size: 40 bytes
    expect((await fileError(readRows(lying))).code).toBe(
      'IMPORT_FILE_TOO_LARGE',
    );
    const huge = Buffer.from(file);
    huge.writeUInt32LE(600 * 1024 * 1024, header + 24);
    expect((await fileError(readRows(huge))).code).toBe(
      'IMPORT_FILE_TOO_LARGE',
    );
  });

  it('too many shared strings', async () => {
    const before = { ...SHARED_STRING_LIMITS };
    SHARED_STRING_LIMITS.maxStrings = 100;
    try {
      const file = await handMade({
        sharedStrings: Array.from(
          { length: 101 },
          (_v, i) => `<si><t>${i}</t></si>`,
        ),
        sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
      });
      expect((await fileError(readRows(file))).code).toBe(
        'IMPORT_FILE_TOO_LARGE',
      );
    } finally {
      Object.assign(SHARED_STRING_LIMITS, before);
    }
  });

  it('a DTD entity is not expanded, a sheet cut short is unreadable', async () => {
    const entity = await handMade({
      sheetData:
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>',
    });
    expect((await fileError(readRows(entity))).code).toBe('IMPORT_UNREADABLE');
    const scanner = new SheetScanner([], [], false, 64);
    const out: ScannedRow[] = [];
    scanner.feed(
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c',
      out,
    );
    expect(out).toEqual([{ rowNumber: 1, values: [1] }]);
    expect(() => scanner.end(out)).toThrow(ImportFileError);
  });
});

describe('readSheet (the small-file imports) on the same scanner', () => {
  const columns = [
    {
      key: 'number',
      ja: '職員番号',
      en: 'Employee number',
      required: true,
      description: { ja: '', en: '' },
    },
    {
      key: 'name',
      ja: '氏名',
      en: 'Name',
      required: true,
      description: { ja: '', en: '' },
    },
  ] as const;

  it('keeps the text of names typed with furigana (Japanese Excel writes <rPh> guides), picks the named sheet and maps headers', async () => {
    const file = await handMade({
      sharedStrings: [
        '<si><t>職員番号</t></si>',
        '<si><t>氏名</t><phoneticPr fontId="1"/></si>',
        '<si><t>山田 太郎</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh><rPh sb="3" eb="5"><t>タロウ</t></rPh><phoneticPr fontId="1"/></si>',
      ],
      otherSheets: {
        説明: '<row r="1"><c r="A1" t="inlineStr"><is><t>このシートは読みません</t></is></c></row>',
      },
      sheetData:
        '<row r="2"><c r="B2" t="s"><v>1</v></c><c r="A2" t="s"><v>0</v></c></row>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t>E001</t></is></c><c r="B3" t="s"><v>2</v></c></row>' +
        '<row r="4"></row>',
    });
    const content = await readSheet(file, ['Data'], columns, { maxRows: 10 });
    expect(content.sheet).toBe('Data');
    expect(content.rows).toEqual([
      { rowNumber: 3, cells: { number: 'E001', name: '山田 太郎' } },
    ]);
  });

  it('refuses more rows than allowed and a file that is not a workbook, with the file errors', async () => {
    const rows = Array.from(
      { length: 20 },
      (_, i) =>
        `<row r="${i + 2}"><c t="inlineStr"><is><t>E${i}</t></is></c><c t="inlineStr"><is><t>n</t></is></c></row>`,
    ).join('');
    const file = await handMade({
      sharedStrings: ['<si><t>職員番号</t></si>', '<si><t>氏名</t></si>'],
      sheetData:
        '<row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>' + rows,
    });
    await expect(
      readSheet(file, ['Data'], columns, { maxRows: 20 }),
    ).resolves.toMatchObject({ rows: { length: 20 } });
    // (the reader allows the header-search rows on top; the plan counts data rows exactly)
    await expect(
      readSheet(file, ['Data'], columns, { maxRows: 5 }),
    ).rejects.toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS' });
    await expect(
      readSheet(Buffer.from('not a zip'), ['Data'], columns, { maxRows: 2 }),
    ).rejects.toBeInstanceOf(ImportFileError);
  });
});
