/**
 * 信访 petitions (DOMAIN.md §7, issue #5 point 8), on the clocks of the 信访工作条例 (2022).
 *
 * Lifecycle:
 * 1. Received — 来信 / 来访 (走访: a group sends at most 5 representatives) / 电话, recorded by a
 *    registrar with the petitioner's name and phone; or 网上信访 by a resident under their own
 *    account. A petition may name the 接诉即办 case it came from.
 * 2. Within 15 days of receipt the registrar 登记 and 转送 or 交办 it to a handling unit — or
 *    不予受理, with the reason and where to go instead. A registrar may link it to an earlier
 *    petition on the same facts: if that one's answer is final (after 复核, or when the window
 *    for the next review lapsed unused) it is not registered and the petitioner is given the
 *    earlier number; while that one is still open, it is not registered either.
 * 3. The handling unit accepts it, or objects that it is outside its remit within 5 working
 *    days of receipt (holiday calendar) — back to the registrar to route again; later
 *    objections are refused.
 * 4. It concludes within 60 days of acceptance with a 处理意见: 支持 / 部分支持 / 不支持 and its
 *    text. Once, it may ask for at most 30 more days; the registrar approves (the petitioner
 *    is told why) or denies.
 * 5. Within 30 days of the 处理意见 the petitioner may ask for 复查 (the level above the
 *    handling unit answers within 30 days), then within 30 days of that for 复核 (the level
 *    above again, 30 days). The 复核意见 is final.
 * An hourly job flags each clock that ran out (registration, acceptance/objection, conclusion,
 * review answers) and reminds the responsible body in-app. Every change is audited in its
 * transaction; the petitioner sees their own petitions only, staff those of their subtree.
 */
import { defineModule } from '../../platform/module.js';
import { petitionRoutes } from './petitions.routes.js';
import { sweepPetitionClocks } from './petition-sweeper.js';
import { seedPetitionsDemo } from './petitions.seed.js';

export const petitionsModule = defineModule({
  name: 'petitions',
  routes: async (app) => petitionRoutes(app),
  messages: {
    petitions_version_conflict: { zh: '信访件已被他人更新，请刷新后重试', en: 'The petition was changed meanwhile; reload and try again' },
    petitions_transition_not_allowed: { zh: '信访件当前状态（{state}）下不能执行此操作', en: 'The petition ({state}) does not allow that' },
    petitions_petitioner_required: { zh: '来信、来访、电话信访须填写信访人姓名', en: 'A letter, visit or call needs the petitioner’s name' },
    petitions_too_many_representatives: { zh: '多人走访反映共同的信访事项，应当推选代表，代表人数不超过 {max} 人', en: 'A group visit sends at most {max} representatives' },
    petitions_same_facts_final: { zh: '该事项已按原信访件 {number} 办理终结（复核或逾期未申请复查、复核），同一事实和理由不再受理', en: 'The same facts were finally answered under petition {number}; they are not accepted again' },
    petitions_same_facts_open: { zh: '同一事项正在原信访件 {number} 中办理或可申请复查、复核，请在原件上继续', en: 'The same facts are still open under petition {number}; continue there' },
    petitions_objection_window_closed: { zh: '已超过收到之日起 5 个工作日的异议期限，不能再提出异议', en: 'The 5 working days to object have passed' },
    petitions_extension_once: { zh: '办理期限只能申请延长一次（{state}）', en: 'An extension can be asked for once only ({state})' },
    petitions_extension_too_long: { zh: '延长期限不得超过 {max} 日', en: 'An extension may not exceed {max} days' },
    petitions_extension_late: { zh: '办理期限已过，不能再申请延期', en: 'The time limit has passed; no extension can be asked for' },
    petitions_no_pending_extension: { zh: '没有待审批的延期申请（{state}）', en: 'There is no pending extension request ({state})' },
    petitions_review_window_closed: { zh: '已超过收到答复之日起 30 日的申请期限', en: 'The 30 days to ask for a review have passed' },
  },
  seedDemo: seedPetitionsDemo,
  jobs: [{ name: 'petitions.clocks', everyMs: 3_600_000, run: ({ db, now }) => sweepPetitionClocks(db, now) }],
});
