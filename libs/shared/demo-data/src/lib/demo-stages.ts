import type { DemoStage } from './demo-city.types';

/** DOMAIN.md §2 default position stages, highest first. */
export const DEMO_STAGES: readonly DemoStage[] = [
  { code: 'bucho', name: '部長級', nameEn: 'Director General', sortOrder: 1, officialStage: 'director', isManager: true, isSupervisor: true },
  { code: 'jicho', name: '次長級', nameEn: 'Deputy Director General', sortOrder: 2, officialStage: 'director', isManager: true, isSupervisor: true },
  { code: 'kacho', name: '課長級', nameEn: 'Division Director', sortOrder: 3, officialStage: 'section_chief', isManager: true, isSupervisor: true },
  { code: 'kacho_hosa', name: '課長補佐級', nameEn: 'Deputy Division Director', sortOrder: 4, officialStage: 'deputy_chief', isManager: false, isSupervisor: true },
  { code: 'kakaricho', name: '係長級', nameEn: 'Section Chief', sortOrder: 5, officialStage: 'subsection_chief', isManager: false, isSupervisor: true },
  { code: 'shunin', name: '主任・主査級', nameEn: 'Senior Staff', sortOrder: 6, officialStage: 'staff', isManager: false, isSupervisor: false },
  { code: 'ippan', name: '一般', nameEn: 'Staff', sortOrder: 7, officialStage: 'staff', isManager: false, isSupervisor: false },
];

/** Stage indexes into DEMO_STAGES; a lower index is a higher rank. */
export const BUCHO = 0;
export const JICHO = 1;
export const KACHO = 2;
export const KACHO_HOSA = 3;
export const KAKARICHO = 4;
export const SHUNIN = 5;
export const IPPAN = 6;
