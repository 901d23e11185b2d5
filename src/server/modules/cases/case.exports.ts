/**
 * What the cases module tells other modules (Open311 first): public-safe summaries of
 * cases, and the commands and catalogue reads they may call. Which fields are public-safe
 * is decided here, beside the presenter's rules: never contact details; a case's words
 * and place only once it is public and past intake review (as on the "me too" list), and
 * its position only to about 100 m.
 */
import { and, desc, eq, gte, inArray, isNotNull, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { underAny } from '../../platform/db/like.js';
import { unitNames } from '../org/org.exports.js';
import { categoriesById } from './catalogue/catalogue.queries.js';
import { caseCategories, caseEvents, cases } from './cases.tables.js';
import { caseStates, isOpen, type CaseState } from './case.workflow.js';

export { isSupervisionCategory } from './catalogue/supervision.js';
export { caseSubmitter, type CaseSubmitterProps, type Submitted } from './commands/case-submitter.js';
export { caseAutoDispatcher } from './commands/case-dispatcher.js';
export { caseToDispatch, casesAwaitingDispatch, dispatchedCases, routeUnits, usableCategoriesByPath, type DispatchedCase, type WaitingCase } from './dispatch-history.js';
export { categoryById, listCategories, loadWorkCalendar, type CategoryView } from './catalogue/catalogue.queries.js';
export { caseTypes, type CaseType } from './cases.tables.js';
export { urgencies, type Urgency } from './deadlines.js';
export { overdueCasesByHandler, ratingsByUnit, overruledObjectionsByUnit, type FigureCase, type FigureWindow } from './case.figures.js';
export { handReportsTo, type ReportHandoff } from './commands/report-handoff.js';
export { sniffMime } from './photos/photo-format.js';
export { stripMetadata } from './photos/strip-metadata.js';

/** States whose case's words are public (accepted and handled; not awaiting review, refused or merged). */
const publishedStates: readonly CaseState[] = ['accepted', 'dispatched', 'objected', 'signed', 'in_progress', 'replied', 'verified', 'rated', 'closed', 'answered'];
const openStates = caseStates.filter(isOpen);
const closedStates = caseStates.filter((s) => !isOpen(s));

/** The words and place of a published public case. */
export interface PublicCaseContent {
  title: string;
  description: string;
  address: string | null;
  /** Rounded to 3 decimals (about 100 m). */
  latitude: number | null;
  longitude: number | null;
  /** The last public message on its timeline (a reply, an answer). */
  statusNotes: string | null;
}

export interface PublicCaseSummary {
  id: number;
  number: string;
  categoryId: number | null;
  /** The category's own name (its service name). */
  categoryName: string | null;
  state: CaseState;
  /** Open in the sense of the state machine (`isOpen`). */
  open: boolean;
  submittedAt: Date;
  updatedAt: Date;
  /** The feedback deadline, once dispatched. */
  feedbackDueAt: Date | null;
  /** The lead unit's name (首接负责). */
  leadUnit: string | null;
  /** Null while the case is private or not yet past review. */
  content: PublicCaseContent | null;
}

export interface PublicCaseFilter {
  /** Case numbers: when given, exactly these (public or not, with content as allowed), and the other filters are ignored. */
  numbers?: readonly string[] | undefined;
  categoryIds?: readonly number[] | undefined;
  /** Submitted at or after. */
  from?: Date | undefined;
  /** Submitted before or at. */
  to?: Date | undefined;
  status?: 'open' | 'closed' | undefined;
  /** Only cases in this subtree. */
  underPath?: string | undefined;
  limit: number;
}

const round3 = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);

/**
 * Public-safe summaries, newest first. Without `numbers`, only cases their reporter left
 * public are listed.
 */
export async function publicCaseSummaries(ex: Executor, f: PublicCaseFilter): Promise<PublicCaseSummary[]> {
  let where: SQL | undefined;
  if (f.numbers) {
    if (f.numbers.length === 0) return [];
    where = inArray(cases.number, [...f.numbers]);
  } else {
    where = and(
      eq(cases.isPublic, true),
      f.categoryIds ? inArray(cases.categoryId, f.categoryIds.length > 0 ? [...f.categoryIds] : [-1]) : undefined,
      f.from ? gte(cases.submittedAt, f.from) : undefined,
      f.to ? lt(cases.submittedAt, new Date(f.to.getTime() + 1)) : undefined,
      f.status ? inArray(cases.state, [...(f.status === 'open' ? openStates : closedStates)]) : undefined,
      f.underPath ? underAny(cases.areaPath, [f.underPath]) : undefined,
    );
  }
  const rows = await ex.select().from(cases).where(where).orderBy(desc(cases.submittedAt), desc(cases.id)).limit(f.limit);
  const published = rows.filter((r) => r.isPublic && publishedStates.includes(r.state));
  const notes = new Map<number, string>();
  if (published.length > 0) {
    const last = await ex
      .selectDistinctOn([caseEvents.caseId], { caseId: caseEvents.caseId, message: caseEvents.message })
      .from(caseEvents)
      .where(and(inArray(caseEvents.caseId, published.map((r) => r.id)), eq(caseEvents.public, true), isNotNull(caseEvents.message)))
      .orderBy(caseEvents.caseId, desc(caseEvents.id));
    for (const e of last) if (e.message) notes.set(e.caseId, e.message);
  }
  const units = await unitNames(ex, rows.flatMap((r) => (r.leadOrgId === null ? [] : [r.leadOrgId])));
  const categories = await categoriesById(ex, rows.flatMap((r) => (r.categoryId === null ? [] : [r.categoryId])));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    categoryId: r.categoryId,
    categoryName: r.categoryId === null ? null : (categories.get(r.categoryId)?.name ?? null),
    state: r.state,
    open: isOpen(r.state),
    submittedAt: r.submittedAt,
    updatedAt: r.updatedAt,
    feedbackDueAt: r.feedbackDueAt,
    leadUnit: r.leadOrgId === null ? null : (units.get(r.leadOrgId) ?? null),
    content:
      r.isPublic && publishedStates.includes(r.state)
        ? { title: r.title, description: r.description, address: r.address, latitude: round3(r.latitude), longitude: round3(r.longitude), statusNotes: notes.get(r.id) ?? null }
        : null,
  }));
}

/** Whether a category has active subcategories (then it is a heading, not something to file under). */
export async function hasActiveSubcategories(ex: Executor, categoryId: number): Promise<boolean> {
  const [row] = await ex
    .select({ id: caseCategories.id })
    .from(caseCategories)
    .where(and(eq(caseCategories.parentId, categoryId), eq(caseCategories.active, true)))
    .limit(1);
  return !!row;
}
