/** Figures that person records cannot give, entered by HR per fiscal year (DOMAIN.md, issue 3). */
export const AGGREGATE_FIGURE_CODES = [
  'applicants_female',
  'applicants_male',
  'applicants_unspecified',
  'dispatched_workers_female',
  'dispatched_workers_male',
] as const;
export type AggregateFigureCode = (typeof AGGREGATE_FIGURE_CODES)[number];

export const AGGREGATE_FIGURE_NAMES: Readonly<
  Record<AggregateFigureCode, { ja: string; en: string }>
> = {
  applicants_female: {
    ja: '採用試験の受験者数(女性)',
    en: 'Job applicants (women)',
  },
  applicants_male: {
    ja: '採用試験の受験者数(男性)',
    en: 'Job applicants (men)',
  },
  applicants_unspecified: {
    ja: '採用試験の受験者数(性別未回答)',
    en: 'Job applicants (gender unspecified)',
  },
  dispatched_workers_female: {
    ja: '派遣労働者数(女性)',
    en: 'Dispatched workers (women)',
  },
  dispatched_workers_male: {
    ja: '派遣労働者数(男性)',
    en: 'Dispatched workers (men)',
  },
};

/** GET/PUT /api/v1/aggregate-figures */
export interface AggregateFigureDto {
  fiscalYear: number;
  code: AggregateFigureCode;
  /** null = the whole organization. */
  orgUnitCode: string | null;
  value: number;
  note: string | null;
}
