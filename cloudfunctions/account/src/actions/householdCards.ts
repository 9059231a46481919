import { randomBytes } from 'node:crypto'
import { account } from '../../../../src/contract/account'
import { requireManagerOf } from '../../../../server/access'
import { getCloud } from '../../../../server/cloud'
import { rows } from '../../../../server/db'
import type { HouseholdDoc } from '../../../../server/models'
import { getBuilding } from '../../../../server/places'
import { handler } from '../../../../server/router'
import { SCAN_PAGE } from './qrCode'

/** mini-program codes asked for at once (wxacode.getUnlimited has a per-minute quota) */
const AT_ONCE = 8

interface Storage {
  uploadFile(p: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
}

/**
 * Staff (their community) and liaisons (their buildings) print every household card of one
 * building as one A4 PDF, stored in cloud storage under `cards/`; the phone downloads and opens it.
 */
export const householdCards = handler(
  account.householdCards,
  ['staff', 'liaison'],
  async ({ buildingId }, ctx) => {
    const building = await getBuilding(ctx.db, buildingId)
    requireManagerOf(ctx.user, building)
    const households = (
      await rows<HouseholdDoc>(
        ctx.db.collection('households').where({ buildingId: building._id }).limit(1000),
      )
    ).sort((a, b) => a.unit - b.unit || Number(a.room) - Number(b.room))
    const qr: Buffer[] = []
    for (let i = 0; i < households.length; i += AT_ONCE) {
      const batch = households.slice(i, i + AT_ONCE)
      qr.push(
        ...(await Promise.all(
          batch.map((h) => ctx.openapi.miniProgramCode(`h=${h._id}`, SCAN_PAGE)),
        )),
      )
    }
    // pdf-lib and fontkit are loaded only here, not on every login
    const { cardsPdf, CARDS_PER_PAGE } = await import('../lib/cards-pdf')
    const pdf = await cardsPdf({
      community: building.communityName,
      phone: building.communityPhone ?? null,
      liaisonName: building.liaisonName ?? null,
      cards: households.map((h, i) => ({
        building: `${h.estateName} ${h.buildingName}`,
        room: `${h.unit}单元 ${h.room}`,
        qrPng: qr[i],
      })),
    })
    const cloudPath = `cards/${building._id}-${randomBytes(6).toString('hex')}.pdf`
    const storage = getCloud() as unknown as Storage
    const { fileID } = await storage.uploadFile({ cloudPath, fileContent: Buffer.from(pdf) })
    return {
      fileId: fileID,
      label: `${building.estateName} ${building.name} 意见征集服务卡`,
      cards: households.length,
      pages: Math.ceil(households.length / CARDS_PER_PAGE),
      bytes: pdf.length,
    }
  },
)
