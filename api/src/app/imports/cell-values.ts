import {
  LEAVE_TYPE_NAMES,
  LEAVE_TYPES,
  type EmploymentCategory,
  type Gender,
  type LeaveType,
  type LocalizedText,
} from '@ikuboard/shared/contracts';
import { isValidIsoDate, parseFiscalYear } from '@ikuboard/shared/kpi';

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
    const year = cell.getUTCFullYear();
    // Found by fuzzing: a date cell in year 10000 gave "+010000-01"; same range as typed dates.
    if (year < 1900 || year > 2100) return outOfRange();
    return { ok: true, value: cell.toISOString().slice(0, 10) };
  }
  if (typeof cell === 'number') {
    const iso = excelSerialToIso(cell);
    if (iso && (iso < '1900-01-01' || iso > '2100-12-31')) return outOfRange();
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
  if (iso < '1900-01-01' || iso > '2100-12-31') return outOfRange();
  return { ok: true, value: iso };
}

const outOfRange = <T>(): Parsed<T> =>
  fail(
    'DATE_OUT_OF_RANGE',
    '1900年から2100年までの日付を入力してください。',
    'Use a date between 1900 and 2100.',
  );

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

const LEAVE_WORDS = new Map<string, LeaveType>();
for (const type of LEAVE_TYPES) {
  const names = LEAVE_TYPE_NAMES[type];
  LEAVE_WORDS.set(type, type);
  LEAVE_WORDS.set(normalizeText(names.ja), type);
  if (names.alias) {
    LEAVE_WORDS.set(normalizeText(names.alias), type);
    LEAVE_WORDS.set(normalizeText(`${names.ja}(${names.alias})`), type);
  }
}
LEAVE_WORDS.set('年次有給休暇', 'annual');
LEAVE_WORDS.set('年休', 'annual');
LEAVE_WORDS.set('介護休暇', 'caregiving');
LEAVE_WORDS.set('介護休業', 'caregiving');

/** The Japanese name of §2 with or without its parenthesized alias, or the code. */
export function parseLeaveType(cell: RawCell): Parsed<LeaveType> {
  const text = parseText(cell, 60);
  if (!text.ok) return text;
  const type =
    LEAVE_WORDS.get(text.value.replace(/ /g, '')) ??
    LEAVE_WORDS.get(text.value.toLowerCase());
  return type
    ? { ok: true, value: type }
    : fail(
        'UNKNOWN_LEAVE_TYPE',
        `休暇種別「${text.value}」は登録されていません。テンプレートの種別一覧から選んでください。`,
        `Unknown leave type "${text.value}".`,
      );
}

/**
 * Days as a number (halves allowed), or hours written as "4h", "4時間" converted with the
 * organization's hours per day.
 */
export function parseDays(cell: RawCell, hoursPerDay: number): Parsed<number> {
  const formula = refuseFormula<number>(cell);
  if (formula) return formula;
  const text =
    typeof cell === 'number'
      ? String(cell)
      : cellToText(cell).toLowerCase().replace(/\s/g, '');
  const hours = /^(\d+(?:\.\d+)?)(h|時間)$/.exec(text);
  const days = hours
    ? Number(hours[1]) / hoursPerDay
    : /^(\d+(?:\.\d+)?)日?$/.test(text)
      ? Number(text.replace('日', ''))
      : NaN;
  if (!Number.isFinite(days) || days <= 0) {
    return fail(
      'INVALID_DAYS',
      '日数は正の数(0.5日単位)か「4時間」のような時間で入力してください。',
      'Days must be a positive number (halves allowed) or hours such as "4h".',
    );
  }
  if (!hours && Math.round(days * 2) !== days * 2) {
    return fail(
      'INVALID_DAYS',
      '日数は0.5日単位で入力してください(時間で入力する場合は「4時間」)。',
      'Use whole or half days (or hours such as "4h").',
    );
  }
  return { ok: true, value: Math.round(days * 100) / 100 };
}

/** A month as YYYY-MM (an Excel date or a YYYY-MM-DD text counts for its month). */
export function parseMonth(cell: RawCell): Parsed<string> {
  if (cell instanceof Date || typeof cell === 'number') {
    const date = parseDate(cell);
    return date.ok ? { ok: true, value: date.value.slice(0, 7) } : date;
  }
  const formula = refuseFormula<string>(cell);
  if (formula) return formula;
  const text = cellToText(cell)
    .replace(/[/.年]/g, '-')
    .replace(/月$/, '');
  const match = /^(\d{4})-(\d{1,2})(?:-\d{1,2})?$/.exec(text);
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12)
    return fail(
      'INVALID_MONTH',
      '年月は YYYY-MM の形式で入力してください。',
      'Write the month as YYYY-MM.',
    );
  return { ok: true, value: `${match[1]}-${String(month).padStart(2, '0')}` };
}

export function parseNumber(
  cell: RawCell,
  options: {
    min: number;
    max: number;
    decimals: number;
    code: string;
    unitJa: string;
    unitEn: string;
  },
): Parsed<number> {
  const formula = refuseFormula<number>(cell);
  if (formula) return formula;
  if (cell === null || (typeof cell === 'string' && normalizeText(cell) === ''))
    return fail(
      'REQUIRED',
      '必須項目が空欄です。',
      'This required cell is empty.',
    );
  const text =
    typeof cell === 'number'
      ? String(cell)
      : cellToText(cell)
          .replace(/[,円\s]/g, '')
          .replace(/(時間|h)$/i, '');
  const value = Number(text);
  const scale = 10 ** options.decimals;
  if (
    text === '' ||
    !Number.isFinite(value) ||
    Math.round(value * scale) !== value * scale
  ) {
    return fail(
      options.code,
      `数値(小数点以下${options.decimals}桁まで)で入力してください。`,
      `Enter a number with at most ${options.decimals} decimals.`,
    );
  }
  if (value < options.min || value > options.max) {
    return fail(
      options.code,
      `${options.min}〜${options.max}${options.unitJa}の範囲で入力してください。`,
      `Enter between ${options.min} and ${options.max} ${options.unitEn}.`,
    );
  }
  return { ok: true, value };
}

export function parseFiscalYearCell(cell: RawCell): Parsed<number> {
  const formula = refuseFormula<number>(cell);
  if (formula) return formula;
  const fiscalYear = parseFiscalYear(cellToText(cell));
  if (fiscalYear === null || fiscalYear < 1989 || fiscalYear > 2100) {
    return fail(
      'INVALID_FISCAL_YEAR',
      '年度は 2024 または 令和6年度 のように入力してください。',
      'Write the fiscal year as 2024 or 令和6年度.',
    );
  }
  return { ok: true, value: fiscalYear };
}
