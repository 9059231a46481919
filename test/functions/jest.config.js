/** Cloud-function tests: the real wx-server-sdk against a real local cloud. */
const path = require('node:path')

module.exports = {
  displayName: 'functions',
  rootDir: path.resolve(__dirname, '..', '..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/functions/**/*.test.ts'],
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
