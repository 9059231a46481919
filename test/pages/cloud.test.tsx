import { accountService } from '@/services/account'
import { CloudError, setApiBase } from '@/services/cloud'
import { render, waitFor } from '@testing-library/react'
import { PageShell } from '@/components/page-shell'
import { freshResident, openPage, toastsOnScreen } from './helpers'

describe('services/cloud', () => {
  it('unwraps the envelope into typed data', async () => {
    openPage('/pages/index/index', {}, 'demo-resident')
    const profile = await accountService.login()
    expect(profile.openid).toBe('demo-resident')
    expect(profile.household?.id).toBe('LH-1-2-301')
  })

  it('turns an error envelope into a CloudError and a Chinese toast', async () => {
    openPage('/pages/index/index', {}, freshResident())
    render(<PageShell>页面</PageShell>)
    const failure = accountService.resolveScene('b=NOPE-9')
    await expect(failure).rejects.toBeInstanceOf(CloudError)
    await expect(failure).rejects.toMatchObject({ code: 'NOT_FOUND', message: '没有找到这栋楼' })
    await waitFor(() => expect(toastsOnScreen()).toEqual(['没有找到这栋楼']))
  })

  it('stays quiet when the caller says silent', async () => {
    openPage('/pages/index/index', {}, freshResident())
    render(<PageShell>页面</PageShell>)
    await expect(accountService.resolveScene('b=NOPE-9', { silent: true })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    expect(toastsOnScreen()).toEqual([])
  })

  it('says 网络不好 when the gateway cannot be reached', async () => {
    openPage('/pages/index/index', {}, freshResident())
    render(<PageShell>页面</PageShell>)
    setApiBase('http://127.0.0.1:9')
    await expect(accountService.login()).rejects.toMatchObject({
      code: 'NETWORK',
      message: '网络不好，请稍后再试',
    })
    await waitFor(() => expect(toastsOnScreen()).toEqual(['网络不好，请稍后再试']))
  })
})
