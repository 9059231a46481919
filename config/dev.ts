import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      // `npm run dev:h5` talks to the local cloud the same way the built h5 does.
      proxy: {
        '/api': { target: 'http://127.0.0.1:10086', changeOrigin: true },
      },
    },
  },
} satisfies UserConfigExport<'webpack5'>
