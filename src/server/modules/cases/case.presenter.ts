/**
 * Case rows → API shapes, by what the caller may see: staff of the area and the lead
 * unit see everything; the reporter sees their own case without internal notes; the
 * public (tracking code, public list) sees neither contact details nor exact position.
 */
import type { Executor } from '../../platform/db/database.js';
import { unitNames } from '../org/org.exports.js';
import { actionsFor, casePolicy, type CaseCaller } from './case.policy.js';
import { caseNumbers, coUnitsOfMany, pendingExtensionCases, type CaseEventRow, type CaseRow, type ListedCase } from './case.repo.js';
import { caseFacts, nextState } from './case.workflow.js';
import type { CaseOut } from './case.schema.js';
import { categoriesById } from './catalogue/catalogue.queries.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

type View = 'staff' | 'reporter' | 'public';

/** How much of a case the caller sees. */
export function viewOf(who: CaseCaller | null, c: CaseRow): View {
  if (who && casePolicy.seeInternal(who, c)) return 'staff';
  if (who && casePolicy.view(who, c)) return 'reporter';
  return 'public';
}

/**
 * The events the caller may send now: allowed by the policy for the state, and passing
 * the state machine's data guards (a pending extension, the redo limit, the reopen window),
 * so the UI offers only what will be accepted.
 */
function actionsNow(who: CaseCaller, r: CaseRow, extensionPending: boolean, now: Date) {
  const facts = caseFacts(r, extensionPending);
  return actionsFor(who, r).filter((e) => nextState(facts, e, 'reason given', now).ok);
}

/** What presenting cases needs besides their rows. */
interface CaseLookups {
  coUnits: Map<number, number[]>;
  /** Cases with an extension request awaiting decision. */
  pending: Set<number>;
  units: Map<number, { name: string }>;
  categories: Map<number, { id: number; path: string }>;
  /** Public numbers of the cases merged into. */
  merged: Map<number, string>;
}

/** The look-ups of a page of cases, batched (units, categories, co-units, pending extensions, merges). */
async function lookupsFor(ex: Executor, who: CaseCaller | null, rows: readonly CaseRow[], known?: Pick<CaseLookups, 'coUnits' | 'pending'>): Promise<CaseLookups> {
  const ids = (pick: (r: CaseRow) => number | null) => rows.map(pick).filter((id): id is number => id !== null);
  const extendable = rows.filter((r) => r.state === 'signed' || r.state === 'in_progress' || r.state === 'replied').map((r) => r.id);
  // Independent look-ups at once: on PostgreSQL each takes its own pooled connection, so a
  // page waits for the slowest rather than for their sum (PGlite runs them in turn).
  const [coUnits, pending, leadAndRoute, categories, merged] = await Promise.all([
    known?.coUnits ?? coUnitsOfMany(ex, rows.map((r) => r.id)),
    known?.pending ?? (who ? pendingExtensionCases(ex, extendable) : new Set<number>()),
    unitNames(ex, [...ids((r) => r.leadOrgId), ...ids((r) => r.routeOrgId)]),
    categoriesById(ex, ids((r) => r.categoryId)),
    caseNumbers(ex, ids((r) => r.mergedIntoId)),
  ]);
  const coUnitIds = [...coUnits.values()].flat().filter((id) => !leadAndRoute.has(id));
  const names = coUnitIds.length > 0 ? new Map([...leadAndRoute, ...(await unitNames(ex, coUnitIds))]) : leadAndRoute;
  const units = new Map([...names].map(([id, name]) => [id, { name }]));
  return { coUnits, pending, units, categories, merged };
}

/** Presents a page read with its co-units and pending extensions (`selectCasePage`): the rest comes from caches. */
export async function presentListed(ex: Executor, who: CaseCaller | null, listed: readonly ListedCase[], now: Date = new Date()): Promise<CaseOut[]> {
  const rows = listed.map((l) => l.row);
  const coUnits = new Map(listed.filter((l) => l.coUnitIds.length > 0).map((l) => [l.row.id, l.coUnitIds]));
  const pending = new Set(who ? listed.filter((l) => l.extensionPending).map((l) => l.row.id) : []);
  return presentWith(await lookupsFor(ex, who, rows, { coUnits, pending }), who, rows, now);
}

/**
 * A case just submitted, with nothing to look up: it has no co-units, extension or merge
 * yet, and intake returned its route's unit and its category.
 */
