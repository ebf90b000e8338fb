/**
 * Hostile uploads and exports: malformed and malicious .xlsx files are refused with a bilingual
 * reason, never crash the API, never write a row; every export neutralizes formula injection.
 * The test server runs with MAX_UPLOAD_MB=2 (see global-setup.cjs).
 */
import { crc32, deflateRawSync, createDeflateRaw } from 'node:zlib';
import { randomBytes } from 'node:crypto';

import type { ApiErrorDto, ImportJobDto } from '@ikuboard/shared/contracts';
import ExcelJS from 'exceljs';

import { UNIT_COLUMNS } from '../../api/src/app/imports/import-columns';
import {
  ImportFileError,
  readSheet,
} from '../../api/src/app/imports/xlsx-reader';
import { ApiClient } from '../support/api-client';
import { closeTestDatabase, testDatabase } from '../support/database';
import { createTenant, type Tenant } from '../support/tenant';
import { ROSTER_HEADER, UNIT_HEADER, workbook } from '../support/xlsx';

interface ZipEntry {
  name: string;
  data?: Buffer;
  /** Already deflated bytes with their true size (for bombs built without holding them). */
  deflated?: { bytes: Buffer; size: number; crc: number };
  /** Lie about the uncompressed size in the directory. */
  declaredSize?: number;
}

