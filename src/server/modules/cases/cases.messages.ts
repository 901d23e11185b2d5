/**
 * Messages of the cases module (zh-CN, en-US).
 */
import type { Message } from '../../platform/http/messages.js';

export const casesMessages: Record<string, Message> = {
  case_transition_not_allowed: { zh: '当前状态（{state}）下不能执行该操作（{event}）', en: 'This action ({event}) is not allowed in the current state ({state})' },
  case_reason_required: { zh: '请填写理由', en: 'A reason is required' },
  case_redo_limit_reached: { zh: '重办次数已达上限（{max} 次）', en: 'The redo limit ({max}) has been reached' },
  case_redo_needs_dissatisfaction: { zh: '只有评价“不满意”后才能申请重办', en: 'A redo needs a "dissatisfied" rating first' },
  case_reopen_window_passed: { zh: '已超过可重新打开的期限（结案后 {days} 天内）', en: 'The reopening window ({days} days after closure) has passed' },
  case_already_rated: { zh: '本轮办理已评价', en: 'This round of handling has been rated already' },
  case_extension_already_pending: { zh: '已有待审批的延期申请', en: 'An extension request is already pending' },
  case_no_extension_pending: { zh: '没有待审批的延期申请', en: 'No extension request is pending' },
  case_extension_days: { zh: '延期天数须为 1 至 {max} 个工作日', en: 'An extension is 1 to {max} working days' },
  case_version_conflict: { zh: '工单已被他人处理（当前版本 {current}），请刷新后再试', en: 'Someone else changed this case (now version {current}); reload and try again' },
  case_report_to_supervision: { zh: '反映干部问题的举报请通过“监督举报”渠道提交，将依法保护举报人', en: 'Reports about officials go through the protected supervision channel' },
  case_channel_required: { zh: '请注明应通过的渠道', en: 'Name the proper channel' },
  case_answer_required: { zh: '请填写答复内容', en: 'An answer is required' },
  case_reply_required: { zh: '请填写办理结果', en: 'A reply is required' },
  case_merge_target_invalid: { zh: '合并目标工单不存在、不可见或已办结', en: 'The case to merge into does not exist, is not visible or is closed' },
  case_lead_in_co_units: { zh: '主办单位不能同时是协办单位', en: 'The lead unit cannot also be a co-handling unit' },
  case_no_route: { zh: '职责清单未指定承办单位，请手动选择', en: 'The responsibility list names no unit; choose one' },
  case_same_unit: { zh: '异议成立时须改派至其他单位', en: 'An upheld objection must go to another unit' },
  case_no_pending_objection: { zh: '没有待审核的派单异议', en: 'No objection is pending' },
  case_tracking_not_found: { zh: '查询码无效', en: 'Unknown tracking code' },
  case_closed: { zh: '工单已办结', en: 'The case is closed' },
  case_support_own: { zh: '不能支持自己提交的诉求', en: 'You cannot support your own request' },
  photo_type_not_allowed: { zh: '只能上传 JPEG、PNG 或 WebP 图片', en: 'Only JPEG, PNG or WebP images are accepted' },
  photo_too_large: { zh: '图片不能超过 8 MB', en: 'An image may be at most 8 MiB' },
  photo_empty: { zh: '请选择图片', en: 'Choose an image' },
  photo_corrupt: { zh: '图片已损坏或格式不正确', en: 'The image is damaged or malformed' },
  photo_limit: { zh: '每个工单最多 {max} 张图片', en: 'At most {max} images per case' },
};