export function presentSubmitted(who: CaseCaller | null, s: { row: CaseRow; routeUnit: string | null; category: { id: number; path: string } | null }, now: Date): CaseOut {
  const units = new Map(s.row.routeOrgId !== null && s.routeUnit !== null ? [[s.row.routeOrgId, { name: s.routeUnit }]] : []);
  const categories = new Map(s.category ? [[s.category.id, s.category]] : []);
  return presentWith({ coUnits: new Map(), pending: new Set(), units, categories, merged: new Map() }, who, [s.row], now)[0]!;
}

function presentWith(l: CaseLookups, who: CaseCaller | null, rows: readonly CaseRow[], now: Date): CaseOut[] {
  const { coUnits, pending, units, categories, merged } = l;
  const unit = (id: number | null) => (id === null ? null : { id, name: units.get(id)?.name ?? '' });
  return rows.map((r) => {
    const view = viewOf(who, r);
    const category = r.categoryId ? categories.get(r.categoryId) : undefined;
    return {
      id: r.id,
      number: r.number,
      type: r.type,
      title: r.title,
      description: r.description,
      category: category ? { id: category.id, path: category.path } : null,
      nodeId: r.nodeId,
      areaPath: r.areaPath,
      address: r.address,
      latitude: view === 'public' ? null : r.latitude,
      longitude: view === 'public' ? null : r.longitude,
      contactName: view === 'public' ? null : r.contactName,
      contactPhone: view === 'public' ? null : r.contactPhone,
      channel: r.channel,
      urgency: r.urgency,
      isPublic: r.isPublic,
      state: r.state,
      version: r.version,
      lead: unit(r.leadOrgId),
      coUnits: (coUnits.get(r.id) ?? []).map((id) => unit(id)!),
      dispatchMode: r.dispatchMode,
      route: view === 'staff' ? { unit: unit(r.routeOrgId), mode: r.routeMode } : { unit: null, mode: null },
      mergedInto: r.mergedIntoId ? { id: r.mergedIntoId, number: merged.get(r.mergedIntoId) ?? '' } : null,
      refusalReason: r.refusalReason,
      refusalChannel: r.refusalChannel,
      rating: view === 'public' ? null : r.rating,
      ratingComment: view === 'public' ? null : r.ratingComment,
      redoCount: r.redoCount,
      supportCount: r.supportCount,
      step: r.step,
      stepDueAt: iso(r.stepDueAt),
      feedbackDueAt: iso(r.feedbackDueAt),
      overdue: r.overdue,
      submittedAt: r.submittedAt.toISOString(),
      dispatchedAt: iso(r.dispatchedAt),
      repliedAt: iso(r.repliedAt),
      closedAt: iso(r.closedAt),
      actions: who ? actionsNow(who, r, pending.has(r.id), now) : [],
    };
  });
}

/** One case, with its look-ups. */
export async function presentCase(ex: Executor, who: CaseCaller | null, row: CaseRow, now: Date = new Date()): Promise<CaseOut> {
  return presentWith(await lookupsFor(ex, who, [row]), who, [row], now)[0]!;
}

/** Which role acted, for residents: they see roles and units, never staff names. */
const roleOfEvent: Record<string, string> = {
  submit: 'reporter', rate: 'reporter', redo: 'reporter', reopen: 'reporter',
  accept: 'dispatch_center', refuse: 'dispatch_center', answer_now: 'dispatch_center', merge: 'dispatch_center', dispatch: 'dispatch_center',
  redispatch: 'dispatch_center', uphold_objection: 'dispatch_center', reject_objection: 'dispatch_center',
  sign: 'handling_unit', start: 'handling_unit', reply: 'handling_unit', object: 'handling_unit', request_extension: 'handling_unit',
  decide_extension: 'verifier', verify_pass: 'verifier', verify_fail: 'verifier', close: 'verifier',
};

/** Data keys a resident may see on their timeline (unit names and dates, not ids or routes). */
const PUBLIC_DATA = ['unitName', 'coUnits', 'feedbackDueAt', 'rating', 'approved', 'workingDays', 'intoNumber', 'dueAt', 'step', 'auto'];

export function presentTimeline(rows: readonly CaseEventRow[], view: View) {
  return rows
    .filter((e) => view === 'staff' || e.public)
    .map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      event: e.event,
      fromState: e.fromState,
      toState: e.toState,
      actor: view === 'staff' ? e.actorLabel : (roleOfEvent[e.event] ?? 'system'),
      reason: e.reason,
      message: e.message,
      public: e.public,
      data: view === 'staff' ? e.data : Object.fromEntries(Object.entries(e.data).filter(([k]) => PUBLIC_DATA.includes(k))),
    }));
}
