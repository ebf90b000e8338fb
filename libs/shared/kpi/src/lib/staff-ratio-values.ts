import type { KpiValueDto, OfficialStage } from '@ikuboard/shared/contracts';
import { percent } from './rounding';

/** Women and everyone (unspecified gender included) in each group behind the staff-ratio KPIs. */
export interface StaffRatioCounts {
  staff: [women: number, all: number];
  manager: [women: number, all: number];
  supervisor: [women: number, all: number];
  stage: Record<Exclude<OfficialStage, 'staff'>, [women: number, all: number]>;
}

function ratio(
  code: KpiValueDto['code'],
  fiscalYear: number,
  [women, all]: [number, number],
): KpiValueDto {
  return {
    code,
    fiscalYear,
    measure: 'percent',
    numerator: women,
    denominator: all,
    value: percent(women, all),
  };
}

/** The seven staff-ratio KPI values, in KPI_CODES order, from their head counts. */
export function staffRatioKpis(
  fiscalYear: number,
  counts: StaffRatioCounts,
): KpiValueDto[] {
  return [
    ratio('female_staff_ratio', fiscalYear, counts.staff),
    ratio('female_manager_ratio', fiscalYear, counts.manager),
    ratio('female_supervisor_ratio', fiscalYear, counts.supervisor),
    ratio('female_ratio_stage_director', fiscalYear, counts.stage.director),
    ratio(
      'female_ratio_stage_section_chief',
      fiscalYear,
      counts.stage.section_chief,
    ),
    ratio(
      'female_ratio_stage_deputy_chief',
      fiscalYear,
      counts.stage.deputy_chief,
    ),
    ratio(
      'female_ratio_stage_subsection_chief',
      fiscalYear,
      counts.stage.subsection_chief,
    ),
  ];
}
