import type ExcelJS from 'exceljs';

/**
 * Pictures for exceljs 4.4's streaming writer. Its `WorksheetWriter` has no `addImage` (only a
 * background image: lib/stream/xlsx/worksheet-writer.js has `addBackgroundImage` and writes
 * `<picture>`, never a drawing part), although `WorkbookWriter.addImage` stores the media. This adds
 * the missing part with the writer's own hooks, per sheet, when the sheet is committed:
 *
 * - `xl/drawings/drawingN.xml` (one `oneCellAnchor` per picture, like exceljs' in-memory writer
 *   with `tl` + `ext`) and its `_rels` pointing at `../media/imageK.png`, appended to the archive;
 * - a `drawing` relationship in the sheet's rels and `<drawing r:id>` in the sheet, written just
 *   before `<legacyDrawing>` as the schema orders them (after headerFooter and rowBreaks);
 * - an Override for each drawing in `[Content_Types].xml` (the PNG Default comes from the media).
 *
 * It relies on three internals of exceljs 4.4 (`workbook.zip`, `sheet._sheetRelsWriter`,
 * `sheet._writeLegacyData`); `reports.spec.ts` opens the result with exceljs and finds every
 * picture where it was anchored, and `streaming-drawings.spec.ts` checks the parts.
 */
export interface AnchoredPicture {
  /** From `workbook.addImage`. */
  imageId: number;
  /** Top-left cell, 0-based (as exceljs' `tl`). */
  col: number;
  row: number;
  /** Size in pixels (as exceljs' `ext`). */
  width: number;
  height: number;
}

interface ArchiveLike {
  append(source: unknown, data: { name: string; store?: boolean }): unknown;
}

interface WorkbookInternals {
  zip: ArchiveLike;
  media: { name: string }[];
}

interface SheetInternals {
  _sheetRelsWriter: { addRelationship(rel: Record<string, string>): string };
  _writeLegacyData(): void;
  _write(text: string): void;
}

const EMU_PER_PIXEL = 9525;
const RELS_NS =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DRAWING_REL = `${RELS_NS}/drawing`;
const IMAGE_REL = `${RELS_NS}/image`;

function drawingXml(pictures: readonly AnchoredPicture[]): string {
  const anchors = pictures.map((picture, index) => {
    const cx = Math.round(picture.width * EMU_PER_PIXEL);
    const cy = Math.round(picture.height * EMU_PER_PIXEL);
    return (
      `<xdr:oneCellAnchor editAs="oneCell">` +
      `<xdr:from><xdr:col>${picture.col}</xdr:col><xdr:colOff>0</xdr:colOff>` +
      `<xdr:row>${picture.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:ext cx="${cx}" cy="${cy}"/>` +
      `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${index + 2}" name="Picture ${index + 1}"/>` +
      `<xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
      `<xdr:blipFill><a:blip r:embed="rId${index + 1}" cstate="print"/>` +
      `<a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
      `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm>` +
      `<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>` +
      `<xdr:clientData/></xdr:oneCellAnchor>`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"` +
    ` xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"` +
    ` xmlns:r="${RELS_NS}">${anchors.join('')}</xdr:wsDr>`
  );
}

function drawingRelsXml(mediaNames: readonly string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    mediaNames
      .map(
        (name, index) =>
          `<Relationship Id="rId${index + 1}" Type="${IMAGE_REL}" Target="../media/${name}"/>`,
      )
      .join('') +
    `</Relationships>`
  );
}

export class StreamingDrawings {
  private readonly drawings: string[] = [];

  constructor(private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter) {
    const internals = workbook as unknown as WorkbookInternals;
    const zip = internals.zip;
    const append = zip.append.bind(zip);
    // The content types are appended once, at workbook.commit(): add the drawings' overrides.
    // PNG media are stored, not deflated again: a PNG is already deflated, so a second pass costs
    // time for a few bytes (an OPC package may store any part; Excel reads both).
    zip.append = (source: unknown, data: { name: string; store?: boolean }) =>
      append(
        data.name === '[Content_Types].xml' && typeof source === 'string'
          ? source.replace(
              '</Types>',
              this.drawings
                .map(
                  (name) =>
                    `<Override PartName="/xl/drawings/${name}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
                )
                .join('') + '</Types>',
            )
          : source,
        /^xl\/media\/[^/]+\.png$/.test(data.name)
          ? { ...data, store: true }
          : data,
      );
  }

  /** Anchors pictures on a sheet that is not committed yet; call at most once per sheet. */
  place(sheet: ExcelJS.Worksheet, pictures: readonly AnchoredPicture[]): void {
    if (pictures.length === 0) return;
    const internals = this.workbook as unknown as WorkbookInternals;
    const writer = sheet as unknown as SheetInternals;
    const name = `drawing${this.drawings.length + 1}`;
    this.drawings.push(name);
    const mediaNames = pictures.map((picture) => {
      const medium = internals.media[picture.imageId];
      if (!medium) throw new RangeError(`no image ${picture.imageId}`);
      return medium.name;
    });
    internals.zip.append(drawingXml(pictures), {
      name: `xl/drawings/${name}.xml`,
    });
    internals.zip.append(drawingRelsXml(mediaNames), {
      name: `xl/drawings/_rels/${name}.xml.rels`,
    });
    const writeLegacyData = writer._writeLegacyData.bind(writer);
    writer._writeLegacyData = () => {
      const rId = writer._sheetRelsWriter.addRelationship({
        Target: `../drawings/${name}.xml`,
        Type: DRAWING_REL,
      });
      writer._write(`<drawing r:id="${rId}"/>`);
      writeLegacyData();
    };
  }
}
