// 按住说话: a suggestion may be a voice note with little or no text. The voice is its speaker's:
// the submitter, their household and the building's handlers hear it; neighbours, the board and
// the similar prompt never carry it, nor say there is one; it cannot be anonymous.
import type { Page } from '../../src/contract/common'
import type { BoardItem, SimilarResult, SuggestionDetail } from '../../src/contract/suggestion'
import { VOICE_NOT_ANONYMOUS } from '../../src/contract/suggestion'
import { ok, startTestCloud, type TestCloud } from '../support/cloud'
import {
  addResident,
  driveTo,
  expectCode,
  FN,
  ROLES,
  snapshot,
  submit,
  upload,
  uniq,
} from './suggestion-support'

let t: TestCloud
const WEBM = Buffer.concat([Buffer.from('1a45dfa3', 'hex'), Buffer.alloc(256, 7)])
let submitter = ''
let household = ''
let voiceId = ''
let onlyVoice = { id: '', no: '' }

beforeAll(async () => {
  t = await startTestCloud()
  submitter = uniq('voice-sub')
  household = uniq('voice-hh')
  addResident(t, submitter, 'LH-1-1-101')
  addResident(t, household, 'LH-1-1-101')
  addResident(t, ROLES.mate, 'LH-1-3-201')
  voiceId = await upload(t, submitter, 'note.webm', WEBM)
  onlyVoice = await submit(t, submitter, {
    category: '其他',
    text: '',
    voice: { fileId: voiceId, seconds: 12 },
  })
})
afterAll(async () => {
  await t.close()
})

const detailAs = async (openid: string, id = onlyVoice.id) =>
  ok(await t.call<SuggestionDetail>(FN, openid, 'detail', { id }))

it('files a voice-only suggestion, and the list says it is a voice note', async () => {
  const d = await detailAs(submitter)
  expect(d.text).toBe('')
  expect(d.voice).toEqual({ fileId: voiceId, seconds: 12 })
  expect(d.excerpt).toBe('（一段 12 秒的语音）')
})

it.each([
  ['the submitter', () => submitter],
  ['their household', () => household],
  ['the building’s liaison', () => ROLES.liaison],
  ['the community’s staff', () => ROLES.staff],
])('lets %s hear it', async (_who, openid) => {
  expect((await detailAs(openid())).voice?.fileId).toBe(voiceId)
})

it('never gives it to a neighbour, even once published, nor to the board or the similar prompt', async () => {
  await driveTo(t, onlyVoice.id, 'in_progress')
  ok(await t.call(FN, ROLES.staff, 'publish', { id: onlyVoice.id, published: true }))
  const seen = await detailAs(ROLES.mate)
  expect(seen.voice).toBeNull()
  const board = ok(await t.call<Page<BoardItem>>(FN, ROLES.mate, 'board', { limit: 50 }))
  const card = board.items.find((i) => i.id === onlyVoice.id)
  expect(card).toBeDefined()
  expect(JSON.stringify(board)).not.toContain(voiceId)
  const similar = ok(
    await t.call<SimilarResult>(FN, ROLES.mate, 'similar', {
      buildingId: 'LH-1',
      category: '其他',
    }),
  )
  expect(JSON.stringify(similar)).not.toContain(voiceId)
})

it('refuses with the reason, and writes nothing: no text and no voice, someone else’s voice, an anonymous voice, too long', async () => {
  const before = snapshot(t)
  expectCode(
    await t.call(FN, submitter, 'submit', { buildingId: 'LH-1', category: '其他', text: '漏水' }),
    'INVALID_INPUT',
  )
  const theirs = await t.call(FN, household, 'submit', {
    buildingId: 'LH-1',
    category: '其他',
    voice: { fileId: voiceId, seconds: 5 },
  })
  expectCode(theirs, 'INVALID_INPUT')
  expect(theirs.ok ? '' : theirs.error.message).toBe('只能使用您自己录的语音')
  const anonymous = await t.call(FN, submitter, 'submit', {
    buildingId: 'LH-1',
    category: '其他',
    anonymous: true,
    voice: { fileId: voiceId, seconds: 5 },
  })
  expect(anonymous.ok ? '' : anonymous.error.message).toBe(VOICE_NOT_ANONYMOUS)
  for (const seconds of [0, 61, 2.5]) {
    expectCode(
      await t.call(FN, submitter, 'submit', {
        buildingId: 'LH-1',
        category: '其他',
        voice: { fileId: voiceId, seconds },
      }),
      'INVALID_INPUT',
    )
  }
  // a photo's file passed off as a voice note
  expectCode(
    await t.call(FN, submitter, 'submit', {
      buildingId: 'LH-1',
      category: '其他',
      voice: { fileId: voiceId.replace(/\.webm$/, '.jpg'), seconds: 5 },
    }),
    'INVALID_INPUT',
  )
  expect(snapshot(t)).toBe(before)
})

it('takes 1 and 60 seconds, the bounds of 按住说话', async () => {
  for (const seconds of [1, 60]) {
    const filed = await submit(t, submitter, {
      category: '其他',
      text: '',
      voice: { fileId: voiceId, seconds },
    })
    expect((await detailAs(submitter, filed.id)).voice?.seconds).toBe(seconds)
  }
})

it('keeps a voice note beside a short text', async () => {
  const both = await submit(t, submitter, {
    category: '照明',
    text: '灯',
    voice: { fileId: voiceId, seconds: 3 },
  })
  const d = await detailAs(ROLES.liaison, both.id)
  expect(d.text).toBe('灯')
  expect(d.voice?.seconds).toBe(3)
})
