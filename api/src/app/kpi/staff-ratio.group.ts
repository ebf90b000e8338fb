import { STAFF_RATIO_KPI_CODES } from '@ikuboard/shared/contracts';
import {
  fiscalYearOf,
  fiscalYearStart,
  staffRatioKpis,
} from '@ikuboard/shared/kpi';

import type { KpiGroup } from './kpi-group';
import { staffRatioCounts } from './staff-ratio.sql';

export const STAFF_RATIO_GROUP: KpiGroup = {
  codes: STAFF_RATIO_KPI_CODES,
  async compute(db, scope, fiscalYears) {
    const counts = await staffRatioCounts(
      db,
      scope.organizationId,
      fiscalYears.map(fiscalYearStart),
      scope.unitId,
      scope.categories,
      scope.derived,
    );
    return counts.flatMap((row) =>
      staffRatioKpis(fiscalYearOf(row.refDate), row),
    );
  },
};
