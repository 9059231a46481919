import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import CodesPage from '@/subpackages/staff/pages/codes'
import { freshResident, openPage } from './helpers'

const CODES = '/subpackages/staff/pages/codes/index'

describe('二维码 (staff and liaisons print 一箱一卡)', () => {
  it('a liaison sees only their buildings and gets the box code of the first', async () => {
    openPage(CODES, {}, 'demo-liaison')
    render(<CodesPage />)
    expect(await screen.findByText('陇海安居 1号楼 民意信箱')).toBeTruthy()
    // the building picker is one line until 换一栋: then only their own buildings
    fireEvent.click(screen.getByRole('button', { name: '换一栋' }))
    expect(screen.getByRole('button', { name: '陇海安居 2号楼' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: '陇海安居 3号楼' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '陇海安居 1号楼' }))
    const img = (await screen.findByTestId('qr-card')).querySelector('img')
    expect(img?.getAttribute('src')).toMatch(/^data:image\/png;base64,/)
  })

  it('staff print a household card by unit and room', async () => {
    openPage(CODES, {}, 'demo-staff')
    render(<CodesPage />)
    fireEvent.click(await screen.findByRole('button', { name: '换一栋' }))
    fireEvent.click(screen.getByRole('button', { name: '陇海安居 3号楼' }))
    await screen.findByText('陇海安居 3号楼 民意信箱')
    fireEvent.click(screen.getByRole('button', { name: '2单元' }))
    fireEvent.change(screen.getByLabelText('房号'), { target: { value: '502' } })
    fireEvent.click(screen.getByRole('button', { name: '生成户卡码' }))
    await waitFor(() =>
      expect(screen.getByText('陇海安居 3号楼 2单元 502 意见征集服务卡')).toBeTruthy(),
    )
    expect(screen.queryByText('陇海安居 3号楼 民意信箱')).toBeNull()
    // another room typed: the card on screen no longer matches it, so it goes
    fireEvent.change(screen.getByLabelText('房号'), { target: { value: '601' } })
    expect(screen.queryByTestId('qr-card')).toBeNull()
  })

  it('takes the old code off the screen when the household asked for does not exist', async () => {
    openPage(CODES, {}, 'demo-staff')
    render(<CodesPage />)
    await screen.findByText('陇海安居 1号楼 民意信箱')
    fireEvent.change(screen.getByLabelText('房号'), { target: { value: '9901' } })
    fireEvent.click(screen.getByRole('button', { name: '生成户卡码' }))
    expect(await screen.findByTestId('codes-failed')).toBeTruthy()
    expect(screen.getByTestId('codes-failed').textContent).toMatch(/没有找到这户/)
    expect(screen.queryByTestId('qr-card')).toBeNull()
  })

  it('a resident has nothing to print', async () => {
    openPage(CODES, {}, freshResident())
    render(<CodesPage />)
    expect(await screen.findByText('您没有可以管理的楼栋')).toBeTruthy()
  })
})
