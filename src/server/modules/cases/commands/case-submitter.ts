/**
 * 信息收集 → 案卷建立: records a resident's matter from any channel (web, hotline,
 * API, grid patrol), numbers it, gives the reporter a tracking code, looks up who the
 * responsibility list names for it (the dispatcher's default), and starts the dispatch clock.
 */
import { draftAudit } from '../../../platform/audit/audit.js';
import { DEFAULT_TIME_ZONE, type CommandContext } from '../../../platform/context.js';
import { Conflict, Invalid } from '../../../platform/http/errors.js';
import { localDateOf } from '../../../platform/time/zoned.js';
import { nodePlace } from '../../org/org.exports.js';
import { dispatchDue } from '../case-clock.js';
import '../case.notices.js';
import type { OutboxMessage } from '../../../platform/notify/outbox.js';
import { intakeCase, type CaseRow } from '../case.repo.js';
import { knownCategory } from '../catalogue/catalogue.queries.js';
import { isSupervisionCategory } from '../catalogue/supervision.js';
import { intakeWords, segmenterFor } from '../search/case-search.js';
import type { CaseChannel, CaseType } from '../cases.tables.js';
import type { Urgency } from '../deadlines.js';
import { newTrackingCode, trackingHash } from '../tracking.js';

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
  /** What the response shows without another look-up: the route's unit name and the category. */
  routeUnit: string | null;
  category: { id: number; path: string } | null;
}

function invalid(path: string, code: string): Invalid {
  return new Invalid(code, [{ path, code }]);
}

/** The category, which must be usable (active, and its ancestors too). */
async function checkedCategory(ctx: CommandContext, id: number | null) {
  if (id === null) return null;
  const category = await knownCategory(ctx.tx, id);
  if (!category?.usable) throw invalid('body.categoryId', 'ref_not_found');
  return category;
}

/**
 * The receipt: in-app to a resident with an account, else an SMS to the contact phone
 * (the database adds the case's number and id to its params). The tracking code is not in
 * it: the outbox keeps messages, and only the code's hash may be kept.
 */
function receiptOf(ctx: CommandContext, props: CaseSubmitterProps): OutboxMessage | null {
  const params = { title: props.title };
  if (props.reporterUserId !== null) return { channel: 'in_app', recipient: String(props.reporterUserId), template: 'case.submitted', params, now: ctx.now };
  if (props.contactPhone) return { channel: 'sms', recipient: props.contactPhone, template: 'case.submitted', params, now: ctx.now };
  return null;
}

/** The audit entry; the case's id, number and route are filled in by the database. */
function auditOf(ctx: CommandContext, props: CaseSubmitterProps, areaPath: string) {
  return draftAudit(ctx, (slot) => ({
    action: 'case.submit',
    subjectType: 'case',
    subjectId: slot('id'),
    changes: { number: slot('number'), type: props.type, channel: props.channel, categoryId: props.categoryId, nodeId: props.nodeId, urgency: props.urgency, route: slot('routeMode'), routeOrgId: slot('routeOrgId') },
    scopePath: areaPath,
  }));
}

/**
 * Checks run here (category, supervision, place, deadline) and the words are cut for
 * search; the writes — number, route, case, timeline entry, search words, receipt and audit
 * entry — are one database call (`intakeCase`),
 * atomic on its own, so the intake route runs it without a transaction (`runSingleWrite`).
 * Keep it to that one write, or move the route to `runCommand`.
 */
export async function caseSubmitter(ctx: CommandContext, props: CaseSubmitterProps): Promise<Submitted> {
  const category = await checkedCategory(ctx, props.categoryId);
  if (props.type === 'report' && (props.aboutOfficial || (category && isSupervisionCategory(category.path)))) throw new Conflict('case_report_to_supervision');
  const place = await nodePlace(ctx.tx, props.nodeId);
  if (!place) throw invalid('body.nodeId', 'ref_not_found');
  const due = await dispatchDue(ctx, props.urgency, category?.path ?? null);
  const trackingCode = newTrackingCode();
  const { aboutOfficial: _about, ...fields } = props;
  const created = await intakeCase(ctx.tx, {
    day: localDateOf(ctx.now, ctx.timeZone ?? DEFAULT_TIME_ZONE),
    case: { ...fields, trackingHash: trackingHash(trackingCode), areaPath: place.path, step: due.step, stepDueAt: due.stepDueAt, submittedAt: ctx.now },
    event: { actorUserId: ctx.actor?.userId ?? null, actorLabel: ctx.actor?.displayName ?? props.contactName ?? '市民', data: { channel: props.channel } },
    audit: auditOf(ctx, props, place.path),
    receipt: receiptOf(ctx, props),
    search: intakeWords(await segmenterFor(ctx.tx), props),
  });
  // Deactivated on another server since this one cached the catalogue: the database's answer stands.
  if (!created) throw invalid('body.categoryId', 'ref_not_found');
  const { row, routeUnit } = created;
  return { row, trackingCode, routeUnit, category: category ? { id: category.id, path: category.path } : null };
}
