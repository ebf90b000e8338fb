import { PassThrough } from 'node:stream';

import ExcelJS from 'exceljs';
import JSZip from 'jszip';

import { StreamingDrawings } from './streaming-drawings';

/** Distinct bytes behind a PNG signature (nothing here decodes them), so each picture is known. */
const png = (shade: number): Buffer =>
  Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    Buffer.alloc(64, shade),
  ]);

async function streamed(): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => output.once('end', resolve));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const drawings = new StreamingDrawings(workbook);
  const first = workbook.addImage({
    extension: 'png',
    buffer: png(0x60) as unknown as ExcelJS.Buffer,
  });
  const second = workbook.addImage({
    extension: 'png',
    buffer: png(0x61) as unknown as ExcelJS.Buffer,
  });

  const plain = workbook.addWorksheet('表のみ');
  plain.addRow(['no picture here']);
  plain.commit();

  const charts = workbook.addWorksheet('グラフ', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  charts.addRow(['指標', '値']);
  charts.addRow(['a', 1]).getCell(1).note = '暦年で集計';
  charts.pageSetup.paperSize = 9;
  charts.headerFooter = { oddFooter: '&P / &N' };
  drawings.place(charts, [
    { imageId: first, col: 0, row: 4, width: 720, height: 360 },
    { imageId: second, col: 3, row: 30, width: 200, height: 100 },
  ]);
  charts.commit();

  const more = workbook.addWorksheet('もう一つ');
  more.addRow(['x']);
  drawings.place(more, [
    { imageId: second, col: 1, row: 2, width: 100, height: 50 },
  ]);
  more.commit();
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}

describe('pictures in a workbook written by the streaming writer', () => {
  let file: Buffer;
  beforeAll(async () => {
    file = await streamed();
  });

  it('exceljs reads every picture back on its sheet, at its anchor, with its own image', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const anchors = (name: string) =>
      book
        .getWorksheet(name)!
        .getImages()
        .map((image) => ({
          col: image.range.tl.nativeCol,
          row: image.range.tl.nativeRow,
          width: image.range.ext?.width,
          height: image.range.ext?.height,
          bytes: (book.getImage(Number(image.imageId)).buffer as Buffer).equals(
            png(0x60),
          )
            ? 'first'
            : 'second',
        }));
    expect(anchors('表のみ')).toEqual([]);
    expect(anchors('グラフ')).toEqual([
      { col: 0, row: 4, width: 720, height: 360, bytes: 'first' },
      { col: 3, row: 30, width: 200, height: 100, bytes: 'second' },
    ]);
    expect(anchors('もう一つ')).toEqual([
      { col: 1, row: 2, width: 100, height: 50, bytes: 'second' },
    ]);
    // the rest of the sheet is intact
    expect(book.getWorksheet('グラフ')!.getCell('A2').note).toBe('暦年で集計');
  });

  it('writes the parts Excel needs: drawing after headerFooter and before legacyDrawing, its rels and content type', async () => {
    const zip = await JSZip.loadAsync(file);
    const sheet = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    const drawingAt = sheet.indexOf('<drawing r:id=');
    expect(drawingAt).toBeGreaterThan(sheet.indexOf('<headerFooter'));
    expect(drawingAt).toBeLessThan(sheet.indexOf('<legacyDrawing'));
    expect(
      await zip.file('xl/worksheets/sheet1.xml')!.async('string'),
    ).not.toContain('<drawing');
    const rels = await zip
      .file('xl/worksheets/_rels/sheet2.xml.rels')!
      .async('string');
    expect(rels).toContain('Target="../drawings/drawing1.xml"');
    const drawingRels = await zip
      .file('xl/drawings/_rels/drawing2.xml.rels')!
      .async('string');
    expect(drawingRels).toContain('Target="../media/image1.png"');
    const types = await zip.file('[Content_Types].xml')!.async('string');
    for (const part of ['drawing1', 'drawing2'])
      expect(types).toContain(
        `<Override PartName="/xl/drawings/${part}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
      );
    expect(types).toContain('Extension="png"');
  });
});
