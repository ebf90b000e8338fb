import {
  CHILDCARE_KPI_CODES,
  IKUBOSS_DECLARATION_KPI_CODES,
  IKUBOSS_PROGRAMME_KPI_CODES,
  type KpiCode,
  REVIEWS360_KPI_CODES,
  STAFF_RATIO_KPI_CODES,
} from '@ikuboard/shared/contracts';

export const KPI_SECTION_IDS = [
  'women',
  'childcare',
  'work',
  'pay',
  'ikuboss',
] as const;
export type KpiSectionId = (typeof KPI_SECTION_IDS)[number];

export interface KpiSection {
  id: KpiSectionId;
  codes: readonly KpiCode[];
}

/** How people look for a KPI: 女性の活躍, 育児休業・男の産休, 働き方, 給与・勤続. */
export const KPI_SECTIONS: readonly KpiSection[] = [
  {
    id: 'women',
    codes: [...STAFF_RATIO_KPI_CODES, 'female_hire_ratio', 'midcareer_hires'],
  },
  { id: 'childcare', codes: CHILDCARE_KPI_CODES },
  {
    id: 'work',
    codes: [
      'annual_leave_avg_days',
      'annual_leave_under_5_days_ratio',
      'overtime_monthly_avg',
      'overtime_over_45h_count',
      'overtime_over_360h_year_count',
      'overtime_over_100h_month_count',
      'overtime_over_720h_year_count',
      'overtime_over_45h_6_months_count',
      'overtime_avg_80h_2_to_6_months_count',
    ],
  },
  {
    id: 'pay',
    codes: [
      'pay_gap_permanent',
      'pay_gap_other',
      'pay_gap_all',
      'tenure_avg_years_male',
      'tenure_avg_years_female',
      'separation_rate_male',
      'separation_rate_female',
    ],
  },
  {
    id: 'ikuboss',
    codes: [
      ...IKUBOSS_DECLARATION_KPI_CODES,
      ...IKUBOSS_PROGRAMME_KPI_CODES,
      ...REVIEWS360_KPI_CODES,
    ],
  },
];
