// What each action on a suggestion asks for: the form being filled in and the rule for its note.
import type { Status } from '@/contract/suggestion'
import { TRANSITION_ACTIONS } from '../../format'

/** The action form open on the page: one status change, a reply, reopening, rating, commenting. */
export type Form =
  | { kind: 'transition'; to: Status }
  | { kind: 'reply' }
  | { kind: 'reopen' }
  | { kind: 'rate' }
  | { kind: 'comment' }

export interface NoteRule {
  label: string
  placeholder: string
  required: boolean
  /** said when a required note is empty */
  missing: string
  min: number
  max: number
  photos: boolean
  submit: string
}

export function noteRule(form: Form, from: Status, handler: boolean): NoteRule {
  switch (form.kind) {
    case 'reply':
      return {
        label: handler ? '回复居民' : '补充情况（处理的工作人员能看到）',
        placeholder: handler ? '例如：已联系物业，周三上午来修' : '例如：今天又漏了，漏得更厉害',
        required: true,
        missing: '请写上回复的内容',
        min: 1,
        max: 500,
        photos: true,
        submit: '发送回复',
      }
    case 'reopen':
      return {
        label: '哪里还没弄好？',
        placeholder: '例如：修过以后下雨还是漏',
        required: true,
        missing: '请写上哪里还没弄好',
        min: 5,
        max: 300,
        photos: false,
        submit: '确认，要求重新办理',
      }
    case 'rate':
      return {
        label: '想说的话（可以不写）',
        placeholder: '例如：修得很快，谢谢',
        required: false,
        missing: '',
        min: 0,
        max: 200,
        photos: false,
        submit: '提交评价',
      }
    case 'comment':
      return {
        label: '说说您的看法',
        placeholder: '例如：同意，我家也遇到了',
        required: true,
        missing: '请写上留言',
        min: 2,
        max: 300,
        photos: false,
        submit: '发表留言',
      }
    case 'transition':
      switch (form.to) {
        case 'declined':
          return {
            label: '不采纳的原因（必填，居民能看到）',
            placeholder: '例如：属于供电公司管辖，已告知报修电话 95598',
            required: true,
            missing: '请写上不采纳的原因',
            min: 1,
            max: 500,
            photos: false,
            submit: '确认不予采纳',
          }
        case 'resolved':
          return {
            label: '办理结果（必填，居民能看到）',
            placeholder: '例如：已更换楼顶防水层，下雨后复查不再漏水',
            required: true,
            missing: '请写上办理结果',
            min: 1,
            max: 500,
            photos: true,
            submit: '确认办结',
          }
        case 'in_progress':
          return {
            label: from === 'deliberating' ? '议事结果（会公开在议事长廊）' : '说明（可以不写）',
            placeholder:
              from === 'deliberating'
                ? '例如：居民议事会同意用维修基金修楼顶'
                : '例如：已派人，明天上午去看',
            required: false,
            missing: '',
            min: 0,
            max: 500,
            photos: false,
            submit: `确认${TRANSITION_ACTIONS[form.to]}`,
          }
        default:
          return {
            label: '说明（可以不写）',
            placeholder:
              form.to === 'deliberating'
                ? '例如：涉及全楼，提交两委会和居民议事会商量'
                : '例如：已收到，明天上午去看',
            required: false,
            missing: '',
            min: 0,
            max: 500,
            photos: false,
            submit: `确认${TRANSITION_ACTIONS[form.to]}`,
          }
      }
  }
}
