import type { KpiDataset, KpiPositionStage, KpiScope } from './dataset';
import type { KpiExplanation, KpiPersonEntry } from './explanation';
import { fiscalYearStart } from './fiscal-year';
import { populationOn, type PopulationMember } from './population';
import { STAFF_RATIO_GROUP_OF, type StaffRatioKpiCode } from './staff-ratios';

const GENDER = {
  female: { ja: '女性', en: 'woman' },
  male: { ja: '男性', en: 'man' },
  unspecified: { ja: '性別未回答', en: 'gender unspecified' },
};

function stageText(stage: KpiPositionStage) {
  return {
    ja: `${stage.id}(${stage.officialStage})`,
    en: `${stage.id} (${stage.officialStage})`,
  };
}

/** Women in the group (numerator) and everyone in it (denominator) on FY-04-01. */
export function explainStaffRatioKpi(
  dataset: KpiDataset,
  code: StaffRatioKpiCode,
  fiscalYear: number,
  scope: KpiScope,
): KpiExplanation {
  const date = fiscalYearStart(fiscalYear);
  const inGroup = STAFF_RATIO_GROUP_OF[code];
  const entry = (member: PopulationMember): KpiPersonEntry => {
    const stage = stageText(member.stage);
    const gender = GENDER[member.employee.gender];
    return {
      employeeId: member.employee.id,
      reason: {
        ja: `${date} 時点で在職(${gender.ja}、${stage.ja}、${member.assignment.category})`,
        en: `in service on ${date} (${gender.en}, ${stage.en}, ${member.assignment.category})`,
      },
    };
  };
  const members = populationOn(dataset, date, scope).filter(inGroup);
  return {
    code,
    fiscalYear,
    numerator: members
      .filter((member) => member.employee.gender === 'female')
      .map(entry),
    denominator: members.map(entry),
  };
}
