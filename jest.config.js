/** All test suites. Each project has its own environment; `npm test` runs them all. */
module.exports = {
  projects: [
    '<rootDir>/local-cloud/jest.config.js',
    '<rootDir>/test/functions/jest.config.js',
    '<rootDir>/test/pages/jest.config.js',
    '<rootDir>/test/weapp/jest.config.js',
    '<rootDir>/test/e2e/jest.config.js',
  ],
  // a global option: jest ignores (and warns about) testTimeout inside a project's config
  testTimeout: 60000,
}
