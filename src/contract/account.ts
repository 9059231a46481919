// The `account` cloud function: who the caller is, their household and their roles.
import * as v from 'valibot'
import { Cursor, defineAction, Empty, Id, PageSize, type Examples, type Page } from './common'
import { SCENE_PATTERN } from './scene'

export type RoleName = 'staff' | 'liaison' | 'supervisor'

/** A role held in the database, always scoped: a community, some buildings, or a collection point. */
export interface RoleGrant {
  role: RoleName
  communityId: string
  /** liaison: the buildings they serve */
  buildingIds?: string[]
  /** supervisor: their collection point */
  collectionPointId?: string
}

export interface PlaceNames {
  street: string
  communityId: string
  communityName: string
  estateId: string
  estateName: string
}

/** Who a resident calls about this building: its 民情速递员 and the community's office phone. */
export interface WhoToCall {
  /** the building's liaison as the box names them, e.g. 王丽; null when none is named yet */
  liaisonName: string | null
  communityName: string
  /** the community office's phone, a landline like 0371-68925010; null when unknown */
  phone: string | null
}

export interface BuildingView extends PlaceNames {
  id: string
  name: string
  units: number
  households: number
  /** who to call about it (added later: older clients and stored copies may lack it) */
  whoToCall?: WhoToCall
}

export interface HouseholdView extends PlaceNames {
  id: string
  buildingId: string
  buildingName: string
  unit: number
  room: string
  /** e.g. 陇海安居 1号楼 2单元 301 */
  label: string
}

export interface RoleView extends RoleGrant {
  /** e.g. 民情速递员 · 1号楼、2号楼 */
  title: string
}

export interface Profile {
  openid: string
  household: HouseholdView | null
  /** the household's community, else the first community a role is scoped to */
  community: { id: string; name: string; street: string } | null
  roles: RoleView[]
  createdAt: string
  /** the storage folder this caller's photos go to (`suggestions/<pseudonym>`) */
  uploadDir: string
}

export type SceneTarget =
  | { kind: 'building'; building: BuildingView }
  | { kind: 'household'; building: BuildingView; household: HouseholdView }

export interface DirectoryCommunity {
  id: string
  name: string
  street: string
  estates: { id: string; name: string; buildings: { id: string; name: string; units: number }[] }[]
}

/** `b=<buildingId>` or `h=<householdId>`: what a mini-program code's scene names (≤ 32 chars). */
export const Scene = v.pipe(
  v.string('二维码内容必须是文字'),
  v.trim(),
  v.maxLength(32, '二维码内容太长'),
  v.regex(SCENE_PATTERN, '无法识别的二维码'),
)

export const Room = v.pipe(
  v.string('请填写房号'),
  v.trim(),
  v.regex(/^\d{2,5}$/, '房号是 2–5 位数字，例如 301'),
)
export const Unit = v.pipe(
  v.number('请选择单元'),
  v.integer('单元必须是整数'),
  v.minValue(1, '单元从 1 开始'),
  v.maxValue(20, '单元号太大'),
)

export const BindHouseholdInput = v.union(
  [v.strictObject({ buildingId: Id, unit: Unit, room: Room }), v.strictObject({ scene: Scene })],
  '请选择楼栋、单元并填写房号，或扫描户卡',
)

export interface QrCode {
  scene: string
  page: string
  /** what the code is for, e.g. 陇海安居 1号楼 民意信箱 */
  label: string
  /** PNG as a data URL, ready for <Image> and for printing */
  dataUrl: string
}

/** A building's household cards as a PDF (A4, eight to a page), stored in cloud storage. */
export interface HouseholdCardsPdf {
  /** cloud file ID: weapp downloads it (wx.cloud.downloadFile) and opens it (wx.openDocument) */
  fileId: string
  /** e.g. 陇海安居 1号楼 意见征集服务卡 */
  label: string
  cards: number
  pages: number
  bytes: number
}

/** What a message is about; each domain adds its kinds here. */
export type MessageKind =
  | 'status'
  | 'reply'
  | 'new'
  | 'overdue'
  | 'golden'
  | 'comment'
  // activities: reminder, promotion from the waitlist, change, cancellation
  | 'activity'
  // points: redemption, expiry refund, adjustment
  | 'points'

/** One entry of the in-app message list (消息): replies, status changes, reminders. */
export interface MessageView {
  id: string
  kind: MessageKind
  title: string
  body: string
  /** a mini-program page path to open, e.g. /subpackages/suggestion/pages/detail/index?id=… */
  link: string | null
  read: boolean
  createdAt: string
}

/** The caller's messages, newest first; `unread` counts all of them, not just this page. */
export const messagesContract = {
  messages: defineAction<Page<MessageView> & { unread: number }>()(
    v.optional(v.strictObject({ cursor: Cursor, limit: PageSize }), {}),
  ),
  /** Marks the given messages read, or all of the caller's when `ids` is left out. */
  readMessages: defineAction<{ unread: number }>()(
    v.optional(v.strictObject({ ids: v.optional(v.pipe(v.array(Id), v.maxLength(100))) }), {}),
  ),
}

export const account = {
  login: defineAction<Profile>()(Empty),
  resolveScene: defineAction<SceneTarget>()(v.strictObject({ scene: Scene })),
  directory: defineAction<DirectoryCommunity[]>()(Empty),
  bindHousehold: defineAction<Profile>()(BindHouseholdInput),
  unbindHousehold: defineAction<Profile>()(Empty),
  /** Staff (community) and liaisons (their buildings) print the codes for boxes and household cards. */
  qrCode: defineAction<QrCode>()(v.strictObject({ scene: Scene })),
  /** …and every household card of a building at once, as one A4 PDF in cloud storage. */
  householdCards: defineAction<HouseholdCardsPdf>()(v.strictObject({ buildingId: Id })),
  ...messagesContract,
}
export type AccountContract = typeof account

/** A valid input of every action (陇海安居 1号楼 and 张秀兰's household card). */
export const accountExamples: Examples<typeof account> = {
  login: {},
  resolveScene: { scene: 'b=LH-1' },
  directory: {},
  bindHousehold: { scene: 'h=LH-1-2-301' },
  unbindHousehold: {},
  qrCode: { scene: 'b=LH-1' },
  householdCards: { buildingId: 'LH-1' },
  messages: { limit: 20 },
  readMessages: {},
}
