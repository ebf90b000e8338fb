import type {
  EmploymentCategory,
  Gender,
  LocalizedText,
} from '@ikuboard/shared/contracts';
import { isValidIsoDate } from '@ikuboard/shared/kpi';

/** What a cell holds once read: text, a number, a date, a boolean, or a formula we refuse. */
export type RawCell =
  | string
  | number
  | boolean
  | Date
  | { formula: string }
  | null;

export type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; code: string; message: LocalizedText };

const fail = <T>(code: string, ja: string, en: string): Parsed<T> => ({
  ok: false,
  code,
  message: { ja, en },
});

/** NFKC folds full-width digits and letters, which Japanese spreadsheets are full of. */
export function normalizeText(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

export function cellToText(cell: RawCell): string {
  if (cell === null) return '';
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'object') return '=' + cell.formula;
  return normalizeText(String(cell));
}

export function isBlank(cell: RawCell): boolean {
  return (
    cell === null || (typeof cell === 'string' && normalizeText(cell) === '')
  );
}

function refuseFormula<T>(cell: RawCell): Parsed<T> | null {
  if (cell !== null && typeof cell === 'object' && !(cell instanceof Date)) {
    return fail(
      'FORMULA_NOT_ALLOWED',
      '数式は取り込めません。値として貼り付けてください。',
      'Formulas are not imported; paste the values instead.',
    );
  }
  return null;
}

// Matching control characters is the point here: they have no place in a name or a code.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

export function parseText(cell: RawCell, maxLength: number): Parsed<string> {
  const formula = refuseFormula<string>(cell);
  if (formula) return formula;
  const text = cellToText(cell);
  if (text === '')
    return fail(
      'REQUIRED',
      '必須項目が空欄です。',
      'This required cell is empty.',
    );
  if (text.length > maxLength) {
    return fail(
      'TOO_LONG',
      `${maxLength}文字以内で入力してください。`,
      `Use at most ${maxLength} characters.`,
    );
  }
  if (CONTROL_CHARACTERS.test(text))
    return fail(
      'CONTROL_CHARACTER',
      '制御文字が含まれています。',
      'The cell contains control characters.',
    );
  return { ok: true, value: text };
}

export function parseCode(cell: RawCell, maxLength = 20): Parsed<string> {
  const text = parseText(cell, maxLength);
  if (!text.ok) return text;
  if (!/^[0-9A-Za-z_.\-/]+$/.test(text.value)) {
    return fail(
      'INVALID_CODE',
      '半角英数字と _ . - / だけで入力してください。',
      'Use only letters, digits and _ . - /.',
    );
  }
  return text;
}

function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  // Excel's day 0 is 1899-12-30 once its fictitious 1900-02-29 is accounted for.
  const date = new Date(
    Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000,
  );
  return date.toISOString().slice(0, 10);
}

export function parseDate(cell: RawCell): Parsed<string> {
  const formula = refuseFormula<string>(cell);
  if (formula) return formula;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime()))
      return fail(
        'INVALID_DATE',
        '日付として読めません。',
        'Not a valid date.',
      );
    return { ok: true, value: cell.toISOString().slice(0, 10) };
  }
  if (typeof cell === 'number') {
    const iso = excelSerialToIso(cell);
    return iso
      ? { ok: true, value: iso }
      : fail('INVALID_DATE', '日付として読めません。', 'Not a valid date.');
  }
  const text = cellToText(cell).replace(/[/.]/g, '-');
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!match) {
    return fail(
      'INVALID_DATE',
      '日付は YYYY-MM-DD の形式で入力してください。',
      'Write dates as YYYY-MM-DD.',
    );
  }
  const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  if (!isValidIsoDate(iso))
    return fail(
      'INVALID_DATE',
      '存在しない日付です。',
      'This date does not exist.',
    );
  if (iso < '1900-01-01' || iso > '2100-12-31') {
    return fail(
      'DATE_OUT_OF_RANGE',
      '1900年から2100年までの日付を入力してください。',
      'Use a date between 1900 and 2100.',
    );
  }
  return { ok: true, value: iso };
}

const TRUE_WORDS = new Set([
  'はい',
  '○',
  '〇',
  '◯',
  'y',
  'yes',
  'true',
  '1',
  '有',
  'あり',
]);
const FALSE_WORDS = new Set([
  'いいえ',
  '×',
  '✕',
  'n',
  'no',
  'false',
  '0',
  '無',
  'なし',
  '-',
  '',
]);

export function parseBoolean(cell: RawCell): Parsed<boolean> {
  const formula = refuseFormula<boolean>(cell);
  if (formula) return formula;
  if (typeof cell === 'boolean') return { ok: true, value: cell };
  const text = cellToText(cell).toLowerCase();
  if (TRUE_WORDS.has(text)) return { ok: true, value: true };
  if (FALSE_WORDS.has(text)) return { ok: true, value: false };
  return fail(
    'INVALID_BOOLEAN',
    '「はい」か「いいえ」で入力してください。',
    'Use はい (yes) or いいえ (no).',
  );
}

const GENDER_WORDS: Record<string, Gender> = {
  女性: 'female',
  女: 'female',
  f: 'female',
  female: 'female',
  男性: 'male',
  男: 'male',
  m: 'male',
  male: 'male',
  その他: 'unspecified',
  未回答: 'unspecified',
  回答しない: 'unspecified',
  unspecified: 'unspecified',
  other: 'unspecified',
};

export function parseGender(cell: RawCell): Parsed<Gender> {
  const text = parseText(cell, 20);
  if (!text.ok) return text;
  const gender = GENDER_WORDS[text.value.toLowerCase()];
  return gender
    ? { ok: true, value: gender }
    : fail(
        'INVALID_GENDER',
        '性別は 女性・男性・その他・未回答 のいずれかで入力してください。',
        'Gender must be 女性, 男性, その他 or 未回答.',
      );
}

const EMPLOYMENT_WORDS: Record<string, EmploymentCategory> = {
  任期の定めのない常勤: 'permanent',
  任期の定めのない常勤職員: 'permanent',
  常勤: 'permanent',
  正規: 'permanent',
  任期付: 'fixed_term',
  任期付職員: 'fixed_term',
  再任用: 'reappointed',
  再任用職員: 'reappointed',
  '会計年度任用(フルタイム)': 'annual_full',
  会計年度任用フルタイム: 'annual_full',
  '会計年度任用(パートタイム)': 'annual_part',
  会計年度任用パートタイム: 'annual_part',
  臨時: 'temporary',
  臨時職員: 'temporary',
  permanent: 'permanent',
  fixed_term: 'fixed_term',
  reappointed: 'reappointed',
  annual_full: 'annual_full',
  annual_part: 'annual_part',
  temporary: 'temporary',
};

export function parseEmployment(cell: RawCell): Parsed<EmploymentCategory> {
  const text = parseText(cell, 40);
  if (!text.ok) return text;
  const category =
    EMPLOYMENT_WORDS[text.value.replace(/ /g, '').toLowerCase()] ??
    EMPLOYMENT_WORDS[text.value.replace(/ /g, '')];
  return category
    ? { ok: true, value: category }
    : fail(
        'UNKNOWN_EMPLOYMENT',
        '職員区分が不明です。任期の定めのない常勤・任期付・再任用・会計年度任用(フルタイム)・会計年度任用(パートタイム)・臨時 のいずれかを入力してください。',
        'Unknown employment category.',
      );
}
