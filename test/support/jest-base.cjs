// Shared by the integration and end-to-end suites: TypeScript through ts-jest (CommonJS; these
// suites talk to the built API over HTTP, so they never load the ESM-only Nest packages).
const { join } = require('node:path');

const root = join(__dirname, '..', '..');

module.exports = (name) => ({
  displayName: name,
  rootDir: root,
  testEnvironment: 'node',
  testMatch: [`<rootDir>/test/${name}/**/*.spec.ts`],
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
  transform: {
    // Type-checking is `tsc -p test` (run by npm test); here only transpile, to CommonJS.
    '^.+\\.ts$': [
      'ts-jest',
      {
        isolatedModules: true,
        diagnostics: false,
        tsconfig: {
          module: 'commonjs',
          target: 'es2022',
          esModuleInterop: true,
          experimentalDecorators: true,
          emitDecoratorMetadata: false,
        },
      },
    ],
  },
  moduleNameMapper: {
    '^@ikuboard/shared/contracts$':
      '<rootDir>/libs/shared/contracts/src/index.ts',
    '^@ikuboard/shared/kpi$': '<rootDir>/libs/shared/kpi/src/index.ts',
    '^@ikuboard/shared/demo-data$':
      '<rootDir>/libs/shared/demo-data/src/index.ts',
  },
  globalSetup: `<rootDir>/test/${name}/global-setup.cjs`,
  globalTeardown: '<rootDir>/test/support/global-teardown.cjs',
  testTimeout: 120_000,
  slowTestThreshold: 30,
});
