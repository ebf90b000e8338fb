import { DEFAULT_POSITION_STAGES } from '@ikuboard/shared/contracts';

import type { DemoStage } from './demo-city.types';

/** The demo city uses the product's default stages (DOMAIN.md §2), highest first. */
export const DEMO_STAGES: readonly DemoStage[] = DEFAULT_POSITION_STAGES;

/** Stage indexes into DEMO_STAGES; a lower index is a higher rank. */
export const BUCHO = 0;
export const JICHO = 1;
export const KACHO = 2;
export const KACHO_HOSA = 3;
export const KAKARICHO = 4;
export const SHUNIN = 5;
export const IPPAN = 6;
