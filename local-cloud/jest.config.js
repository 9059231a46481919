/** The local cloud's own suite: the real wx-server-sdk against a real local cloud, no mocks. */
module.exports = {
  displayName: 'local-cloud',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: {
    // Type-checking is tsc's job (tsconfig.node.json); jest only strips types, file by file.
    '^.+\\.ts$': [
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
