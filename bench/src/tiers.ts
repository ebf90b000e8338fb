import type { DemoCityOptions } from '@ikuboard/shared/demo-data';

/** The scale tiers of issue 8, all from the deterministic demo generator. */
export const TIERS: Record<string, Required<DemoCityOptions>> = {
  /** みどり市 as `npm start` seeds it. */
  S: {
    staff: 3_000,
    firstFiscalYear: 2020,
    lastFiscalYear: 2025,
    seed: 20250401,
    annualLeave: 'episodes',
  },
  L: {
    staff: 50_000,
    firstFiscalYear: 2016,
    lastFiscalYear: 2025,
    seed: 20250401,
    annualLeave: 'episodes',
  },
  XL: {
    staff: 200_000,
    firstFiscalYear: 2016,
    lastFiscalYear: 2025,
    seed: 20250401,
    annualLeave: 'yearly',
  },
};

export type TierName = keyof typeof TIERS;
