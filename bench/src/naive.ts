import {
  computeChildcareKpis,
  computeStaffRatioKpis,
  computeWorkforceKpis,
} from '@ikuboard/shared/kpi';
import { DataSource } from 'typeorm';

import { loadKpiDataset } from '../../api/src/app/kpi/kpi-dataset.loader';
import { configurePgTypes } from '../../api/src/database/pg-types';

/**
 * The naive way to the dashboard's figures: load the organization's rows through TypeORM and
 * compute every KPI of the fiscal years with the reference functions of libs/shared/kpi.
 * Returns the milliseconds of the load and of the computation.
 */
export async function naiveDashboard(
  databaseUrl: string,
  organizationId: string,
  years: readonly number[],
): Promise<{ loadMs: number; computeMs: number; values: number }> {
  configurePgTypes();
  const dataSource = new DataSource({ type: 'postgres', url: databaseUrl });
  await dataSource.initialize();
  try {
    let started = performance.now();
    const dataset = await loadKpiDataset(dataSource, organizationId);
    const loadMs = performance.now() - started;
    started = performance.now();
    let values = 0;
    for (const year of years) {
      values += computeStaffRatioKpis(dataset, year).length;
      values += computeChildcareKpis(dataset, year).length;
      values += computeWorkforceKpis(dataset, year).length;
    }
    return { loadMs, computeMs: performance.now() - started, values };
  } finally {
    await dataSource.destroy();
  }
}
