/**
 * 监督微平台 (issue #5): protected reports about cadres — sealed at rest, readable only by
 * the competent inspectors, followed up anonymously with a receipt.
 */
import { defineModule } from '../../platform/module.js';
import { loadActorFromOrg } from '../org/org.actor.js';
import { holdersAbove } from '../org/org.exports.js';
import { supervisionRoutes } from './supervision.routes.js';
import { custodianKeys, needsKeys, rewrapAtPasswordChange, unlockAtSignIn } from './user-keys.js';

export const supervisionModule = defineModule({
  name: 'supervision',
  routes: async (app) => supervisionRoutes(app),
  messages: {
    supervision_reporter_required: { zh: '实名举报须填写举报人姓名和联系电话', en: 'A real-name report needs the reporter’s name and phone' },
  },
  onSignIn: async (ctx, s) => {
    const found = await loadActorFromOrg(ctx.tx, s.userId);
    const actor = { userId: s.userId, displayName: '', ...found };
    if (!needsKeys(actor)) return;
    const custodians = new Set<number>();
    for (const g of actor.grants) for (const id of await holdersAbove(ctx.tx, ['custodian'], g.path)) custodians.add(id);
    await unlockAtSignIn(ctx, s, actor, await custodianKeys(ctx.tx, [...custodians], s.userId));
  },
  onPasswordChange: rewrapAtPasswordChange,
});
