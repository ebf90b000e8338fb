export * from './lib/api.dto';
export * from './lib/kpi-codes';
export * from './lib/permissions';
export * from './lib/org-defaults';
export * from './lib/kpi-catalogue';
export * from './lib/aggregate-figures';
export * from './lib/reviews360';
