/** End-to-end: the app as `npm start` runs it, driven in headless Chromium. */
const path = require('node:path')

module.exports = {
  displayName: 'e2e',
  rootDir: path.resolve(__dirname, '..', '..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/e2e/timeout.js'],
  // Type-checking is tsc's job (npm run typecheck); jest only strips types, file by file.
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        diagnostics: false,
        tsconfig: {
          target: 'es2020',
          module: 'commonjs',
          esModuleInterop: true,
          isolatedModules: true,
          skipLibCheck: true,
        },
      },
    ],
  },
}
