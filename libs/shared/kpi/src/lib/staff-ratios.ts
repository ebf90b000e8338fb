import type { KpiValueDto, OfficialStage } from '@ikuboard/shared/contracts';
import { STAFF_RATIO_KPI_CODES } from '@ikuboard/shared/contracts';

import type { KpiDataset, KpiScope } from './dataset';
import { DEFAULT_KPI_CATEGORIES } from './dataset';
import { fiscalYearStart } from './fiscal-year';
import type { PopulationMember } from './population';
import { populationOn } from './population';
import { percent } from './rounding';

export type StaffRatioKpiCode = (typeof STAFF_RATIO_KPI_CODES)[number];

/** Which members form the group whose female share a code measures. */
export const STAFF_RATIO_GROUP_OF: Readonly<
  Record<StaffRatioKpiCode, (member: PopulationMember) => boolean>
> = {
  female_staff_ratio: () => true,
  female_manager_ratio: (member) => member.stage.isManager,
  female_supervisor_ratio: (member) => member.stage.isSupervisor,
  female_ratio_stage_director: officialStageIs('director'),
  female_ratio_stage_section_chief: officialStageIs('section_chief'),
  female_ratio_stage_deputy_chief: officialStageIs('deputy_chief'),
  female_ratio_stage_subsection_chief: officialStageIs('subsection_chief'),
};

export const DEFAULT_KPI_SCOPE: KpiScope = {
  unitId: null,
  categories: DEFAULT_KPI_CATEGORIES,
};

/**
 * Female share of a group as of FY-04-01. `unspecified` stays in the denominator: the official
 * item is "women among all", and leaving people out would inflate the share.
 */
export function femaleShareOf(
  members: readonly PopulationMember[],
  code: StaffRatioKpiCode,
  fiscalYear: number,
): KpiValueDto {
  const inGroup = STAFF_RATIO_GROUP_OF[code];
  let numerator = 0;
  let denominator = 0;
  for (const member of members) {
    if (inGroup(member)) {
      denominator += 1;
      if (member.employee.gender === 'female') {
        numerator += 1;
      }
    }
  }
  return {
    code,
    fiscalYear,
    measure: 'percent',
    numerator,
    denominator,
    value: percent(numerator, denominator),
  };
}

/** All seven staff-ratio KPIs in KPI_CODES order, from one population snapshot. */
export function computeStaffRatioKpis(
  dataset: KpiDataset,
  fiscalYear: number,
  scope: KpiScope = DEFAULT_KPI_SCOPE,
): KpiValueDto[] {
  const members = populationOn(dataset, fiscalYearStart(fiscalYear), scope);
  return STAFF_RATIO_KPI_CODES.map((code) =>
    femaleShareOf(members, code, fiscalYear),
  );
}

export function computeStaffRatioKpi(
  dataset: KpiDataset,
  code: StaffRatioKpiCode,
  fiscalYear: number,
  scope: KpiScope = DEFAULT_KPI_SCOPE,
): KpiValueDto {
  return femaleShareOf(
    populationOn(dataset, fiscalYearStart(fiscalYear), scope),
    code,
    fiscalYear,
  );
}

export const femaleStaffRatio = bindCode('female_staff_ratio');
export const femaleManagerRatio = bindCode('female_manager_ratio');
export const femaleSupervisorRatio = bindCode('female_supervisor_ratio');
export const femaleRatioStageDirector = bindCode('female_ratio_stage_director');
export const femaleRatioStageSectionChief = bindCode(
  'female_ratio_stage_section_chief',
);
export const femaleRatioStageDeputyChief = bindCode(
  'female_ratio_stage_deputy_chief',
);
export const femaleRatioStageSubsectionChief = bindCode(
  'female_ratio_stage_subsection_chief',
);

function bindCode(code: StaffRatioKpiCode) {
  return (
    dataset: KpiDataset,
    fiscalYear: number,
    scope: KpiScope = DEFAULT_KPI_SCOPE,
  ): KpiValueDto => computeStaffRatioKpi(dataset, code, fiscalYear, scope);
}

function officialStageIs(officialStage: OfficialStage) {
  return (member: PopulationMember): boolean =>
    member.stage.officialStage === officialStage;
}
