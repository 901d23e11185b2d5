/**
 * Accountability (DOMAIN.md §5, issue #5 points 6 and 7): the four forms and 通报批评 on a
 * person's record, appeals and reviews; and 问责复核事项 that figures open for review.
 */
import { defineModule } from '../../platform/module.js';
import { accountabilityRoutes } from './accountability.routes.js';
import { seedAccountabilityDemo } from './accountability.seed.js';
import './accountability.notices.js';
import { closedMonth, evaluatePeriod } from './review-evaluator.js';
import { lastClosedMonth } from './review-period.js';
import { reviewRoutes } from './review.routes.js';

export const accountabilityModule = defineModule({
  name: 'accountability',
  routes: async (app) => {
    accountabilityRoutes(app);
    reviewRoutes(app);
  },
  messages: {
    accountability_measure_of_form: { zh: '该措施不属于所选形态', en: 'That measure does not belong to the chosen form' },
    accountability_appeal_exists: { zh: '该记录已申诉（{state}）', en: 'This record was already appealed ({state})' },
    accountability_no_pending_appeal: { zh: '该记录没有待复查的申诉（{state}）', en: 'This record has no pending appeal ({state})' },
    accountability_version_conflict: { zh: '数据已被他人更新（当前版本 {current}），请刷新后重试', en: 'It was changed meanwhile (now version {current}); reload and try again' },
    accountability_publish_form: { zh: '只有通报批评可以发布通报', en: 'Only a 通报批评 (circulated criticism) can be published' },
    accountability_publish_scope: { zh: '通报范围须在您的管辖范围之内', en: 'The audience must lie within your own area' },
    accountability_review_item_decided: { zh: '该复核事项已处理（{state}）', en: 'This review item was already decided ({state})' },
    accountability_review_person: { zh: '该复核事项针对的是另一人，问责记录须记在其本人名下', en: 'This item is about another person; the record must be made on them' },
    accountability_period: { zh: '期间格式应为 2026-03（月）', en: 'The period must be a month like 2026-03' },
    accountability_period_open: { zh: '{period} 尚未结束，数据可能还会变化，只能评估已结束的月份', en: '{period} has not ended yet; only ended months can be evaluated' },
    accountability_settings_threshold: { zh: '阈值超出允许范围（计数 1–1000 的整数；比例 0–99%；考核不合格不设阈值）', en: 'Threshold out of range (counts: whole 1–1000; rates: 0–99 %; none for scorecards)' },
    accountability_settings_minCases: { zh: '最少评价件数须为 1–10000 的整数（仅不满意率）', en: 'Minimum rated cases must be a whole 1–10000 (rates only)' },
    accountability_settings_inherit_root: { zh: '全系统设置不能“沿用上级”', en: 'Deployment-wide settings have nothing to inherit from' },
    accountability_settings_duplicate: { zh: '同一触发条件只能出现一次', en: 'Each trigger may appear once' },
  },
  jobs: [
    {
      // Daily: the last closed month, idempotently (a rerun opens nothing new).
      name: 'accountability.review',
      everyMs: 86_400_000,
      run: async ({ db, now, config }) =>
        db.transaction(async (tx) => {
          const ctx = { tx, actor: null, requestId: 'accountability.review', ip: null, now, timeZone: config.timeZone };
          return (await evaluatePeriod(ctx, closedMonth(lastClosedMonth(now, ctx.timeZone), ctx))).length;
        }),
    },
  ],
  seedDemo: seedAccountabilityDemo,
});
