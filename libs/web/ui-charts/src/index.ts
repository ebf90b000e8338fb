export * from './lib/line-chart/line-chart';
export * from './lib/line-chart/line-series';
