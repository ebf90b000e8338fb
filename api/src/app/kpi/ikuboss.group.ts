import { IKUBOSS_DECLARATION_KPI_CODES } from '@ikuboard/shared/contracts';

import { coverageCounts } from '../declarations/declarations.sql';
import type { KpiGroup } from './kpi-group';

/**
 * Ikuboss declaration coverage. Who is required is the campaign's definition (its stages and
 * scope, every employment category), so the KPI's category filter does not apply here.
 */
export const IKUBOSS_DECLARATION_GROUP: KpiGroup = {
  codes: IKUBOSS_DECLARATION_KPI_CODES,
  async compute(db, scope, fiscalYears) {
    const counts = await coverageCounts(
      db,
      scope.organizationId,
      fiscalYears,
      scope.unitId,
      scope.inputVersions,
    );
    return counts.map(({ fiscalYear, required, declared }) => ({
      code: 'ikuboss_declaration_coverage' as const,
      fiscalYear,
      measure: 'percent' as const,
      numerator: declared,
      denominator: required,
      value: required === 0 ? null : (declared / required) * 100,
    }));
  },
};
