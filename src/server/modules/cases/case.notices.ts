/**
 * What the cases module tells people, through the outbox (in the action's transaction:
 * a rolled-back action sends nothing). In-app by default; the outbox's adapters deliver.
 */
import type { CommandContext } from '../../platform/context.js';
import { notifyAccounts } from '../../platform/notify/outbox.js';
import { registerTemplates } from '../../platform/notify/templates.js';
import type { CaseRow } from './case.repo.js';

type P = Record<string, unknown>;
const s = (p: P, k: string) => String(p[k] ?? '');

/** Message texts (zh-CN, en-US). `link` points at the case in the console or the resident page. */
export const caseTemplates = {
  'case.submitted': {
    'zh-CN': (p: P) => ({ title: `诉求已提交 ${s(p, 'number')}`, body: `您的诉求“${s(p, 'title')}”已提交，我们将尽快受理。工单号：${s(p, 'number')}` }),
    'en-US': (p: P) => ({ title: `Request submitted ${s(p, 'number')}`, body: `Your request "${s(p, 'title')}" was submitted. Number: ${s(p, 'number')}` }),
  },
  'case.dispatched': {
    'zh-CN': (p: P) => ({ title: `新工单待签收 ${s(p, 'number')}`, body: `“${s(p, 'title')}”已派至${s(p, 'unit')}，请在 ${s(p, 'due')} 前签收。` }),
    'en-US': (p: P) => ({ title: `New work order ${s(p, 'number')}`, body: `"${s(p, 'title')}" was dispatched to ${s(p, 'unit')}; sign for it by ${s(p, 'due')}.` }),
  },
  'case.progress': {
    'zh-CN': (p: P) => ({ title: `办理进展 ${s(p, 'number')}`, body: `“${s(p, 'title')}”：${s(p, 'step')}` }),
    'en-US': (p: P) => ({ title: `Progress ${s(p, 'number')}`, body: `"${s(p, 'title')}": ${s(p, 'step')}` }),
  },
  'case.remind': {
    'zh-CN': (p: P) => ({ title: `催办 ${s(p, 'number')}`, body: `“${s(p, 'title')}”将于 ${s(p, 'due')} 到期，请抓紧办理。` }),
    'en-US': (p: P) => ({ title: `Reminder ${s(p, 'number')}`, body: `"${s(p, 'title')}" is due at ${s(p, 'due')}.` }),
  },
  'case.overdue': {
    'zh-CN': (p: P) => ({ title: `已超期 ${s(p, 'number')}`, body: `“${s(p, 'title')}”已超过时限（${s(p, 'due')}），请立即办理。` }),
    'en-US': (p: P) => ({ title: `Overdue ${s(p, 'number')}`, body: `"${s(p, 'title')}" passed its deadline (${s(p, 'due')}).` }),
  },
  'case.escalated': {
    'zh-CN': (p: P) => ({ title: `超期上报 ${s(p, 'number')}`, body: `${s(p, 'unit')}办理的“${s(p, 'title')}”已超期（${s(p, 'due')}），请督办。` }),
    'en-US': (p: P) => ({ title: `Escalated ${s(p, 'number')}`, body: `"${s(p, 'title')}" handled by ${s(p, 'unit')} is overdue (${s(p, 'due')}); please supervise.` }),
  },
};

registerTemplates(caseTemplates);

export type CaseTemplate = keyof typeof caseTemplates;

/** Queues an in-app message about `c` to each account (deduplicated when `dedupeKey` is given). */
export async function notifyUsers(ctx: CommandContext, userIds: readonly number[], template: CaseTemplate, c: CaseRow, params: P = {}, dedupeKey?: string): Promise<void> {
  await notifyAccounts(ctx, userIds, template, { number: c.number, title: c.title, caseId: c.id, ...params }, dedupeKey);
}