/** A plain zip writer, so the tests can build packages no spreadsheet program would. */
function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const bytes = entry.deflated?.bytes ?? deflateRawSync(entry.data!);
    const size =
      entry.declaredSize ?? entry.deflated?.size ?? entry.data!.length;
    const crc = entry.deflated?.crc ?? crc32(entry.data!);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(bytes.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, bytes);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(bytes.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + bytes.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="所属" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

const sheetXml = (
  rows: string,
  prolog = '<?xml version="1.0" encoding="UTF-8"?>',
) =>
  `${prolog}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
const inline = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const HEADER_ROW = `<row r="1">${UNIT_HEADER.map((h, i) => inline(`${'ABCD'[i]}1`, h)).join('')}</row>`;

/** A minimal, valid package around the given sheet (and shared strings, and extra entries). */
function xlsx(
  sheet: string | Buffer,
  options: { sharedStrings?: string | Buffer; extra?: ZipEntry[] } = {},
): Buffer {
  const sharedStrings =
    options.sharedStrings ??
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>';
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(ROOT_RELS) },
    { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(WORKBOOK_RELS) },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: Buffer.isBuffer(sheet) ? sheet : Buffer.from(sheet),
    },
    {
      name: 'xl/sharedStrings.xml',
      data: Buffer.isBuffer(sharedStrings)
        ? sharedStrings
        : Buffer.from(sharedStrings),
    },
    ...(options.extra ?? []),
  ]);
}

/** `megabytes` of one repeated byte, deflated in chunks so the test never holds it inflated. */
async function deflatedFiller(
  megabytes: number,
): Promise<{ bytes: Buffer; size: number; crc: number }> {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  for (let i = 0; i < megabytes; i++) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk))
      await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { bytes: Buffer.concat(parts), size: megabytes * 1024 * 1024, crc };
}

function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

interface Outcome {
  httpStatus: number;
  code: string | null;
  jobStatus: string | null;
  errorCodes: string[];
  bilingual: boolean;
  text: string;
}

describe('hostile uploads are refused without harm; exports neutralize formulas', () => {
  let tenant: Tenant;
  let hr: ApiClient;
  let tried = 0;

  beforeAll(async () => {
    tenant = await createTenant('hostile');
    hr = await tenant.login('hr');
  });
  afterAll(async () => {
    console.log(`hostile-files: ${tried} hostile files uploaded`);
    await closeTestDatabase();
  });

  async function upload(
    file: Buffer,
    fileName = 'units.xlsx',
    kind: 'units' | 'roster' = 'units',
  ): Promise<Outcome> {
    tried++;
    const response = await hr.import(kind, file, {
      fileName,
      asOf: '2025-04-01',
    });
    const body = response.body as ImportJobDto & ApiErrorDto;
    const message = body.failure?.message ?? body.message;
    const errorCodes = (body.errors ?? []).map((error) => error.code);
    const bilingual =
      response.status === 202
        ? body.status !== 'failed' ||
          (message !== undefined &&
            /[ぁ-んァ-ン一-龥]/.test(message.ja) &&
            /[A-Za-z]/.test(message.en)) ||
          (body.errors ?? []).every(
            (e) =>
              /[ぁ-んァ-ン一-龥]/.test(e.message.ja) &&
              /[A-Za-z]/.test(e.message.en),
          )
        : message !== undefined &&
          /[ぁ-んァ-ン一-龥]/.test(message.ja) &&
          /[A-Za-z]/.test(message.en);
    return {
      httpStatus: response.status,
      code: body.failure?.code ?? (response.status === 202 ? null : body.code),
      jobStatus: response.status === 202 ? body.status : null,
      errorCodes,
      bilingual,
      text: JSON.stringify(body),
    };
  }

  async function unitCount(): Promise<number> {
    const { rows } = await testDatabase().query(
      `SELECT count(*) AS n FROM org_unit WHERE organization_id = $1`,
      [tenant.organizationId],
    );
    return rows[0].n as number;
  }

  afterEach(async () => {
    // Whatever was thrown at it, the API still answers and nothing was written.
    expect((await new ApiClient().get('/api/v1/health')).status).toBe(200);
    expect(await unitCount()).toBe(0);
  });

  it.each([
    [
      'random bytes named .xlsx',
      () => randomBytes(4096),
      'units.xlsx',
      415,
      'IMPORT_NOT_XLSX',
    ],
    [
      'a legacy .xls renamed .xlsx',
      () =>
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          randomBytes(4096),
        ]),
      'units.xlsx',
      415,
      'IMPORT_LEGACY_XLS',
    ],
    [
      'a legacy .xls under its own name',
      () =>
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          randomBytes(512),
        ]),
      'units.xls',
      415,
      'IMPORT_LEGACY_XLS',
    ],
    [
      'CSV text named .xlsx',
      () => Buffer.from('所属コード,所属名\nA1,本庁\n', 'utf8'),
      'units.xlsx',
      415,
      'IMPORT_NOT_XLSX',
    ],
    [
      'a PDF named .xlsx',
      () => Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'),
      'units.xlsx',
      415,
      'IMPORT_NOT_XLSX',
    ],
    [
      'a real workbook named .csv',
      () => xlsx(sheetXml(HEADER_ROW)),
      'units.csv',
      415,
      'IMPORT_NOT_XLSX',
    ],
    [
      'an empty file',
      () => Buffer.alloc(0),
      'units.xlsx',
      400,
      'IMPORT_EMPTY_FILE',
    ],
    [
      'a file over the upload limit (2 MB here)',
      () => randomBytes(2 * 1024 * 1024 + 10),
      'units.xlsx',
      413,
      'PAYLOAD_TOO_LARGE',
    ],
  ])('%s is refused at upload', async (_name, make, fileName, status, code) => {
    const outcome = await upload(make(), fileName);
    expect([outcome.httpStatus, outcome.code]).toEqual([status, code]);
    expect(outcome.bilingual).toBe(true);
  });

  it.each<[string, () => Promise<Buffer> | Buffer, string]>([
    [
      'a macro-enabled workbook renamed .xlsx',
      () =>
        xlsx(sheetXml(HEADER_ROW), {
          extra: [{ name: 'xl/vbaProject.bin', data: randomBytes(2048) }],
        }),
      'IMPORT_MACRO',
    ],
    [
      'a zip that is not a workbook (a .docx)',
      () =>
        zip([
          { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
          { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
        ]),
      'IMPORT_NOT_XLSX',
    ],
    [
      'a zip bomb declaring 300 MB',
      async () =>
        xlsx(sheetXml(HEADER_ROW), {
          extra: [
            {
              name: 'xl/media/filler.xml',
              deflated: await deflatedFiller(300),
            },
          ],
        }),
      'IMPORT_FILE_TOO_LARGE',
    ],
    [
      'a zip bomb with a 1000:1 ratio (200 MB from 200 kB)',
      async () =>
        xlsx(sheetXml(HEADER_ROW), {
          extra: [
            {
              name: 'xl/media/filler.xml',
              deflated: await deflatedFiller(200),
            },
          ],
        }),
      'IMPORT_FILE_TOO_LARGE',
    ],
    [
      'a zip bomb that lies about its size (says 1 kB, inflates to 64 MB)',
      async () => {
        const filler = await deflatedFiller(64);
        return xlsx(sheetXml(HEADER_ROW), {
          extra: [
            {
              name: 'xl/media/filler.xml',
              deflated: filler,
              declaredSize: 1024,
            },
          ],
        });
      },
      'IMPORT_FILE_TOO_LARGE',
    ],
    [
      'a package with 3,000 entries',
      () =>
        xlsx(sheetXml(HEADER_ROW), {
          extra: Array.from({ length: 3_000 }, (_v, i) => ({
            name: `xl/junk/${i}.xml`,
            data: Buffer.from('<a/>'),
          })),
        }),
      'IMPORT_FILE_TOO_COMPLEX',
    ],
    [
      'a truncated workbook',
      async () =>
        (
          await workbook('所属', UNIT_HEADER, [['A1', '本庁', null, 'はい']])
        ).subarray(0, 1500),
      'IMPORT_UNREADABLE',
    ],
  ])('%s is refused before parsing', async (_name, make, code) => {
    const outcome = await upload(await make());
    expect([outcome.jobStatus, outcome.code]).toEqual(['failed', code]);
    expect(outcome.bilingual).toBe(true);
  });

  it('formulas and wrong types are cell errors, and nothing is written', async () => {
    const file = await workbook('所属', UNIT_HEADER, [
      ['A1', { formula: 'HYPERLINK("http://evil.example","x")' }, null, 'はい'],
      [12345, new Date(Date.UTC(2020, 0, 1)), 'NOPE', 'maybe'],
      ['A3', '本庁', 'A1', 'ja'],
      [{ formula: '1+1' }, '本庁', null, true],
    ]);
    const outcome = await upload(file);
    expect(outcome.jobStatus).toBe('failed');
    expect(outcome.errorCodes).toEqual(
      expect.arrayContaining(['FORMULA_NOT_ALLOWED', 'INVALID_BOOLEAN']),
    );
    expect(outcome.bilingual).toBe(true);
  });

  it('a huge shared-string table (150,000 strings) is read without harm', async () => {
    const strings = Array.from(
      { length: 150_000 },
      (_v, i) => `<si><t>s${i}!</t></si>`,
    ).join('');
    const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="150000" uniqueCount="150000">${strings}</sst>`;
    // The data row refers to strings deep in the table; "s149999!" is not a valid unit code.
    const rows = `${HEADER_ROW}<row r="2"><c r="A2" t="s"><v>149999</v></c><c r="B2" t="s"><v>77777</v></c></row><row r="3"><c r="A3" t="s"><v>999999</v></c></row>`;
    const outcome = await upload(xlsx(sheetXml(rows), { sharedStrings: sst }));
    expect(outcome.jobStatus).toBe('failed');
    expect(outcome.errorCodes).toContain('INVALID_CODE');
    expect(outcome.text).toContain('s149999!');
    expect(outcome.bilingual).toBe(true);
  });

  it("a row with 200,000 columns and a cell beyond Excel's last column is handled", async () => {
    let wide = '';
    for (let i = 1; i <= 200_000; i++)
      wide += `<c r="${columnLetter(i)}2"><v>${i}</v></c>`;
    const rows = `${HEADER_ROW}<row r="2">${wide}</row><row r="3">${inline('ZZZZZ3', 'far')}</row>`;
    const outcome = await upload(xlsx(sheetXml(rows)));
    expect(outcome.jobStatus).toBe('failed');
    expect(outcome.bilingual).toBe(true);
  });

  it('external entities (XXE) and entity expansion are not resolved', async () => {
    const xxe = `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>`;
    const rows = `${HEADER_ROW}<row r="2">${inline('A2', 'X1')}${inline('B2', '&xxe;&e;')}</row>`;
    const outcome = await upload(xlsx(sheetXml(rows, xxe)));
    expect(outcome.text).not.toMatch(/root:/);
    expect(outcome.text).not.toContain('aaaaaaaaaaaaaaaaaaaa');
    expect(outcome.jobStatus).toBe('failed');
    expect(outcome.bilingual).toBe(true);
  });

  it.each([
    [
      'UTF-16 with a byte-order mark',
      () =>
        Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from(
            sheetXml(
              `${HEADER_ROW}<row r="2">${inline('A2', 'X1')}</row>`,
              '<?xml version="1.0" encoding="UTF-16"?>',
            ),
            'utf16le',
          ),
        ]),
    ],
    [
      'declared Shift_JIS, bytes in Shift_JIS',
      () =>
        Buffer.from(
          sheetXml(
            `<row r="1">${inline('A1', '\x8f\x8a\x91\xae')}</row>`,
            '<?xml version="1.0" encoding="Shift_JIS"?>',
          ),
          'latin1',
        ),
    ],
    [
      'invalid UTF-8 bytes',
      () =>
        Buffer.concat([
          Buffer.from(
            sheetXml(`<row r="1">${inline('A1', 'x')}`).replace(
              '</sheetData></worksheet>',
              '',
            ),
          ),
          Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
          Buffer.from('</row></sheetData></worksheet>'),
        ]),
    ],
  ])('a sheet in a wrong encoding (%s) fails cleanly', async (_name, make) => {
    const outcome = await upload(xlsx(make()));
    expect(outcome.jobStatus).toBe('failed');
    expect(outcome.code).toMatch(/^IMPORT_/);
    expect(outcome.bilingual).toBe(true);
  });

  it('the reader stops at the row limit instead of reading on', async () => {
    const rows = Array.from(
      { length: 40 },
      (_v, i) => ['U' + i, '課' + i, null, 'はい'] as (string | null)[],
    );
    const file = await workbook('所属', UNIT_HEADER, rows);
    tried++;
    await expect(
      readSheet(file, ['所属'], UNIT_COLUMNS, { maxRows: 20 }),
    ).rejects.toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS' });
    await expect(
      readSheet(file, ['所属'], UNIT_COLUMNS, { maxRows: 20 }),
    ).rejects.toBeInstanceOf(ImportFileError);
  });
});

