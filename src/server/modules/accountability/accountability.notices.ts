/**
 * What the accountability module tells people, through the outbox in the action's own
 * transaction: a new 问责复核事项 to those who may act on it, and a 通报批评 to the audience
 * its recorder chose. In-app; one message per recipient, deduplicated by key.
 */
import type { CommandContext } from '../../platform/context.js';
import { Permission } from '../../platform/access/permission.js';
import { roleGrants, roles } from '../../platform/access/roles.js';
import { enqueue } from '../../platform/notify/outbox.js';
import { registerTemplates } from '../../platform/notify/templates.js';
import { holdersAbove } from '../org/org.exports.js';
import type { TriggerKind } from './review-rules.js';

type P = Record<string, unknown>;
const s = (p: P, k: string) => String(p[k] ?? '');

const triggerNames: Record<TriggerKind, { zh: string; en: string }> = {
  overdue_cases: { zh: '超期工单数', en: 'overdue cases' },
  objections_overruled: { zh: '派单异议被驳回数', en: 'objections overruled' },
  dissatisfaction_rate: { zh: '不满意率', en: 'dissatisfaction rate' },
  failing_scorecard: { zh: '考核不合格', en: 'failing scorecard' },
};

const kindName = (p: P, lang: 'zh' | 'en') => triggerNames[s(p, 'kind') as TriggerKind]?.[lang] ?? s(p, 'kind');
const unit = (p: P) => (s(p, 'kind') === 'dissatisfaction_rate' ? '%' : '');

export const accountabilityTemplates = {
  'accountability.review_item': {
    'zh-CN': (p: P) => ({ title: `问责复核事项：${s(p, 'subject')}`, body: `${s(p, 'period')} ${kindName(p, 'zh')} ${s(p, 'figure')}${unit(p)}（阈值 ${s(p, 'threshold')}${unit(p)}），请复核：不予问责须说明理由，需要问责的转为问责记录。` }),
    'en-US': (p: P) => ({ title: `Accountability review: ${s(p, 'subject')}`, body: `${s(p, 'period')}: ${kindName(p, 'en')} ${s(p, 'figure')}${unit(p)} (threshold ${s(p, 'threshold')}${unit(p)}). Please review: dismiss with a reason, or escalate to a record.` }),
    link: (p: P) => `/console/accountability/review-items/${s(p, 'itemId')}`,
  },
  'accountability.circulated': {
    'zh-CN': (p: P) => ({ title: `通报批评：${s(p, 'person')}`, body: `经${s(p, 'decidedBy')}${s(p, 'decidedOn')}决定，对${s(p, 'person')}予以通报批评。${s(p, 'summary')}` }),
    'en-US': (p: P) => ({ title: `Circulated criticism: ${s(p, 'person')}`, body: `By decision of ${s(p, 'decidedBy')} on ${s(p, 'decidedOn')}, ${s(p, 'person')} is criticized in this circular. ${s(p, 'summary')}` }),
  },
};

registerTemplates(accountabilityTemplates);

/** Roles that may act on review items (accountability.write). */
const writerRoles = roles.filter((r) => roleGrants(r, Permission.AccountabilityWrite));

export interface ReviewItemNotice {
  itemId: number;
  kind: TriggerKind;
  subject: string;
  /** The subject's place: its accountability.write holders hear of it. */
  path: string;
  period: string;
  figure: number;
  threshold: number;
  /** The person the item is about, who never reviews their own item. */
  subjectUserId: number | null;
}

/** Tells the accountability.write holders over each item's place of the new items (one look-up per place). */
export async function notifyReviewers(ctx: CommandContext, items: readonly ReviewItemNotice[]): Promise<void> {
  const holders = new Map<string, number[]>();
  for (const path of new Set(items.map((i) => i.path))) holders.set(path, await holdersAbove(ctx.tx, writerRoles, path));
  const messages = items.flatMap((i) =>
    holders
      .get(i.path)!
      .filter((userId) => userId !== i.subjectUserId)
      .map((userId) => ({
        channel: 'in_app' as const,
        recipient: String(userId),
        template: 'accountability.review_item',
        params: { itemId: i.itemId, kind: i.kind, subject: i.subject, period: i.period, figure: i.figure, threshold: i.threshold },
        dedupeKey: `accountability:review-item:${i.itemId}`,
        now: ctx.now,
      })),
  );
  await enqueue(ctx.tx, messages);
}

export interface CirculatedNotice {
  recordId: number;
  person: string;
  decidedBy: string;
  decidedOn: string;
  summary: string;
}

/** Rows per INSERT: a district's staff can number thousands, and a statement takes at most 65,535 parameters. */
const CHUNK = 1000;

/** Sends a 通报批评 to each account once; returns how many were queued. */
export async function notifyCirculated(ctx: CommandContext, recipients: readonly number[], n: CirculatedNotice): Promise<number> {
  const unique = [...new Set(recipients)];
  const params = { recordId: n.recordId, person: n.person, decidedBy: n.decidedBy, decidedOn: n.decidedOn, summary: n.summary };
  let queued = 0;
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK).map((userId) => ({ channel: 'in_app' as const, recipient: String(userId), template: 'accountability.circulated', params, dedupeKey: `accountability:circulated:${n.recordId}`, now: ctx.now }));
    queued += (await enqueue(ctx.tx, chunk)).length;
  }
  return queued;
}
