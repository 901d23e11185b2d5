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

/** Every counter summed over the rows read, named as in `Counts`. */
const sums = sql.raw(counters.map((c) => `coalesce(sum(${columnOf(c)}), 0)::int AS "${c}"`).join(', '));

export async function countsOf(ex: Executor, kind: SubjectKind, ref: number, p: Period): Promise<Counts> {
  const [row] = await queryRows<Counts>(ex, sql`SELECT ${sums} FROM assessment_daily WHERE kind = ${kind} AND ref = ${ref} AND day BETWEEN ${p.from}::date AND ${p.to}::date`);
  return { ...zeroCounts(), ...row };
}

/** The counts of each calendar month the period touches (the first and last may be partial), in order. */
export async function monthlyCountsOf(ex: Executor, kind: SubjectKind, ref: number, p: Period): Promise<Array<{ month: string; counts: Counts }>> {
  const rows = await queryRows<Counts & { month: string }>(
    ex,
    sql`SELECT to_char(day, 'YYYY-MM') AS month, ${sums} FROM assessment_daily
         WHERE kind = ${kind} AND ref = ${ref} AND day BETWEEN ${p.from}::date AND ${p.to}::date
         GROUP BY 1 ORDER BY 1`,
  );
  const byMonth = new Map(rows.map(({ month, ...counts }) => [month, { ...zeroCounts(), ...counts }]));
  return monthsOf(p).map((month) => ({ month, counts: byMonth.get(month) ?? zeroCounts() }));
}

/** 'YYYY-MM' of every month from the period's first day to its last. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  let [y, m] = p.from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = p.to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month >= last) return out;
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}
