/**
 * The real weapp build (dist/weapp, from `npm run build:weapp`; the globalSetup rebuilds it when it
 * is missing or older than its sources) driven in miniprogram-simulate.
 * Nothing of ours is mapped or mocked: only `wx` itself, whose cloud.callFunction forwards to a
 * real local cloud over HTTP. miniprogram-simulate renders into a DOM, hence jsdom (plus fetch).
 */
const path = require('node:path')

module.exports = {
  displayName: 'weapp',
  rootDir: path.resolve(__dirname, '..', '..'),
  testEnvironment: '<rootDir>/test/support/jsdom-env.js',
  testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
  globalSetup: '<rootDir>/test/weapp/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/test/pages/tsconfig.json' }],
  },
  // dist/ is already compiled for the mini-program runtime: run it as is
  transformIgnorePatterns: ['/node_modules/', '/dist/'],
}
