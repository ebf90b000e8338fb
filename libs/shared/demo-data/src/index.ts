export * from './lib/demo-city.types';
export { DEMO_STAGES } from './lib/demo-stages';
export {
  DEFAULT_DEMO_CITY_OPTIONS,
  generateDemoCity,
} from './lib/generate-demo-city';
export * from './lib/kpi-dataset';
export { nextYearRoster, rosterAsOf, supervisorsOf } from './lib/roster';
