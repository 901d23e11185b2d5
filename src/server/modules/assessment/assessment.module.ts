/**
 * 党建考核 assessment (issue #6): indicators computed from rollups the database keeps with
 * every case change (migrations/0028_assessment_rollups.sql), read per area subtree, unit or
 * person and period.
 */
import { defineModule } from '../../platform/module.js';
import { assessmentRoutes } from './assessment.routes.js';

export const assessmentModule = defineModule({
  name: 'assessment',
  routes: async (app) => assessmentRoutes(app),
  messages: {
    assessment_api_key_invalid: { zh: 'API 密钥无效或已停用', en: 'The API key is not valid or has been revoked' },
    assessment_api_key_scope: { zh: '该 API 密钥无权读取考核指标', en: 'This API key may not read assessment figures' },
    assessment_period_invalid: { zh: '统计期的结束日期早于开始日期', en: 'The period ends before it starts' },
    assessment_subject_ambiguous: { zh: '区域、单位、人员只能指定其一', en: 'Ask for one of an area, a unit or a person' },
    assessment_period_too_long: { zh: '统计期最长 {max} 天', en: 'A period may span at most {max} days' },
  },
});
