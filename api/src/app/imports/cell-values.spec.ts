import {
  parseBoolean,
  parseDate,
  parseEmployment,
  parseGender,
  parseText,
} from './cell-values';

describe('import cell parsing', () => {
  it('reads dates written as text, as Excel dates and as Excel serial numbers', () => {
    expect(parseDate('2025-04-01')).toEqual({ ok: true, value: '2025-04-01' });
    expect(parseDate('2025/4/1')).toEqual({ ok: true, value: '2025-04-01' });
    expect(parseDate('２０２５－０４－０１'.replace(/－/g, '-'))).toEqual({
      ok: true,
      value: '2025-04-01',
    });
    expect(parseDate(new Date(Date.UTC(2025, 3, 1)))).toEqual({
      ok: true,
      value: '2025-04-01',
    });
    // 45748 is 2025-04-01 in Excel's 1900 date system.
    expect(parseDate(45748)).toEqual({ ok: true, value: '2025-04-01' });
  });

  it('refuses impossible dates, other formats and formulas with a reason', () => {
    expect(parseDate('2025-02-29')).toMatchObject({
      ok: false,
      code: 'INVALID_DATE',
    });
    expect(parseDate('令和7年4月1日')).toMatchObject({
      ok: false,
      code: 'INVALID_DATE',
    });
    expect(parseDate('1899-12-31')).toMatchObject({
      ok: false,
      code: 'DATE_OUT_OF_RANGE',
    });
    expect(parseDate({ formula: 'TODAY()' })).toMatchObject({
      ok: false,
      code: 'FORMULA_NOT_ALLOWED',
    });
  });

  it('accepts the gender spellings of the template and nothing else', () => {
    for (const [input, expected] of [
      ['女性', 'female'],
      ['女', 'female'],
      ['F', 'female'],
      ['男性', 'male'],
      ['ｍ', 'male'],
      ['その他', 'unspecified'],
      ['未回答', 'unspecified'],
    ] as const) {
      expect(parseGender(input)).toEqual({ ok: true, value: expected });
    }
    expect(parseGender('X')).toMatchObject({
      ok: false,
      code: 'INVALID_GENDER',
    });
    expect(parseGender(null)).toMatchObject({ ok: false, code: 'REQUIRED' });
  });

  it('maps employment categories written in Japanese, with full-width brackets, or as codes', () => {
    expect(parseEmployment('会計年度任用（パートタイム）')).toEqual({
      ok: true,
      value: 'annual_part',
    });
    expect(parseEmployment('任期の定めのない常勤')).toEqual({
      ok: true,
      value: 'permanent',
    });
    expect(parseEmployment('reappointed')).toEqual({
      ok: true,
      value: 'reappointed',
    });
    expect(parseEmployment('アルバイト')).toMatchObject({
      ok: false,
      code: 'UNKNOWN_EMPLOYMENT',
    });
  });

  it('treats a blank yes/no cell as no and refuses words it cannot read', () => {
    expect(parseBoolean(null)).toEqual({ ok: true, value: false });
    expect(parseBoolean('はい')).toEqual({ ok: true, value: true });
    expect(parseBoolean('○')).toEqual({ ok: true, value: true });
    expect(parseBoolean(true)).toEqual({ ok: true, value: true });
    expect(parseBoolean('たぶん')).toMatchObject({
      ok: false,
      code: 'INVALID_BOOLEAN',
    });
  });

  it('normalizes full-width text and refuses control characters and overlong text', () => {
    expect(parseText('　山田　太郎　', 10)).toEqual({
      ok: true,
      value: '山田 太郎',
    });
    expect(parseText('abc\u0007', 10)).toMatchObject({
      ok: false,
      code: 'CONTROL_CHARACTER',
    });
    expect(parseText('あいうえおか', 5)).toMatchObject({
      ok: false,
      code: 'TOO_LONG',
    });
  });
});
