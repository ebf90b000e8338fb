import type { Gender, LocalizedText } from '@ikuboard/shared/contracts';

import type { KpiDataset, KpiScope } from './dataset';
import { DEFAULT_KPI_CATEGORIES } from './dataset';
import type { KpiExplanation, KpiPersonEntry } from './explanation';
import { fiscalYearStart } from './fiscal-year';
import type { WorkforceKpiCode } from './workforce';
import type { PlacedEmployee } from './workforce-context';
import { workforceContext } from './workforce-context';
import type { PayRecord } from './workforce-people';
import {
  annualLeaveOf,
  hasTwoToSixMonthAverageOver80h,
  hiresOf,
  overtimeOf,
  payOf,
  separationsOf,
  tenureOf,
} from './workforce-people';

const GENDER_TEXT: Readonly<Record<Gender, LocalizedText>> = {
  female: { ja: '女性', en: 'woman' },
  male: { ja: '男性', en: 'man' },
  unspecified: { ja: '性別未回答', en: 'gender unspecified' },
};

function entry(
  member: Pick<PlacedEmployee, 'employee'>,
  ja: string,
  en: string,
  amount?: number,
): KpiPersonEntry {
  return {
    employeeId: member.employee.id,
    reason: { ja, en },
    ...(amount === undefined ? {} : { amount }),
  };
}

/** A head count's entry: the person counts once, whatever they add to the numerator's sum. */
function withoutAmount({ employeeId, reason }: KpiPersonEntry): KpiPersonEntry {
  return { employeeId, reason };
}

/**
 * The people in the numerator and the denominator of one workforce KPI, with why each is counted
 * and, for sums and means, what they add. Count KPIs have no denominator, so it is empty.
 */
