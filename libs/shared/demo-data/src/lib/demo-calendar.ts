import { fromEpochDay, toEpochDay } from '@ikuboard/shared/kpi';

/** Fixed-date national holidays and the city hall's year-end closure (12/29–1/3), as MMDD. */
const FIXED_HOLIDAYS = new Set([
  101, 102, 103, 211, 223, 320, 429, 503, 504, 505, 811, 923, 1103, 1123, 1229,
  1230, 1231,
]);

/**
 * The working days of a city hall over a span of epoch days, with memoized date and month strings:
 * millions of leave rows then share a few thousand strings instead of holding a copy each.
 * Happy Monday holidays are included; 振替休日 and the moving equinoxes are approximated.
 */
export class DemoCalendar {
  readonly first: number;
  readonly length: number;
  /** 1 on a working day. */
  readonly workday: Uint8Array;
  /** Calendar month 1–12 of each day. */
  readonly month: Uint8Array;
  /** Working days before each day (prefix sums), so a span's count is one subtraction. */
  private readonly workdaysBefore: Int32Array;
  private readonly dates: (string | undefined)[];
  private readonly months = new Map<number, string>();

  constructor(first: number, last: number) {
    this.first = first;
    this.length = last - first + 1;
    this.workday = new Uint8Array(this.length);
    this.month = new Uint8Array(this.length);
    this.workdaysBefore = new Int32Array(this.length + 1);
    this.dates = new Array<string | undefined>(this.length);
    for (let index = 0; index < this.length; index += 1) {
      const day = first + index;
      const date = new Date(day * 86_400_000);
      const month = date.getUTCMonth() + 1;
      const dayOfMonth = date.getUTCDate();
      // 1970-01-01 was a Thursday: (day + 4) % 7 is 0 on Sundays.
      const weekday = (((day + 4) % 7) + 7) % 7;
      const happyMonday =
        weekday === 1 &&
        (((month === 1 || month === 10) &&
          dayOfMonth >= 8 &&
          dayOfMonth <= 14) ||
          ((month === 7 || month === 9) &&
            dayOfMonth >= 15 &&
            dayOfMonth <= 21));
      const working =
        weekday !== 0 &&
        weekday !== 6 &&
        !happyMonday &&
        !FIXED_HOLIDAYS.has(month * 100 + dayOfMonth);
      this.month[index] = month;
      this.workday[index] = working ? 1 : 0;
      this.workdaysBefore[index + 1] =
        this.workdaysBefore[index] + (working ? 1 : 0);
    }
  }

  static between(firstDate: string, lastDate: string): DemoCalendar {
    return new DemoCalendar(toEpochDay(firstDate), toEpochDay(lastDate));
  }

  /** Working days from `from` to `to`, both included; 0 when to < from. */
  workdaysBetween(from: number, to: number): number {
    if (to < from) {
      return 0;
    }
    return (
      this.workdaysBefore[to - this.first + 1] -
      this.workdaysBefore[from - this.first]
    );
  }

  isWorkday(day: number): boolean {
    return this.workday[day - this.first] === 1;
  }

  monthOf(day: number): number {
    return this.month[day - this.first];
  }

  date(day: number): string {
    const index = day - this.first;
    let text = this.dates[index];
    if (text === undefined) {
      text = fromEpochDay(day);
      this.dates[index] = text;
    }
    return text;
  }

  /** `YYYY-MM` of a year and month 1–12. */
  monthKey(year: number, month: number): string {
    const key = year * 12 + month - 1;
    let text = this.months.get(key);
    if (text === undefined) {
      text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
      this.months.set(key, text);
    }
    return text;
  }
}
