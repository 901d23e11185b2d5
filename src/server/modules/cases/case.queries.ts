/**
 * Reading cases: the role inboxes (to dispatch, objections, to sign, to handle, to verify,
 * overdue), lookup by number, phone or words, the reporter's own list, the public list,
 * and a case's timeline — each filtered to what the caller may see.
 */
import { and, asc, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { scopeOf } from '../../platform/access/actor.js';
import { Permission } from '../../platform/access/permission.js';
import { DEFAULT_TIME_ZONE } from '../../platform/context.js';
import type { Db } from '../../platform/db/database.js';
import { matchesText, underAny } from '../../platform/db/like.js';
import { NotFound } from '../../platform/http/errors.js';
import { addDays, startOfLocalDate } from '../../platform/time/zoned.js';
import { nodePlace } from '../org/org.exports.js';
import { callerOfActor } from './commands/transition.js';
import type { Actor } from '../../platform/access/actor.js';
import { casePolicy, type CaseCaller } from './case.policy.js';
import { presentCase, presentListed, presentTimeline, viewOf } from './case.presenter.js';
import { caseById, caseByTrackingHash, eventsOf, selectCasePage } from './case.repo.js';
import type { CaseListQuery, CaseSearchQuery, Inbox } from './case.schema.js';
import { cases } from './cases.tables.js';
import { trackingHash } from './tracking.js';
import { matchesTerms, newestMatches, queryTerms } from './search/case-search.js';
import { similarOpenCases, type SimilarCase, type SimilarProbe } from './search/similar-cases.js';
import { anyId } from '../../platform/db/any-id.js';
import { excerpt } from '../../platform/text/highlight.js';
import { openStates, publicStates } from './case.workflow.js';

export interface ReadContext {
  db: Db;
  actor: Actor | null;
  timeZone?: string;
}

/** The rows an inbox holds for the caller (before the query's other filters). */
function inboxFilter(box: Inbox, who: CaseCaller): SQL {
  const scope = (p: (typeof Permission)[keyof typeof Permission]) => underAny(cases.areaPath, scopeOf(who.actor, p));
  const mine = who.unitIds.length > 0 ? inArray(cases.leadOrgId, [...who.unitIds]) : sql`false`;
  switch (box) {
    case 'to_dispatch':
      return and(inArray(cases.state, ['submitted', 'accepted']), scope(Permission.CasesDispatch))!;
    case 'objections':
      return and(eq(cases.state, 'objected'), scope(Permission.CasesDispatch))!;
    case 'to_sign':
      return and(eq(cases.state, 'dispatched'), mine)!;
    case 'to_handle':
      return and(inArray(cases.state, ['signed', 'in_progress']), mine)!;
    case 'to_verify':
      return and(eq(cases.state, 'replied'), scope(Permission.CasesVerify))!;
    case 'overdue':
      return and(eq(cases.overdue, true), inArray(cases.state, [...openStates]), or(scope(Permission.CasesRead), mine))!;
    case 'all':
      return or(scope(Permission.CasesRead), mine)!;
  }
}

/** A case number, a phone number, or words (full-text; a query without words matches as typed). */
async function lookup(db: Db, q: string): Promise<SQL> {
  if (/^\d{8}-\d{1,6}$/.test(q)) return eq(cases.number, q);
  if (/^\+?\d[\d -]{6,}$/.test(q)) return eq(cases.contactPhone, q.replace(/[ -]/g, ''));
  const terms = await queryTerms(db, q);
  return terms.length > 0 ? matchesTerms(terms) : matchesText(q, cases.title, cases.description, cases.address);
}

/** The filters every case list offers: state, category, area subtree, period. Undefined for an unknown node. */
async function filtersOf(rc: ReadContext, q: Pick<CaseListQuery, 'state' | 'categoryId' | 'nodeId' | 'from' | 'to'>): Promise<SQL | undefined | null> {
  const zone = rc.timeZone ?? DEFAULT_TIME_ZONE;
  const under = q.nodeId !== undefined ? await nodePlace(rc.db, q.nodeId) : undefined;
  if (q.nodeId !== undefined && !under) return null;
  return and(
    q.state ? eq(cases.state, q.state) : undefined,
    // A category with its subtree: a level-2 category finds the cases filed under its level-3 ones.
    q.categoryId !== undefined
      ? sql`${cases.categoryId} IN (SELECT k.id FROM case_categories k, case_categories p WHERE p.id = ${q.categoryId} AND (k.id = p.id OR starts_with(k.path, p.path || '/')))`
      : undefined,
    under ? underAny(cases.areaPath, [under.path]) : undefined,
    q.from ? gte(cases.submittedAt, startOfLocalDate(q.from, zone)) : undefined,
    q.to ? lt(cases.submittedAt, startOfLocalDate(addDays(q.to, 1), zone)) : undefined,
  );
}

/** A page of an inbox, most urgent first for work boxes, newest first otherwise. */
export async function listCases(rc: ReadContext, q: CaseListQuery) {
  const who = callerOfActor(rc.actor);
  const filters = await filtersOf(rc, q);
  if (filters === null) return { items: [], total: 0 };
  const where = and(inboxFilter(q.box, who), filters, q.q ? await lookup(rc.db, q.q) : undefined, q.overdue === true ? eq(cases.overdue, true) : undefined);
  const urgentFirst = q.box !== 'all';
  return pageOf(rc, who, where, urgentFirst ? [sql`${cases.stepDueAt} ASC NULLS LAST`, asc(cases.id)] : [desc(cases.id)], q);
}

/**
 * Full-text search among the cases the caller may read: every word of `q` (or all its
 * parts) in the title, description, address or replies, each with an excerpt around the
 * words found. The newest `RANKED_MATCHES` matches come best match first (title words weigh
 * most), older ones after them, newest first, up to `MAX_RESULTS`.
 */
export async function searchCases(rc: ReadContext, q: CaseSearchQuery) {
  const who = callerOfActor(rc.actor);
  const [terms, filters] = await Promise.all([queryTerms(rc.db, q.q), filtersOf(rc, q)]);
  if (terms.length === 0 || filters === null) return { items: [], total: 0, totalExact: true };
  const found = await newestMatches(rc.db, terms, and(inboxFilter('all', who), filters), q.offset + q.limit);
  const ids = found.ids.slice(q.offset, q.offset + q.limit);
  const listed = ids.length > 0 ? await selectCasePage(rc.db, anyId(cases.id, ids), [sql`array_position(${sql.param(ids)}::bigint[], ${cases.id})`], ids.length, 0) : [];
  const items = await presentListed(rc.db, who, listed);
  const needles = terms.flatMap((t) => [t.word, ...t.parts]);
  return {
    total: found.total,
    totalExact: found.exact,
    items: items.map((c) => ({ case: c, excerpt: excerpt(`${c.title}\u3000${c.description}`, needles) })),
  };
}

/**
 * A page (with its co-units and pending extensions) and the total of its filter, asked at
 * once — on PostgreSQL two pooled connections, so the page waits for the slower of the
 * two, not for both — then presented from the caches.
 */
async function pageOf(rc: ReadContext, who: CaseCaller | null, where: SQL | undefined, orderBy: SQL[], paging: { limit: number; offset: number }) {
  const [listed, [total]] = await Promise.all([selectCasePage(rc.db, where, orderBy, paging.limit, paging.offset), rc.db.select({ n: count() }).from(cases).where(where)]);
  return { items: await presentListed(rc.db, who, listed), total: Number(total?.n ?? 0) };
}

/** The reporter's own cases, newest first. */
export async function myCases(rc: ReadContext, paging: { limit: number; offset: number }) {
  const userId = rc.actor!.userId;
  const who = callerOfActor(rc.actor);
  return pageOf(rc, who, eq(cases.reporterUserId, userId), [desc(cases.id)], paging);
}

/** Public cases ("我也遇到"): accepted and beyond, not refused or merged, newest first. */
export async function publicCases(rc: ReadContext, q: { nodeId?: number | undefined; limit: number; offset: number }) {
  const under = q.nodeId !== undefined ? await nodePlace(rc.db, q.nodeId) : undefined;
  const where = and(
    eq(cases.isPublic, true),
    inArray(cases.state, [...publicStates]),
    under ? underAny(cases.areaPath, [under.path]) : undefined,
  );
  return pageOf(rc, null, where, [desc(cases.id)], q);
}

/** One case, if the caller may see it (404 otherwise — never told apart from a missing one). */
export async function getCase(rc: ReadContext, id: number) {
  const who = callerOfActor(rc.actor);
  const row = await caseById(rc.db, id);
  if (!row || !casePolicy.view(who, row)) throw new NotFound();
  return presentCase(rc.db, who, row);
}

export async function caseTimeline(rc: ReadContext, id: number) {
  const who = callerOfActor(rc.actor);
  const row = await caseById(rc.db, id);
  if (!row || !casePolicy.view(who, row)) throw new NotFound();
  const view = viewOf(who, row);
  return { items: presentTimeline(await eventsOf(rc.db, id, view !== 'staff'), view) };
}

/** Following a case with its tracking code (no account needed): the public view and timeline. */
export async function trackCase(rc: ReadContext, code: string) {
  const row = await caseByTrackingHash(rc.db, trackingHash(code));
  if (!row) throw new NotFound('case_tracking_not_found');
  return { case: await presentCase(rc.db, null, row), timeline: presentTimeline(await eventsOf(rc.db, row.id, true), 'public') };
}

/**
 * Similar open public cases near a matter a resident is writing: shown before submitting,
 * so they can follow one (我也遇到) instead of filing it again. Public cases only, in their
 * public view: the resident sees what the public list shows.
 */
export async function similarForResident(rc: ReadContext, probe: SimilarProbe) {
  const visible = and(eq(cases.isPublic, true), inArray(cases.state, [...publicStates]));
  return similarPage(rc, null, await similarOpenCases(rc.db, probe, visible));
}

/** Similar open cases near a case, among those the caller may see: for the dispatcher to merge duplicates. */
export async function similarToCase(rc: ReadContext, id: number) {
  const who = callerOfActor(rc.actor);
  const row = await caseById(rc.db, id);
  if (!row || !casePolicy.view(who, row)) throw new NotFound();
  const probe = { title: row.title, description: row.description, nodeId: row.nodeId, excludeId: row.id };
  return similarPage(rc, who, await similarOpenCases(rc.db, probe, inboxFilter('all', who)));
}

async function similarPage(rc: ReadContext, who: CaseCaller | null, found: readonly SimilarCase[]) {
  if (found.length === 0) return { items: [] };
  const ids = found.map((f) => f.id);
  const listed = await selectCasePage(rc.db, anyId(cases.id, ids), [sql`array_position(${sql.param(ids)}::bigint[], ${cases.id})`], ids.length, 0);
  const items = await presentListed(rc.db, who, listed);
  return { items: items.map((c, i) => ({ case: c, score: Number(found[i]!.score.toFixed(3)) })) };
}
