/**
 * jsdom, plus the real fetch of node: page tests talk to a real local cloud over HTTP,
 * and jsdom has no fetch of its own.
 */
const { TestEnvironment } = require('jest-environment-jsdom')

const FROM_NODE = [
  'fetch',
  'Headers',
  'Request',
  'Response',
  'FormData',
  'AbortController',
  'AbortSignal',
  'TextEncoder',
  'TextDecoder',
  'ReadableStream',
  'structuredClone',
]

class JsdomWithFetch extends TestEnvironment {
  constructor(config, context) {
    super(config, context)
    for (const name of FROM_NODE) {
      if (typeof this.global[name] === 'undefined' && typeof globalThis[name] !== 'undefined') {
        this.global[name] = globalThis[name]
      }
    }
  }
}

module.exports = JsdomWithFetch
