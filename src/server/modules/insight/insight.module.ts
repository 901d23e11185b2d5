/**
 * 主动治理 insight (issue #4): the dashboard's figures, hot issues and 每月一题 candidates
 * from the cases, and 矛盾预警 early warning (rules checked every ten minutes).
 */
import { defineModule } from '../../platform/module.js';
import { insightRoutes } from './insight.routes.js';
import { checkWarnings } from './warning-rules.js';

export const insightModule = defineModule({
  name: 'insight',
  routes: async (app) => insightRoutes(app),
  messages: {
    warning_action_not_allowed: { zh: '该预警当前状态（{status}）下不能执行此操作', en: 'This warning ({status}) does not allow that' },
  },
  jobs: [{ name: 'insight.warnings', everyMs: 10 * 60_000, run: async ({ db, now }) => void (await checkWarnings(db, now)) }],
});
