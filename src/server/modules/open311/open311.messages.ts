/**
 * Messages of the Open311 module (zh-CN, en-US): error descriptions, field problems and
 * notices, and the labels of the service attributes.
 */
import type { Message } from '../../platform/http/messages.js';

export const open311Messages: Record<string, Message> = {
  open311_invalid: { zh: '请求参数有误', en: 'Invalid parameters' },
  open311_api_key_invalid: { zh: '未提供 api_key 或 api_key 无效', en: 'api_key was not provided or is invalid' },
  open311_api_key_scope: { zh: '该 api_key 无权提交诉求', en: 'This api_key may not submit requests' },
  open311_service_code_not_found: { zh: 'service_code 不存在', en: 'service_code not found' },
  open311_service_request_not_found: { zh: 'service_request_id 不存在', en: 'service_request_id not found' },
  open311_token_not_found: { zh: 'token 不存在', en: 'token not found' },
  open311_jurisdiction_not_found: { zh: 'jurisdiction_id 不存在', en: 'jurisdiction_id not found' },
  open311_no_jurisdiction: { zh: '尚未建立行政区划，无法受理', en: 'No jurisdiction is set up yet' },
  open311_required: { zh: '为必填项', en: 'is required' },
  open311_location_required: { zh: '须提供 lat 与 long，或 address_string', en: 'lat and long, or address_string, is required' },
  open311_bad_value: { zh: '取值无效', en: 'has an invalid value' },
  open311_not_a_number: { zh: '须为数字', en: 'must be a number' },
  open311_out_of_range: { zh: '超出取值范围', en: 'is out of range' },
  open311_too_long: { zh: '过长（最多 {max} 个字符）', en: 'is too long (at most {max} characters)' },
  open311_bad_date: { zh: '须为 ISO 8601 时间（含时区）', en: 'must be an ISO 8601 date-time with a time zone' },
  open311_date_order: { zh: '不能早于 start_date', en: 'may not be before start_date' },
  open311_date_span: { zh: 'start_date 与 end_date 的跨度不能超过 90 天', en: 'start_date and end_date may not span more than 90 days' },
  open311_too_many: { zh: '最多 {max} 项', en: 'takes at most {max} values' },
  open311_notice_submitted: { zh: '已登记为工单 {number}，将于 {due} 前派单', en: 'Registered as case {number}; it will be dispatched by {due}' },
  open311_notice_private: { zh: '该诉求未公开或尚在受理审核中，仅显示办理状态', en: 'The details are not public (private, or awaiting review); only the status is shown' },
  open311_contact: { zh: '请联系本区 12345 平台管理员', en: 'Contact the district platform administrator' },
  open311_key_service: { zh: 'API 密钥由平台管理员在控制台“API 密钥”页签发', en: 'API keys are issued by the platform administrators (console, API keys page)' },
  'open311.attr.urgency': { zh: '紧急程度', en: 'Urgency' },
  'open311.attr.is_public': { zh: '是否公开（公开后可在“我也遇到”中展示，不含联系方式）', en: 'Public (shown on the public list once accepted, never with contact details)' },
  'open311.attr.case_type': { zh: '诉求类型（默认：求助）', en: 'Kind of request (default: help)' },
  'open311.urgency.emergency': { zh: '紧急（危及生命财产安全）', en: 'Emergency (danger to life or property)' },
  'open311.urgency.utility': { zh: '水电气热', en: 'Water, power, gas or heating' },
  'open311.urgency.general': { zh: '一般', en: 'General' },
  'open311.urgency.complex': { zh: '复杂疑难', en: 'Complex' },
  'open311.public.true': { zh: '公开', en: 'Public' },
  'open311.public.false': { zh: '不公开', en: 'Private' },
  'open311.type.help': { zh: '求助', en: 'Help' },
  'open311.type.complaint': { zh: '投诉', en: 'Complaint' },
  'open311.type.suggestion': { zh: '建议', en: 'Suggestion' },
  'open311.type.enquiry': { zh: '咨询', en: 'Enquiry' },
};
