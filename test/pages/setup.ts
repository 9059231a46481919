// Page tests run the h5 flavour of the app (fetch to the local cloud gateway, persona header).
process.env.TARO_ENV = 'h5'

// jsdom has no canvas; lottie-web (pulled in by NutUI's entry) paints on one as it loads.
// A 2D context that accepts and ignores everything is all it needs.
const context2d = new Proxy(
  {},
  {
    get: (target: Record<string | symbol, unknown>, key) =>
      key in target ? target[key] : () => undefined,
    set: (target: Record<string | symbol, unknown>, key, value) => {
      target[key] = value
      return true
    },
  },
)
Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
  configurable: true,
  value: () => context2d,
})

// NutUI's entry also loads its mini-program Lottie, which warns about canvases as it loads.
const warn = console.warn.bind(console)
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('Lottie')) return
  warn(...args)
}

// react-transition-group (inside NutUI's Dialog) still calls findDOMNode; not ours to fix.
const error = console.error.bind(console)
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('findDOMNode is deprecated')) return
  error(...args)
}
