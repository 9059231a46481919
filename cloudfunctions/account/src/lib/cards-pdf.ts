// 意见征集服务卡, a building at a time: one A4 PDF of every household's card — its address, its QR
// code (`h=<householdId>`, opening the home page to bind in one tap) and who to call — eight to a
// page, two across, with cut lines. Drawn with pdf-lib; the Chinese comes from Noto Sans SC
// (SIL Open Font License 1.1), subset to the characters used, so the file stays small.
import fontkit from '@pdf-lib/fontkit'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib'

/** Where the font sits beside the built function (scripts/build-functions.ts copies it there). */
export const FONT_FILE = join(__dirname, 'fonts', 'NotoSansSC-Regular.ttf')

let fontBytes: Buffer | null = null
function font(): Buffer {
  fontBytes ??= readFileSync(FONT_FILE)
  return fontBytes
}

// Parsing the 10.5 MB font is most of a PDF's cost: parse it once per warm function instance and
// hand pdf-lib the same parsed font each time (each PDF still gets its own subset).
type Fontkit = Parameters<PDFDocument['registerFontkit']>[0]
let parsed: ReturnType<Fontkit['create']> | null = null
const cachedFontkit: Fontkit = {
  create: (bytes, name) => (parsed ??= fontkit.create(bytes, name)),
}

export interface Card {
  /** e.g. 陇海安居 1号楼 */
  building: string
  /** e.g. 2单元 301 */
  room: string
  qrPng: Buffer
}

export interface CardSheet {
  community: string
  phone: string | null
  liaisonName: string | null
  cards: Card[]
}

const A4 = { w: 595.28, h: 841.89 }
const MARGIN = 28
const COLS = 2
const ROWS = 4
export const CARDS_PER_PAGE = COLS * ROWS
const RED = rgb(0.776, 0.157, 0.157)
const INK = rgb(0.1, 0.1, 0.1)
const GREY = rgb(0.35, 0.35, 0.35)

function drawCard(
  page: PDFPage,
  f: PDFFont,
  qr: PDFImage,
  card: Card,
  sheet: CardSheet,
  x: number,
  y: number,
  w: number,
  h: number,
): void {
  page.drawRectangle({
    x,
    y,
    width: w,
    height: h,
    borderColor: GREY,
    borderWidth: 0.6,
    borderDashArray: [4, 3],
  })
  const pad = 12
  // the QR code on the right, the words on the left in the ~130 pt it leaves
  const qrSize = Math.min(h - 2 * pad, w * 0.42)
  page.drawImage(qr, {
    x: x + w - pad - qrSize,
    y: y + (h - qrSize) / 2,
    width: qrSize,
    height: qrSize,
  })
  const left = x + pad
  let line = y + h - pad - 14
  page.drawText('意见征集服务卡', { x: left, y: line, size: 14, font: f, color: RED })
  line -= 24
  page.drawText(card.building, { x: left, y: line, size: 13, font: f, color: INK })
  line -= 24
  page.drawText(card.room, { x: left, y: line, size: 20, font: f, color: INK })
  line -= 20
  page.drawText('扫码绑定我家，', { x: left, y: line, size: 9, font: f, color: GREY })
  line -= 13
  page.drawText('有事说给社区听', { x: left, y: line, size: 9, font: f, color: GREY })
  line -= 16
  if (sheet.liaisonName) {
    page.drawText(`民情速递员：${sheet.liaisonName}`, {
      x: left,
      y: line,
      size: 9,
      font: f,
      color: INK,
    })
    line -= 13
  }
  page.drawText(`${sheet.community}${sheet.phone ? ` ${sheet.phone}` : ''}`, {
    x: left,
    y: line,
    size: 9,
    font: f,
    color: INK,
  })
}

/** The PDF's bytes: every card of the sheet, eight to an A4 page. */
export async function cardsPdf(sheet: CardSheet): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.registerFontkit(cachedFontkit)
  doc.setTitle(`${sheet.cards[0]?.building ?? ''} 意见征集服务卡`)
  doc.setCreator('民情速递站')
  const f = await doc.embedFont(font(), { subset: true })
  const w = (A4.w - 2 * MARGIN) / COLS
  const h = (A4.h - 2 * MARGIN) / ROWS
  let page: PDFPage | null = null
  for (let i = 0; i < sheet.cards.length; i++) {
    const slot = i % CARDS_PER_PAGE
    if (slot === 0) page = doc.addPage([A4.w, A4.h])
    if (!page) continue
    const card = sheet.cards[i]
    const qr = await doc.embedPng(card.qrPng)
    const col = slot % COLS
    const row = Math.floor(slot / COLS)
    drawCard(page, f, qr, card, sheet, MARGIN + col * w, A4.h - MARGIN - (row + 1) * h, w, h)
  }
  return doc.save()
}
