/** Cloud-function tests: the real wx-server-sdk against a real local cloud. */
const path = require('node:path')

module.exports = {
  displayName: 'functions',
  rootDir: path.resolve(__dirname, '..', '..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/functions/**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
  testTimeout: 60000,
}
