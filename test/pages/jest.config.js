/**
 * Page tests: the real pages rendered by React Testing Library under jsdom, with the platform
 * (@tarojs/taro, @tarojs/components) faked and our services calling a real local cloud over HTTP.
 */
const path = require('node:path')

module.exports = {
  displayName: 'pages',
  rootDir: path.resolve(__dirname, '..', '..'),
  testEnvironment: '<rootDir>/test/support/jsdom-env.js',
  testMatch: ['<rootDir>/test/pages/**/*.test.tsx'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['<rootDir>/test/pages/setup.ts'],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/support/taro.ts',
    '^@tarojs/components$': '<rootDir>/test/support/taro-components.tsx',
    '^@nutui/nutui-react-taro$': '@nutui/nutui-react-taro/dist/es/packages/nutui.react.build.js',
    '^@nutui/nutui-react-taro/dist/es/packages/.+/style/css$':
      '<rootDir>/test/support/style-mock.js',
    '\\.(css|scss|less)$': '<rootDir>/test/support/style-mock.js',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/test/pages/tsconfig.json' }],
    '^.+\\.jsx?$': [
      'babel-jest',
      {
        babelrc: false,
        configFile: false,
        presets: [['@babel/preset-env', { targets: { node: 'current' } }]],
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@nutui|@tarojs)/)'],
}
