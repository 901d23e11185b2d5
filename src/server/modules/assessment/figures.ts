/**
 * Figures of one subject (an area's subtree, a unit, a person's account) over a period of
 * local dates: the sums of its daily rollup rows — at most one row a day, read through the
 * primary key, however many cases lie behind them.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/database.js';
import type { SubjectKind } from './assessment.tables.js';
import { columnOf, counters, zeroCounts, type Counts } from './counters.js';

export interface Period {
  /** Local dates, both included. */
  from: string;
  to: string;
}

export async function countsOf(ex: Executor, kind: SubjectKind, ref: number, p: Period): Promise<Counts> {
  const sums = sql.raw(counters.map((c) => `coalesce(sum(${columnOf(c)}), 0)::int AS "${c}"`).join(', '));
  const [row] = await queryRows<Counts>(ex, sql`SELECT ${sums} FROM assessment_daily WHERE kind = ${kind} AND ref = ${ref} AND day BETWEEN ${p.from}::date AND ${p.to}::date`);
  return { ...zeroCounts(), ...row };
}
