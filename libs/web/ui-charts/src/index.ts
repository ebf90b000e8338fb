export * from './lib/web-ui-charts/web-ui-charts';