export function explainWorkforceKpi(
  dataset: KpiDataset,
  code: WorkforceKpiCode,
  fiscalYear: number,
  scope: KpiScope = { unitId: null, categories: DEFAULT_KPI_CATEGORIES },
): KpiExplanation {
  const context = workforceContext(dataset, scope);
  const explained = (
    numerator: KpiPersonEntry[],
    denominator: KpiPersonEntry[],
  ): KpiExplanation => ({ code, fiscalYear, numerator, denominator });

  switch (code) {
    case 'female_hire_ratio':
    case 'midcareer_hires': {
      const hires = hiresOf(context, fiscalYear).map((hire) => {
        const gender = GENDER_TEXT[hire.employee.gender];
        const mid = hire.employee.isMidcareer;
        return {
          hire,
          entry: entry(
            hire,
            `${hire.employee.hireDate} 採用（${gender.ja}${mid ? '・中途採用' : ''}、採用時の区分 ${hire.assignment.category}）`,
            `hired on ${hire.employee.hireDate} (${gender.en}${mid ? ', mid-career' : ''}, category at hire ${hire.assignment.category})`,
          ),
        };
      });
      if (code === 'midcareer_hires') {
        return explained(
          hires.filter((h) => h.hire.employee.isMidcareer).map((h) => h.entry),
          [],
        );
      }
      return explained(
        hires
          .filter((h) => h.hire.employee.gender === 'female')
          .map((h) => h.entry),
        hires.map((h) => h.entry),
      );
    }
    case 'annual_leave_avg_days':
    case 'annual_leave_under_5_days_ratio': {
      const records = annualLeaveOf(context, fiscalYear).map((record) => ({
        record,
        entry: entry(
          record,
          `${fiscalYear}年の全期間在職、年次休暇 ${record.days} 日`,
          `in service all of ${fiscalYear}, ${record.days} days of annual leave`,
          record.days,
        ),
      }));
      const numerator =
        code === 'annual_leave_avg_days'
          ? records
          : records.filter((r) => r.record.days < 5);
      return explained(
        numerator.map((r) => r.entry),
        records.map((r) => withoutAmount(r.entry)),
      );
    }
    case 'overtime_monthly_avg': {
      const { people } = overtimeOf(context, fiscalYear);
      const numerator: KpiPersonEntry[] = [];
      const denominator: KpiPersonEntry[] = [];
      for (const person of people) {
        const hours = person.eligibleMonths.reduce((s, m) => s + m.hours, 0);
        const months = person.eligibleMonths.map((m) => m.month).join(', ');
        numerator.push(
          entry(
            person,
            `対象月（${months}）の超過勤務 ${hours} 時間`,
            `${hours} h of overtime in eligible months (${months})`,
            hours,
          ),
        );
        denominator.push(
          entry(
            person,
            `管理職以外で対象の月数 ${person.eligibleMonths.length}`,
            `${person.eligibleMonths.length} eligible non-manager months`,
            person.eligibleMonths.length,
          ),
        );
      }
      return explained(numerator, denominator);
    }
    case 'overtime_over_45h_count':
    case 'overtime_over_100h_month_count':
    case 'overtime_over_45h_6_months_count': {
      const limit = code === 'overtime_over_100h_month_count' ? 100 : 45;
      const over = (hours: number): boolean =>
        limit === 100 ? hours >= 100 : hours > 45;
      const minimumMonths = code === 'overtime_over_45h_6_months_count' ? 7 : 1;
      const numerator: KpiPersonEntry[] = [];
      for (const person of overtimeOf(context, fiscalYear).people) {
        const months = person.eligibleMonths.filter((m) => over(m.hours));
        if (months.length < minimumMonths) continue;
        const list = months.map((m) => `${m.month}: ${m.hours}h`).join(', ');
        const rule = limit === 100 ? '100時間以上' : '45時間超';
        numerator.push(
          entry(
            person,
            `月${rule}の対象月 ${months.length} か月（${list}）`,
            `${months.length} eligible months ${limit === 100 ? 'of 100 h or more' : 'over 45 h'} (${list})`,
            months.length,
          ),
        );
      }
      return explained(numerator, []);
    }
    case 'overtime_over_360h_year_count':
    case 'overtime_over_720h_year_count':
    case 'overtime_avg_80h_2_to_6_months_count': {
      const numerator: KpiPersonEntry[] = [];
      for (const person of overtimeOf(context, fiscalYear).people) {
        if (code === 'overtime_avg_80h_2_to_6_months_count') {
          if (!hasTwoToSixMonthAverageOver80h(person.hoursByMonth)) continue;
          numerator.push(
            entry(
              person,
              `連続する2〜6か月の平均が80時間超（年度計 ${person.yearTotal} 時間）`,
              `a run of 2–6 consecutive months averages over 80 h (${person.yearTotal} h in the year)`,
              person.yearTotal,
            ),
          );
          continue;
        }
        const limit = code === 'overtime_over_360h_year_count' ? 360 : 720;
        if (person.yearTotal <= limit) continue;
        numerator.push(
          entry(
            person,
            `年度の超過勤務 ${person.yearTotal} 時間（${limit}時間超）`,
            `${person.yearTotal} h of overtime in the fiscal year (over ${limit} h)`,
            person.yearTotal,
          ),
        );
      }
      return explained(numerator, []);
    }
    case 'pay_gap_permanent':
    case 'pay_gap_other':
    case 'pay_gap_all': {
      const records = payOf(context, fiscalYear).filter(
        (record) =>
          code === 'pay_gap_all' ||
          record.group ===
            (code === 'pay_gap_permanent' ? 'permanent' : 'other'),
      );
      const payEntry = (record: PayRecord) =>
        entry(
          record,
          `${fiscalYear}年度の年間給与 ${record.amount} 円（区分 ${record.assignment.category}、${record.stage.officialStage}、勤続 ${record.tenure} 年）`,
          `FY${fiscalYear} pay ${record.amount} yen (category ${record.assignment.category}, ${record.stage.officialStage}, tenure ${record.tenure} years)`,
          record.amount,
        );
      return explained(
        records.filter((r) => r.employee.gender === 'female').map(payEntry),
        records.filter((r) => r.employee.gender === 'male').map(payEntry),
      );
    }
    case 'tenure_avg_years_male':
    case 'tenure_avg_years_female': {
      const gender = code === 'tenure_avg_years_male' ? 'male' : 'female';
      const records = tenureOf(context, fiscalYear).filter(
        (record) => record.employee.gender === gender,
      );
      const numerator = records.map((record) =>
        entry(
          record,
          `${fiscalYearStart(fiscalYear)} 在職の任期の定めのない常勤、${record.employee.hireDate} 採用で勤続 ${record.tenure} 年`,
          `permanent staff in service on ${fiscalYearStart(fiscalYear)}, hired ${record.employee.hireDate}: ${record.tenure} years`,
          record.tenure,
        ),
      );
      return explained(numerator, numerator.map(withoutAmount));
    }
    case 'separation_rate_male':
    case 'separation_rate_female': {
      const gender = code === 'separation_rate_male' ? 'male' : 'female';
      const records = separationsOf(context, fiscalYear).filter(
        (record) => record.employee.gender === gender,
      );
      const toEntry = (record: (typeof records)[number]) =>
        record.separated
          ? entry(
              record,
              `${fiscalYearStart(fiscalYear)} 在職、${record.employee.separationDate} 退職`,
              `in service on ${fiscalYearStart(fiscalYear)}, separated on ${record.employee.separationDate}`,
            )
          : entry(
              record,
              `${fiscalYearStart(fiscalYear)} 在職、年度内の退職なし`,
              `in service on ${fiscalYearStart(fiscalYear)}, did not separate within the fiscal year`,
            );
      return explained(
        records.filter((r) => r.separated).map(toEntry),
        records.map(toEntry),
      );
    }
  }
}
