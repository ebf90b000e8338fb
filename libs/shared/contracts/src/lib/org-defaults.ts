import type { EmploymentCategory, OfficialStage } from './kpi-codes';

export interface PositionStageDefinition {
  code: string;
  name: string;
  nameEn: string;
  sortOrder: number;
  officialStage: OfficialStage;
  isManager: boolean;
  isSupervisor: boolean;
}

/** DOMAIN.md §2: the position stages a new organization starts with, highest first. */
export const DEFAULT_POSITION_STAGES: readonly PositionStageDefinition[] = [
  {
    code: 'bucho',
    name: '部長級',
    nameEn: 'Director General',
    sortOrder: 1,
    officialStage: 'director',
    isManager: true,
    isSupervisor: true,
  },
  {
    code: 'jicho',
    name: '次長級',
    nameEn: 'Deputy Director General',
    sortOrder: 2,
    officialStage: 'director',
    isManager: true,
    isSupervisor: true,
  },
  {
    code: 'kacho',
    name: '課長級',
    nameEn: 'Division Director',
    sortOrder: 3,
    officialStage: 'section_chief',
    isManager: true,
    isSupervisor: true,
  },
  {
    code: 'kacho_hosa',
    name: '課長補佐級',
    nameEn: 'Deputy Division Director',
    sortOrder: 4,
    officialStage: 'deputy_chief',
    isManager: false,
    isSupervisor: true,
  },
  {
    code: 'kakaricho',
    name: '係長級',
    nameEn: 'Section Chief',
    sortOrder: 5,
    officialStage: 'subsection_chief',
    isManager: false,
    isSupervisor: true,
  },
  {
    code: 'shunin',
    name: '主任・主査級',
    nameEn: 'Senior Staff',
    sortOrder: 6,
    officialStage: 'staff',
    isManager: false,
    isSupervisor: false,
  },
  {
    code: 'ippan',
    name: '一般',
    nameEn: 'Staff',
    sortOrder: 7,
    officialStage: 'staff',
    isManager: false,
    isSupervisor: false,
  },
];

/** DOMAIN.md §2 employment categories with their official Japanese names. */
export const EMPLOYMENT_CATEGORY_NAMES: Readonly<
  Record<EmploymentCategory, { ja: string; en: string }>
> = {
  permanent: { ja: '任期の定めのない常勤', en: 'Permanent full-time' },
  fixed_term: { ja: '任期付', en: 'Fixed-term' },
  reappointed: { ja: '再任用', en: 'Reappointed' },
  annual_full: {
    ja: '会計年度任用(フルタイム)',
    en: 'Annual appointment (full-time)',
  },
  annual_part: {
    ja: '会計年度任用(パートタイム)',
    en: 'Annual appointment (part-time)',
  },
  temporary: { ja: '臨時', en: 'Temporary' },
};
