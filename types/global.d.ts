/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    /** the platform being built; set by Taro at build time */
    TARO_ENV: 'weapp' | 'h5'
    /** mini-program appid override (Taro's own variable) */
    TARO_APP_ID: string
    /** WeChat cloud env id for `Taro.cloud.init`; empty = the mini-program's default env */
    TARO_APP_CLOUD_ENV?: string
  }
}
