/** Accountability (DOMAIN.md §5, issue #5 point 6): the four forms and 通报批评 on a person's record, appeals and reviews. */
import { defineModule } from '../../platform/module.js';
import { accountabilityRoutes } from './accountability.routes.js';

export const accountabilityModule = defineModule({
  name: 'accountability',
  routes: async (app) => accountabilityRoutes(app),
  messages: {
    accountability_measure_of_form: { zh: '该措施不属于所选形态', en: 'That measure does not belong to the chosen form' },
    accountability_appeal_exists: { zh: '该记录已申诉（{state}）', en: 'This record was already appealed ({state})' },
    accountability_no_pending_appeal: { zh: '该记录没有待复查的申诉（{state}）', en: 'This record has no pending appeal ({state})' },
  },
});
