/** End-to-end: the app as `npm start` runs it, driven in headless Chromium. */
const path = require('node:path')

module.exports = {
  displayName: 'e2e',
  rootDir: path.resolve(__dirname, '..', '..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
  testTimeout: 300000,
}
