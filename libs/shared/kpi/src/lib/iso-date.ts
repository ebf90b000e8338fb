import type { IsoDate } from './dataset';

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a real calendar date written as `YYYY-MM-DD` (rejects 2023-02-29, 2024-13-01 …). */
export function isValidIsoDate(text: string): text is IsoDate {
  const match = ISO_DATE_PATTERN.exec(text);
  if (!match) {
    return false;
  }
  const [year, month, day] = [
    Number(match[1]),
    Number(match[2]),
    Number(match[3]),
  ];
  if (month < 1 || month > 12 || day < 1) {
    return false;
  }
  return day <= daysInMonth(year, month);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in a month of the Gregorian calendar (month 1–12); arithmetic, as imports ask per date cell. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2)
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[month - 1] ?? 0;
}

/** Days since 1970-01-01; UTC so that the server's time zone never shifts a date. */
export function toEpochDay(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function fromEpochDay(epochDay: number): IsoDate {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar days from `start` to `end`, both counted (a one-day leave is 1); 0 when end < start. */
export function daysInclusive(start: IsoDate, end: IsoDate): number {
  return Math.max(0, toEpochDay(end) - toEpochDay(start) + 1);
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
