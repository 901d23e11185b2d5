/**
 * What the petitions module tells people, in-app through the outbox (in the action's
 * transaction: a rolled-back action sends nothing): the handling body of a new petition, the
 * registrars of a returned one or of an extension request, the 复查 / 复核 body of a request,
 * the petitioner of each step they are told of, and the responsible staff of an overdue clock.
 */
import type { CommandContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { Permission } from '../../platform/access/permission.js';
import { rolePermissions, type Role } from '../../platform/access/roles.js';
import { notifyAccounts } from '../../platform/notify/outbox.js';
import { registerTemplates } from '../../platform/notify/templates.js';
import { accountsOfUnit, nearestHolders } from '../org/org.exports.js';
import type { PetitionRow } from './petitions.repo.js';
import type { PetitionClock } from './petitions.tables.js';

type P = Record<string, unknown>;
const s = (p: P, k: string) => String(p[k] ?? '');
const consoleLink = (p: P) => `/console/petitions/${s(p, 'petitionId')}`;

const clockZh: Record<PetitionClock, string> = { register: '登记转送', objection: '受理或异议', conclude: '办结', review: '复查答复', recheck: '复核答复' };
const clockEn: Record<PetitionClock, string> = { register: 'registration and routing', objection: 'acceptance or objection', conclude: 'conclusion', review: 'review answer', recheck: 're-review answer' };

export const petitionTemplates = {
  'petition.received': {
    'zh-CN': (p: P) => ({ title: `新信访件 ${s(p, 'number')}`, body: `“${s(p, 'title')}”待登记转送，请于 ${s(p, 'due')} 前处理。` }),
    'en-US': (p: P) => ({ title: `New petition ${s(p, 'number')}`, body: `"${s(p, 'title')}" awaits registration and routing by ${s(p, 'due')}.` }),
    link: consoleLink,
  },
  'petition.routed': {
    'zh-CN': (p: P) => ({ title: `信访件待受理 ${s(p, 'number')}`, body: `“${s(p, 'title')}”已转至${s(p, 'unit')}；如不属本单位职权范围，请于 ${s(p, 'due')} 前提出异议。` }),
    'en-US': (p: P) => ({ title: `Petition to accept ${s(p, 'number')}`, body: `"${s(p, 'title')}" was routed to ${s(p, 'unit')}; object by ${s(p, 'due')} if it is outside your remit.` }),
    link: consoleLink,
  },
  'petition.returned': {
    'zh-CN': (p: P) => ({ title: `信访件被退回 ${s(p, 'number')}`, body: `${s(p, 'unit')}认为“${s(p, 'title')}”不属其职权范围，请重新转送。` }),
    'en-US': (p: P) => ({ title: `Petition returned ${s(p, 'number')}`, body: `${s(p, 'unit')} says "${s(p, 'title')}" is outside its remit; route it again.` }),
    link: consoleLink,
  },
  'petition.extension_requested': {
    'zh-CN': (p: P) => ({ title: `延期申请 ${s(p, 'number')}`, body: `“${s(p, 'title')}”申请延期 ${s(p, 'days')} 天，请审批。` }),
    'en-US': (p: P) => ({ title: `Extension request ${s(p, 'number')}`, body: `"${s(p, 'title')}": ${s(p, 'days')} more days asked; please decide.` }),
    link: consoleLink,
  },
  'petition.extension_decided': {
    'zh-CN': (p: P) => ({ title: `延期审批 ${s(p, 'number')}`, body: `“${s(p, 'title')}”的延期申请${p.approved ? '已批准' : '未获批准'}。` }),
    'en-US': (p: P) => ({ title: `Extension decided ${s(p, 'number')}`, body: `The extension of "${s(p, 'title')}" was ${p.approved ? 'approved' : 'denied'}.` }),
    link: consoleLink,
  },
  'petition.review_requested': {
    'zh-CN': (p: P) => ({ title: `${p.level === 'recheck' ? '复核' : '复查'}申请 ${s(p, 'number')}`, body: `信访人对“${s(p, 'title')}”申请${p.level === 'recheck' ? '复核' : '复查'}，请于 ${s(p, 'due')} 前答复。` }),
    'en-US': (p: P) => ({ title: `${p.level === 'recheck' ? 'Re-review' : 'Review'} request ${s(p, 'number')}`, body: `The petitioner asks for a ${p.level === 'recheck' ? 're-review' : 'review'} of "${s(p, 'title')}"; answer by ${s(p, 'due')}.` }),
    link: consoleLink,
  },
  'petition.progress': {
    'zh-CN': (p: P) => ({ title: `信访件进展 ${s(p, 'number')}`, body: `您的信访事项“${s(p, 'title')}”：${s(p, 'step')}` }),
    'en-US': (p: P) => ({ title: `Petition progress ${s(p, 'number')}`, body: `Your petition "${s(p, 'title')}": ${s(p, 'stepEn')}` }),
    link: (p: P) => `/m/petitions/${s(p, 'petitionId')}`,
  },
  'petition.overdue': {
    'zh-CN': (p: P) => ({ title: `信访件超期 ${s(p, 'number')}`, body: `“${s(p, 'title')}”的${clockZh[p.clock as PetitionClock] ?? ''}时限（${s(p, 'due')}）已过，请立即办理。` }),
    'en-US': (p: P) => ({ title: `Petition overdue ${s(p, 'number')}`, body: `"${s(p, 'title')}": the ${clockEn[p.clock as PetitionClock] ?? ''} limit (${s(p, 'due')}) has passed.` }),
    link: consoleLink,
  },
};

registerTemplates(petitionTemplates);

export type PetitionTemplate = keyof typeof petitionTemplates;

/** Roles (but the administrator, who runs the system) that hold a permission: whom to tell at a level. */
function rolesWith(permission: Permission): Role[] {
  return (Object.keys(rolePermissions) as Role[]).filter((r) => r !== 'admin' && rolePermissions[r].includes(permission));
}

/** The registrars nearest above a place (its 信访 office). */
export function registrarsOf(ex: Executor, path: string): Promise<number[]> {
  return nearestHolders(ex, rolesWith(Permission.PetitionsRegister), path);
}

/** The handling body's staff: the unit's post holders, else the handlers nearest above its place. */
export async function handlersOf(ex: Executor, p: Pick<PetitionRow, 'handlerOrgId' | 'handlerPath'>): Promise<number[]> {
  if (p.handlerOrgId === null || p.handlerPath === null) return [];
  const members = await accountsOfUnit(ex, p.handlerOrgId);
  return members.length > 0 ? members : nearestHolders(ex, rolesWith(Permission.PetitionsHandle), p.handlerPath);
}

/** Queues an in-app message about `p` to each account but the actor's own. */
export async function notify(ctx: CommandContext, userIds: readonly number[], template: PetitionTemplate, p: PetitionRow, params: P = {}, dedupeKey?: string): Promise<void> {
  await notifyAccounts(ctx, userIds, template, { number: p.number, title: p.title, petitionId: p.id, ...params }, dedupeKey);
}

/** Tells the petitioner (their account, if they filed online) of a step. */
export async function tellPetitioner(ctx: CommandContext, p: PetitionRow, step: { zh: string; en: string }): Promise<void> {
  if (p.petitionerUserId === null) return;
  await notify(ctx, [p.petitionerUserId], 'petition.progress', p, { step: step.zh, stepEn: step.en });
}
