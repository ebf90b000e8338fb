import { KPI_CODES } from '@ikuboard/shared/contracts';

import { KPI_SECTIONS } from './kpi-sections';

describe('KPI_SECTIONS', () => {
  it('puts every KPI code in exactly one section', () => {
    const listed = KPI_SECTIONS.flatMap((section) => section.codes);
    expect([...listed].sort()).toEqual([...KPI_CODES].sort());
  });
});
