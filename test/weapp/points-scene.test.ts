// A supervisor who scans a household card with WeChat's own camera (the code opens the home page
// with scene h=<household>) lands on the recording screen for that household.
import { bootWeapp, openPage, waitFor } from '../support/weapp'
import { testCloudUrl } from '../support/test-cloud-url'

const RECORD = 'subpackages/points/pages/record/index'

describe('weapp build · a supervisor scans a household card with WeChat’s camera', () => {
  it('lands on the recording screen for that household, not on the resident home', async () => {
    const wx = bootWeapp(testCloudUrl(), 'demo-supervisor')
    const home = openPage('pages/index/index', { scene: encodeURIComponent('h=DF-1-1-1804') })
    await waitFor(
      'the navigation',
      () => wx.navigations.find((u) => u.includes('points/pages/record')),
      8000,
    )
    expect(wx.navigations.at(-1)).toContain('h=DF-1-1-1804')
    home.close()
    const rec = openPage(RECORD, { h: 'DF-1-1-1804' })
    await rec.waitForText('1号楼 1单元 1804')
    expect(rec.text()).toContain('分类正确')
    rec.close()
  })
})
