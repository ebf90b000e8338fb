// Dates are plain YYYY-MM-DD strings; pinning the zone keeps any accidental local-time use from passing on one machine only.
process.env.TZ = 'UTC';

module.exports = {
  displayName: 'shared-demo-data',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/shared/demo-data',
};