describe('every export neutralizes formula injection', () => {
  const HOSTILE_NAMES = [
    '=HYPERLINK("http://evil.example","x")',
    '+cmd|"/C calc"!A0',
    '-2+3',
    '@SUM(A1)',
    '\t=1',
    '\r=1',
  ];
  const DANGEROUS = /^[=+\-@\t\r]/;
  let admin: ApiClient;
  let tenant: Tenant;

  beforeAll(async () => {
    tenant = await createTenant('inject');
    const hr = await tenant.login('hr');
    admin = await tenant.login('admin');
    const units = await hr.import(
      'units',
      await workbook('所属', UNIT_HEADER, [['-U1', '@課', null, 'はい']]),
    );
    expect((units.body as ImportJobDto).status).toBe('succeeded');
    const roster = await hr.import(
      'roster',
      await workbook(
        '職員',
        ROSTER_HEADER,
        HOSTILE_NAMES.filter((name) => !/^[\t\r]/.test(name)).map((name, i) => [
          `-E${i}`,
          name,
          '女性',
          '-U1',
          '一般',
          '任期の定めのない常勤',
          '2010-04-01',
          null,
          null,
          null,
          null,
        ]),
      ),
      { asOf: '2025-04-01' },
    );
    expect((roster.body as ImportJobDto).status).toBe('succeeded');
  });
  afterAll(closeTestDatabase);

  async function cells(file: Buffer): Promise<unknown[]> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const values: unknown[] = [];
    for (const sheet of book.worksheets)
      sheet.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    return values;
  }

  function expectNeutral(values: unknown[]): void {
    for (const value of values) {
      expect(
        typeof value === 'object' && value !== null && 'formula' in value,
      ).toBe(false);
      if (typeof value === 'string')
        expect({ value, dangerous: DANGEROUS.test(value) }).toEqual({
          value,
          dangerous: false,
        });
    }
  }

  it('the roster export', async () => {
    const response = await admin.get<Buffer>(
      '/api/v1/roster/export?asOf=2025-04-01',
    );
    expect(response.status).toBe(200);
    const values = await cells(response.body);
    expect(values).toContain(`'${HOSTILE_NAMES[0]}`);
    expectNeutral(values);
  });

  it('the import templates (pick lists of units)', async () => {
    for (const kind of [
      'units',
      'roster',
      'children',
      'leave',
      'overtime',
      'pay',
    ]) {
      const response = await admin.get<Buffer>(
        `/api/v1/imports/templates/${kind}`,
      );
      expect(response.status).toBe(200);
      expectNeutral(await cells(response.body));
    }
  });

  it('the audit log export, CSV and xlsx (the user agent is attacker-controlled)', async () => {
    for (const agent of HOSTILE_NAMES.filter((name) => !/[\t\r]/.test(name))) {
      const response = await fetch(`${admin.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': agent },
        body: JSON.stringify({
          username: tenant.usernames.staff,
          password: 'wrong',
        }),
      });
      expect(response.status).toBe(401);
      // A logged-in request so the entry belongs to the organization.
      const staff = await tenant.login('staff');
      const write = await fetch(`${admin.baseUrl}/api/v1/targets`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': agent,
          cookie: (staff as unknown as { cookie: string }).cookie,
          'x-csrf-token': staff.csrfToken ?? '',
        },
        body: '{}',
      });
      expect(write.status).toBe(403);
    }
    const xlsxExport = await admin.get<Buffer>(
      '/api/v1/audit/export?format=xlsx',
    );
    expect(xlsxExport.status).toBe(200);
    const values = await cells(xlsxExport.body);
    expect(values).toContain(`'${HOSTILE_NAMES[0]}`);
    expectNeutral(values);

    const csv = await admin.get<Buffer>('/api/v1/audit/export?format=csv');
    expect(csv.status).toBe(200);
    const text = csv.body.toString('utf8');
    expect(text).toContain(`'@SUM(A1)`);
    for (const line of text.split('\r\n'))
      for (const field of line.split(','))
        expect(DANGEROUS.test(field.replace(/^"/, ''))).toBe(false);
  });
});
