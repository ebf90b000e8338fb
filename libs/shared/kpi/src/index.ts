export * from './lib/dataset';
export * from './lib/fiscal-year';
export * from './lib/iso-date';
export * from './lib/population';
export * from './lib/rounding';
export * from './lib/staff-ratios';
export * from './lib/staff-ratio-values';
export * from './lib/explanation';
