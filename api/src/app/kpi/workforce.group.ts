import { WORKFORCE_KPI_CODES } from '@ikuboard/shared/contracts';
import { workforceKpis } from '@ikuboard/shared/kpi';

import type { KpiGroup } from './kpi-group';
import { workforceFigures, workforceParts } from './workforce.sql';

/** SQL gives the sums and head counts; the kpi lib turns them into values, as the reference does. */
export const WORKFORCE_GROUP: KpiGroup = {
  codes: WORKFORCE_KPI_CODES,
  async compute(db, scope, fiscalYears, codes) {
    const figures = await workforceFigures(
      db,
      scope,
      fiscalYears,
      codes && workforceParts(codes),
    );
    return fiscalYears.flatMap((year) => {
      const ofYear = figures.get(year);
      return ofYear ? workforceKpis(ofYear) : [];
    });
  },
};
