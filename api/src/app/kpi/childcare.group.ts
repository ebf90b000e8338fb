import { CHILDCARE_KPI_CODES } from '@ikuboard/shared/contracts';
import { childcareKpis } from '@ikuboard/shared/kpi';

import type { KpiGroup } from './kpi-group';
import { childcareCounts } from './childcare.sql';

export const CHILDCARE_GROUP: KpiGroup = {
  codes: CHILDCARE_KPI_CODES,
  async compute(db, scope, fiscalYears, codes) {
    const counts = await childcareCounts(
      db,
      scope,
      fiscalYears,
      scope.durationBuckets,
      // The distribution only when its code is kept (a trend of a rate skips it).
      codes === undefined || codes.includes('childcare_leave_duration'),
      scope.detailYears,
    );
    // The same count-to-value function as the reference, so codes, order and dimensions agree.
    return counts.flatMap((row) =>
      childcareKpis(row.fiscalYear, row, scope.durationBuckets),
    );
  },
};
