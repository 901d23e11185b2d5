/**
 * 信息收集 → 案卷建立: records a resident's matter from any channel (web, hotline,
 * API, grid patrol), numbers it, gives the reporter a tracking code, looks up who the
 * responsibility list names for it (the dispatcher's default), and starts the dispatch clock.
 */
import { audit } from '../../../platform/audit/audit.js';
import { DEFAULT_TIME_ZONE, type CommandContext } from '../../../platform/context.js';
import { Conflict, Invalid } from '../../../platform/http/errors.js';
import { localDateOf } from '../../../platform/time/zoned.js';
import { nodePlace, responsibleUnit, territorialUnit } from '../../org/org.exports.js';
import { dispatchDue } from '../case-clock.js';
import '../case.notices.js';
import { enqueue } from '../../../platform/notify/outbox.js';
import { categoryById, insertCase, insertEvent, nextCaseSequence, type CaseRow } from '../case.repo.js';
import type { CaseChannel, CaseType } from '../cases.tables.js';
import type { Urgency } from '../deadlines.js';
import { caseNumber, newTrackingCode, trackingHash } from '../tracking.js';

export interface CaseSubmitterProps {
  type: CaseType;
  title: string;
  description: string;
  categoryId: number | null;
  nodeId: number;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  contactName: string | null;
  contactPhone: string | null;
  urgency: Urgency;
  channel: CaseChannel;
  /** Shown on the public list once accepted (the reporter may keep it private). */
  isPublic: boolean;
  /** The reporting resident's account; null for hotline callers and API reporters without one. */
  reporterUserId: number | null;
  /** A 举报 naming a cadre or official: it belongs to the supervision channel, never a public case. */
  aboutOfficial?: boolean;
}

export interface Submitted {
  row: CaseRow;
  /** Shown once to the reporter. */
  trackingCode: string;
}

/** Categories whose matters go to the supervision channel (纪检监察). */
const SUPERVISION_CATEGORY = '纪检监察';

function invalid(path: string, code: string): Invalid {
  return new Invalid(code, [{ path, code }]);
}

async function checkedCategory(ctx: CommandContext, id: number | null) {
  if (id === null) return null;
  const category = await categoryById(ctx.tx, id);
  if (!category || !category.active) throw invalid('body.categoryId', 'ref_not_found');
  return category;
}

/** Who the responsibility list names: 直派 to the competent unit, else 属地 to the territorial one. */
async function routeOf(ctx: CommandContext, categoryPath: string | null, nodePath: string) {
  const direct = categoryPath ? await responsibleUnit(ctx.tx, categoryPath, nodePath) : undefined;
  if (direct) return { routeOrgId: direct.orgId, routePostId: direct.postId, routeMode: 'direct' as const, unitName: direct.orgName };
  const local = await territorialUnit(ctx.tx, nodePath);
  return local ? { routeOrgId: local.id, routePostId: null, routeMode: 'territorial' as const, unitName: local.name } : { routeOrgId: null, routePostId: null, routeMode: null, unitName: null };
}

/**
 * The receipt: in-app to a resident with an account, else an SMS to the contact phone.
 * The tracking code is not in it: the outbox keeps messages, and only the code's hash may be kept.
 */
async function acknowledge(ctx: CommandContext, row: CaseRow): Promise<void> {
  const params = { number: row.number, title: row.title, caseId: row.id };
  if (row.reporterUserId !== null) await enqueue(ctx.tx, { channel: 'in_app', recipient: String(row.reporterUserId), template: 'case.submitted', params, now: ctx.now });
  else if (row.contactPhone) await enqueue(ctx.tx, { channel: 'sms', recipient: row.contactPhone, template: 'case.submitted', params, now: ctx.now });
}

export async function caseSubmitter(ctx: CommandContext, props: CaseSubmitterProps): Promise<Submitted> {
  const category = await checkedCategory(ctx, props.categoryId);
  if (props.type === 'report' && (props.aboutOfficial || category?.path.startsWith(SUPERVISION_CATEGORY))) throw new Conflict('case_report_to_supervision');
  const place = await nodePlace(ctx.tx, props.nodeId);
  if (!place) throw invalid('body.nodeId', 'ref_not_found');
  const day = localDateOf(ctx.now, ctx.timeZone ?? DEFAULT_TIME_ZONE);
  const sequence = await nextCaseSequence(ctx.tx, day);
  const due = await dispatchDue(ctx, props.urgency, category?.path ?? null);
  const route = await routeOf(ctx, category?.path ?? null, place.path);
  const trackingCode = newTrackingCode();
  const { aboutOfficial: _about, ...fields } = props;
  const row = await insertCase(ctx.tx, {
    ...fields,
    number: caseNumber(day, sequence),
    trackingHash: trackingHash(trackingCode),
    areaPath: place.path,
    state: 'submitted',
    routeOrgId: route.routeOrgId,
    routePostId: route.routePostId,
    routeMode: route.routeMode,
    step: due.step,
    stepDueAt: due.stepDueAt,
    submittedAt: ctx.now,
    updatedAt: ctx.now,
  });
  await insertEvent(ctx.tx, { caseId: row.id, at: ctx.now, actorUserId: ctx.actor?.userId ?? null, actorLabel: ctx.actor?.displayName ?? props.contactName ?? '市民', event: 'submit', fromState: null, toState: 'submitted', reason: null, message: null, public: true, data: { channel: props.channel, route: route.routeMode, routeUnit: route.unitName } });
  await audit(ctx, { action: 'case.submit', subjectType: 'case', subjectId: row.id, changes: { number: row.number, type: row.type, channel: row.channel, categoryId: row.categoryId, nodeId: row.nodeId, urgency: row.urgency, route: route.routeMode, routeOrgId: route.routeOrgId }, scopePath: place.path });
  await acknowledge(ctx, row);
  return { row, trackingCode };
}
