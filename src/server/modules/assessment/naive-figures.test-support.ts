/**
 * The rollups' definitions written again, independently, in TypeScript over raw rows: what
 * the property test compares the database's rollups with. Deliberately plain — one pass
 * over every case and objection — and sharing nothing with the SQL but the counter names.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/database.js';
import { localDateOf } from '../../platform/time/zoned.js';
import type { SubjectKind } from './assessment.tables.js';
import { zeroCounts, type Counter, type Counts } from './counters.js';

interface RawCase {
  area_path: string;
  state: string;
  lead_org_id: number | null;
  handler_user_id: number | null;
  submitted_at: Date;
  taken_at: Date | null;
  intake_late: boolean;
  sign_due_at: Date | null;
  signed_at: Date | null;
  step: string | null;
  overdue: boolean;
  feedback_due_at: Date | null;
  replied_at: Date | null;
  deferred: boolean;
  rating: string | null;
  rated_at: Date | null;
  redo_count: number;
  resolved: boolean | null;
  verified_at: Date | null;
  return_count: number;
}

interface RawObjection {
  area_path: string;
  org_id: number;
  filed_by: number;
  filed_at: Date;
  decision: string | null;
}

type Fact = [at: Date | null, counter: Counter, yes: boolean];

const ZONE = 'Asia/Shanghai';
const withReply = new Set(['replied', 'verified', 'rated', 'closed']);

function caseFacts(c: RawCase): Fact[] {
  const signDue = c.signed_at !== null || (c.step === 'sign' && c.overdue);
  const standingReply = c.replied_at !== null && withReply.has(c.state);
  const feedbackDue = standingReply || (c.step === 'feedback' && c.overdue);
  const rated = c.rating !== null ? c.rated_at : null;
  const due = c.deferred ? null : c.feedback_due_at;
  return [
    [c.submitted_at, 'received', c.state !== 'merged'],
    [c.submitted_at, 'handled', c.state !== 'merged' && c.state !== 'refused'],
    [c.submitted_at, 'closed', c.state === 'closed'],
    [c.taken_at, 'intakeDone', true],
    [c.taken_at, 'intakeOnTime', !c.intake_late],
    [c.sign_due_at, 'signDue', signDue],
    [c.sign_due_at, 'signOnTime', c.signed_at !== null && c.sign_due_at !== null && c.signed_at <= c.sign_due_at],
    [c.signed_at, 'signed', true],
    [due, 'feedbackDue', feedbackDue],
    [due, 'feedbackOnTime', standingReply && c.replied_at! <= c.feedback_due_at!],
    [c.deferred ? c.feedback_due_at : null, 'deferred', true],
    [rated, 'rated', true],
    [rated, 'satisfied', c.rating === 'satisfied'],
    [rated, 'basic', c.rating === 'basic'],
    [rated, 'redone', c.redo_count > 0],
    [rated, 'resolvedAsked', c.resolved !== null],
    [rated, 'resolvedYes', c.resolved === true],
    [c.verified_at, 'verified', true],
    [c.verified_at, 'returned', c.return_count > 0],
  ];
}

function objectionFacts(o: RawObjection): Fact[] {
  return [
    [o.filed_at, 'objections', true],
    [o.filed_at, 'objectionsUpheld', o.decision === 'upheld'],
    [o.filed_at, 'objectionsRejected', o.decision === 'rejected'],
  ];
}

export interface Subject {
  kind: SubjectKind;
  ref: number;
}

const inSubject = (s: Subject, areaPath: string, org: number | null, user: number | null) =>
  (s.kind === 'area' && areaPath.includes(`/${s.ref}/`)) || (s.kind === 'org' && org === s.ref) || (s.kind === 'user' && user === s.ref);

/** Every subject's counts over [from, to] (local dates), recomputed from the raw rows. */
export async function naiveCounts(ex: Executor, subject: Subject, from: string, to: string): Promise<Counts> {
  const cases = await queryRows<RawCase>(ex, sql`SELECT * FROM cases`);
  const objections = await queryRows<RawObjection>(ex, sql`SELECT o.*, c.area_path FROM case_objections o JOIN cases c ON c.id = o.case_id`);
  const out = zeroCounts();
  const add = (facts: Fact[]) => {
    for (const [at, counter, yes] of facts) {
      if (!yes || at === null) continue;
      const day = localDateOf(new Date(at), ZONE);
      if (day >= from && day <= to) out[counter]++;
    }
  };
  for (const c of cases) if (inSubject(subject, c.area_path, c.lead_org_id === null ? null : Number(c.lead_org_id), c.handler_user_id === null ? null : Number(c.handler_user_id))) add(caseFacts(c));
  for (const o of objections) if (inSubject(subject, o.area_path, Number(o.org_id), Number(o.filed_by))) add(objectionFacts(o));
  return out;
}
