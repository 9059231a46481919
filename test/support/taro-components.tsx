// @tarojs/components for jsdom: each component as a plain element, with the few props our pages
// and NutUI use translated to DOM (ariaRole → role, Input's onInput → detail.value, …).
import {
  createElement,
  forwardRef,
  Fragment,
  type ChangeEvent,
  type CSSProperties,
  type ReactNode,
} from 'react'

type Props = Record<string, unknown> & { children?: ReactNode }

const PASS = ['id', 'className', 'hidden', 'onClick', 'onTouchStart', 'onTouchMove', 'onTouchEnd']

function domProps(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(props)) {
    if (PASS.includes(key) || key.startsWith('data-') || key.startsWith('aria-')) out[key] = value
  }
  if (typeof props.style === 'object' && props.style !== null)
    out.style = props.style as CSSProperties
  if (typeof props.ariaRole === 'string') out.role = props.ariaRole
  if (typeof props.ariaLabel === 'string') out['aria-label'] = props.ariaLabel
  return out
}

function host(tag: string, name: string) {
  const Component = forwardRef<HTMLElement, Props>((props, ref) =>
    createElement(tag, { ...domProps(props), ref }, props.children as ReactNode),
  )
  Component.displayName = name
  return Component
}

export const View = host('div', 'View')
export const Text = host('span', 'Text')
export const ScrollView = host('div', 'ScrollView')
export const Swiper = host('div', 'Swiper')
export const SwiperItem = host('div', 'SwiperItem')
export const Label = host('label', 'Label')
export const Form = host('form', 'Form')
export const Icon = host('i', 'Icon')
export const Navigator = host('a', 'Navigator')
export const RichText = host('div', 'RichText')
export const Canvas = host('canvas', 'Canvas')
export const Picker = host('div', 'Picker')
export const CoverView = host('div', 'CoverView')
export const MovableArea = host('div', 'MovableArea')
export const MovableView = host('div', 'MovableView')

export function Block({ children }: Props) {
  return createElement(Fragment, null, children)
}
export const RootPortal = Block

export const Button = forwardRef<HTMLButtonElement, Props>((props, ref) =>
  createElement(
    'button',
    { ...domProps(props), type: 'button', disabled: props.disabled === true, ref },
    props.children as ReactNode,
  ),
)
Button.displayName = 'Button'

export const Image = forwardRef<HTMLImageElement, Props>((props, ref) =>
  createElement('img', { ...domProps(props), src: props.src, alt: props.alt ?? '', ref }),
)
Image.displayName = 'Image'

type InputHandler = (e: { detail: { value: string } }) => void

function field(tag: 'input' | 'textarea', name: string) {
  const Component = forwardRef<HTMLElement, Props>((props, ref) => {
    const onInput = props.onInput as InputHandler | undefined
    return createElement(tag, {
      ...domProps(props),
      ref,
      // Taro's number keyboard still yields text; keep the DOM from sanitising it away
      type: tag === 'input' ? (props.password ? 'password' : 'text') : undefined,
      inputMode: props.type === 'number' || props.type === 'digit' ? 'numeric' : undefined,
      value: (props.value as string | undefined) ?? '',
      placeholder: props.placeholder,
      maxLength: props.maxlength,
      disabled: props.disabled === true,
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
        onInput?.({ detail: { value: e.target.value } }),
    })
  })
  Component.displayName = name
  return Component
}
export const Input = field('input', 'Input')
export const Textarea = field('textarea', 'Textarea')

export const Switch = forwardRef<HTMLInputElement, Props>((props, ref) =>
  createElement('input', {
    ...domProps(props),
    ref,
    type: 'checkbox',
    role: 'switch',
    checked: props.checked === true,
    onChange: () => undefined,
  }),
)
Switch.displayName = 'Switch'
