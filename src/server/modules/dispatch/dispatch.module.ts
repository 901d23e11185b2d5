/**
 * 智能派单 (issue #4 point 3): the dispatch model's suggestions in the dispatch screen,
 * versions trained from the dispatched cases (scheduled, from the console, or
 * `gongzhi dispatch train`), and auto-dispatch above a configured confidence (off by default).
 */
import { defineModule } from '../../platform/module.js';
import { autoDispatch } from './auto-dispatch.js';
import { dispatchRoutes } from './dispatch.routes.js';
import { scheduledTraining } from './train-version.js';

const HOUR = 3_600_000;

export const dispatchModule = defineModule({
  name: 'dispatch',
  routes: async (app) => dispatchRoutes(app),
  messages: {
    dispatch_training_busy: { zh: '派单模型正在训练，请稍后再试', en: 'The dispatch model is being trained; try again shortly' },
  },
  jobs: [
    { name: 'dispatch.train', everyMs: (c) => c.dispatchTrainHours * HOUR, run: async ({ db, now, config }) => scheduledTraining(db, now, config.dispatchTrainHours * HOUR) },
    { name: 'dispatch.auto', everyMs: 15_000, run: async ({ db, now }) => autoDispatch(db, now) },
  ],
});
