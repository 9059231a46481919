import { fireEvent, render, screen } from '@testing-library/react'
import HomePage from '@/pages/index/index'
import PersonaPage from '@/subpackages/account/pages/persona/index'
import { currentPersonaId } from '@/services/persona'
import { freshResident, openPage, taroTest } from './helpers'

describe('切换身份 (h5 local demo)', () => {
  it('shows who I am on every page, linking to the picker', async () => {
    openPage('/pages/index/index', {}, 'demo-staff')
    render(<HomePage />)
    expect(await screen.findByText('本地演示 · 当前身份：刘书记')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: '切换演示身份' }))
    expect(taroTest.navigations.at(-1)?.url).toBe('/subpackages/account/pages/persona/index')
  })

  it('switches to the chosen persona and starts over at 首页', () => {
    openPage('/subpackages/account/pages/persona/index', {}, freshResident())
    render(<PersonaPage />)

    fireEvent.click(screen.getByRole('button', { name: '李建国' }))
    expect(currentPersonaId()).toBe('demo-neighbour')
    expect(taroTest.navigations.at(-1)).toEqual({ kind: 'reLaunch', url: '/pages/index/index' })
  })

  it('can become a brand-new resident', () => {
    openPage('/subpackages/account/pages/persona/index', {}, 'demo-resident')
    render(<PersonaPage />)

    fireEvent.click(screen.getByRole('button', { name: '换成一位全新的住户' }))
    expect(currentPersonaId()).toMatch(/^h5-[a-z0-9]{8}$/)
  })
})
