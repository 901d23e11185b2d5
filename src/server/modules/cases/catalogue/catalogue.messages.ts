/**
 * Messages of the catalogue (categories, calendar, deadline rules, reply templates),
 * zh-CN and en-US, registered through the cases manifest.
 */
import type { Message } from '../../../platform/http/messages.js';

export const catalogueMessages: Record<string, Message> = {
  search_term_exists: { zh: '检索词典中已有该词', en: 'The search dictionary already has that word' },
  category_path_taken: { zh: '同一上级下已有同名分类', en: 'A category of that name already exists under the same parent' },
  category_level_max: { zh: '分类最多三级，不能在三级分类下再添加', en: 'Categories have at most three levels' },
  category_parent_inactive: { zh: '上级分类已停用，请先启用', en: 'The parent category is inactive; activate it first' },
  category_system_rename: {
    zh: '国家标准分类和城市管理分类不能改名；可停用后新增本地分类',
    en: 'National and urban-management classes keep their standard names; deactivate one and add a local category instead',
  },
  category_unknown: { zh: '分类不存在：{path}', en: 'No such category: {path}' },
  calendar_workday_weekday: { zh: '调休上班日应为周六或周日（周一至周五本来就是工作日）', en: 'A make-up workday must fall on a Saturday or Sunday (weekdays are working days already)' },
  deadline_feedback_one: { zh: '办理时限须填写小时数或工作日数，二者选一', en: 'Give the feedback time either in hours or in working days, not both' },
  deadline_rule_exists: { zh: '该分类和紧急程度已有办理时限规则', en: 'That category and urgency already have a rule' },
};
