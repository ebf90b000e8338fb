import type { LocalizedText } from '@ikuboard/shared/contracts';

import type { XlsxProblem } from '../../common/xlsx-guard';

/** A problem with the whole file (not one cell): the import stops and writes nothing. */
export class ImportFileError extends Error {
  constructor(
    readonly code: string,
    readonly text: LocalizedText,
  ) {
    super(text.en);
  }
}

const PACKAGE_PROBLEMS: Record<XlsxProblem, [string, LocalizedText]> = {
  not_zip: [
    'IMPORT_UNREADABLE',
    {
      ja: 'Excel ファイル (.xlsx) として読み込めません。ファイルが壊れていないか確認してください。',
      en: 'The file cannot be read as an Excel workbook (.xlsx); it may be damaged.',
    },
  ],
  not_workbook: [
    'IMPORT_NOT_XLSX',
    {
      ja: 'Excel ブック (.xlsx) ではありません。Excel で「Excel ブック (.xlsx)」として保存し直してください。',
      en: 'This is not an Excel workbook (.xlsx). Save it as an Excel Workbook (.xlsx).',
    },
  ],
  macro: [
    'IMPORT_MACRO',
    {
      ja: 'マクロを含むファイルは取り込めません。マクロなしの「Excel ブック (.xlsx)」として保存し直してください。',
      en: 'Files with macros cannot be imported. Save it as a macro-free Excel Workbook (.xlsx).',
    },
  ],
  too_many_entries: [
    'IMPORT_FILE_TOO_COMPLEX',
    {
      ja: 'ファイルの構造が複雑すぎるため取り込めません。',
      en: 'The file is too complex to import.',
    },
  ],
  too_large: [
    'IMPORT_FILE_TOO_LARGE',
    {
      ja: '展開後のファイルが大きすぎるため取り込めません。ファイルを分けてください。',
      en: 'The workbook is too large once unpacked; split the file.',
    },
  ],
  compression_ratio: [
    'IMPORT_FILE_TOO_LARGE',
    {
      ja: '展開後のファイルが大きすぎるため取り込めません(圧縮率が異常です)。',
      en: 'The workbook is too large once unpacked (abnormal compression ratio).',
    },
  ],
  encrypted_or_unsupported: [
    'IMPORT_UNREADABLE',
    {
      ja: 'パスワード付きまたは対応していない形式のファイルです。パスワードを外して .xlsx で保存し直してください。',
      en: 'The file is encrypted or uses an unsupported format. Remove the password and save it as .xlsx.',
    },
  ],
};

/** The file error for a package problem (the guard's codes and texts). */
export function packageError(problem: XlsxProblem): ImportFileError {
  const [code, text] = PACKAGE_PROBLEMS[problem];
  return new ImportFileError(code, text);
}

export const UNREADABLE_TEXT = {
  ja: 'Excel ファイル (.xlsx) として読み込めません。ファイルが壊れていないか、形式が .xlsx か確認してください。',
  en: 'The file cannot be read as an Excel workbook (.xlsx). Check that it is a valid .xlsx file.',
};
