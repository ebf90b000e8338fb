import {
  fiscalYearEnd,
  fiscalYearOf,
  fiscalYearStart,
  formatFiscalYearEn,
  formatFiscalYearJa,
  parseFiscalYear,
} from './fiscal-year';
import {
  addDays,
  daysInMonth,
  daysInclusive,
  isValidIsoDate,
} from './iso-date';

describe('fiscal year (年度, April–March)', () => {
  it('puts 03-31 in the previous fiscal year and 04-01 in the new one', () => {
    expect(fiscalYearOf('2025-03-31')).toBe(2024);
    expect(fiscalYearOf('2025-04-01')).toBe(2025);
    expect(fiscalYearOf('2025-01-01')).toBe(2024);
    expect(fiscalYearOf('2024-12-31')).toBe(2024);
  });

  it('starts on April 1 and ends on March 31 of the next calendar year', () => {
    expect(fiscalYearStart(2025)).toBe('2025-04-01');
    expect(fiscalYearEnd(2025)).toBe('2026-03-31');
  });

  it('calls FY2019 令和元年度 and counts Reiwa years from there', () => {
    expect(formatFiscalYearJa(2019)).toBe('令和元年度');
    expect(formatFiscalYearJa(2020)).toBe('令和2年度');
    expect(formatFiscalYearJa(2025)).toBe('令和7年度'); // 2025 − 2018 = 7
  });

  it('calls FY2018 and earlier 平成N年度 with FY1989 = 平成元年度', () => {
    expect(formatFiscalYearJa(2018)).toBe('平成30年度'); // 2018 − 1988 = 30
    expect(formatFiscalYearJa(1989)).toBe('平成元年度');
  });

  it('writes FY2025 in English', () => {
    expect(formatFiscalYearEn(2025)).toBe('FY2025');
  });

  it.each([
    ['2024', 2024],
    ['2024年度', 2024],
    ['２０２４年度', 2024],
    ['FY2024', 2024],
    ['令和6年度', 2024], // 2018 + 6
    ['令和６年度', 2024],
    ['令和元年度', 2019],
    ['R6', 2024],
    ['R6年度', 2024],
    ['r7', 2025],
    ['Ｒ６年度', 2024],
    ['平成30年度', 2018],
    ['H31', 2019],
    [' 令和 6 年度 ', 2024],
  ])('parses %s as FY%d', (text, expected) => {
    expect(parseFiscalYear(text)).toBe(expected);
  });

  it.each([
    '',
    '令和',
    '令和0年度',
    'R',
    '24',
    'next year',
    '2024-04-01',
    '昭和60年度',
  ])('returns null for the unparseable %p', (text) => {
    expect(parseFiscalYear(text)).toBeNull();
  });

  it('round-trips every fiscal year through its Japanese name', () => {
    for (let fiscalYear = 1989; fiscalYear <= 2060; fiscalYear += 1) {
      expect(parseFiscalYear(formatFiscalYearJa(fiscalYear))).toBe(fiscalYear);
    }
  });
});

describe('ISO dates in UTC', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-04-01', -1)).toBe('2025-03-31');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  it('counts both ends of a period', () => {
    expect(daysInclusive('2025-04-01', '2025-04-01')).toBe(1);
    expect(daysInclusive('2025-04-01', '2025-04-14')).toBe(14);
    expect(daysInclusive('2024-04-01', '2025-03-31')).toBe(365); // FY2024 holds 2025-02 (28 d), no leap day
    expect(daysInclusive('2025-04-02', '2025-04-01')).toBe(0);
  });

  it('accepts only real calendar dates', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    // every month of 1899–2101 against the calendar of Date (UTC): day 0 of the next month
    for (let year = 1899; year <= 2101; year++)
      for (let month = 1; month <= 12; month++)
        expect(daysInMonth(year, month)).toBe(
          new Date(Date.UTC(year, month, 0)).getUTCDate(),
        );
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(isValidIsoDate('1900-02-29')).toBe(false);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2024-13-01')).toBe(false);
    expect(isValidIsoDate('2024-4-1')).toBe(false);
    expect(isValidIsoDate('2024-04-31')).toBe(false);
  });
});
