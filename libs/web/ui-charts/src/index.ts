export * from './lib/line-chart/line-chart';
export * from './lib/line-chart/line-series';
export * from './lib/bar-chart/bar-chart';
export * from './lib/bar-chart/bar-series';
export * from './lib/sparkline/sparkline';
